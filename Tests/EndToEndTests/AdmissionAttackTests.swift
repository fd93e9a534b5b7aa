import Crypto
import Foundation
import QRGateCore
import QRGateDaemon
import QRGateImaging
import QRGateReceipts
import QRGateStore
import QRGateTestSupport
import Testing

/// RELIABILITY T11, admission: hostile codes presented to the built daemon never change a
/// decision. Each test is named for its attack; codes go through `POST /v1/scans` (the kiosk's
/// path into the same check-in pipeline the camera feeds).
@Suite(.serialized) struct AdmissionAttackTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rules = repository.appendingPathComponent("device-config/rules").path

    let issuer: TestDCCIssuer
    init() throws { issuer = try TestDCCIssuer() }

    /// A gate trusting this suite's DCC issuer, with the bundled VN rules and `extra` settings.
    func gate(
        gate: String = "gate-a", mode: String = "entry", extra: String = "", rules: String = AdmissionAttackTests.rules,
        prepare: @escaping (URL) throws -> Void = { _ in }
    ) throws -> RunningGate {
        let der = issuer.certificateDER
        return try RunningGate(
            gate: gate, site: "site-t", mode: mode,
            yaml: "trust:\n  rules_directory: \(rules)\nscanner:\n  dedup_seconds: 0\n" + extra,
            prepare: { state in
                try FileManager.default.createDirectory(at: state.appendingPathComponent("trust"), withIntermediateDirectories: true)
                try Data(der).write(to: state.appendingPathComponent("trust/dsc.der"))
                try prepare(state)
            })
    }

    func dcc(
        family: String = "Nguyễn", familyT: String = "NGUYEN", given: String = "Văn An", givenT: String = "VAN<AN", dob: String = "1990-01-15"
    )
        throws -> String
    {
        try issuer.issue(
            TestDCCIssuer.vaccination(family: family, familyT: familyT, given: given, givenT: givenT, dob: dob),
            issuedAt: Date().addingTimeInterval(-3600), expiresAt: Date().addingTimeInterval(86_400))
    }

    func codes(_ json: JSONValue) -> [String] { json["reasons"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? [] }

    @Test func aReplayedReceiptNeverAdmitsAndIsSpentOnceAtAnotherGateOfTheSite() async throws {
        let entry = try gate(gate: "lane-a")
        let kiosk = try entry.token(role: "kiosk")
        let admitted = try entry.scan([try dcc()], token: kiosk)
        #expect(admitted.json["decision"] == "admit")
        let receipt = try #require(admitted.json["receipt"]?.stringValue)

        // The same receipt, three times in a row at the entry: never a ticket.
        for _ in 0..<3 {
            let replay = try entry.scan([receipt], token: kiosk)
            #expect(replay.json["decision"] == "refuse")
            #expect(codes(replay.json) == ["receipt_not_a_ticket"])
        }
        // With a forged ID card in another name: the receipt is bound to its own person.
        let forged = try entry.scan([receipt, "079090000002||Trần Thị Bình|01021985|Nữ|Hà Nội|01012021"], token: kiosk)
        #expect(forged.json["decision"] == "refuse")
        #expect(codes(forged.json).contains("receipt_other_person"))

        // Lane B of the same site (shared site secret, lane A's public key) lets the person out
        // on the receipt once, pairing the exit with lane A's entry; a second use is refused.
        let siteSecret = try Data(contentsOf: entry.state.appendingPathComponent("site-secret"))
        let laneAKey = try String(contentsOf: entry.state.appendingPathComponent("gate-key.pem"), encoding: .utf8)
        let exit = try gate(gate: "lane-b", mode: "exit") { state in
            try siteSecret.write(to: state.appendingPathComponent("site-secret"))
            try FileManager.default.createDirectory(at: state.appendingPathComponent("gate-keys"), withIntermediateDirectories: true)
            try P256.Signing.PrivateKey(pemRepresentation: laneAKey).publicKey.pemRepresentation
                .write(to: state.appendingPathComponent("gate-keys/lane-a.pem"), atomically: true, encoding: .utf8)
        }
        let exitKiosk = try exit.token(role: "kiosk")
        let out = try exit.scan([receipt], token: exitKiosk)
        #expect(out.json["decision"] == "admit", "\(out.json)")
        #expect(out.json["direction"] == "exit")
        let again = try exit.scan([receipt], token: exitKiosk)
        #expect(again.json["decision"] == "refuse")
        #expect(codes(again.json) == ["receipt_already_used"])
        let withCertificate = try exit.scan([try dcc(), receipt], token: exitKiosk)
        #expect(codes(withCertificate.json) == ["receipt_already_used"])

        // What the second gate stored pairs with the first gate's entry.
        let exports = try exit.command(["export", "--format", "ndjson"])
        #expect(exports.status == 0, "\(exports.stderr)")
        let rows = exports.stdout.split(separator: "\n").compactMap { try? JSONValue(parsing: Data($0.utf8)) }
        #expect(rows.first?["paired_entry_id"] == admitted.json["check_in_id"], "\(exports.stdout)")
        #expect(entry.stop() == 0)
        #expect(exit.stop() == 0)
    }

    @Test func aQuarantineResidentCannotLeaveByShowingAURLOrAReceiptOrSomeoneElse() async throws {
        let permit = ISO8601Timestamp.format(Date().addingTimeInterval(3600))
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let residents = folder.url.appendingPathComponent("residents.txt")
        try "001090000001,\(permit)\n001090000003\n".write(to: residents, atomically: true, encoding: .utf8)
        let facility = try gate(mode: "exit", extra: "admission:\n  residents_file: \(residents.path)\n")
        let kiosk = try facility.token(role: "kiosk")

        for texts in [["https://example.org/pay?x=1"], ["hello"], ["QRG1:NOTAREALRECEIPT"]] {
            let attempt = try facility.scan(texts, token: kiosk)
            #expect(attempt.json["decision"] == "refuse", "\(texts)")
            #expect(codes(attempt.json) == ["identity_required"], "\(texts): \(attempt.json)")
        }
        // A resident without a permit is refused; with one, let out.
        let noPermit = try facility.scan(["001090000003||Lê Văn Cường|02031980|Nam|Hà Nội|01012021"], token: kiosk)
        #expect(codes(noPermit.json) == ["resident_without_permit"])
        let permitted = try facility.scan(["001090000001||Nguyễn Văn An|15011990|Nam|Hà Nội|01012021"], token: kiosk)
        #expect(permitted.json["decision"] == "admit")
        // Someone neither resident nor inside (a visitor's card borrowed by a resident) goes to staff.
        let stranger = try facility.scan(["079090000009||Phạm Thị Dung|03041975|Nữ|Huế|01012021"], token: kiosk)
        #expect(stranger.json["decision"] == "refer")
        #expect(codes(stranger.json) == ["exit_without_entry"])
        #expect(facility.stop() == 0)
    }

    @Test func aPrintedCardQRIsRecordedUnverifiedAndNeverStandsInForACertificate() async throws {
        let residents = try TemporaryDirectory()
        defer { residents.remove() }
        let file = residents.url.appendingPathComponent("residents.txt")
        try "001090000001\n".write(to: file, atomically: true, encoding: .utf8)
        let facility = try gate(mode: "entry", extra: "admission:\n  residents_file: \(file.path)\n")
        let kiosk = try facility.token(role: "kiosk")

        // A card naming a resident, printed by anyone: staff compare it with the card.
        let forged = try facility.scan(["001090000001||Nguyễn Văn An|15011990|Nam|Hà Nội|01012021"], token: kiosk)
        #expect(forged.json["decision"] == "refer")
        #expect(codes(forged.json) == ["unsigned_identity"])
        #expect(forged.json["flags"]?.arrayValue?.contains("unsigned_identity") == true)
        // A card of a non-resident alone is not a certificate.
        let visitor = try facility.scan(["079090000002||Trần Thị Bình|01021985|Nữ|Hà Nội|01012021"], token: kiosk)
        #expect(visitor.json["decision"] == "refuse")
        #expect(codes(visitor.json) == ["certificate_missing"])
        // Card and matching certificate: admitted, and the identity is no longer only unsigned.
        let both = try facility.scan(
            [
                "079090000002||Trần Thị Bình|01021985|Nữ|Hà Nội|01012021",
                try dcc(family: "Trần", familyT: "TRAN", given: "Thị Bình", givenT: "THI<BINH", dob: "1985-02-01"),
            ], token: kiosk)
        #expect(both.json["decision"] == "admit", "\(both.json)")
        #expect(both.json["flags"]?.arrayValue?.contains("unsigned_identity") == false)

        let export = try facility.command(["export", "--format", "ndjson"])
        let rows = export.stdout.split(separator: "\n").compactMap { try? JSONValue(parsing: Data($0.utf8)) }
        let cards = rows.filter { $0["credential_kind"] == "citizen-id" }
        #expect(cards.count == 2, "\(export.stdout)")
        #expect(cards.allSatisfy { $0["credential_verified"] == .bool(false) }, "\(export.stdout)")
        #expect(facility.stop() == 0)
    }

    @Test func aCertificateTypeTheRulesDoNotCoverIsRefused() async throws {
        // A rule set that only has its General rule (a synced set that lacks the type, or the
        // type rules expired): fail closed.
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let general = folder.url.appendingPathComponent("VN/GR-VN-0001")
        try FileManager.default.createDirectory(at: general, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Self.rules + "/VN/GR-VN-0001/rule.json", toPath: general.appendingPathComponent("rule.json").path)
        let gate = try gate(rules: folder.url.path)
        let kiosk = try gate.token(role: "kiosk")
        let decided = try gate.scan([try dcc()], token: kiosk)
        #expect(decided.json["decision"] == "refuse")
        #expect(codes(decided.json) == ["no_applicable_rules"], "\(decided.json)")
        #expect(gate.stop() == 0)
    }

    @Test func aDeclarationTokenOfSomeoneElseIsReferredToStaff() async throws {
        let service = P256.Signing.PrivateKey()
        let gate = try gate { state in
            try FileManager.default.createDirectory(at: state.appendingPathComponent("declaration-keys"), withIntermediateDirectories: true)
            try service.publicKey.pemRepresentation.write(
                to: state.appendingPathComponent("declaration-keys/moh.pem"), atomically: true, encoding: .utf8)
        }
        let kiosk = try gate.token(role: "kiosk")
        let clean = HealthDeclaration(submittedAt: Date().addingTimeInterval(-60).timeIntervalSince1970.rounded(.down), source: .token)
        let theirs = try DeclarationToken.issue(clean, subject: Subject(fullName: "Trần Thị Bình", birthDate: "1985-02-01"), key: service)
        let other = try gate.scan([try dcc(), theirs], token: kiosk)
        #expect(other.json["decision"] == "refer")
        #expect(codes(other.json) == ["declaration_other_person"])
        let mine = try DeclarationToken.issue(clean, subject: Subject(fullName: "NGUYEN VAN AN", birthDate: "1990-01-15"), key: service)
        let own = try gate.scan([try dcc(), mine], token: kiosk)
        #expect(own.json["decision"] == "admit", "\(own.json)")
        #expect(gate.stop() == 0)
    }

    @Test func aNULOrLineBreakInANameNeverBreaksTheAuditChain() async throws {
        let gate = try gate()
        let kiosk = try gate.token(role: "kiosk")
        // The card parser refuses control characters outright …
        let card = try gate.scan(["001090000001||Nguyễn\u{0}Văn An|15011990|Nam|Hà Nội|01012021"], token: kiosk)
        #expect(card.json["decision"] == "refuse")
        // … and a signed certificate's names are stored as they are hashed.
        let certificate = try gate.scan([try dcc(family: "Nguyễn\u{0}\u{1B}[2J", given: "Văn\nAn")], token: kiosk)
        #expect(certificate.json["recorded"] == true, "\(certificate.json)")
        let chain = try gate.command(["chain", "verify"])
        #expect(chain.status == 0, "\(chain.stdout) \(chain.stderr)")
        #expect(try JSONValue(parsing: chain.stdout)["intact"] == true)
        #expect(!gate.log.contains("\u{1B}[2J"))
        #expect(gate.stop() == 0)
    }

    @Test func theIntakeSurvivesASourceThatCannotStartAndRecoversWhenItCan() async throws {
        // The watched folder's path is taken by a file: the folder cannot be created.
        let gate = try gate(extra: "") { state in
            try Data("not a folder".utf8).write(to: state.appendingPathComponent("inbox"))
        }
        var alarmed = false
        for _ in 0..<20 where !alarmed {
            alarmed = gate.nextStatus(timeout: 1)?.contains("ALARM intake") == true
        }
        #expect(alarmed, "no intake alarm in STATUS=")
        #expect(gate.isRunning)
        #expect(LoopbackHTTP.get(port: gate.port, path: "/health")?.status == 200)
        let ready = LoopbackHTTP.get(port: gate.port, path: "/ready")
        #expect(ready?.status == 503)
        #expect(ready?.body.contains("intake_failing") == true, "\(ready?.body ?? "")")

        // Free the path: intake creates the folder on its next try and scans what arrives.
        try FileManager.default.removeItem(at: gate.state.appendingPathComponent("inbox"))
        let png = try PNGRenderer(scale: 3).render(try QRCodeEncoder(utf8ECI: false).encode(try dcc()))
        let deadline = Date().addingTimeInterval(60)
        let inbox = gate.state.appendingPathComponent("inbox")
        while !FileManager.default.fileExists(atPath: inbox.path) && Date() < deadline { try await Task.sleep(for: .milliseconds(200)) }
        try Data(png).write(to: gate.folder.url.appendingPathComponent("staged.png"))
        try FileManager.default.moveItem(at: gate.folder.url.appendingPathComponent("staged.png"), to: inbox.appendingPathComponent("a.png"))
        let store = CheckInStore(database: try GateDatabase(path: gate.state.appendingPathComponent("qrgate.sqlite").path, readOnly: true))
        var count = 0
        while count == 0 && Date() < deadline {
            try await Task.sleep(for: .milliseconds(200))
            count = try await store.all().count
        }
        #expect(count == 1, "\(gate.log)")
        #expect(gate.stop() == 0)
    }
}
