import Foundation
import Synchronization

/// The few numbers an operator wants at a glance, kept current by the services and shown
/// in systemd's `STATUS=` line, `/ready` and `qrgate status`.
public final class GatewayStatusBoard: Sendable {
    private struct State {
        var listening: String?
        var scansToday = 0
        var scanDay: Int?
        var outboxDepth: Int?
        var lastForward: Date?
        var centralAlarm: String?
        var forwardingDetail: String?
        var intakeAlarm: String?
        var storeAtQuota = false
    }

    private let state = Mutex(State())

    /// An empty board.
    public init() {}

    /// Records the address the local API listens on.
    public func setListening(_ address: String) {
        state.withLock { $0.listening = address }
    }

    /// Counts one scan (the count resets at UTC midnight).
    public func recordScan(at date: Date = Date()) {
        let day = Int(date.timeIntervalSince1970 / 86_400)
        state.withLock {
            if $0.scanDay != day {
                $0.scanDay = day
                $0.scansToday = 0
            }
            $0.scansToday += 1
        }
    }

    /// Records the current outbox depth.
    public func setOutboxDepth(_ depth: Int) {
        state.withLock { $0.outboxDepth = depth }
    }

    /// Records whether the database is at its quota (new check-ins are refused).
    public func setStoreAtQuota(_ atQuota: Bool) {
        state.withLock { $0.storeAtQuota = atQuota }
    }

    /// Whether the database was at its quota at the last probe.
    public var storeAtQuota: Bool { state.withLock { $0.storeAtQuota } }

    /// Records a successful forward to the central service.
    public func recordForward(at date: Date) {
        state.withLock { $0.lastForward = date }
    }

    /// Raises (or clears, with nil) the central link's alarm (credentials refused, trust list stale).
    public func setCentralAlarm(_ alarm: String?) {
        state.withLock { $0.centralAlarm = alarm }
    }

    /// Raises (or clears, with nil) the intake's alarm: the scan source failed and is being retried.
    public func setIntakeAlarm(_ alarm: String?) {
        state.withLock { $0.intakeAlarm = alarm }
    }

    /// The intake's alarm, when its source is failing.
    public var intakeAlarm: String? { state.withLock { $0.intakeAlarm } }

    /// Records the forwarder's detail for the status line: oldest unsent age, dead letters, retries by class.
    public func setForwardingDetail(oldestUnsentSeconds: Double?, deadLetters: Int, retriesByClass: [String: Int]) {
        var parts: [String] = []
        if let oldestUnsentSeconds { parts.append("oldest unsent \(Int(oldestUnsentSeconds))s") }
        if deadLetters > 0 { parts.append("dead letters \(deadLetters)") }
        if !retriesByClass.isEmpty {
            parts.append("retries " + retriesByClass.keys.sorted().map { "\($0)=\(retriesByClass[$0]!)" }.joined(separator: " "))
        }
        state.withLock { $0.forwardingDetail = parts.isEmpty ? nil : parts.joined(separator: "; ") }
    }

    /// The one-line summary for `STATUS=`.
    public func summary(now: Date = Date()) -> String {
        state.withLock { s in
            let today = Int(now.timeIntervalSince1970 / 86_400)
            let scans = s.scanDay == today ? s.scansToday : 0
            var parts: [String] = []
            if let listening = s.listening { parts.append("api \(listening)") }
            parts.append("scans today \(scans)")
            parts.append("outbox " + (s.outboxDepth.map(String.init) ?? "n/a"))
            parts.append("last forward " + (s.lastForward.map { $0.formatted(.iso8601) } ?? "never"))
            if let detail = s.forwardingDetail { parts.append(detail) }
            if let alarm = s.centralAlarm { parts.append("ALARM " + alarm) }
            if let alarm = s.intakeAlarm { parts.append("ALARM intake: " + alarm) }
            return parts.joined(separator: "; ")
        }
    }
}
