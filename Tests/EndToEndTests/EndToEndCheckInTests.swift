import Foundation
import QRGateCheckIn
import QRGateCore
import QRGateDaemon
import QRGateImaging
import QRGateReceipts
import QRGateScanner
import QRGateStore
import QRGateTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The main job, end to end through the built daemon: an image of a valid DCC dropped into
/// the watched folder becomes a recorded check-in with its decision, rule-set version and a
/// receipt that another gate of the site can verify.
@Suite(.serialized) struct EndToEndCheckInTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func droppedImagesBecomeRecordedCheckInsWithDecisionsAndReceipts() async throws {
        let issuer = try TestDCCIssuer()
        let gate = try RunningGate(
            gate: "gate-e2e", site: "site-e2e",
            yaml: "trust:\n  rules_directory: \(Self.repository.appendingPathComponent("device-config/rules").path)\nscanner:\n  dedup_seconds: 0\n",
            prepare: { state in
                try FileManager.default.createDirectory(at: state.appendingPathComponent("trust"), withIntermediateDirectories: true)
                try Data(issuer.certificateDER).write(to: state.appendingPathComponent("trust/dsc.der"))
            })
        let (state, config, port) = (gate.state, gate.config, gate.port)

        // One valid, complete vaccination; one whose series is incomplete (rule VR-VN-0001 fails);
        // one signed by an unknown issuer.
        let now = Date()
        let valid = try issuer.issue(TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let incomplete = try issuer.issue(
            TestDCCIssuer.vaccination(family: "Trần", familyT: "TRAN", given: "Thị Bình", givenT: "THI<BINH", dose: 1, of: 2),
            issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let stranger = try TestDCCIssuer().issue(
            TestDCCIssuer.vaccination(family: "Lê", familyT: "LE", given: "Cường", givenT: "CUONG"),
            issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let inbox = state.appendingPathComponent("inbox")
        for (name, text) in [("1-valid", valid), ("2-incomplete", incomplete), ("3-stranger", stranger)] {
            let png = try PNGRenderer(scale: 3).render(try QRCodeEncoder(utf8ECI: false).encode(text))
            let staging = gate.folder.url.appendingPathComponent(name + ".png")
            try Data(png).write(to: staging)
            try FileManager.default.moveItem(at: staging, to: inbox.appendingPathComponent(name + ".png"))
            try await Task.sleep(for: .milliseconds(50))
        }

        let database = try GateDatabase(path: state.appendingPathComponent("qrgate.sqlite").path)
        // The personal digests are keyed with the gate secret the daemon created.
        let keys = try GateKeys.load(stateDirectory: state.path, gate: "gate-e2e", site: "site-e2e", environment: [:], create: false)
        let store = CheckInStore(database: database, personalKeys: keys.personalKeys)
        var recorded: [StoredCheckIn] = []
        let deadline = Date().addingTimeInterval(60)
        while recorded.count < 3 && Date() < deadline {
            try await Task.sleep(for: .milliseconds(200))
            recorded = try await store.all()
        }
        try #require(recorded.count == 3, "only \(recorded.count) check-ins recorded")
        let byName = Dictionary(uniqueKeysWithValues: recorded.map { ($0.subject?.fullName ?? "?", $0) })

        let admitted = try #require(byName["Nguyễn Văn An"])
        #expect(admitted.decision.outcome == .admit)
        #expect(admitted.decision.reasons.map(\.code) == ["certificate_accepted"])
        #expect(admitted.decision.ruleSetVersion?.hasPrefix("VN-") == true)
        #expect(admitted.credential.kind == .vaccination)
        #expect(admitted.credential.doses == "2/2")
        #expect(admitted.direction == .entry)

        let refused = try #require(byName["Trần Thị Bình"])
        #expect(refused.decision.outcome == .refuse)
        #expect(refused.decision.reasons.first?.code == "rules_not_met")
        #expect(refused.decision.reasons.first?.english.contains("VR-VN-0001") == true)

        let unknown = try #require(byName["Lê Cường"])
        #expect(unknown.decision.outcome == .refuse)
        #expect(unknown.decision.reasons.first?.code == "certificate_invalid")
        #expect(unknown.credential.verified == false)

        #expect(try await store.outboxDepth() == 3)
        #expect(try await store.verifyChain().isIntact)
        #expect(
            try await CheckInStore(database: database).verifyChain().problem == .personalDataMismatch,
            "the digest is keyed: without the gate secret nobody can confirm a person")
        // The scanned files were moved out of the inbox.
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.path).filter { $0.hasSuffix(".png") }.isEmpty)

