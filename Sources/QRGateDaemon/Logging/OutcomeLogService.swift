import Logging
import QRGateCheckIn
import QRGateCore
import QRGateStore
import ServiceLifecycle

/// The daemon's subscriber to the outcome stream: one log line per decision (ids, codes and
/// flags, never personal data).
struct OutcomeLogService: Service, CustomStringConvertible {
    let outcomes: AsyncStream<AnnouncedOutcome>
    let logger: Logger

    var description: String { "OutcomeLog" }

    func run() async {
        await cancelWhenGracefulShutdown {
            for await announced in outcomes { log(announced) }
        }
    }

    func log(_ announced: AnnouncedOutcome) {
        switch announced.outcome {
        case .recorded(let stored, _):
            logger.info(
                "check-in recorded",
                metadata: [
                    "checkin.id": .string(stored.id), "checkin.direction": .string(stored.direction.rawValue),
                    "checkin.decision": .string(stored.decision.outcome.rawValue),
                    "checkin.reasons": .array(stored.decision.reasons.map { .string($0.code) }),
                    "checkin.flags": .array(stored.flags.map { .string($0.rawValue) }), "scan.origin": .string(announced.origin),
                ])
        case .notRecorded(_, let reason):
            logger.error(
                "check-in not recorded",
                metadata: [
                    "store.error": .string(announced.storeError ?? "unknown"), "store.reason": .string(reason),
                    "scan.origin": .string(announced.origin),
                ])
        }
        if !announced.problems.isEmpty {
            logger.notice("scan had unusable codes", metadata: ["scan.problems": .array(announced.problems.map { .string($0) })])
        }
    }
}
