import Foundation
import GRDB
import QRGateCore
import QRGateForwarder
import QRGateStore
import QRGateTestSupport
import Testing

/// The forwarder's tables and queries in QRGateStore.
@Suite struct ForwardingStoreTests {
    @Test func migrationCreatesTheForwardingTables() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        let tables = try await fixture.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(Set(tables).isSuperset(of: ["dead_letters", "sync_state", "outbox", "forwarded"]))
        let migrations = try await fixture.database.writer.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations.contains("v3-forwarding"))
    }

    @Test func outboxBatchIsFIFOAndHeadIsTheLastLink() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        let ids = try await fixture.seed(10)
        #expect(try await fixture.store.outboxBatch(limit: 4).map(\.id) == Array(ids.prefix(4)))
        // Reading ahead while a request is in flight leaves its ids out.
        #expect(try await fixture.store.outboxBatch(limit: 4, excluding: Array(ids.prefix(4))).map(\.id) == Array(ids[4..<8]))
        #expect(try await fixture.store.outboxBatch(limit: 20, excluding: [ids[0], ids[5]]).count == 8)
        let head = try await fixture.store.chainHead()
        #expect(head.sequence == 10)
        #expect(head.hash == (try await fixture.store.verifyChain()).head)
        #expect(try await fixture.store.oldestUnsentMilliseconds() == Int64(ForwarderFixture.start.timeIntervalSince1970 * 1000))
    }

    @Test func parkedRecordsLeaveTheOutboxAndArePurgedByRetention() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        let ids = try await fixture.seed(3)
        let parkedAt = Int64(ForwarderFixture.start.timeIntervalSince1970 * 1000)
        try await fixture.store.park([
            DeadLetter(checkInID: ids[1], parkedAtMilliseconds: parkedAt, httpStatus: 400, responseExcerpt: "bad", error: "refused")
        ])
        #expect(try await fixture.store.outboxDepth() == 2)
        #expect(try await fixture.store.deadLetterCount() == 1)
        #expect(try await fixture.store.deadLetters().first?.responseExcerpt == "bad")
        #expect(try await fixture.store.purgeDeadLetters(parkedBefore: ForwarderFixture.start) == 0)
        #expect(try await fixture.store.purgeDeadLetters(parkedBefore: ForwarderFixture.start.addingTimeInterval(1)) == 1)
        #expect(try await fixture.store.deadLetterCount() == 0)
        #expect((try await fixture.store.verifyChain()).isIntact, "parking never touches the chain")
    }

    @Test func recordAllIsAllOrNothing() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        let draft = CheckInFactory.draft(person: 1, at: ForwarderFixture.start)
        await #expect(throws: StoreError.self) {
            try await fixture.store.recordAll([draft, draft], direction: .fixed(.entry))
        }
        #expect(try await fixture.store.outboxDepth() == 0)
    }
}

/// The wire encoding of a record carries the chained fields exactly.
@Suite struct RecordEncodingTests {
    @Test func encodedRecordMatchesTheChainRecord() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        try await fixture.seed(3)
        for record in try await fixture.store.outboxBatch(limit: 3) {
            let bytes = QRGateForwarder.CentralBatchCodec.encodeRecord(record)
            let parsed = try JSONValue(parsing: bytes)
            guard case .object(let wire) = parsed, case .object(let chained) = record.chainRecord else {
                Issue.record("not objects")
                return
            }
            for (key, value) in chained {
                #expect(wire[key] == value, "field \(key)")
            }
            #expect(wire["hash"] == .string(record.hash))
            #expect(wire["previous_hash"] == .string(record.previousHash))
            #expect(wire["subject"]?["name"] == record.subject?.fullName.map(JSONValue.string))
            #expect(wire["pairing_key"] == record.subjectKey.map(JSONValue.string), "the site-wide pairing key travels while kept")
        }
    }
}

/// The forwarder's index-based outbox read gives the same records as the store's own read.
@Suite struct OutboxReadTests {
    @Test func outboxReadEqualsTheStoredRecords() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        let declaration = HealthDeclaration(
            symptoms: [.fever, .cough], contactWithConfirmedCase: true, freeText: "ho", submittedAt: 1_780_000_000.5, source: .kiosk)
        var drafts = (0..<4).map { CheckInFactory.draft(person: $0, at: ForwarderFixture.start.addingTimeInterval(Double($0))) }
        drafts.append(CheckInFactory.draft(person: 9, at: ForwarderFixture.start.addingTimeInterval(9), outcome: .refuse, declaration: declaration))
        drafts[1].decision = Decision(
            outcome: .refer, reasons: [DecisionReason(code: "name_mismatch", english: "Name differs", vietnamese: "Tên khác")], ruleSetVersion: nil)
        try await fixture.store.recordAll(drafts, direction: .auto)
        _ = try await fixture.store.purgeExpired(now: ForwarderFixture.start.addingTimeInterval(86_400 * 21 + 1.5), retentionDays: 21)
        // Purged rows leave the outbox with their purge (G7); the rest is read as stored.
        let waiting = Set(try await fixture.store.outboxIDs())
        let expected = try await fixture.store.all().filter { waiting.contains($0.id) }
        #expect(expected.count == 3)
        let read = try await fixture.store.outboxBatch(limit: 10)
        #expect(read == expected)
        #expect(read.contains { $0.declaration != nil } || expected.allSatisfy { $0.declaration == nil })
    }
}
