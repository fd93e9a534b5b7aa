import Foundation
import Logging
import QRGateCheckIn
import QRGateCore
import QRGateTestSupport
import Synchronization
import Testing

/// Verification data is one snapshot in memory: a synced body is parsed and compiled once when
/// it is prepared, published whole, and a body that fails to prepare changes nothing. Scans
/// never read files.
@Suite struct VerificationDataTests {
    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("device-config/rules").path

    static let booster: JSONValue = [
        [
            "Identifier": "VR-VN-0100", "Type": "Acceptance", "Country": "VN", "Version": "1.0.0", "Engine": "CERTLOGIC",
            "CertificateType": "Vaccination", "ValidFrom": "2021-01-01T00:00:00Z", "ValidTo": "2035-01-01T00:00:00Z",
            "Logic": ["if": [["var": "payload.v.0"], [">=": [["var": "payload.v.0.dn"], 3]], true]],
        ]
    ]

    /// The verification data of a gate whose folders are under `temporary` (rules: the repository's).
    func load(_ temporary: TemporaryDirectory) throws -> VerificationData {
        try VerificationData.load(
            trustPath: temporary.url.appendingPathComponent("none").path, rulesDirectory: Self.rules,
            syncedDirectory: temporary.url.appendingPathComponent("central").path, country: "VN", logger: Logger(label: "test"))
    }

    func failed(_ data: VerificationData) -> [String]? {
        data.current.rules?.evaluate(payload: TestDCCIssuer.vaccination(), issuedAt: nil, expiresAt: nil, country: "VN", at: Date()).failedRuleIDs
    }

    @Test func syncedRulesSwapInWhenPublishedAndABrokenBodyKeepsThePreviousSet() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let data = try load(temporary)
        let folderVersion = try #require(data.current.rules?.ruleSet.version)
        #expect(failed(data) == [])

        // The central service now requires a booster (3 doses): prepared, not yet in use.
        let publish = try data.prepare(.ruleSets, data: Data(Self.booster.serialized().utf8))
        #expect(failed(data) == [])
        publish()
        #expect(failed(data) == ["VR-VN-0100"])
        #expect(data.current.rules?.ruleSet.version != folderVersion)

        // Broken bodies are refused when prepared and change nothing.
        #expect(throws: (any Error).self) { _ = try data.prepare(.ruleSets, data: Data("{not json".utf8)) }
        let badLogic: JSONValue = [
            [
                "Identifier": "X", "Country": "VN", "Version": "1", "ValidFrom": "2021-01-01T00:00:00Z", "ValidTo": "2035-01-01T00:00:00Z",
                "Logic": ["nope": [1]],
            ]
        ]
        #expect(throws: (any Error).self) { _ = try data.prepare(.ruleSets, data: Data(badLogic.serialized().utf8)) }
        #expect(throws: (any Error).self) { _ = try data.prepare(.valueSets, data: Data("[1,2]".utf8)) }
        #expect(throws: (any Error).self) { _ = try data.prepare(.trustList, data: Data("{\"certificates\":[]}".utf8)) }
        #expect(failed(data) == ["VR-VN-0100"])
    }

    @Test func aFileWrittenBehindTheDaemonsBackIsNotReadByAScan() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let synced = temporary.url.appendingPathComponent("central")
        try FileManager.default.createDirectory(at: synced, withIntermediateDirectories: true)
        let data = try load(temporary)
        try Self.booster.serialized().write(to: synced.appendingPathComponent("rule-sets.json"), atomically: true, encoding: .utf8)
        // Only the sync publishes; the file counts at the next start.
        #expect(failed(data) == [])
        let restarted = try load(temporary)
        #expect(failed(restarted) == ["VR-VN-0100"])
        // A broken synced file at start is skipped: the folder's rules stand.
        try "{not json".write(to: synced.appendingPathComponent("rule-sets.json"), atomically: true, encoding: .utf8)
        let broken = try load(temporary)
        #expect(failed(broken) == [])
    }

    @Test func newValueSetsRecompileTheRulesInUse() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let data = try load(temporary)
        // A rule that needs the vaccine product to be in the value set `vaccines-covid-19-names`.
        let product: JSONValue = [
            [
                "Identifier": "VR-VN-0200", "Type": "Acceptance", "Country": "VN", "Version": "1.0.0", "Engine": "CERTLOGIC",
                "CertificateType": "Vaccination", "ValidFrom": "2021-01-01T00:00:00Z", "ValidTo": "2035-01-01T00:00:00Z",
                "Logic": ["in": [["var": "payload.v.0.mp"], ["var": "external.valueSets.vaccines-covid-19-names"]]],
            ]
        ]
        try data.prepare(.ruleSets, data: Data(product.serialized().utf8))()
        #expect(failed(data) == [])
        try data.prepare(.valueSets, data: Data(#"{"vaccines-covid-19-names": ["EU/1/20/1507"]}"#.utf8))()
        #expect(failed(data) == ["VR-VN-0200"])
        #expect(data.current.valueSetsOrigin == "synced")
    }

    /// A junk file in the operator's trust folder is logged with its name and skipped; the
    /// certificate next to it is trusted and the gate starts (issue 18, item 8).
    @Test func aJunkTrustFileIsLoggedAndSkipped() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let trust = temporary.url.appendingPathComponent("trust")
        try FileManager.default.createDirectory(at: trust, withIntermediateDirectories: true)
        let issuer = try TestDCCIssuer()
        try Data(issuer.certificateDER).write(to: trust.appendingPathComponent("dsc.der"))
        try Data("junk".utf8).write(to: trust.appendingPathComponent("notes.txt"))
        let records = RecordingLogHandler.Records()
        let data = try VerificationData.load(
            trustPath: trust.path, rulesDirectory: Self.rules, syncedDirectory: temporary.url.appendingPathComponent("central").path,
            country: "VN", logger: Logger(label: "test") { _ in RecordingLogHandler(records: records) })
        #expect(data.current.trust.signers(forKeyIdentifier: issuer.keyIdentifier).count == 1)
        let skipped = records.lines.withLock { $0 }.filter { $0.message == "trust file skipped" }
        #expect(skipped.count == 1)
        #expect(skipped.first?.level == .warning)
        #expect(skipped.first?.error.contains("notes.txt") == true)
    }
}

/// Keeps what is logged, for assertions.
struct RecordingLogHandler: LogHandler {
    struct Line: Sendable {
        var level: Logger.Level
        var message: String
        var error: String
    }
    final class Records: Sendable {
        let lines = Mutex<[Line]>([])
    }
    let records: Records
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let error = event.metadata?["error"].map { "\($0)" } ?? ""
        records.lines.withLock { $0.append(Line(level: event.level, message: "\(event.message)", error: error)) }
    }
}
