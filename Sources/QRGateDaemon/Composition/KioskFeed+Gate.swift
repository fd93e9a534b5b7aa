import Foundation
import Logging
import QRGateCheckIn
import QRGateCore
import QRGateServer

extension KioskFeed {
    /// The kiosk screen of this gate: every outcome of the check-in path and the progress of an
    /// open presentation as screen events, and
    /// a status made of the gate's names, the screen settings and a banner for each reason the
    /// gate is not ready (stale trust list, no rule set, full store, failing camera).
    static func gate(
        outcomes: CheckInOutcomes, configuration: GatewayConfiguration, questions: DeclarationQuestions?, declare: KioskScanHandler?,
        readiness: @escaping SupervisorAPI.Readiness, demo: Bool = false, hold: (@Sendable () async -> Int?)? = nil
    ) -> KioskFeed {
        // Declarations on the screen need questions and presentations to join.
        let declarations = questions != nil && declare != nil && configuration.scanner.presentationSeconds > 0
        var feed = KioskFeed(
            subscribe: {
                // One stream for decisions and activity, so that the screen gets them in the
                // order they happened (a scan's `reading` always before its `result`).
                let happenings = outcomes.subscribeEvents(buffer: 16)
                let (events, continuation) = AsyncStream.makeStream(of: KioskEvent.self, bufferingPolicy: .bufferingNewest(16))
                let forward = Task {
                    for await happening in happenings {
                        let event: (name: String, json: JSONValue)
                        switch happening {
                        case .decided(let outcome): event = ScreenView.event(for: outcome)
                        case .activity(.reading): event = ("reading", [:])
                        case .activity(.waiting(let waiting)): event = ScreenView.waiting(waiting)
                        }
                        continuation.yield(KioskEvent(name: event.name, json: event.json.serialized()))
                    }
                    continuation.finish()
                }
                continuation.onTermination = { _ in forward.cancel() }
                return events
            },
            status: {
                let report = await readiness()
                let banners = (demo ? [demoBanner] : []) + report.reasons.compactMap(banner)
                let status: JSONValue = [
                    "gate": .string(configuration.gate.id), "site": .string(configuration.gate.site), "mode": demo ? "demo" : "production",
                    "language": .string(configuration.kiosk.language), "result_seconds": .number(Double(configuration.kiosk.resultSeconds)),
                    "sound": .bool(configuration.kiosk.sound), "banners": .array(banners),
                    "declaration": .bool(declarations),
                ]
                return KioskEvent(name: "status", json: status.serialized())
            })
        if declarations {
            feed.questions = questions?.json.serialized()
            feed.declare = declare
            feed.hold = hold
        }
        return feed
    }

    /// The banner of a gate that trusts the demo signer: shown on every screen, never only at idle.
    static let demoBanner: JSONValue = [
        "code": "demo", "en": "DEMO: sample codes only. These decisions are not real.",
        "vi": "DEMO: chỉ dùng mã mẫu. Các quyết định này không có giá trị.",
    ]

    /// The banner the idle screen shows for a readiness reason.
    static func banner(_ reason: String) -> JSONValue? {
        let banner: (code: String, en: String, vi: String)
        switch reason {
        case "trust_list_stale":
            banner = (
                "stale_trust_list", "The certificate list is out of date: certificates may be refused.",
                "Danh sách chứng thư đã cũ: chứng nhận có thể bị từ chối."
            )
        case "no_rule_set":
            banner = (
                "no_rules", "No rule set is installed: certificates cannot be accepted.", "Chưa cài bộ quy tắc: không thể chấp nhận chứng nhận."
            )
        case "store_at_quota":
            banner = (
                "store_full", "The gate's storage is full: check-ins cannot be recorded. Please see staff.",
                "Bộ nhớ của cổng đã đầy: không ghi nhận được. Vui lòng gặp nhân viên."
            )
        case "intake_failing":
            banner = ("camera_failing", "The camera is not working: please see staff.", "Camera không hoạt động: vui lòng gặp nhân viên.")
        default:
            return nil
        }
        return ["code": .string(banner.code), "en": .string(banner.en), "vi": .string(banner.vi)]
    }
}

extension GatewayConfiguration {
    /// The screen's declaration questions: nil when `kiosk.questions_file` is empty or the file
    /// is missing (logged: the screen then takes no declarations); a file that is there but
    /// wrong stops the start with a configuration error naming it.
    func declarationQuestions(logger: Logger) throws -> DeclarationQuestions? {
        guard !kiosk.questionsFile.isEmpty else { return nil }
        guard let data = FileManager.default.contents(atPath: kiosk.questionsFile) else {
            logger.warning(
                "no declaration questions; the kiosk screen takes no declarations", metadata: ["kiosk.questions_file": .string(kiosk.questionsFile)])
            return nil
        }
        do {
            return try DeclarationQuestions(json: try JSONValue(parsing: data))
        } catch {
            throw ConfigurationError(
                path: kiosk.questionsFile,
                problems: [ConfigurationProblem(key: "kiosk.questions_file", value: kiosk.questionsFile, allowed: "a questions document: \(error)")])
        }
    }
}
