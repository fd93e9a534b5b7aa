import Foundation
import Logging
import QRGateCheckIn
import QRGateCore
import QRGateFiles
import QRGateTestSupport
import Testing

/// A synced revocation list is prepared once (keys computed, sorted, written beside the other
/// synced files), put in use whole, survives a restart from its keys file, and a damaged list
/// changes nothing.
@Suite struct RevocationInstallTests {
    let issuer: TestDCCIssuer
    init() throws { issuer = try TestDCCIssuer() }

    func load(_ temporary: TemporaryDirectory, policy: VerificationData.RevocationPolicy = .init()) throws -> VerificationData {
        try VerificationData.load(
            trustPath: temporary.url.appendingPathComponent("trust").path, rulesDirectory: VerificationDataTests.rules,
            syncedDirectory: temporary.url.appendingPathComponent("central").path, country: "VN", logger: Logger(label: "test"),
            revocationPolicy: policy)
    }

    func certificate(_ number: Int) throws -> String {
        var payload = TestDCCIssuer.vaccination()
        payload = .object(
            (payload.objectValue ?? [:]).merging(
                [
                    "v": [
                        [
                            "tg": "840539006", "vp": "1119349007", "mp": "EU/1/20/1528", "ma": "ORG-100030215", "dn": 2, "sd": 2,
                            "dt": "2021-09-01", "co": "VN", "is": "Ministry of Health", "ci": .string("URN:UVCI:01:VN:REVOKE\(number)#X"),
                        ]
                    ]
                ], uniquingKeysWith: { $1 }))
        return try issuer.issue(payload, issuedAt: Date().addingTimeInterval(-60), expiresAt: Date().addingTimeInterval(86_400))
    }

    /// The list naming `certificates` by their UCI hash, plus `filler` random entries.
    func list(naming certificates: [String], filler: Int = 1_000) throws -> Data {
        let kid = try #require(CredentialInspector.inspect(text: certificates[0], trust: TrustStore(), at: Date()).keyIdentifier)
        var noise = SystemRandomNumberGenerator()
        let named = try certificates.map { try #require(try DCCRevocationHashes(hc1: $0).uci) }
        let random = (0..<filler).map { _ in (0..<16).map { _ in UInt8.random(in: 0...255, using: &noise) } }
        return Data(DCCRevocationResource.encode([(kid, .uci, named + random)]))
    }

    func check(_ data: VerificationData, _ text: String, at clock: Date = Date()) -> (InspectionReport.Status, String?) {
        let report = CredentialInspector.inspect(text: text, trust: data.current.trust, at: clock)
        return (report.status(.revocation), report.errors.first { $0.check == .revocation }?.code)
    }

    @Test func aSyncedListRevokesWhatItNamesAndSurvivesARestart() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try FileManager.default.createDirectory(at: temporary.url.appendingPathComponent("trust"), withIntermediateDirectories: true)
        try Data(issuer.certificateDER).write(to: temporary.url.appendingPathComponent("trust/dsc.der"))
        try FileManager.default.createDirectory(at: temporary.url.appendingPathComponent("central"), withIntermediateDirectories: true)
        let revoked = try certificate(1)
        let good = try certificate(2)

        let data = try load(temporary)
        #expect(data.current.trust.revocation == nil)
        #expect(CredentialInspector.inspect(text: revoked, trust: data.current.trust, at: Date()).checks[.revocation] == nil, "no list: no check")

        let publish = try data.prepareRevocationList(try list(naming: [revoked]), version: 7, issuedAt: Date().addingTimeInterval(-60))
        #expect(data.current.trust.revocation == nil, "prepared, not yet in use")
        publish()
        #expect(check(data, revoked) == (.fail, "revoked"))
        #expect(check(data, good) == (.pass, nil))
        #expect(CredentialInspector.inspect(text: good, trust: data.current.trust, at: Date()).isValid)
        #expect(data.revocationStatus == "version 7: 1001 entries")

        // A damaged list is refused when prepared; the list in use stays.
        #expect(throws: DCCRevocationError.self) { _ = try data.prepareRevocationList(Data("{\"format\":1}".utf8), version: 8, issuedAt: Date()) }
        #expect(data.current.trust.revocation?.version == 7)

        // A new trust list keeps the revocation list.
        let trustList = #"{"certificates":[{"certificate":"\#(Data(issuer.certificateDER).base64EncodedString())"}]}"#
        try data.prepare(.trustList, data: Data(trustList.utf8))()
        #expect(check(data, revoked) == (.fail, "revoked"))

        // The next start reads the installed keys file.
        let restarted = try load(temporary)
        #expect(restarted.current.trust.revocation?.version == 7)
        #expect(check(restarted, revoked) == (.fail, "revoked"))
        #expect(check(restarted, good) == (.pass, nil))
    }

