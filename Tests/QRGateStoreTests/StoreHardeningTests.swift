import Foundation
import GRDB
import QRGateCore
import QRGateStore
import QRGateTestSupport
import Testing

/// RELIABILITY G7, G14, G17 at the store: receipts are spent in the recording transaction, the
/// hours outside reach the decision, what is hashed is what is stored, the personal digest is
/// keyed, and nothing waits in the outbox for ever.
@Suite struct StoreHardeningTests {
    let temporary: TemporaryDirectory
    let keys = PersonalKeys.random()
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    init() throws { temporary = try TemporaryDirectory() }

    func store(_ name: String = "g.sqlite", keys: PersonalKeys? = nil) throws -> CheckInStore {
        CheckInStore(database: try GateDatabase(path: temporary.url.appendingPathComponent(name).path), personalKeys: keys ?? self.keys)
    }

    /// A decider that records what the store told it and admits unless the receipt is spent.
    static let decide: CheckInStore.Decider = { _, facts in
        if facts.receiptAlreadyUsed { return (Decision(outcome: .refuse, reasons: [.receiptAlreadyUsed]), []) }
        let overdue: Set<CheckInDraft.Flag> = (facts.hoursOutside ?? 0) > 4 ? [.overdueReturn] : []
        return (Decision(outcome: .admit, reasons: [.exitRecorded]), overdue)
    }

    @Test func aReceiptIsSpentOncePerDirectionAndAnExitConsumesItsEntry() async throws {
        defer { temporary.remove() }
        let store = try store()
        let entry = try await store.record(CheckInFactory.draft(person: 1, at: start), direction: .fixed(.entry))
        // The person shows the entry's receipt at the exit without any identity: paired with it.
        var exit = CheckInFactory.draft(person: 2, at: start.addingTimeInterval(60), direction: .exit)
        exit.subjectKey = nil
        exit.receiptCheckInID = entry.id
        exit.receiptEntryID = entry.id
        let first = try await store.record(exit, direction: .fixed(.exit), decide: Self.decide)
        #expect(first.decision.outcome == .admit)
        #expect(first.pairedEntryID == entry.id)
        // Again: spent.
        exit.id = UUIDv7.make(at: start.addingTimeInterval(120))
        let second = try await store.record(exit, direction: .fixed(.exit), decide: Self.decide)
        #expect(second.decision.reasons.map(\.code) == ["receipt_already_used"])
        #expect(second.pairedEntryID == nil)
        #expect(try await store.verifyChain().isIntact)
    }

    @Test func theHoursOutsideSinceTheLastExitReachTheDecision() async throws {
        defer { temporary.remove() }
        let store = try store()
        _ = try await store.record(CheckInFactory.draft(person: 1, at: start), direction: .fixed(.entry))
        _ = try await store.record(CheckInFactory.draft(person: 1, at: start.addingTimeInterval(600), direction: .exit), direction: .fixed(.exit))
        let back = try await store.record(
            CheckInFactory.draft(person: 1, at: start.addingTimeInterval(600 + 6 * 3600)), direction: .fixed(.entry), decide: Self.decide)
        #expect(back.flags.contains(.overdueReturn))
        // Inside again: no hours outside for the next entry.
        let next = try await store.record(
            CheckInFactory.draft(person: 1, at: start.addingTimeInterval(600 + 9 * 3600)), direction: .fixed(.entry), decide: Self.decide)
        #expect(!next.flags.contains(.overdueReturn))
    }

    @Test(arguments: ["\u{0}", "\n", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{2028}"])
    func aControlCharacterInANameIsStoredAsItIsHashed(control: String) async throws {
        defer { temporary.remove() }
        let store = try store()
        var draft = CheckInFactory.draft(person: 1, at: start)
        draft.subject.fullName = "Nguyễn" + control + "Văn An"
        draft.declaration = HealthDeclaration(freeText: "ho" + control + "sốt", submittedAt: start.timeIntervalSince1970, source: .kiosk)
        let stored = try await store.record(draft, direction: .fixed(.entry))
        let visible = TextSafety.withoutControls(control)
        #expect(!visible.unicodeScalars.contains(where: TextSafety.isControl))
        #expect(stored.subject?.fullName == "Nguyễn" + visible + "Văn An")
        #expect(try await store.checkIn(id: stored.id)?.subject?.fullName == stored.subject?.fullName)
        #expect(try await store.checkIn(id: stored.id)?.declaration?.freeText == "ho" + visible + "sốt")
        #expect(try await store.verifyChain().isIntact)
    }

    @Test func thePersonalDigestIsKeyedSoAPurgedPersonCannotBeConfirmed() async throws {
        defer { temporary.remove() }
        let draft = CheckInFactory.draft(person: 1, at: start)
        let one = try await store("a.sqlite").record(draft, direction: .fixed(.entry))
        let other = try await store("b.sqlite", keys: .random()).record(draft, direction: .fixed(.entry))
        #expect(one.personalDigest != other.personalDigest)
        // Whoever holds the database but not the gate secret cannot recompute the digest of a
        // guessed person (the plain SHA-256 of the same fields does not match either).
        let personal = StoredCheckIn.personalRecord(subject: draft.subject, subjectKey: draft.subjectKey, declaration: nil)
        #expect(AuditChain.personalDigest(personal) != one.personalDigest)
        #expect(try await store("a.sqlite").verifyChain().isIntact)
        #expect(try await store("a.sqlite", keys: .random()).verifyChain().problem == .personalDataMismatch)
    }

    @Test func withoutACentralServiceRecordsLeaveTheOutboxAtTheEndOfRetentionAndCompactionFreesThem() async throws {
        defer { temporary.remove() }
        let store = try store()
        for i in 0..<5 {
            _ = try await store.record(CheckInFactory.draft(person: i, at: start.addingTimeInterval(Double(i))), direction: .fixed(.entry))
        }
        let recent = try await store.record(CheckInFactory.draft(person: 9, at: start.addingTimeInterval(10 * 86_400)), direction: .fixed(.entry))
        let report = try await store.purgeExpired(now: start.addingTimeInterval(7 * 86_400 + 10), retentionDays: 7)
        #expect(report.purgedCheckIns == 5)
        #expect(report.evictedUnforwarded == 5)
        #expect(try await store.outboxIDs() == [recent.id])
        #expect(try await store.compact() == 5)
        #expect(try await store.all().map(\.id) == [recent.id])
        #expect(try await store.verifyChain().isIntact)
    }
}
