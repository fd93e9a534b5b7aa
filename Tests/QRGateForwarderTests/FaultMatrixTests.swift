import AsyncHTTPClient
import Foundation
import QRGateForwarder
import QRGateStore
import QRGateTestSupport
import Testing

/// T4: the forwarder against a scripted loopback central service. Zero loss, duplicates only
/// as repeated ids, the poison isolated in ≤ ⌈log2 N⌉+1 requests, Retry-After honoured.
@Suite(.serialized) struct FaultMatrixTests {
    enum Case: String, CaseIterable, Sendable {
        case accept, http500, http503, http408, retryAfterSeconds, retryAfterDate, hang, resetMidBody, partial, unauthorized, storeThen503
    }

    static func faults(_ c: Case) -> [CentralReceiver.Fault] {
        switch c {
        case .accept: []
        case .http500: [.status(500), .status(500)]
        case .http503: [.status(503), .status(503), .status(503)]
        case .http408: [.status(408)]
        case .retryAfterSeconds: [.retryAfterSeconds(5)]
        case .retryAfterDate: [.retryAfterDate(ForwarderFixture.start.addingTimeInterval(30))]
        case .hang: [.hang]
        case .resetMidBody: [.resetMidBody, .resetMidBody]
        case .partial: [.partial(acceptFirst: 3), .partial(acceptFirst: 2)]
        case .unauthorized: [.status(401), .status(403)]
        case .storeThen503: [.storeThenStatus(503)]
        }
    }

    @Test(arguments: Case.allCases)
    func faultLosesNothingAndDuplicatesOnlyByID(_ fault: Case) async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        let ids = try await fixture.seed(20)
        let alarms = Box<[String]>([])
        let monitor = ForwarderMonitor { status in
            if let alarm = status.authAlarm { alarms.update { $0.append(alarm) } }
        }
        try await CentralReceiver.with { receiver in
            receiver.script(Self.faults(fault))
            let clock = VirtualClock()
            try await HTTPClient.withHTTPClient { client in
                let forwarder = fixture.forwarder(client: client, receiver: receiver, clock: clock, monitor: monitor)
                let drained = try await fixture.drain(forwarder)
                #expect(drained, "drained under \(fault)")
            }
            // Zero loss: everything local reached the central set, and left the outbox only then.
            #expect(receiver.acceptedSet == Set(ids))
            #expect(try await fixture.forwardedIDs() == Set(ids))
            #expect(receiver.acceptedIDs.count == Set(receiver.acceptedIDs).count, "the central service stored each id once")
            // Every request carried the chain head and an idempotency key derived from its ids.
            for request in receiver.requests {
                #expect(request.chainHeadSequence == 20)
                #expect(request.idempotencyKey == CentralBatchCodec.idempotencyKey(gateID: "gate-01", ids: request.ids))
            }
            switch fault {
            case .retryAfterSeconds:
                #expect(clock.sleeps.contains(.seconds(5)), "Retry-After seconds honoured: \(clock.sleeps)")
            case .retryAfterDate:
                #expect(clock.sleeps.contains { $0 >= .seconds(29) && $0 <= .seconds(31) }, "Retry-After date honoured: \(clock.sleeps)")
            case .partial:
                #expect(receiver.duplicateDeliveries == 0, "a partial success is never resent whole")
            case .unauthorized:
                #expect(!alarms.current.isEmpty, "credentials alarm raised")
                #expect(monitor.snapshot.authAlarm == nil, "alarm cleared after a success")
                #expect(monitor.snapshot.retriesByClass["auth"] == 2)
            case .resetMidBody, .storeThen503:
                #expect(receiver.duplicateDeliveries > 0, "resent after a lost acknowledgement, deduplicated by id")
            case .http500:
                #expect(monitor.snapshot.retriesByClass["5xx"] == 2, "500 is retried")
            default:
                break
            }
            #expect(try await fixture.store.outboxDepth() == 0)
        }
    }

    @Test func refusedConnectionsAreRetriedUntilTheServerListensAgain() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        let ids = try await fixture.seed(12)
        try await CentralReceiver.with { receiver in
            receiver.stopListening()
            for _ in 0..<400 where receiver.isListening { try await Task.sleep(for: .milliseconds(5)) }
            #expect(!receiver.isListening)
            let attempts = HitCounter()
            var hooks = Forwarder.Hooks()
            hooks.didSend = { _ in
                if attempts.increment() == 4 { receiver.startListening() }
            }
            let monitor = ForwarderMonitor()
            try await HTTPClient.withHTTPClient { client in
                let forwarder = fixture.forwarder(client: client, receiver: receiver, clock: VirtualClock(), monitor: monitor, hooks: hooks)
                let drained = try await fixture.drain(forwarder)
                #expect(drained)
            }
            #expect(receiver.acceptedSet == Set(ids))
            #expect((monitor.snapshot.retriesByClass["connection"] ?? 0) >= 3)
        }
    }

    @Test(arguments: [16, 40])
    func poisonIsIsolatedWithinTheBoundAndParked(size: Int) async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        let ids = try await fixture.seed(size)
        let poison = ids[size * 2 / 3]
        try await CentralReceiver.with { receiver in
            receiver.poison([poison])
            let sends = HitCounter()
            let isolatedAfter = Box<Int?>(nil)
            var hooks = Forwarder.Hooks()
            hooks.didSend = { _ in _ = sends.increment() }
            hooks.didPark = { _ in isolatedAfter.update { if $0 == nil { $0 = sends.current } } }
            try await HTTPClient.withHTTPClient { client in
                let forwarder = fixture.forwarder(client: client, receiver: receiver, clock: VirtualClock(), maxRecords: size, hooks: hooks)
                let drained = try await fixture.drain(forwarder)
                #expect(drained)
            }
            let bound = Int(log2(Double(size)).rounded(.up)) + 1
            #expect((isolatedAfter.current ?? .max) <= bound, "isolated after \(isolatedAfter.current ?? -1) requests, bound \(bound)")
            #expect(receiver.acceptedSet == Set(ids).subtracting([poison]))
            let letters = try await fixture.store.deadLetters()
            #expect(letters.map(\.checkInID) == [poison])
            #expect(letters.first?.httpStatus == 400)
            #expect(letters.first?.responseExcerpt?.contains(poison) == true, "the server's answer is kept")
            #expect(try await fixture.store.deadLetterCount() == 1)
        }
    }

    @Test func tooLargeHalvesUntilBatchesFit() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        let ids = try await fixture.seed(30)
        try await CentralReceiver.with { receiver in
            // About five records per request fit (sizes counted uncompressed, so no gzip here).
            let oneRecord = CentralBatchCodec.encodeRecord(try #require(try await fixture.store.outboxBatch(limit: 1).first)).count
            receiver.limitBody(to: oneRecord * 5 + 300)
            let monitor = ForwarderMonitor()
            try await HTTPClient.withHTTPClient { client in
                let forwarder = fixture.forwarder(
                    client: client, receiver: receiver, clock: VirtualClock(), maxRecords: 16, monitor: monitor, gzip: false)
                let drained = try await fixture.drain(forwarder)
                #expect(drained)
            }
            #expect(receiver.acceptedSet == Set(ids))
            #expect((monitor.snapshot.retriesByClass["413"] ?? 0) >= 2)
            #expect(receiver.requests.filter { $0.status == 200 }.allSatisfy { $0.ids.count <= 5 })
            #expect(try await fixture.store.deadLetterCount() == 0)
        }
    }
}
