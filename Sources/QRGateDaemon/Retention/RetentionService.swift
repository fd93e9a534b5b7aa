import Foundation
import Logging
import QRGateCore
import QRGateStore
import ServiceLifecycle

/// Purges personal fields past the retention period and compacts forwarded, purged links,
/// once at start and then every `interval`; also deletes the files past their time (receipt
/// PNGs, `.corrupt-*` database copies, kept scan images: ``RetentionFilePurger``).
struct RetentionService: Service, CustomStringConvertible {
    let store: CheckInStore
    let retentionDays: Int
    let clock: any GateClock
    let logger: Logger
    var interval: Duration = .seconds(3600)
    /// Files holding personal data outside the database.
    var files: RetentionFilePurger?

    var description: String { "Retention" }

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if let files {
                let purged = files.purge(now: clock.wallTime())
                for (directory, count) in purged.sorted(by: { $0.key < $1.key }) {
                    logger.notice(
                        "files past retention deleted",
                        metadata: ["retention.directory": .string(directory), "retention.files": .stringConvertible(count)])
                }
            }
            do {
                let report = try await store.purgeExpired(now: clock.wallTime(), retentionDays: retentionDays)
                let compacted = try await store.compact()
                let accessLogPurged = try await AccessLogStore(database: store.database).purge(now: clock.wallTime(), retentionDays: retentionDays)
                if accessLogPurged > 0 {
                    logger.notice("access log purged", metadata: ["retention.access_log_purged": .stringConvertible(accessLogPurged)])
                }
                if report.purgedCheckIns > 0 || compacted > 0 {
                    logger.notice(
                        "retention purge",
                        metadata: [
                            "retention.purged": .stringConvertible(report.purgedCheckIns),
                            "retention.purged_unforwarded": .stringConvertible(report.purgedUnforwarded),
                            "retention.compacted": .stringConvertible(compacted),
                        ])
                }
                if report.evictedUnforwarded > 0 {
                    logger.warning(
                        "check-ins never forwarded left the outbox at the end of retention",
                        metadata: ["retention.evicted_unforwarded": .stringConvertible(report.evictedUnforwarded)])
                }
                if report.purgedUnforwarded > 0 {
                    logger.warning(
                        "personal data of check-ins never forwarded was purged at the end of retention",
                        metadata: ["retention.purged_unforwarded": .stringConvertible(report.purgedUnforwarded)])
                }
            } catch {
                logger.error("retention purge failed", metadata: ["error": .string("\(error)")])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
