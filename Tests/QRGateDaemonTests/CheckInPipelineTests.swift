import Crypto
import Foundation
import Logging
import QRGateCore
import QRGateDaemon
import QRGateFiles
import QRGateStore
import QRGateTestSupport
import Testing

@testable import QRGateCheckIn

/// The pipeline in-process: decisions reach the store only through a commit, and what
/// happens after the commit (receipt image, printer) never changes what was recorded.
@Suite struct CheckInPipelineTests {
    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("device-config/rules").path

    func pipeline(
        in temporary: TemporaryDirectory, printer: String = "", mode: GatewayConfiguration.GateMode = .entry
    )
        throws -> (CheckInPipeline, CheckInStore, TestDCCIssuer)
    {
        var configuration = GatewayConfiguration()
        configuration.stateDirectory = temporary.url.path
        configuration.receipts.printer = printer
        configuration.gate.mode = mode
        let issuer = try TestDCCIssuer()
        let keys = try GateKeys.load(stateDirectory: temporary.url.path, gate: "gate-01", site: configuration.gate.site, environment: [:])
        let store = CheckInStore(
            database: try GateDatabase(path: temporary.url.appendingPathComponent("g.sqlite").path), personalKeys: keys.personalKeys)
        var pipeline = CheckInPipeline(
            configuration: configuration.checkIn,
            assessor: CredentialAssessor(
                trust: TrustStore(certificates: [try SignerCertificate(derEncoded: issuer.certificateDER)]),
                rules: try RuleFiles.evaluator(directory: Self.rules, country: "VN"), country: "VN", site: configuration.gate.site,
                keyring: keys.keyring, declarationKeyring: keys.declarationKeyring, personalKeys: keys.personalKeys),
            policy: AdmissionPolicy(), store: store, keys: keys, clock: SystemGateClock(), logger: Logger(label: "test"))
        pipeline.receipts = ReceiptDelivery(configuration: configuration.receiptDelivery, logger: Logger(label: "test"))
        return (pipeline, store, issuer)
    }

    func dcc(_ issuer: TestDCCIssuer, _ payload: JSONValue = TestDCCIssuer.vaccination()) throws -> String {
        try issuer.issue(payload, issuedAt: Date().addingTimeInterval(-60), expiresAt: Date().addingTimeInterval(3600))
    }

