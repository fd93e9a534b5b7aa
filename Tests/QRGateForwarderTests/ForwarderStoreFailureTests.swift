import AsyncHTTPClient
import Foundation
import GRDB
import QRGateForwarder
import QRGateStore
import QRGateTestSupport
import Testing

/// A failing store (unreadable outbox, a write refused as on a full disk) never ends the
/// forwarder: it would cancel the daemon's service group and stop intake.
@Suite(.serialized) struct ForwarderStoreFailureTests {
    /// Waits (bounded real time) until `condition` holds.
    func eventually(_ seconds: Int = 30, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    @Test func aFailingStoreBacksOffKeepsTheForwarderRunningAndItRecovers() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        let ids = try await fixture.seed(30)
        let pool = fixture.database.writer
        try await CentralReceiver.with { receiver in
            try await HTTPClient.withHTTPClient { client in
                let clock = VirtualClock()
                let monitor = ForwarderMonitor()
                let forwarder = fixture.forwarder(client: client, receiver: receiver, clock: clock, monitor: monitor)
                let ended = Box<String?>(nil)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    // A read failure: the outbox cannot be read at all.
                    try await pool.write { try $0.execute(sql: "ALTER TABLE outbox RENAME TO outbox_unreadable") }
                    group.addTask {
                        do {
                            try await forwarder.run()
                            ended.set("returned")
                        } catch {
                            ended.set("threw \(error)")
                        }
                    }
                    let alarmed = try await eventually { monitor.snapshot.storeAlarm != nil && clock.sleeps.count >= 4 }
                    #expect(alarmed, "the failing store raises the alarm and is retried")
                    #expect(ended.current == nil, "the forwarder kept running: \(ended.current ?? "")")
                    let waits = clock.sleeps.prefix(4)
                    #expect(waits.allSatisfy { $0 >= .milliseconds(100) }, "it backs off: \(Array(waits))")
                    #expect(waits.last ?? .zero > waits.first ?? .zero, "exponentially: \(Array(waits))")
                    #expect(receiver.requests.isEmpty)

                    // The store reads again, but refuses the acknowledgement as a full disk would.
                    try await pool.writeWithoutTransaction { db in
                        try db.execute(sql: "ALTER TABLE outbox_unreadable RENAME TO outbox")
                        try db.execute(
                            sql:
                                "CREATE TEMP TRIGGER disk_full BEFORE DELETE ON main.outbox BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
                        )
                    }
                    let refused = try await eventually { receiver.requests.count >= 2 && monitor.snapshot.storeAlarm != nil }
                    #expect(refused, "deliveries whose acknowledgement cannot be stored are retried")
                    #expect(try await fixture.store.outboxDepth() == 30, "nothing left the outbox while the disk was full")
                    #expect(ended.current == nil, "the forwarder kept running: \(ended.current ?? "")")

                    // The disk has room again: everything drains and the alarm clears.
                    try await pool.writeWithoutTransaction { try $0.execute(sql: "DROP TRIGGER temp.disk_full") }
                    let drained = try await eventually { try await fixture.store.outboxDepth() == 0 && monitor.snapshot.storeAlarm == nil }
                    #expect(drained, "recovered once the store works")
                    #expect(ended.current == nil, "the forwarder kept running: \(ended.current ?? "")")
                    group.cancelAll()
                }
                #expect(try await fixture.forwardedIDs() == Set(ids))
                #expect(receiver.acceptedSet == Set(ids), "central holds each record, the resent ones once")
            }
        }
    }
}