    @Test(arguments: [DCCRevocationState.WhenStale.refuse, .warn])
    func aStaleListRefusesOrWarnsAsConfigured(whenStale: DCCRevocationState.WhenStale) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try FileManager.default.createDirectory(at: temporary.url.appendingPathComponent("central"), withIntermediateDirectories: true)
        let good = try certificate(3)
        let data = try load(temporary, policy: .init(staleAfter: 3600, whenStale: whenStale))
        try data.prepareRevocationList(try list(naming: [try certificate(4)]), version: 1, issuedAt: Date().addingTimeInterval(-7200))()
        let report = CredentialInspector.inspect(text: good, trust: data.current.trust, at: Date())
        switch whenStale {
        case .refuse:
            #expect(check(data, good) == (.fail, "revocation_list_stale"))
        case .warn:
            #expect(check(data, good) == (.pass, nil))
            #expect(report.notes.contains { $0.contains("revocation list is 2 h old") })
        }
        // Within the age limit the list is fresh either way.
        #expect(check(data, good, at: Date().addingTimeInterval(-5400)) == (.pass, nil))
    }

    @Test func aRevokedCertificateIsRefusedWithItsOwnReason() throws {
        let revoked = try certificate(5)
        let index = try DCCRevocationIndex(store: InMemoryRevocationKeys(try DCCRevocationResource.keys(of: Array(try list(naming: [revoked])))))
        var trust = TrustStore(certificates: [try SignerCertificate(derEncoded: issuer.certificateDER)])
        trust.revocation = DCCRevocationState(index: index, version: 1, issuedAt: Date(), staleAfter: 3600, whenStale: .refuse)
        let rules = try #require(
            try CertLogicRuleEvaluator.compile(
                country: "VN", documents: try RuleFilesDocuments.vn(), valueSets: ValueSets.bundled.compressed()))
        let assessor = CredentialAssessor(
            trust: trust, rules: rules, country: "VN", site: "s", keyring: ES256Keyring(),
            personalKeys: PersonalKeys(siteSecret: Array(repeating: 1, count: 32), gateSecret: Array(repeating: 2, count: 32)))
        for (text, expected) in [(revoked, ["revoked"]), (try certificate(6), ["certificate_accepted"])] {
            let decided = AdmissionPolicy().decide(assessor.assess([text], at: Date()).evidence, direction: .entry, now: Date())
            #expect(decided.decision.reasons.map(\.code) == expected)
        }
    }

    @Test func aDamagedKeysFileIsNotUsed() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let path = temporary.url.appendingPathComponent("revocation.keys").path
        try RevocationKeyFile.install(
            InMemoryRevocationKeys((0..<100).map { RevocationKey(high: UInt64($0), low: 0) }).keys, version: 2, issuedAt: Date(), to: path)
        #expect(try RevocationKeyFile(path: path).index().count == 100)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 32 + 50 * 16 + 3)
        try handle.close()
        #expect(throws: DCCRevocationError("damaged", "")) { try RevocationKeyFile(path: path) }
        try Data("not a list".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: DCCRevocationError("damaged", "")) { try RevocationKeyFile(path: path) }
    }
}

/// The repository's VN rules as documents.
enum RuleFilesDocuments {
    static func vn() throws -> [(source: String, json: JSONValue)] {
        try RuleFiles.documents(in: VerificationDataTests.rules)
    }
}
