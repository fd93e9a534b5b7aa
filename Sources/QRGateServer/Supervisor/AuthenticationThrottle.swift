import Synchronization

/// Slows down failing credentials, and only them. Failures are counted per ``Key`` — the
/// client address and the first characters of the credential it presented — and per address.
/// Once a key has failed `maximumFailures` times within `window` (or its address
/// `maximumFailuresPerAddress` times, whatever the credentials), its further failures are
/// answered 429 with the wait instead of 401 until the oldest failure leaves the window.
///
/// The throttle is consulted only after a credential has been checked and found wrong: a valid
/// token is never refused or delayed by it, so a stuck client with a stale token, or someone
/// trying tokens from the kiosk's own address, cannot lock out the kiosk or the supervisors.
/// Guessing gains nothing from the missing lock-out (a secret has 256 random bits), and the
/// check it still costs is bounded: a SHA-256 and one lookup on a unique index.
/// Time comes from an injected monotonic clock.
public final class AuthenticationThrottle: Sendable {
    /// The limits.
    public struct Configuration: Sendable {
        /// Failures of one key allowed within the window.
        public var maximumFailures = 5
        /// Failures from one address, all credentials together, allowed within the window.
        public var maximumFailuresPerAddress = 50
        /// The sliding window.
        public var window: Duration = .seconds(60)
        /// Keys (and addresses) remembered at most, oldest forgotten first, so a flood cannot exhaust memory.
        public var maximumKeys = 10_000
        /// The defaults: 5 failures per credential and 50 per address, per minute.
        public init() {}
    }

    /// What failures are counted under: where they come from and which credential failed.
    public struct Key: Hashable, Sendable, CustomStringConvertible {
        /// The client address.
        public let address: String
        /// The first ``prefixLength`` bytes of the credential presented (empty when none was).
        public let credentialPrefix: String

        /// Bytes of the credential that tell one failing client from another (`qrg_` and 8
        /// characters of a secret: not enough to use, enough to keep keys apart).
        public static let prefixLength = 12

        /// The key of `credential` presented from `address`.
        public init(address: String, credential: some StringProtocol) {
            self.address = address
            credentialPrefix = String(decoding: credential.utf8.prefix(Self.prefixLength), as: UTF8.self)
        }

        /// `address` and the credential prefix, for logs.
        public var description: String { address + " " + credentialPrefix }
    }

    private struct State {
        var keys: [Key: [ContinuousClock.Instant]] = [:]
        var addresses: [String: [ContinuousClock.Instant]] = [:]
    }

    private let configuration: Configuration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state = Mutex(State())

    /// Creates a throttle reading time from `now` (a monotonic clock; tests inject their own).
    public init(configuration: Configuration = .init(), now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.configuration = configuration
        self.now = now
    }

    /// How long a further failure of `key` would be told to wait, or nil when it would get a plain 401.
    public func retryAfter(_ key: Key) -> Duration? {
        let instant = now()
        return state.withLock { state in wait(key, at: instant, state: &state) }
    }

    /// Records a failed authentication of `key`. Returns how long the client must wait when the
    /// key (or its address) was already over its limit — answer 429 — or nil — answer 401.
    @discardableResult
    public func recordFailure(_ key: Key) -> Duration? {
        let instant = now()
        let window = configuration.window
        return state.withLock { state -> Duration? in
            let wait = wait(key, at: instant, state: &state)
            Self.append(
                instant, to: &state.keys, key: key, keep: configuration.maximumFailures, window: window, maximumKeys: configuration.maximumKeys)
            Self.append(
                instant, to: &state.addresses, key: key.address, keep: configuration.maximumFailuresPerAddress, window: window,
                maximumKeys: configuration.maximumKeys
            )
            return wait
        }
    }

    private func wait(_ key: Key, at instant: ContinuousClock.Instant, state: inout State) -> Duration? {
        let window = configuration.window
        let forKey = Self.wait(&state.keys, key: key, limit: configuration.maximumFailures, at: instant, window: window)
        let forAddress = Self.wait(&state.addresses, key: key.address, limit: configuration.maximumFailuresPerAddress, at: instant, window: window)
        switch (forKey, forAddress) {
        case (let one?, let other?): return max(one, other)
        case (let one?, nil), (nil, let one?): return one
        case (nil, nil): return nil
        }
    }

    private static func wait<K: Hashable>(
        _ table: inout [K: [ContinuousClock.Instant]], key: K, limit: Int, at instant: ContinuousClock.Instant, window: Duration
    ) -> Duration? {
        guard var list = table[key] else { return nil }
        list.removeAll { instant - $0 >= window }
        table[key] = list.isEmpty ? nil : list
        guard list.count >= limit, let oldest = list.first else { return nil }
        return oldest + window - instant
    }

    private static func append<K: Hashable>(
        _ instant: ContinuousClock.Instant, to table: inout [K: [ContinuousClock.Instant]], key: K, keep: Int, window: Duration, maximumKeys: Int
    ) {
        if table[key] == nil, table.count >= maximumKeys {
            table = table.filter { _, list in list.contains { instant - $0 < window } }
            if table.count >= maximumKeys, let victim = table.min(by: { ($0.value.last ?? instant) < ($1.value.last ?? instant) })?.key {
                table.removeValue(forKey: victim)
            }
        }
        var list = table[key, default: []]
        list.removeAll { instant - $0 >= window }
        list.append(instant)
        if list.count > keep { list.removeFirst(list.count - keep) }
        table[key] = list
    }
}
