import CoreMetrics
import Foundation
import Prometheus
import QRGateStore
import Synchronization

/// The gate's Prometheus registry: what other modules emit through swift-metrics, plus the
/// gauges computed from the database at each scrape (outbox depth and oldest age, dead
/// letters, quota used).
public final class GateMetrics: Sendable {
    /// Metric names shared by the modules that emit them.
    public enum Name {
        /// Counter: scans decoded.
        public static let scans = "qrgate_scans_total"
        /// Counter with label `decision`: admit, refuse, refer.
        public static let decisions = "qrgate_decisions_total"
        /// Gauge: records waiting in the outbox.
        public static let outboxDepth = "qrgate_outbox_depth"
        /// Gauge: age of the oldest unsent record, seconds.
        public static let outboxOldestAge = "qrgate_outbox_oldest_age_seconds"
        /// Gauge: parked dead letters.
        public static let deadLetters = "qrgate_dead_letters"
        /// Gauge: database size over quota, 0…1.
        public static let quotaUsed = "qrgate_quota_used_ratio"
        /// Histogram (swift-metrics Timer): scan-to-decision time, seconds.
        public static let scanDuration = "qrgate_scan_duration_seconds"
    }

    /// Buckets of ``Name/scanDuration``.
    public static let scanDurationBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5),
    ]

    /// The registry scraped by `/metrics`.
    public let registry: PrometheusCollectorRegistry
    private let outboxDepth: Prometheus.Gauge
    private let outboxOldestAge: Prometheus.Gauge
    private let deadLetters: Prometheus.Gauge
    private let quotaUsed: Prometheus.Gauge

    /// Creates the gate's gauges (and the scan counters, so they read 0 before the first scan) in `registry`.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        // No help text: the same names are also made through swift-metrics (which passes none),
        // and the registry requires one help text per name.
        func descriptor(_ name: String) -> MetricNameDescriptor {
            MetricNameDescriptor(metricName: name, unitName: "", helpText: "")
        }
        outboxDepth = registry.makeGauge(descriptor: descriptor(Name.outboxDepth))
        outboxOldestAge = registry.makeGauge(descriptor: descriptor(Name.outboxOldestAge))
        deadLetters = registry.makeGauge(descriptor: descriptor(Name.deadLetters))
        quotaUsed = registry.makeGauge(descriptor: descriptor(Name.quotaUsed))
        _ = registry.makeCounter(descriptor: descriptor(Name.scans))
    }

    /// The swift-metrics factory writing into this registry, with the scan-duration buckets.
    /// The daemon passes it to `MetricsSystem.bootstrap` once per process.
    public func makeFactory() -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[Name.scanDuration] = Self.scanDurationBuckets
        return factory
    }

    private static let bootstrapped = Mutex(false)

    /// Makes swift-metrics report into this registry. swift-metrics allows one bootstrap per
    /// process; later calls change nothing and return false.
    @discardableResult
    public func bootstrapMetricsSystem() -> Bool {
        let first = Self.bootstrapped.withLock { done in
            defer { done = true }
            return !done
        }
        if first { MetricsSystem.bootstrap(makeFactory()) }
        return first
    }

    /// Sets the database gauges from a status report.
    public func update(from report: GateStatusReport) {
        outboxDepth.set(Double(report.outboxDepth))
        outboxOldestAge.set(report.oldestUnsentAgeSeconds)
        deadLetters.set(Double(report.deadLetters))
        quotaUsed.set(report.quotaUsedRatio)
    }

    /// The Prometheus text exposition of everything registered.
    public func render() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        registry.emit(into: &buffer)
        return buffer
    }
}
