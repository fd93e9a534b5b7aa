import Foundation
import QRGateCore
import QRGateStore

extension CheckInOutcome {
    /// The decision as the kiosk screen shows it: outcome, reasons in both languages, receipt.
    public func json() -> JSONValue {
        switch self {
        case .recorded(let stored, let receipt):
            return [
                "recorded": true,
                "check_in_id": .string(stored.id),
                "direction": .string(stored.direction.rawValue),
                "decision": .string(stored.decision.outcome.rawValue),
                "reasons": ScreenView.reasons(stored.decision.reasons),
                "flags": .array(stored.flags.map { .string($0.rawValue) }),
                "receipt": receipt.map(JSONValue.string) ?? .null,
            ]
        case .notRecorded(let decision, let reason):
            return [
                "recorded": false,
                "decision": .string(decision.outcome.rawValue),
                "reasons": ScreenView.reasons(decision.reasons),
                "detail": .string(reason),
            ]
        }
    }
}

extension PresentationProgress {
    /// The kiosk API's answer while a presentation waits: nothing recorded yet.
    public func json() -> JSONValue {
        [
            "recorded": false, "waiting": true, "presentation_id": .string(id), "have": .array(have.map { .string($0.rawValue) }),
            "needed": .array(needed.map { .string($0.rawValue) }), "seconds_left": .number(Double(secondsLeft)),
        ]
    }
}
