import Synchronization

/// Limits failed authentications per client address: after `maximumFailures` failures within
/// `window`, every request from that address is refused with 429 until the oldest failure
/// leaves the window. Time comes from an injected monotonic clock.
public final class AuthenticationThrottle: Sendable {
    /// The limits.
    public struct Configuration: Sendable {
        /// Failures allowed within the window.
        public var maximumFailures = 5
        /// The sliding window.
        public var window: Duration = .seconds(60)
        /// Addresses remembered at most (oldest forgotten first), so a flood cannot exhaust memory.
        public var maximumAddresses = 10_000
        /// The defaults: 5 failures per minute.
        public init() {}
    }

    private let configuration: Configuration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let failures = Mutex<[String: [ContinuousClock.Instant]]>([:])

    /// Creates a throttle reading time from `now` (a monotonic clock; tests inject their own).
    public init(configuration: Configuration = .init(), now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.configuration = configuration
        self.now = now
    }

    /// How long `address` must wait, or nil when it may try.
    public func retryAfter(address: String) -> Duration? {
        let instant = now()
        let window = configuration.window
        return failures.withLock { table -> Duration? in
            guard var list = table[address] else { return nil }
            list.removeAll { instant - $0 >= window }
            table[address] = list.isEmpty ? nil : list
            guard list.count >= configuration.maximumFailures, let oldest = list.first else { return nil }
            return oldest + window - instant
        }
    }

    /// Records a failed authentication from `address`.
    public func recordFailure(address: String) {
        let instant = now()
        let window = configuration.window
        let limit = configuration.maximumFailures
        let maximumAddresses = configuration.maximumAddresses
        failures.withLock { table in
            if table[address] == nil, table.count >= maximumAddresses {
                table = table.filter { _, list in list.contains { instant - $0 < window } }
                if table.count >= maximumAddresses, let victim = table.min(by: { ($0.value.last ?? instant) < ($1.value.last ?? instant) })?.key {
                    table.removeValue(forKey: victim)
                }
            }
            var list = table[address, default: []]
            list.removeAll { instant - $0 >= window }
            list.append(instant)
            if list.count > limit { list.removeFirst(list.count - limit) }
            table[address] = list
        }
    }
}
