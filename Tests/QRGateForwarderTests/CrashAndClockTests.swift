import AsyncHTTPClient
import Foundation
import QRGateCore
import QRGateForwarder
import QRGateStore
import QRGateTestSupport
import Testing

struct SimulatedCrash: Error {}

/// T5 (crash between central commit and local acknowledgement), T6 (offline soak) and T7
/// (wall-clock jumps during backoff).
@Suite(.serialized) struct CrashAndClockTests {
    @Test func crashBetweenCentralCommitAndLocalAckLeavesEqualSets() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        let ids = try await fixture.seed(40)
        try await CentralReceiver.with { receiver in
            try await HTTPClient.withHTTPClient { client in
                // First life: the server stores the first batch, then the process dies before markForwarded.
                var hooks = Forwarder.Hooks()
                hooks.beforeAcknowledge = { _ in throw SimulatedCrash() }
                // A generous request timeout: on a loaded machine a 400 ms one expires, and a resend
                // after a timeout would add duplicates this test does not count.
                let doomed = fixture.forwarder(client: client, receiver: receiver, clock: VirtualClock(), requestTimeout: .seconds(10), hooks: hooks)
                await #expect(throws: SimulatedCrash.self) { try await doomed.run() }
                #expect(receiver.acceptedSet.count == 8, "the central service committed the first batch")
                #expect(try await fixture.store.outboxDepth() == 40, "nothing left the outbox")

                // After the restart: everything is delivered once in effect.
                let revived = fixture.forwarder(client: client, receiver: receiver, clock: VirtualClock(), requestTimeout: .seconds(10))
                let drained = try await fixture.drain(revived)
                #expect(drained)
            }
            let local = try await fixture.forwardedIDs()
            #expect(local == Set(ids))
            #expect(receiver.acceptedSet == local, "central set equals local set")
            #expect(receiver.acceptedIDs.count == ids.count, "no duplicate effect")
            #expect(receiver.duplicateDeliveries == 8, "the unacknowledged batch was resent and answered as duplicates")
        }
    }

    @Test func wallClockJumpsDuringBackoffChangeNothing() async throws {
        func backoffs(jumping: Bool) async throws -> [Duration] {
            let fixture = try ForwarderFixture()
            defer { fixture.remove() }
            _ = try await fixture.seed(8)
            return try await CentralReceiver.with { receiver in
                receiver.script(Array(repeating: .status(503), count: 6))
                let wall = ManualWallClock(ForwarderFixture.start)
                let sends = HitCounter()
                var hooks = Forwarder.Hooks()
                hooks.didSend = { _ in
                    guard jumping else { return }
                    wall.jump(by: sends.increment() % 2 == 1 ? 86_400 : -86_400 * 2)
                }
                let clock = VirtualClock()
                try await HTTPClient.withHTTPClient { client in
                    let forwarder = fixture.forwarder(client: client, receiver: receiver, clock: clock, now: { wall.now }, seed: 42, hooks: hooks)
                    let drained = try await fixture.drain(forwarder)
                    #expect(drained)
                }
                #expect(receiver.acceptedSet.count == 8)
                return Array(clock.sleeps.prefix(6))
            }
        }
        let steady = try await backoffs(jumping: false)
        let jumped = try await backoffs(jumping: true)
        #expect(steady.count == 6)
        #expect(steady == jumped, "backoff runs on the monotonic clock only")
    }

    @Test func offlineForDaysAtPeakRateRespectsQuotaStaysFlatAndDrains() async throws {
        let quota: Int64 = 3 << 20
        let fixture = try ForwarderFixture(quotaBytes: quota)
        defer { fixture.remove() }
        try await CentralReceiver.with { receiver in
            receiver.stopListening()
            for _ in 0..<400 where receiver.isListening { try await Task.sleep(for: .milliseconds(5)) }
            let clock = VirtualClock(realScale: 0.000_002)
            let monitor = ForwarderMonitor()
            let sends = HitCounter()
            let rss = Box<[Int]>([])
            var hooks = Forwarder.Hooks()
            hooks.didSend = { _ in
                let n = sends.increment()
                if n % 10 == 0 { rss.update { $0.append(residentKilobytes().current) } }
            }
            let day: Duration = .seconds(86_400)
            var stored: [String] = []
            var refused = 0
            try await HTTPClient.withHTTPClient { client in
                // The gate's largest backoff (central.max_backoff_seconds 3600) and a short connect
                // deadline keep the real time of three virtual days to seconds.
                let forwarder = fixture.forwarder(
                    client: client, receiver: receiver, clock: clock, maxRecords: 200, monitor: monitor,
                    maxBackoff: .seconds(3600), requestTimeout: .milliseconds(40), hooks: hooks
                )
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await forwarder.run() }
                    // Peak rate: the writer keeps recording while the central service is away,
                    // until the quota refuses; virtual days pass in backoff.
                    var person = 0
                    let deadline = ContinuousClock.now + .seconds(60)
                    while (clock.elapsed < day * 3 || refused == 0) && ContinuousClock.now < deadline {
                        let drafts = (0..<50).map { i in
                            CheckInFactory.draft(person: person + i, at: ForwarderFixture.start.addingTimeInterval(Double(person + i)))
                        }
                        do {
                            stored += try await fixture.store.recordAll(drafts, direction: .fixed(.entry)).map(\.id)
                            person += 50
                        } catch let error as StoreError where error.code == .quotaReached {
                            refused += 1
                            try await Task.sleep(for: .milliseconds(2))
                        }
                    }
                    group.cancelAll()
                }
                #expect(clock.elapsed >= day * 3, "three days offline in virtual time")
                #expect(refused > 0, "the quota refused new check-ins loudly")
                let size = try FileManager.default.attributesOfItem(atPath: fixture.directory + "/gate.sqlite")[.size] as? Int64 ?? 0
                #expect(size <= quota, "database file \(size) within the quota \(quota)")
                #expect(try await fixture.store.outboxDepth() == stored.count, "nothing dropped while offline")

                // Memory flat across thousands of failed attempts. RSS is the whole test process, in
                // which other suites run in parallel (a full run grew it by 34 MB here once, with
                // no leak), so the bound leaves room for their allocations; a leak per attempt
                // (hundreds of attempts) would still exceed it.
                let samples = rss.current
                #expect(samples.count >= 5, "enough retries sampled: \(samples.count)")
                if let first = samples.dropFirst().first, let last = samples.last {
                    #expect(last - first < 65_536, "RSS grew \(last - first) kB while offline")
                }

                // Reconnect: everything drains.
                receiver.startListening()
                let drainer = fixture.forwarder(client: client, receiver: receiver, clock: VirtualClock(), maxRecords: 200)
                let drained = try await fixture.drain(drainer, timeout: .seconds(60))
                #expect(drained)
            }
            #expect(receiver.acceptedSet == Set(stored))
            #expect(!stored.isEmpty)
        }
    }
}
