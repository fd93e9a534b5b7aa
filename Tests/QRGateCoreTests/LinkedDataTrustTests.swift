import Crypto
import Foundation
import QRGateCore
import QRGateFiles
import Testing

/// What a trust folder gives DIVOC: `did_*.pem` keys and the JSON-LD contexts of `contexts/`.
@Suite struct LinkedDataTrustTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ld-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("contexts"), withIntermediateDirectories: true)
        return folder
    }

    @Test func theDIVOCFolderGivesItsKeysAndContexts() throws {
        let loaded = try TrustStore.loadReporting(path: CredentialsWorldVectors.root.appendingPathComponent("trust/divoc").path)
        #expect(loaded.skipped.isEmpty)
        #expect(loaded.store.entries.isEmpty, "DIVOC keys are not DCC signers")
        #expect(Set(loaded.store.linkedDataKeys.keys) == ["did_india", "did_indonesia"])
        if case .rsa? = loaded.store.linkedDataKeys["did_india"] {} else { Issue.record("did_india is not RSA") }
        if case .ed25519? = loaded.store.linkedDataKeys["did_indonesia"] {} else { Issue.record("did_indonesia is not Ed25519") }
        #expect(loaded.store.jsonLDContexts.documents.count == 8)
        #expect(loaded.store.jsonLDContexts.documents["https://w3id.org/security/v2"]?["@context"] != nil)
        // Merged with another store, nothing is lost.
        let merged = TrustStore().merging(loaded.store)
        #expect(merged.linkedDataKeys.count == 2 && merged.jsonLDContexts.documents.count == 8)
    }

    @Test func unusableKeysAndContextsAreSkippedWithTheirNames() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = Curve25519.Signing.PrivateKey().publicKey.derRepresentationForTest
        let pem = "-----BEGIN PUBLIC KEY-----\n\(Data(good).base64EncodedString())\n-----END PUBLIC KEY-----\n"
        try pem.write(to: folder.appendingPathComponent("did_example.pem"), atomically: true, encoding: .utf8)
        try "junk".write(to: folder.appendingPathComponent("did_broken.pem"), atomically: true, encoding: .utf8)
        let index = #"{"https://ex.org/a": "a.json", "https://ex.org/escape": "../secret.json", "https://ex.org/missing": "missing.json"}"#
        try index.write(to: folder.appendingPathComponent("contexts/index.json"), atomically: true, encoding: .utf8)
        try #"{"@context": {"p": "https://ex.org/p"}}"#.write(
            to: folder.appendingPathComponent("contexts/a.json"), atomically: true, encoding: .utf8)
        let loaded = try TrustStore.loadReporting(path: folder.path)
        #expect(Set(loaded.store.linkedDataKeys.keys) == ["did_example"])
        #expect(Set(loaded.store.jsonLDContexts.documents.keys) == ["https://ex.org/a"])
        let messages = loaded.skipped.map(\.message).joined(separator: "\n")
        #expect(loaded.skipped.count == 3, "\(messages)")
        #expect(messages.contains("did_broken.pem"))
        #expect(messages.contains("https://ex.org/escape"))
        #expect(messages.contains("missing.json"))
    }

    /// An inline context of many terms, re-processed for every node that names it, reaches the
    /// work bound instead of running on.
    @Test func aHugeInlineContextIsRefusedAsTooComplex() throws {
        var terms: [String: JSONValue] = [:]
        for i in 0..<300 { terms["t\(i)"] = .string("https://ex.org/t\(i)") }
        let node = JSONValue.object(["@context": .object(terms), "https://ex.org/p": .string("v")])
        let document = JSONValue.object(["https://ex.org/items": .array(Array(repeating: node, count: 100))])
        do {
            var limits = JSONLDLimits()
            limits.maxWork = 20_000
            _ = try JSONLDProcessor(loader: JSONLDDocumentLoader(), limits: limits).toRDF(document)
            Issue.record("30,000 term definitions were processed under a bound of 20,000")
        } catch {
            #expect(error.code == .tooComplex)
        }
    }
}
