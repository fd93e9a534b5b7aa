import Foundation
import GRDB
import QRGateCore
import QRGateStore
import QRGateTestSupport
import Testing

@Suite struct CheckInStoreTests {
    let temporary: TemporaryDirectory
    let store: CheckInStore
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    init() throws {
        temporary = try TemporaryDirectory()
        store = CheckInStore(database: try GateDatabase(path: temporary.url.appendingPathComponent("g.sqlite").path))
    }

    func record(_ count: Int) async throws -> [StoredCheckIn] {
        var stored: [StoredCheckIn] = []
        for i in 0..<count {
            stored.append(try await store.record(CheckInFactory.draft(person: i, at: start.addingTimeInterval(Double(i))), direction: .fixed(.entry)))
        }
        return stored
    }

    @Test func recordsCheckInWithOutboxRowAndChainLink() async throws {
        defer { temporary.remove() }
        let declaration = HealthDeclaration(
            symptoms: [.cough], travelledLast14Days: true, freeText: "ho nhẹ", submittedAt: 1_789_999_000, source: .kiosk)
        let draft = CheckInFactory.draft(person: 1, at: start, declaration: declaration)
        let stored = try await store.record(draft, direction: .fixed(.entry))
        #expect(stored.sequence == 1)
        #expect(stored.previousHash == AuditChain.genesis)
        #expect(try await store.outboxDepth() == 1)
        let readBack = try #require(try await store.checkIn(id: draft.id))
        #expect(readBack == stored)
        #expect(readBack.subject?.fullName == "Trần Thị Bình")
        #expect(readBack.declaration == declaration)
        #expect(try await store.verifyChain().isIntact)
    }

    @Test func aDuplicateIdIsRefusedAndNothingChanges() async throws {
        defer { temporary.remove() }
        let draft = CheckInFactory.draft(person: 1, at: start)
        _ = try await store.record(draft, direction: .fixed(.entry))
        await #expect(throws: StoreError.self) { try await store.record(draft, direction: .fixed(.entry)) }
        #expect(try await store.all().count == 1)
        #expect(try await store.outboxDepth() == 1)
    }

    // MARK: Pairing

    @Test func autoModePairsExitWithOpenEntryAndOccupancyFollows() async throws {
        defer { temporary.remove() }
        let a1 = try await store.record(CheckInFactory.draft(person: 1, at: start), direction: .auto)
        let b1 = try await store.record(CheckInFactory.draft(person: 2, at: start.addingTimeInterval(5)), direction: .auto)
        #expect(a1.direction == .entry && b1.direction == .entry)
        #expect(Set(try await store.inside(site: "site-a").map(\.id)) == [a1.id, b1.id])

        let a2 = try await store.record(CheckInFactory.draft(person: 1, at: start.addingTimeInterval(60)), direction: .auto)
        #expect(a2.direction == .exit)
        #expect(a2.pairedEntryID == a1.id)
        #expect(a2.flags.isEmpty)
        #expect(try await store.inside(site: "site-a").map(\.id) == [b1.id])

        // Back in again: a new entry, then occupancy counts them again.
        let a3 = try await store.record(CheckInFactory.draft(person: 1, at: start.addingTimeInterval(120)), direction: .auto)
        #expect(a3.direction == .entry)
        #expect(Set(try await store.inside(site: "site-a").map(\.id)) == [b1.id, a3.id])
    }

    @Test func exitWithoutEntryIsFlaggedNotRefused() async throws {
        defer { temporary.remove() }
        let exit = try await store.record(CheckInFactory.draft(person: 3, at: start), direction: .fixed(.exit))
        #expect(exit.direction == .exit)
        #expect(exit.flags == [.exitWithoutEntry])
        #expect(exit.pairedEntryID == nil)
        #expect(try await store.outboxDepth() == 1)
    }

    @Test func entryAtAnotherSiteIsNotPaired() async throws {
        defer { temporary.remove() }
        _ = try await store.record(CheckInFactory.draft(person: 1, at: start, site: "site-b"), direction: .auto)
        let here = try await store.record(CheckInFactory.draft(person: 1, at: start.addingTimeInterval(1)), direction: .auto)
        #expect(here.direction == .entry)
    }

    @Test func aSecondEntryReplacesTheFirstAsTheOpenOne() async throws {
        defer { temporary.remove() }
        _ = try await store.record(CheckInFactory.draft(person: 1, at: start), direction: .fixed(.entry))
        let second = try await store.record(CheckInFactory.draft(person: 1, at: start.addingTimeInterval(10)), direction: .fixed(.entry))
        let exit = try await store.record(CheckInFactory.draft(person: 1, at: start.addingTimeInterval(20)), direction: .fixed(.exit))
        #expect(exit.pairedEntryID == second.id)
        #expect(try await store.inside(site: "site-a").isEmpty)
    }

    // MARK: Audit chain tampering

    @Test func editedRowIsDetectedAtItsLink() async throws {
        defer { temporary.remove() }
        let stored = try await record(5)
        try await store.database.writer.write { try $0.execute(sql: "UPDATE check_ins SET decision = 'refuse' WHERE sequence = 3") }
        let report = try await store.verifyChain()
        #expect(report.firstBrokenSequence == 3)
        #expect(report.firstBrokenID == stored[2].id)
        #expect(report.problem == .hashMismatch)
        #expect(report.checked == 2)
    }

