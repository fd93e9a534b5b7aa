import Foundation

/// Time as a check-in records it (RELIABILITY.md G9): UTC wall time, a boot-relative
/// monotonic stamp, and whether the wall clock is synchronised. Injected, so tests are
/// deterministic.
public protocol GateClock: Sendable {
    /// Wall-clock time.
    func wallTime() -> Date
    /// Nanoseconds since boot, including suspend (CLOCK_BOOTTIME); never jumps with the wall clock.
    func bootNanoseconds() -> UInt64
    /// Whether the kernel considers the wall clock synchronised (NTP or similar).
    func isSynchronised() -> Bool
}

extension GateClock {
    /// Whether `date` is before `buildDate`: a board without a real-time clock that booted
    /// in 1970 and has not synchronised yet.
    public func isImplausible(_ date: Date, buildDate: Date = GateBuild.date) -> Bool {
        date < buildDate
    }
}

/// Facts about this build.
public enum GateBuild {
    /// A lower bound for any real wall-clock time this build will see (the build's year).
    public static let date = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
}
