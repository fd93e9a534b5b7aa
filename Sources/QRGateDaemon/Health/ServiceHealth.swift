import Synchronization

/// Liveness of the daemon's loops. Each long-running loop registers and then beats on
/// every turn; a loop that stops beating for longer than its allowance is unhealthy, and
/// the watchdog then stops pinging systemd so that systemd restarts the daemon.
public final class ServiceHealth: Sendable {
    private struct Component {
        var lastBeat: ContinuousClock.Instant
        var allowance: Duration
    }

    private let components = Mutex<[String: Component]>([:])

    /// An empty registry.
    public init() {}

    /// Starts watching `name`; it counts as alive now and must beat at least every `allowance`.
    public func register(_ name: String, allowance: Duration) {
        components.withLock { $0[name] = Component(lastBeat: .now, allowance: allowance) }
    }

    /// Stops watching `name` (a loop that ended on purpose).
    public func unregister(_ name: String) {
        _ = components.withLock { $0.removeValue(forKey: name) }
    }

    /// Records that `name` is making progress.
    public func beat(_ name: String) {
        components.withLock { $0[name]?.lastBeat = .now }
    }

    /// The names of the loops that have been silent for longer than their allowance.
    public func silentComponents(at now: ContinuousClock.Instant = .now) -> [String] {
        components.withLock { all in
            all.filter { now - $0.value.lastBeat > $0.value.allowance }.map(\.key).sorted()
        }
    }
}
