import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// `qrgate-central` as gates see it, against a real PostgreSQL: authentication, idempotent
/// ingest, and the 400 / 413 / 429 answers the forwarder acts on.
@Suite(.serialized)
struct CentralIngestTests {
    static let now = Int64(Date().timeIntervalSince1970 * 1000)

    @Test func aBadConfigurationExits78NamingTheKey() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("central.yaml")
        try "listen:\n  port: 99999\ningest:\n  max_body_bytes: lots\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try RunningCentral.run(["config", "check", "--config", file.path])
        #expect(result.status == 78)
        #expect(result.stderr.contains("listen.port"))
        #expect(result.stderr.contains("ingest.max_body_bytes"))
        let run = try RunningCentral.run(["run", "--config", file.path])
        #expect(run.status == 78)
        try "listen:\n  port: 8480\n".write(to: file, atomically: true, encoding: .utf8)
        let good = try RunningCentral.run(["config", "check", "--config", file.path], environment: ["QRGATE_CENTRAL_DATABASE_URL": "mysql://x"])
        #expect(good.status == 78, "an environment override is checked like the file")
        #expect(good.stderr.contains("QRGATE_CENTRAL_DATABASE_URL"))
    }

    @Test func recordsAreStoredOnceAndAnsweredAcceptedThenDuplicate() throws {
        let central = try RunningCentral(databaseURL: try TestPostgres.freshDatabase())
        try central.start()
        defer { central.stop() }
        let token = try central.addGate("gate-a", site: "site-1")
        let ids = (0..<50).map { index in TestBatch.id(milliseconds: Self.now - Int64(index) * 1000) }
        let records = ids.enumerated().map { index, id in
            TestBatch.record(id: id, gate: "gate-a", site: "site-1", milliseconds: Self.now - Int64(index) * 1000, sequence: Int64(index + 1))
        }
        let first = try #require(central.post(gate: "gate-a", token: token, body: TestBatch.body(gate: "gate-a", records: records)))
        #expect(first.status == 200, "\(first.body)")
        #expect(TestBatch.results(first.body) == Dictionary(uniqueKeysWithValues: ids.map { ($0, "accepted") }))
        // The acknowledgement came after the commit: the rows are visible to anyone now.
        #expect(try central.sql("SELECT count(*) FROM check_ins") == "50")
        // A retry with half of them and new ones: the known ids are duplicates, stored once.
        let extra = TestBatch.id(milliseconds: Self.now)
        let again = Array(records.prefix(25)) + [TestBatch.record(id: extra, gate: "gate-a", site: "site-1", milliseconds: Self.now, sequence: 51)]
        let second = try #require(central.post(gate: "gate-a", token: token, body: TestBatch.body(gate: "gate-a", records: again, head: 51)))
        let results = TestBatch.results(second.body)
        #expect(results[extra] == "accepted")
        #expect(ids.prefix(25).allSatisfy { results[$0] == "duplicate" })
        #expect(try central.sql("SELECT count(*) FROM check_ins") == "51")
        #expect(try central.sql("SELECT chain_sequence FROM gate_status WHERE gate = 'gate-a'") == "51")
        // gzip bodies are taken as well.
        let zipped = TestBatch.id(milliseconds: Self.now)
        let body = Gzip.compress(
            TestBatch.body(gate: "gate-a", records: [TestBatch.record(id: zipped, gate: "gate-a", site: "site-1", milliseconds: Self.now)]))
        let third = try #require(central.post(gate: "gate-a", token: token, body: body, headers: ["Content-Encoding": "gzip"]))
        #expect(TestBatch.results(third.body)[zipped] == "accepted")
    }

    @Test func credentialsAreCheckedPerGate() throws {
        let central = try RunningCentral(databaseURL: try TestPostgres.freshDatabase())
        try central.start()
        defer { central.stop() }
        let tokenA = try central.addGate("gate-a", site: "site-1")
        _ = try central.addGate("gate-b", site: "site-1")
        let body = TestBatch.body(
            gate: "gate-b",
            records: [TestBatch.record(id: TestBatch.id(milliseconds: Self.now), gate: "gate-b", site: "site-1", milliseconds: Self.now)])
        #expect(central.post(gate: "gate-b", token: nil, body: body)?.status == 401)
        #expect(central.post(gate: "gate-b", token: "qrc_unknown", body: body)?.status == 401)
        #expect(central.post(gate: "gate-b", token: tokenA, body: body)?.status == 403, "gate a's token cannot deliver for gate b")
        // A record of another site than the gate's is rejected (parked by the gate), the rest stored.
        let good = TestBatch.id(milliseconds: Self.now)
        let foreign = TestBatch.id(milliseconds: Self.now)
        let mixed = TestBatch.body(
            gate: "gate-a",
            records: [
                TestBatch.record(id: good, gate: "gate-a", site: "site-1", milliseconds: Self.now),
                TestBatch.record(id: foreign, gate: "gate-a", site: "site-9", milliseconds: Self.now),
            ])
        let answer = try #require(central.post(gate: "gate-a", token: tokenA, body: mixed))
        #expect(TestBatch.results(answer.body) == [good: "accepted", foreign: "rejected"])
        #expect(try central.sql("SELECT count(*) FROM check_ins") == "1")
    }

    @Test func aMalformedRecordIsNamedIn400AndNothingIsStored() throws {
        let central = try RunningCentral(databaseURL: try TestPostgres.freshDatabase())
        try central.start()
        defer { central.stop() }
        let token = try central.addGate("gate-a")
        let bad = TestBatch.id(milliseconds: Self.now)
        let records = [
            TestBatch.record(id: TestBatch.id(milliseconds: Self.now), gate: "gate-a", site: "s", milliseconds: Self.now),
            TestBatch.record(id: bad, gate: "gate-a", site: "s", direction: "sideways", milliseconds: Self.now),
        ]
        let answer = try #require(central.post(gate: "gate-a", token: token, body: TestBatch.body(gate: "gate-a", records: records)))
        #expect(answer.status == 400)
        #expect(answer.body.contains("\"record_id\":\"\(bad)\""))
        #expect(answer.body.contains("direction"))
        #expect(try central.sql("SELECT count(*) FROM check_ins") == "0")
        let notJSON = try #require(central.post(gate: "gate-a", token: token, body: Array("{\"records\":[".utf8)))
        #expect(notJSON.status == 400)
    }

    @Test func aBodyOverTheLimitIs413AndAGateOverItsRateIs429WithRetryAfter() throws {
        let central = try RunningCentral(
            databaseURL: try TestPostgres.freshDatabase(),
            yaml: "ingest:\n  max_body_bytes: 4096\n  gate_records_per_second: 0.01\n  gate_burst_records: 3\n")
        try central.start()
        defer { central.stop() }
        let token = try central.addGate("gate-a")
        let many = (0..<20).map { _ in TestBatch.record(id: TestBatch.id(milliseconds: Self.now), gate: "gate-a", site: "s", milliseconds: Self.now) }
        let large = try #require(central.post(gate: "gate-a", token: token, body: TestBatch.body(gate: "gate-a", records: many)))
        #expect(large.status == 413)
        let three = Array(many.prefix(3))
        #expect(central.post(gate: "gate-a", token: token, body: TestBatch.body(gate: "gate-a", records: three))?.status == 200)
        let over = try #require(central.post(gate: "gate-a", token: token, body: TestBatch.body(gate: "gate-a", records: [many[3]])))
        #expect(over.status == 429)
        let retryAfter = try #require(over.headers["retry-after"] ?? over.headers["Retry-After"])
        #expect((Int(retryAfter) ?? 0) >= 1)
        #expect(try central.sql("SELECT count(*) FROM check_ins") == "3")
    }

    /// Two central processes on one database receive the same batches at the same time: every
    /// record is stored once, and across both answers each id is `accepted` exactly once.
    @Test func twoProcessesReceivingTheSameBatchesStoreEachRecordOnce() async throws {
        let database = try TestPostgres.freshDatabase()
        let one = try RunningCentral(databaseURL: database)
        let two = try RunningCentral(databaseURL: database)
        try one.start()
        try two.start()
        defer {
            one.stop()
            two.stop()
        }
        let token = try one.addGate("gate-a")
        var bodies: [[UInt8]] = []
        for batch in 0..<20 {
            var records: [String] = []
            for index in 0..<100 {
                let n = batch * 100 + index
                let milliseconds = Self.now - Int64(n)
                records.append(
                    TestBatch.record(
                        id: TestBatch.id(milliseconds: milliseconds), gate: "gate-a", site: "s", milliseconds: milliseconds, sequence: Int64(n + 1)))
            }
            bodies.append(TestBatch.body(gate: "gate-a", records: records))
        }
        let answers = await withTaskGroup(of: [String: String].self) { group in
            for body in bodies {
                for central in [one, two] {
                    let port = central.port
                    group.addTask {
                        let answer = LoopbackExchange.send(
                            "POST", "/v1/gates/gate-a/check-ins:batch", port: port,
                            headers: [
                                "Authorization": "Bearer " + token, "Content-Type": "application/json", "Idempotency-Key": "k0000000000000000000",
                            ],
                            body: body)
                        return TestBatch.results(answer?.body ?? "")
                    }
                }
            }
            var all: [[String: String]] = []
            for await result in group { all.append(result) }
            return all
        }
        var accepted: [String: Int] = [:]
        var answered = 0
        for results in answers {
            answered += results.count
            for (id, status) in results where status == "accepted" { accepted[id, default: 0] += 1 }
        }
        #expect(answered == 4000, "every record answered by both processes")
        #expect(accepted.count == 2000)
        #expect(accepted.values.allSatisfy { $0 == 1 }, "no id accepted twice")
        #expect(try one.sql("SELECT count(*), count(DISTINCT id) FROM check_ins") == "2000|2000")
    }
}
