import Foundation
import GRDB
import QRGateCore
import QRGateStore
import QRGateTestSupport
import Testing

/// The store runs on any GRDB writer: an in-memory `DatabaseQueue()` holds the same schema and
/// behaves as the file does for pairing, the chain and the outbox.
@Suite struct InMemoryStoreTests {
    @Test func anInMemoryQueuePairsChainsAndQueuesLikeTheFile() async throws {
        let store = CheckInStore(database: try GateDatabase(writer: DatabaseQueue()))
        let now = Date()
        let entry = try await store.record(CheckInFactory.draft(person: 1, at: now), direction: .auto)
        let exit = try await store.record(CheckInFactory.draft(person: 1, at: now.addingTimeInterval(60)), direction: .auto)
        #expect(entry.direction == .entry)
        #expect(exit.direction == .exit)
        #expect(exit.pairedEntryID == entry.id)
        #expect(try await store.all().map(\.id) == [entry.id, exit.id])
        #expect(try await store.outboxDepth() == 2)
        let report = try await store.verifyChain()
        #expect(report.isIntact, "\(report)")
    }
}
