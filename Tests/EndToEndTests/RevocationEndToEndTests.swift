import Crypto
import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// #18 item 2, against the built daemon: the gate syncs the EU DCC revocation list from the
/// central service as a signed resource, refuses a certificate it names with `revoked`, admits
/// the others, refuses a list signed by another key, and still refuses after a restart with the
/// central service gone.
@Suite(.serialized) struct RevocationEndToEndTests {
    let issuer: TestDCCIssuer
    init() throws { issuer = try TestDCCIssuer() }

    func certificate(_ uvci: String) throws -> String {
        var payload = TestDCCIssuer.vaccination()
        if case .object(var members) = payload, case .array(var entries)? = members["v"], case .object(var first) = entries[0] {
            first["ci"] = .string(uvci)
            entries[0] = .object(first)
            members["v"] = .array(entries)
            payload = .object(members)
        }
        return try issuer.issue(payload, issuedAt: Date().addingTimeInterval(-3600), expiresAt: Date().addingTimeInterval(86_400))
    }

    static func codes(_ json: JSONValue) -> [String] { json["reasons"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? [] }

    /// Polls the operator status until the revocation list of `version` is in use.
    static func waitForList(_ gate: RunningGate, version: Int, operatorToken: String) async -> JSONValue? {
        let deadline = Date().addingTimeInterval(60)
        repeat {
            if let answer = LoopbackExchange.send("GET", "/v1/status", port: gate.port, headers: ["Authorization": "Bearer " + operatorToken]),
                let json = try? JSONValue(parsing: Array(answer.body.utf8)),
                json["verification"]?["revocation_list_version"]?.numberValue == Double(version)
            {
                return json
            }
            try? await Task.sleep(for: .milliseconds(250))
        } while Date() < deadline && gate.isRunning
        return nil
    }

    @Test func aRevokedCertificateIsRefusedAfterTheSyncAndAfterARestart() async throws {
        let revoked = try certificate("URN:UVCI:01:VN:REVOKED0001#A")
        let good = try certificate("URN:UVCI:01:VN:STILLGOOD01#B")
        let kid = try #require(CredentialInspector.inspect(text: revoked, trust: TrustStore(), at: Date()).keyIdentifier)
        let hashes = try DCCRevocationHashes(hc1: revoked)
        let payload = String(decoding: DCCRevocationResource.encode([(kid, .countryCodeUCI, [try #require(hashes.countryCodeUCI)])]), as: UTF8.self)
        let centralKey = P256.Signing.PrivateKey()
        let der = issuer.certificateDER

        let trustList = #"{"certificates":[{"certificate":"\#(Data(der).base64EncodedString())"}]}"#
        try await CentralReceiver.with { receiver in
            receiver.serve(try .enveloped(trustList, name: "trust-list", version: 1, issuedAt: Date(), key: centralKey), at: "/v1/trust-list")
            // First a revocation list signed by another key: refused, nothing revoked.
            receiver.serve(
                try .enveloped(payload, name: "revocation-list", version: 1, issuedAt: Date(), key: P256.Signing.PrivateKey()),
                at: "/v1/revocation-list")
            let gate = try await offThePool {
                try RunningGate(
                    gate: "gate-r", site: "site-r", mode: "entry",
                    yaml: """
                        trust:
                          rules_directory: \(AdmissionAttackTests.rules)
                        scanner:
                          dedup_seconds: 0
                        central:
                          url: \(receiver.baseURL)
                          signing_key_file: central.pem
                          revocation_max_age_hours: 24
                        """,
                    prepare: { state in
                        try FileManager.default.createDirectory(at: state.appendingPathComponent("trust"), withIntermediateDirectories: true)
                        try Data(der).write(to: state.appendingPathComponent("trust/dsc.der"))
                        try centralKey.publicKey.pemRepresentation.write(
                            to: state.appendingPathComponent("central.pem"), atomically: true, encoding: .utf8)
                    })
            }
            defer { gate.stop() }
            let kiosk = try await offThePool { try gate.token(role: "kiosk") }
            let operatorToken = try await offThePool { try gate.token(role: "operator") }
            // The first sync runs at start; wait until the gate has tried the revocation list.
            func refusedList() -> Bool {
                gate.log.split(separator: "\n").contains { $0.contains("central resource sync failed") && $0.contains("revocation-list") }
            }
            let tried = Date().addingTimeInterval(30)
            while !refusedList() && Date() < tried { try await Task.sleep(for: .milliseconds(200)) }
            #expect(refusedList(), "\(gate.log)")
            let beforeList = try await offThePool { try gate.scan([revoked], token: kiosk) }
            #expect(beforeList.json["decision"] == "admit", "a list signed by another key is not used: \(beforeList.json)")

            // The list signed by the central key: installed at the next sync (the gate restarts to sync now).
            receiver.serve(
                try .enveloped(payload, name: "revocation-list", version: 2, issuedAt: Date(), key: centralKey), at: "/v1/revocation-list")
            try await offThePool { try gate.restart() }
            let status = try #require(await Self.waitForList(gate, version: 2, operatorToken: operatorToken), "\(gate.log)")
            #expect(status["verification"]?["revocation_entries"]?.numberValue == 1)
            #expect(status["verification"]?["revocation_list_stale"]?.boolValue == false)

            let refused = try await offThePool { try gate.scan([revoked], token: kiosk) }
            #expect(refused.json["decision"] == "refuse")
            #expect(Self.codes(refused.json) == ["revoked"], "\(refused.json)")
            let admitted = try await offThePool { try gate.scan([good], token: kiosk) }
            #expect(admitted.json["decision"] == "admit", "\(admitted.json)")

            // The central service goes away; after a restart the installed list still refuses.
            // The gate stops first, and starts again only once the receiver has closed: a connection
            // that reaches the in-process receiver while it shuts down traps in NIO.
            _ = try await offThePool { gate.stop() }
            await receiver.stopListeningAndWait()
            #expect(!receiver.isServing)
            try await offThePool { try gate.restart() }
            let again = try await offThePool { try gate.scan([revoked], token: kiosk) }
            #expect(Self.codes(again.json) == ["revoked"], "\(again.json)")
            #expect(gate.stop() == 0)
        }
    }
}
