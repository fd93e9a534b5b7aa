import Foundation
import Synchronization

/// A monotonic clock for tests that does not make them wait: a sleep advances virtual time
/// at once (after a real pause of `realScale` of the requested time, at most 2 ms, so that
/// other tasks run) and is recorded, so a test can check what was waited.
public final class VirtualClock: Clock, Sendable {
    /// A point of virtual time.
    public struct Instant: InstantProtocol, Sendable {
        /// Time since the clock's start.
        public var offset: Duration
        /// Moves the instant.
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        /// Distance to another instant.
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        /// Order.
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct State {
        var now = Instant(offset: .zero)
        var sleeps: [Duration] = []
    }

    private let state = Mutex(State())
    /// Fraction of each sleep really waited.
    public let realScale: Double

    /// A clock at zero.
    public init(realScale: Double = 0.0001) {
        self.realScale = realScale
    }

    /// Now, in virtual time.
    public var now: Instant { state.withLock { $0.now } }
    /// One nanosecond.
    public var minimumResolution: Duration { .nanoseconds(1) }

    /// Every sleep requested, in order.
    public var sleeps: [Duration] { state.withLock { $0.sleeps } }

    /// Total virtual time slept.
    public var elapsed: Duration { state.withLock { $0.now.offset } }

    /// Advances virtual time to `deadline` (recording the wait).
    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        let wait = state.withLock { s -> Duration in
            let wait = max(.zero, s.now.duration(to: deadline))
            s.sleeps.append(wait)
            return wait
        }
        let real = min(Double(wait.components.seconds) * realScale, 0.002)
        if real > 0 {
            try await Task.sleep(for: .nanoseconds(Int64(real * 1e9)))
        } else {
            await Task.yield()
        }
        state.withLock { s in
            if s.now < deadline { s.now = deadline }
        }
    }

    /// Moves time forward without a sleep.
    public func advance(by duration: Duration) {
        state.withLock { $0.now = $0.now.advanced(by: duration) }
    }
}

/// A wall clock for tests that can be set and jumped.
public final class ManualWallClock: Sendable {
    private let date: Mutex<Date>

    /// Starts at `start`.
    public init(_ start: Date) {
        date = Mutex(start)
    }

    /// The current wall time.
    public var now: Date { date.withLock { $0 } }

    /// Jumps by `seconds` (negative: backwards).
    public func jump(by seconds: TimeInterval) {
        date.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// A deterministic generator (SplitMix64) for reproducible jitter.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Seeds the generator.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next value.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