    @Test func editedPersonalDataIsDetected() async throws {
        defer { temporary.remove() }
        _ = try await record(4)
        try await store.database.writer.write { try $0.execute(sql: "UPDATE check_ins SET subject_name = 'Someone Else' WHERE sequence = 2") }
        let report = try await store.verifyChain()
        #expect(report.firstBrokenSequence == 2)
        #expect(report.problem == .personalDataMismatch)
    }

    @Test func deletedRowIsDetectedAtTheGap() async throws {
        defer { temporary.remove() }
        _ = try await record(5)
        try await store.database.writer.write { try $0.execute(sql: "DELETE FROM check_ins WHERE sequence = 3") }
        let report = try await store.verifyChain()
        #expect(report.firstBrokenSequence == 3)
        #expect(report.problem == .missingLink)
    }

    @Test func reorderedRowsAreDetectedAtTheFirstMovedLink() async throws {
        defer { temporary.remove() }
        _ = try await record(5)
        try await store.database.writer.write { db in
            try db.execute(sql: "UPDATE check_ins SET sequence = 1000 WHERE sequence = 2")
            try db.execute(sql: "UPDATE check_ins SET sequence = 2 WHERE sequence = 4")
            try db.execute(sql: "UPDATE check_ins SET sequence = 4 WHERE sequence = 1000")
        }
        let report = try await store.verifyChain()
        #expect(report.firstBrokenSequence == 2)
        #expect(report.problem == .brokenLink)
    }

    // MARK: Retention (T8) and compaction

    @Test func retentionPurgesPersonalFieldsAndTheChainStillVerifies() async throws {
        defer { temporary.remove() }
        let declaration = HealthDeclaration(symptoms: [.fever], submittedAt: start.timeIntervalSince1970, source: .kiosk)
        let old = try await store.record(CheckInFactory.draft(person: 1, at: start, declaration: declaration), direction: .fixed(.entry))
        let recent = try await store.record(CheckInFactory.draft(person: 2, at: start.addingTimeInterval(20 * 86_400)), direction: .fixed(.entry))

        // 21 days after the first, with an injected "now": only the first is past retention.
        let report = try await store.purgeExpired(now: start.addingTimeInterval(21 * 86_400 + 1), retentionDays: 21)
        #expect(report.purgedCheckIns == 1)
        #expect(report.purgedUnforwarded == 1)  // not forwarded yet: counted, not hidden

        let purged = try #require(try await store.checkIn(id: old.id))
        #expect(purged.subject == nil)
        #expect(purged.subjectKey == nil)
        #expect(purged.declaration == nil)
        #expect(purged.hash == old.hash)
        #expect(purged.decision == old.decision)
        #expect(try await store.checkIn(id: recent.id)?.subject?.fullName != nil)
        #expect(try await store.verifyChain().isIntact)
        let raw = try store.database.writer.read { try Row.fetchOne($0, sql: "SELECT * FROM declarations") }
        #expect(raw?["symptoms"] as String? == nil)

        // A second run finds nothing new.
        #expect(try await store.purgeExpired(now: start.addingTimeInterval(21 * 86_400 + 2), retentionDays: 21).purgedCheckIns == 0)
    }

    @Test func compactionRemovesOnlyForwardedPurgedRowsAndKeepsTheChainVerifiable() async throws {
        defer { temporary.remove() }
        let stored = try await record(6)
        try await store.markForwarded(stored.prefix(3).map(\.id), at: start)
        // The first three (forwarded) are past retention, the other three are not: those stay
        // in the outbox and in the chain (past retention they would leave the outbox too).
        let report0 = try await store.purgeExpired(now: start.addingTimeInterval(21 * 86_400 + 3), retentionDays: 21)
        #expect(report0.purgedCheckIns == 3)
        #expect(report0.evictedUnforwarded == 0)
        #expect(try await store.compact() == 3)
        #expect(try await store.all().map(\.sequence) == [4, 5, 6])
        #expect(try await store.outboxDepth() == 3)
        let report = try await store.verifyChain()
        #expect(report.isIntact)
        #expect(report.checked == 3)
        // Nothing unforwarded is compacted.
        #expect(try await store.compact() == 0)
        // New links continue the chain from the anchor.
        let next = try await store.record(CheckInFactory.draft(person: 9, at: start), direction: .fixed(.entry))
        #expect(next.sequence == 7)
        #expect(try await store.verifyChain().isIntact)
    }
}

/// Pairing stays an index probe however long the site's history grows.
@Suite struct PairingQueryPlanTests {
    @Test func openEntryLookupUsesThePairingIndex() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let database = try GateDatabase(path: temporary.url.appendingPathComponent("p.sqlite").path)
        let plan = try await database.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT e.id FROM check_ins e INDEXED BY check_ins_pairing_lookup
                    WHERE e.site = 'a' AND e.subject_key = 'k' AND e.direction = 'entry' ORDER BY e.sequence DESC LIMIT 1
                    """
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("check_ins_pairing_lookup (site=? AND subject_key=? AND direction=?)") }, "\(plan)")
    }
}
