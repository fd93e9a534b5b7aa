import Crypto
import Foundation
import QRGateCore
import QRGateFiles
import QRGateTestSupport
import Testing

/// #18 item 7, against the built daemon: the trust material of the other formats arrives from
/// the central service as the signed `credential-trust` resource, goes into the same verified
/// snapshot, and survives a restart; before it arrives, a SMART Health Card's issuer is unknown.
@Suite(.serialized) struct CredentialTrustSyncTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/credentials-world")

    static func codes(_ json: JSONValue) -> [String] { json["reasons"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? [] }

    static func card(_ name: String) throws -> String {
        try #require(try JSONValue(parsing: Data(contentsOf: fixtures.appendingPathComponent("shc/\(name).json")))["qr"]?.stringValue)
    }

    @Test func aSmartHealthCardVerifiesOnceTheCredentialTrustIsSyncedAndAfterARestart() async throws {
        let card = try Self.card("shc-gen-valid-vax")
        let archive = try TrustFolderArchive.pack(folder: Self.fixtures.appendingPathComponent("trust/shc").path)
        let centralKey = P256.Signing.PrivateKey()
        let dsc = try TestDCCIssuer()
        let trustList = #"{"certificates":[{"certificate":"\#(Data(dsc.certificateDER).base64EncodedString())"}]}"#
        try await CentralReceiver.with { receiver in
            receiver.serve(try .enveloped(trustList, name: "trust-list", version: 1, issuedAt: Date(), key: centralKey), at: "/v1/trust-list")
            let gate = try await offThePool {
                try RunningGate(
                    gate: "gate-c", site: "site-c", mode: "entry",
                    yaml: """
                        trust:
                          rules_directory: \(AdmissionAttackTests.rules)
                        scanner:
                          dedup_seconds: 0
                        central:
                          url: \(receiver.baseURL)
                          signing_key_file: central.pem
                        """,
                    prepare: { state in
                        try centralKey.publicKey.pemRepresentation.write(
                            to: state.appendingPathComponent("central.pem"), atomically: true, encoding: .utf8)
                    })
            }
            defer { gate.stop() }
            let kiosk = try await offThePool { try gate.token(role: "kiosk") }
            // Wait for the first sync pass (the trust list is installed; credential trust is not served yet).
            let deadline = Date().addingTimeInterval(30)
            while !gate.log.contains("credential-trust") && Date() < deadline { try await Task.sleep(for: .milliseconds(200)) }
            let unknown = try await offThePool { try gate.scan([card], token: kiosk) }
            #expect(unknown.json["decision"] == "refuse")
            #expect(Self.codes(unknown.json) == ["certificate_invalid"], "\(unknown.json)")
            #expect("\(unknown.json)".contains("signature"), "the issuer is not known yet: \(unknown.json)")

            // Served signed by the central key: installed at the next sync (a restart syncs now).
            receiver.serve(
                try .enveloped(
                    String(decoding: archive.encoded(), as: UTF8.self), name: "credential-trust", version: 1, issuedAt: Date(), key: centralKey),
                at: "/v1/credential-trust")
            try await offThePool { try gate.restart() }
            let installed = Date().addingTimeInterval(30)
            while !gate.log.contains("credential_trust.files") && Date() < installed { try await Task.sleep(for: .milliseconds(200)) }
            let verified = try await offThePool { try gate.scan([card], token: kiosk) }
            #expect(!Self.codes(verified.json).contains("certificate_invalid"), "the card verifies now: \(verified.json)")

            // Without the central service, the unpacked folder is read at start.
            // The gate stops first, and starts again only once the receiver has closed: a connection
            // that reaches the in-process receiver while it shuts down traps in NIO.
            _ = try await offThePool { gate.stop() }
            await receiver.stopListeningAndWait()
            #expect(!receiver.isServing)
            try await offThePool { try gate.restart() }
            let again = try await offThePool { try gate.scan([card], token: kiosk) }
            #expect(!Self.codes(again.json).contains("certificate_invalid"), "\(again.json)")
            #expect(Self.codes(again.json) == Self.codes(verified.json))
            #expect(gate.stop() == 0)
        }
    }
}
