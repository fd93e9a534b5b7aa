/// Collapses repeated sightings of the same payload into one scan.
///
/// A code held in front of the camera is seen in many frames; a payload seen again within
/// `window` of its previous sighting is a duplicate. The window slides: every sighting
/// renews it, so a code held still for a minute is still one scan. Pure value type: the
/// caller passes the time (from an injected clock).
public struct DuplicateFilter<Instant: InstantProtocol>: Sendable where Instant.Duration == Swift.Duration {
    /// How long after its last sighting a payload counts as new again.
    public var window: Duration
    /// At most this many payloads are remembered (the oldest are forgotten first).
    public var capacity: Int
    private var lastSeen: [[UInt8]: Instant] = [:]

    /// A filter with the given window.
    public init(window: Duration, capacity: Int = 1024) {
        self.window = window
        self.capacity = max(1, capacity)
    }

    /// Records a sighting at `now`; true when it is a new scan, false for a duplicate.
    public mutating func admit(_ payload: [UInt8], at now: Instant) -> Bool {
        let isNew: Bool
        if let previous = lastSeen[payload] {
            isNew = previous.duration(to: now) >= window
        } else {
            isNew = true
        }
        lastSeen[payload] = now
        if lastSeen.count > capacity { forget(before: now) }
        return isNew
    }

    /// Drops payloads not seen within the window (and, if still over capacity, the oldest).
    public mutating func forget(before now: Instant) {
        lastSeen = lastSeen.filter { $0.value.duration(to: now) < window }
        while lastSeen.count > capacity, let oldest = lastSeen.min(by: { $0.value < $1.value }) {
            lastSeen.removeValue(forKey: oldest.key)
        }
    }

    /// Payloads currently remembered.
    public var count: Int { lastSeen.count }
}
