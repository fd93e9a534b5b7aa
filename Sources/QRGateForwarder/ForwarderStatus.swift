import Foundation
import Metrics
import Synchronization

/// What the forwarder and the sync report, as one snapshot for `STATUS=`, `/ready` and
/// `qrgate status`.
public struct ForwarderStatus: Sendable, Equatable {
    /// Check-ins waiting in the outbox.
    public var outboxDepth = 0
    /// Age of the oldest unsent check-in, seconds (nil when the outbox is empty).
    public var oldestUnsentAgeSeconds: Double?
    /// Records parked in `dead_letters`.
    public var deadLetters = 0
    /// Retries counted per failure class.
    public var retriesByClass: [String: Int] = [:]
    /// Last acknowledged delivery (wall clock).
    public var lastSuccess: Date?
    /// Set while the central service refuses the gate's credentials (HTTP 401/403).
    public var authAlarm: String?
    /// Set while the gate's database fails under the forwarder (full disk, read errors); it backs off and retries.
    public var storeAlarm: String?
    /// Set while the trust list is older than the configured age (or never synced).
    public var trustListStale = false

    /// An empty status.
    public init() {}

    /// One line for `STATUS=`.
    public var summary: String {
        var parts = ["outbox \(outboxDepth)"]
        if let age = oldestUnsentAgeSeconds { parts.append("oldest \(Int(age))s") }
        if deadLetters > 0 { parts.append("dead letters \(deadLetters)") }
        parts.append("last forward " + (lastSuccess.map { $0.formatted(.iso8601) } ?? "never"))
        if let authAlarm { parts.append("ALARM " + authAlarm) }
        if storeAlarm != nil { parts.append("ALARM forwarder store failing") }
        if trustListStale { parts.append("ALARM trust list stale") }
        return parts.joined(separator: "; ")
    }
}

/// Holds the current ``ForwarderStatus`` and mirrors it into swift-metrics:
/// `qrgate_outbox_depth`, `qrgate_outbox_oldest_age_seconds`, `qrgate_dead_letters`,
/// `qrgate_forward_retries_total{class}`, `qrgate_forward_last_success_timestamp_seconds`,
/// `qrgate_forward_paused`, `qrgate_forward_store_failing`, `qrgate_trust_list_stale`.
public final class ForwarderMonitor: Sendable {
    private let state = Mutex(ForwarderStatus())
    private let onChange: @Sendable (ForwarderStatus) -> Void
    private let depthGauge = Gauge(label: "qrgate_outbox_depth")
    private let oldestGauge = Gauge(label: "qrgate_outbox_oldest_age_seconds")
    private let deadLetterGauge = Gauge(label: "qrgate_dead_letters")
    private let lastSuccessGauge = Gauge(label: "qrgate_forward_last_success_timestamp_seconds")
    private let pausedGauge = Gauge(label: "qrgate_forward_paused")
    private let staleGauge = Gauge(label: "qrgate_trust_list_stale")
    private let storeGauge = Gauge(label: "qrgate_forward_store_failing")

    /// A monitor calling `onChange` with every new snapshot (the daemon feeds its status board).
    public init(onChange: @escaping @Sendable (ForwarderStatus) -> Void = { _ in }) {
        self.onChange = onChange
    }

    /// The current snapshot.
    public var snapshot: ForwarderStatus { state.withLock { $0 } }

    /// Records the outbox figures.
    public func setOutbox(depth: Int, oldestAgeSeconds: Double?, deadLetters: Int) {
        depthGauge.record(depth)
        oldestGauge.record(oldestAgeSeconds ?? 0)
        deadLetterGauge.record(deadLetters)
        update {
            $0.outboxDepth = depth
            $0.oldestUnsentAgeSeconds = oldestAgeSeconds
            $0.deadLetters = deadLetters
        }
    }

    /// Counts one retry of `failureClass`.
    public func countRetry(_ failureClass: String) {
        Counter(label: "qrgate_forward_retries_total", dimensions: [("class", failureClass)]).increment()
        update { $0.retriesByClass[failureClass, default: 0] += 1 }
    }

    /// Records an acknowledged delivery.
    public func recordSuccess(at date: Date) {
        lastSuccessGauge.record(date.timeIntervalSince1970)
        pausedGauge.record(0)
        update {
            $0.lastSuccess = date
            $0.authAlarm = nil
        }
    }

    /// Raises (or clears, with nil) the credentials alarm.
    public func setAuthAlarm(_ alarm: String?) {
        pausedGauge.record(alarm == nil ? 0 : 1)
        update { $0.authAlarm = alarm }
    }

    /// Raises (or clears, with nil) the alarm for a failing store under the forwarder.
    public func setStoreAlarm(_ alarm: String?) {
        storeGauge.record(alarm == nil ? 0 : 1)
        update { $0.storeAlarm = alarm }
    }

    /// Records whether the trust list is stale.
    public func setTrustListStale(_ stale: Bool) {
        staleGauge.record(stale ? 1 : 0)
        update { $0.trustListStale = stale }
    }

    private func update(_ change: (inout ForwarderStatus) -> Void) {
        let (changed, snapshot) = state.withLock { status -> (Bool, ForwarderStatus) in
            let before = status
            change(&status)
            return (before != status, status)
        }
        if changed { onChange(snapshot) }
    }
}