    @Test func aPrinterThatRefusesTheConnectionDoesNotAffectTheCheckIn() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        let (pipeline, store, issuer) = try pipeline(in: temporary, printer: "127.0.0.1:1")
        let delivery = try #require(pipeline.receipts)
        let delivering = Task { await delivery.run() }
        let outcome = await pipeline.process([try dcc(issuer)], origin: "test")
        guard case .recorded(let stored, let receipt) = outcome else {
            Issue.record("not recorded: \(outcome)")
            return
        }
        #expect(stored.decision.outcome == .admit)
        #expect(receipt?.hasPrefix("QRG1:") == true)
        #expect(try await store.all().map(\.id) == [stored.id])
        // The receipt is delivered after the commit, on the delivery's own thread.
        delivery.finish()
        await delivering.value
        #expect(FileManager.default.fileExists(atPath: temporary.url.appendingPathComponent("receipts/\(stored.id).png").path))
    }

    @Test func idCardAndCertificateOfDifferentPeopleAreRefusedAndFlagged() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (pipeline, _, issuer) = try pipeline(in: temporary)
        let card = "001090000001||Trần Thị Bình|01021985|Nữ|Hà Nội|01012021"
        let outcome = await pipeline.process([card, try dcc(issuer)], origin: "test")
        guard case .recorded(let stored, _) = outcome else {
            Issue.record("not recorded")
            return
        }
        #expect(stored.decision.outcome == .refuse)
        #expect(stored.decision.reasons.contains { $0.code == "identity_mismatch" })
        #expect(stored.flags.contains(.identityMismatch))
        // The card's identity is what is stored (ID number, name with diacritics).
        #expect(stored.subject?.idNumber == "001090000001")
    }

    @Test func aPersonalQRAndTheCertificateOfAnotherPersonAreRefusedAndFlagged() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (pipeline, _, issuer) = try pipeline(in: temporary)
        let personalQR = "001185006789|TRAN THI BINH|1985-02-01|0|163125478912345600|<2<HN4010112345678<0912345678"
        let outcome = await pipeline.process([personalQR, try dcc(issuer)], origin: "test")
        guard case .recorded(let stored, _) = outcome else {
            Issue.record("not recorded")
            return
        }
        #expect(stored.decision.outcome == .refuse)
        #expect(stored.decision.reasons.contains { $0.code == "identity_mismatch" })
        #expect(stored.flags.contains(.identityMismatch))
        #expect(stored.subject?.idNumber == "001185006789")
        #expect(stored.subject?.fullName == "TRAN THI BINH")
    }

    @Test func aPersonalQRAloneIsRecordedAsAnUnverifiedIdentity() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (pipeline, _, _) = try pipeline(in: temporary)
        let personalQR = "001090000001|NGUYEN VAN AN|1990-01-15|0|163125478912345600|<1"
        guard case .recorded(let stored, _) = await pipeline.process([personalQR], origin: "test") else {
            Issue.record("not recorded")
            return
        }
        #expect(stored.credential.kind == .personalQR)
        #expect(stored.credential.verified == false)
        #expect(stored.flags.contains(.unsignedIdentity))
    }

    @Test func matchingIdCardAndCertificateAreAdmitted() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (pipeline, _, issuer) = try pipeline(in: temporary)
        let card = "001090000001||Nguyễn Văn An|15011990|Nam|Hà Nội|01012021"
        guard case .recorded(let stored, _) = await pipeline.process([card, try dcc(issuer)], origin: "test") else {
            Issue.record("not recorded")
            return
        }
        #expect(stored.decision.outcome == .admit)
        #expect(stored.flags.isEmpty)
    }

    @Test func aReceiptFromThisSitePairsTheExitAtAnAutoGate() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (pipeline, _, issuer) = try pipeline(in: temporary, mode: .auto)
        guard case .recorded(let entry, let receipt?) = await pipeline.process([try dcc(issuer)], origin: "in") else {
            Issue.record("entry not recorded")
            return
        }
        #expect(entry.direction == .entry)
        guard case .recorded(let exit, _) = await pipeline.process([receipt], origin: "out") else {
            Issue.record("exit not recorded")
            return
        }
        #expect(exit.direction == .exit)
        #expect(exit.pairedEntryID == entry.id)
        #expect(exit.decision.outcome == .admit)
    }
}

/// Health declarations from `QRD1:` tokens presented with the certificate.
@Suite struct DeclarationPipelineTests {
    @Test func declaredSymptomsReferAndTheDeclarationIsStored() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let service = P256.Signing.PrivateKey()
        try FileManager.default.createDirectory(at: temporary.url.appendingPathComponent("declaration-keys"), withIntermediateDirectories: true)
        try service.publicKey.pemRepresentation.write(
            to: temporary.url.appendingPathComponent("declaration-keys/moh.pem"), atomically: true, encoding: .utf8)
        let (pipeline, store, issuer) = try CheckInPipelineTests().pipeline(in: temporary)
        let declaration = HealthDeclaration(
            symptoms: [.fever, .cough], travelledLast14Days: true, freeText: "sốt nhẹ từ hôm qua",
            submittedAt: Date().addingTimeInterval(-600).timeIntervalSince1970.rounded(.down), source: .token)
        let token = try DeclarationToken.issue(declaration, subject: Subject(fullName: "Nguyễn Văn An", birthDate: "1990-01-15"), key: service)
        guard case .recorded(let stored, _) = await pipeline.process([try CheckInPipelineTests().dcc(issuer), token], origin: "test") else {
            Issue.record("not recorded")
            return
        }
        #expect(stored.decision.outcome == .refer)
        #expect(stored.decision.reasons.map(\.code) == ["symptoms_declared"])
        #expect(try await store.checkIn(id: stored.id)?.declaration == declaration)
    }

    @Test func aDeclarationSignedByAnUnknownKeyIsIgnoredNotTrusted() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (pipeline, _, issuer) = try CheckInPipelineTests().pipeline(in: temporary)
        let forged = try DeclarationToken.issue(
            HealthDeclaration(submittedAt: Date().timeIntervalSince1970, source: .token), subject: Subject(), key: P256.Signing.PrivateKey())
        guard case .recorded(let stored, _) = await pipeline.process([try CheckInPipelineTests().dcc(issuer), forged], origin: "test") else {
            Issue.record("not recorded")
            return
        }
        #expect(stored.declaration == nil)
        #expect(stored.decision.outcome == .admit)
    }
}
