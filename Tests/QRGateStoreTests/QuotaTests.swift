import Foundation
import GRDB
import QRGateCore
import QRGateStore
import QRGateTestSupport
import Testing

/// T3: at the quota new check-ins are refused with a clear reason, nothing is corrupted,
/// and recording resumes once space is freed by forwarding, purging and compaction.
@Suite struct QuotaTests {
    @Test func refusesAtQuotaWithoutCorruptionAndRecoversAfterPurge() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let path = temporary.url.appendingPathComponent("q.sqlite").path
        let database = try GateDatabase(path: path, quotaBytes: 512 * 1024, ballastBytes: 64 * 1024)
        #expect(FileManager.default.fileExists(atPath: database.ballastPath))
        let store = CheckInStore(database: database)
        let start = Date(timeIntervalSince1970: 1_790_000_000)

        var recorded: [String] = []
        var refusal: StoreError?
        for i in 0..<20_000 {
            let declaration = HealthDeclaration(freeText: String(repeating: "x", count: 400), submittedAt: 0, source: .kiosk)
            do {
                let stored = try await store.record(
                    CheckInFactory.draft(person: i, at: start.addingTimeInterval(Double(i)), declaration: declaration), direction: .fixed(.entry))
                recorded.append(stored.id)
            } catch {
                refusal = error
                break
            }
        }
        let error = try #require(refusal, "the quota was never reached")
        #expect(error.code == .quotaReached)
        #expect(error.message.contains("quota"))
        #expect(recorded.count > 50)

        // Everything acknowledged is there, outbox agrees, file is intact.
        #expect(try await store.all().count == recorded.count)
        #expect(try await store.outboxDepth() == recorded.count)
        #expect(try await database.writer.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try await store.verifyChain().isIntact)

        // Forward and purge the older half, compact: recording works again.
        let half = Array(recorded.prefix(recorded.count / 2))
        try await store.markForwarded(half, at: start)
        _ = try await store.purgeExpired(now: start.addingTimeInterval(Double(half.count) + 21 * 86_400), retentionDays: 21)
        #expect(try await store.compact() > 0)
        _ = try await store.record(CheckInFactory.draft(person: 99_999, at: start.addingTimeInterval(1e6)), direction: .fixed(.entry))
        #expect(try await store.verifyChain().isIntact)
        let usage = try await database.pageUsage()
        #expect(usage.used <= usage.limit)
    }
}
