import Foundation
import Logging
import QRGateCore
import QRGateDaemon
import QRGateTestSupport
import Testing

/// Rules synced from the central service replace the folder's rules for the next scan; a broken
/// synced file keeps the previous set.
@Suite struct RuleSetSourceTests {
    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("device-config/rules").path

    @Test func syncedRulesSwapInAndABrokenFileKeepsThePreviousSet() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let synced = temporary.url.appendingPathComponent("central")
        try FileManager.default.createDirectory(at: synced, withIntermediateDirectories: true)
        let source = try RuleSetSource(country: "VN", directory: Self.rules, syncedDirectory: synced.path, logger: Logger(label: "test"))
        let folderVersion = try #require(source.version)
        let payload = TestDCCIssuer.vaccination()
        let now = Date()
        #expect(source.evaluate(payload: payload, issuedAt: nil, expiresAt: nil, country: "VN", at: now).failedRuleIDs.isEmpty)

        // The central service now requires a booster (3 doses).
        let booster: JSONValue = [[
            "Identifier": "VR-VN-0100", "Type": "Acceptance", "Country": "VN", "Version": "1.0.0", "Engine": "CERTLOGIC",
            "CertificateType": "Vaccination", "ValidFrom": "2021-01-01T00:00:00Z", "ValidTo": "2035-01-01T00:00:00Z",
            "Logic": ["if": [["var": "payload.v.0"], [">=": [["var": "payload.v.0.dn"], 3]], true]],
        ]]
        let rulesFile = synced.appendingPathComponent("rule-sets.json")
        try booster.serialized().write(to: rulesFile, atomically: true, encoding: .utf8)
        #expect(throws: Never.self) { try RuleSetSource.validateRules(Data(booster.serialized().utf8), country: "VN") }
        let outcome = source.evaluate(payload: payload, issuedAt: nil, expiresAt: nil, country: "VN", at: now)
        #expect(outcome.failedRuleIDs == ["VR-VN-0100"])
        #expect(outcome.version != folderVersion)

        // A broken file (the sync would have refused it; here it is written by hand) changes nothing.
        try "{not json".write(to: rulesFile, atomically: true, encoding: .utf8)
        #expect(source.evaluate(payload: payload, issuedAt: nil, expiresAt: nil, country: "VN", at: now).failedRuleIDs == ["VR-VN-0100"])
        #expect(throws: (any Error).self) { try RuleSetSource.validateRules(Data("{not json".utf8), country: "VN") }
        let badLogic: JSONValue = [["Identifier": "X", "Country": "VN", "Version": "1", "ValidFrom": "2021-01-01T00:00:00Z", "ValidTo": "2035-01-01T00:00:00Z", "Logic": ["nope": [1]]]]
        #expect(throws: (any Error).self) { try RuleSetSource.validateRules(Data(badLogic.serialized().utf8), country: "VN") }
    }
}