        // The receipt image decodes to a token that `qrgate receipt verify` accepts for this site
        // (written after the commit, by the receipt delivery's own thread).
        let receiptImage = state.appendingPathComponent("receipts/\(admitted.id).png")
        let receiptDeadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: receiptImage.path) && Date() < receiptDeadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        let token = try #require(ImageScanner(configuration: .files).scanFile(path: receiptImage.path).first?.text)
        #expect(token.hasPrefix("QRG1:"))
        let verified = try QRGateBinary.run(["receipt", "verify", "--config", config.path, token])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(try JSONValue(parsing: verified.stdout)["check_in_id"] == .string(admitted.id))

        // Prometheus metrics count what happened.
        let metrics = try #require(LoopbackHTTP.get(port: port, path: "/metrics"))
        #expect(metrics.status == 200)
        #expect(metrics.body.contains("qrgate_scans_total 3"), "\(metrics.body)")
        #expect(metrics.body.contains("qrgate_decisions_total{decision=\"admit\"} 1"))
        #expect(metrics.body.contains("qrgate_decisions_total{decision=\"refuse\"} 2"))
        #expect(metrics.body.contains("qrgate_outbox_depth 3"))
        #expect(LoopbackHTTP.get(port: port, path: "/v1/check-ins")?.status == 401)

        // The kiosk screen posts codes with a declaration made on the screen, and an image.
        let kioskToken = try QRGateBinary.run(["token", "create", "--role", "kiosk", "--name", "screen-1", "--config", config.path])
        try #require(kioskToken.status == 0, "\(kioskToken.stderr)")
        let bearer = ["Authorization": "Bearer " + kioskToken.stdout.trimmingCharacters(in: .whitespacesAndNewlines)]
        let body = JSONValue.object([
            "texts": [.string(valid)],
            "declaration": ["symptoms": ["fever"], "contact_with_confirmed_case": false, "free_text": "sốt nhẹ"],
        ]).serialized()
        let declared = try #require(
            LoopbackHTTP.post(port: port, path: "/v1/scans", contentType: "application/json", body: Array(body.utf8), headers: bearer))
        #expect(declared.status == 200, "\(declared.body)")
        let declaredJSON = try JSONValue(parsing: declared.body)
        #expect(declaredJSON["decision"] == "refer")
        #expect(declaredJSON["reasons"]?.arrayValue?.first?["vi"]?.stringValue?.isEmpty == false)
        let referred = try #require(try await store.checkIn(id: declaredJSON["check_in_id"]?.stringValue ?? ""))
        #expect(referred.declaration?.symptoms == [.fever])
        #expect(referred.declaration?.source == .kiosk)

        let image = try PNGRenderer(scale: 3).render(try QRCodeEncoder(utf8ECI: false).encode(valid))
        let uploaded = try #require(LoopbackHTTP.post(port: port, path: "/v1/scans", contentType: "image/png", body: image, headers: bearer))
        #expect(uploaded.status == 200, "\(uploaded.body)")
        #expect(try JSONValue(parsing: uploaded.body)["decision"] == "admit")
        // A supervisor token may not post scans; bad input is a 400.
        #expect(
            LoopbackHTTP.post(port: port, path: "/v1/scans", contentType: "application/json", body: Array("{\"texts\": 5}".utf8), headers: bearer)?
                .status == 400)
        #expect(LoopbackHTTP.post(port: port, path: "/v1/scans", contentType: "application/json", body: Array(body.utf8))?.status == 401)

        #expect(gate.stop() == 0)
    }
}
