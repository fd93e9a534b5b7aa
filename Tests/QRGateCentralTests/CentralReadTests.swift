import Crypto
import Foundation
import QRGateForwarder
import QRGateTestSupport
import Testing

/// What central serves back: signed resources with ETags, the fleet, the site-wide views and
/// the tracing queries, each personal read in the access log first.
@Suite(.serialized)
struct CentralReadTests {
    static let now = Int64(Date().timeIntervalSince1970 * 1000)

    @Test func publishedResourcesAreSignedVersionedAndServedWithETags() throws {
        let central = try RunningCentral(databaseURL: try TestPostgres.freshDatabase())
        try central.start()
        defer { central.stop() }
        let token = try central.addGate("gate-a")
        #expect(central.get("/v1/rule-sets", token: token)?.status == 404, "nothing published yet")
        let file = central.folder.url.appendingPathComponent("rules.json")
        let payload = Data(#"[{"Identifier":"GR-VN-0001"}]"#.utf8)
        try payload.write(to: file)
        let published = try central.command(["publish", "rule-sets", file.path])
        #expect(published.status == 0, "\(published.stderr)")
        #expect(published.stdout.contains("version 1"))

        let answer = try #require(central.get("/v1/rule-sets", token: token))
        #expect(answer.status == 200)
        let signature = try #require(answer.headers["x-qrgate-signature"])
        let etag = try #require(answer.headers["etag"])
        let body = Data(answer.body.utf8)
        let raw = try P256.Signing.ECDSASignature(rawRepresentation: try #require(Data(base64Encoded: signature)))
        #expect(central.signingKey.publicKey.isValidSignature(raw, for: body), "signed with the central key over the exact body")
        let envelope = try SignedResourceEnvelope.decode(body)
        #expect(envelope.resource == "rule-sets")
        #expect(envelope.version == 1)
        #expect(envelope.payload == payload)
        #expect(central.get("/v1/rule-sets", token: token, headers: ["If-None-Match": etag])?.status == 304)
        #expect(central.get("/v1/rule-sets", token: "wrong")?.status == 401)

        // The key as a systemd credential instead of a file; the next version supersedes.
        let credentials = central.folder.url.appendingPathComponent("credentials")
        try FileManager.default.createDirectory(at: credentials, withIntermediateDirectories: true)
        try central.signingKey.pemRepresentation.write(
            to: credentials.appendingPathComponent("central-signing-key"), atomically: true, encoding: .utf8)
        let yaml = try String(contentsOf: central.config, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("signing_key_file") }.joined(
            separator: "\n")
        try yaml.write(to: central.config, atomically: true, encoding: .utf8)
        let second = try central.command(["publish", "rule-sets", file.path], environment: ["CREDENTIALS_DIRECTORY": credentials.path])
        #expect(second.status == 0, "\(second.stderr)")
        let newer = try #require(central.get("/v1/rule-sets", token: token, headers: ["If-None-Match": etag]))
        #expect(newer.status == 200)
        #expect(try SignedResourceEnvelope.decode(Data(newer.body.utf8)).version == 2)
        #expect(newer.headers["etag"] != etag)
        #expect(try central.command(["publish", "holiday-list", file.path]).status != 0)
    }

    @Test func theFleetFlagsSilentAndStaleGates() throws {
        let central = try RunningCentral(
            databaseURL: try TestPostgres.freshDatabase(), yaml: "fleet:\n  silent_after_minutes: 10\n  stale_trust_list_hours: 24\n")
        try central.start()
        defer { central.stop() }
        let fresh = try central.addGate("gate-fresh")
        _ = try central.addGate("gate-never")
        let operatorToken = try central.addOperator("ops")
        let issued = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3600))
        let report =
            #"{"version":"1.2.3","outbox_depth":4,"oldest_unsent_age_seconds":12,"dead_letters":0,"trust_list_version":7,"trust_list_issued_at":"\#(issued)"}"#
        let posted = LoopbackExchange.send(
            "POST", "/v1/gates/gate-fresh/status", port: central.port,
            headers: ["Authorization": "Bearer " + fresh, "Content-Type": "application/json"],
            body: Array(report.utf8))
        #expect(posted?.status == 204)
        #expect(central.get("/v1/fleet", token: fresh)?.status == 403, "a gate cannot read the fleet")
        let fleet = try #require(central.get("/v1/fleet", token: operatorToken))
        let gates = try #require(try JSONSerialization.jsonObject(with: Data(fleet.body.utf8)) as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: gates.map { ($0["gate"] as? String ?? "", $0) })
        #expect(byName["gate-fresh"]?["silent"] as? Bool == false)
        #expect(byName["gate-fresh"]?["stale"] as? Bool == false)
        #expect((byName["gate-fresh"]?["report"] as? [String: Any])?["outbox_depth"] as? Int == 4)
        #expect(byName["gate-never"]?["silent"] as? Bool == true)
        #expect(byName["gate-never"]?["stale"] as? Bool == true)
        // A trust list older than the limit makes the gate stale.
        let old = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-48 * 3600))
        _ = LoopbackExchange.send(
            "POST", "/v1/gates/gate-fresh/status", port: central.port, headers: ["Authorization": "Bearer " + fresh],
            body: Array(#"{"trust_list_issued_at":"\#(old)"}"#.utf8))
        let later = try #require(central.get("/v1/fleet", token: operatorToken))
        let again = try #require(try JSONSerialization.jsonObject(with: Data(later.body.utf8)) as? [[String: Any]])
        #expect(again.first { $0["gate"] as? String == "gate-fresh" }?["stale"] as? Bool == true)
    }

    @Test func siteViewsPairAcrossGatesAndTracingIsLoggedFirst() throws {
        let central = try RunningCentral(databaseURL: try TestPostgres.freshDatabase())
        try central.start()
        defer { central.stop() }
        let laneA = try central.addGate("lane-a", site: "site-1")
        let laneB = try central.addGate("lane-b", site: "site-1")
        let reader = try central.addOperator("tracer-1")
        let hour: Int64 = 3_600_000
        // P1: in at lane A, out at lane B 3 h ago. P2: in at lane A, still inside. P3: in at B 1 h ago.
        // P4: in at lane A 10 h ago (far from P1's visit).
        func send(_ token: String, _ gate: String, _ records: [String]) {
            let answer = central.post(gate: gate, token: token, body: TestBatch.body(gate: gate, records: records))
            #expect(answer?.status == 200, "\(answer?.body ?? "")")
        }
        send(
            laneA, "lane-a",
            [
                TestBatch.record(
                    id: TestBatch.id(milliseconds: Self.now - 4 * hour), gate: "lane-a", site: "site-1", milliseconds: Self.now - 4 * hour,
                    sequence: 1, pairingKey: "k1", idNumber: "001", name: "P One"),
                TestBatch.record(
                    id: TestBatch.id(milliseconds: Self.now - 4 * hour + 60_000), gate: "lane-a", site: "site-1",
                    milliseconds: Self.now - 4 * hour + 60_000, sequence: 2, pairingKey: "k2", idNumber: "002", name: "P Two"),
                TestBatch.record(
                    id: TestBatch.id(milliseconds: Self.now - 10 * hour), gate: "lane-a", site: "site-1", milliseconds: Self.now - 10 * hour,
                    sequence: 3, pairingKey: "k4", idNumber: "004", name: "P Four"),
            ])
        send(
            laneB, "lane-b",
            [
                TestBatch.record(
                    id: TestBatch.id(milliseconds: Self.now - 3 * hour), gate: "lane-b", site: "site-1", direction: "exit",
                    milliseconds: Self.now - 3 * hour, sequence: 1, pairingKey: "k1", idNumber: "001", name: "P One"),
                TestBatch.record(
                    id: TestBatch.id(milliseconds: Self.now - hour), gate: "lane-b", site: "site-1", milliseconds: Self.now - hour, sequence: 2,
                    pairingKey: "k3", idNumber: "003", name: "P Three"),
                TestBatch.record(
                    id: TestBatch.id(milliseconds: Self.now - hour / 2), gate: "lane-b", site: "site-1", milliseconds: Self.now - hour / 2,
                    sequence: 3, decision: "refuse", pairingKey: "k5", idNumber: "005"),
            ])
        func names(_ path: String) throws -> [String] {
            let answer = try #require(central.get(path, token: reader))
            #expect(answer.status == 200, "\(answer.body)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [[String: Any]])
            return rows.compactMap { $0["id_number"] as? String }.sorted()
        }
        #expect(try names("/v1/sites/site-1/inside") == ["002", "003", "004"], "P1 left through the other lane; P5 was refused")
        #expect(try names("/v1/sites/site-1/left-not-returned?hours=2") == ["001"])
        #expect(try names("/v1/sites/site-1/left-not-returned?hours=4") == [])
        let from = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(Self.now - 5 * hour) / 1000))
        let to = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(Self.now - 2 * hour) / 1000))
        #expect(try names("/v1/sites/site-1/check-ins?from=\(from)&to=\(to)") == ["001", "001", "002"])
        // Contacts of P1 within ±2 h of each of P1's visits: P2 (same hour), P3 (2 h after the exit); not P4.
        #expect(try names("/v1/trace?id_number=001&hours=2") == ["002", "003"])
        #expect(central.get("/v1/trace?id_number=001&hours=2", token: laneA)?.status == 403)
        #expect(central.get("/v1/trace?hours=2", token: reader)?.status == 400)

        let log = try central.sql("SELECT reader || ' ' || query FROM access_log ORDER BY id").split(separator: "\n")
        #expect(
            log == ["tracer-1 inside", "tracer-1 left-not-returned", "tracer-1 left-not-returned", "tracer-1 trace-site", "tracer-1 trace-person"])
        #expect(try central.sql("SELECT parameters->>'id_number' FROM access_log WHERE query = 'trace-person'") == "001")
    }

    @Test func personalFieldsPastTheRetentionAreNotStored() throws {
        let central = try RunningCentral(databaseURL: try TestPostgres.freshDatabase(), yaml: "retention:\n  personal_days: 7\n")
        try central.start()
        defer { central.stop() }
        let token = try central.addGate("gate-a")
        let old = Self.now - 8 * 86_400_000
        let id = TestBatch.id(milliseconds: old)
        let answer = central.post(
            gate: "gate-a", token: token,
            body: TestBatch.body(
                gate: "gate-a",
                records: [TestBatch.record(id: id, gate: "gate-a", site: "s", milliseconds: old, pairingKey: "k", idNumber: "009", name: "Old")]))
        #expect(TestBatch.results(answer?.body ?? "")[id] == "accepted")
        #expect(try central.sql("SELECT (record ? 'subject')::text || ' ' || coalesce(pairing_key, 'null') FROM check_ins") == "false null")
    }
}
