import CoreFoundation
import Foundation
import QRGateCore

#if canImport(Glibc)
import Glibc
#endif

/// The system's clocks.
public struct SystemGateClock: GateClock {
    /// Reads the real clocks.
    public init() {}

    public func wallTime() -> Date { Date() }

    public func bootNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_BOOTTIME, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// The flag file systemd-timesyncd (and timedatectl's NTP) touches once the clock is synchronised.
    public var synchronisedFlagPath = "/run/systemd/timesync/synchronized"

    /// True once the time-sync daemon has marked the clock synchronised; without one, false:
    /// check-ins are then stored with `clock_synced = false` so supervisors can tell.
    public func isSynchronised() -> Bool {
        FileManager.default.fileExists(atPath: synchronisedFlagPath)
    }
}
