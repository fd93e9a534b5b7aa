import QRGateScanner
import Testing

/// A clock whose time only moves when the test says so.
final class ManualClock: Clock, @unchecked Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private(set) var now = Instant(offset: .zero)
    var minimumResolution: Duration { .nanoseconds(1) }

    func advance(by duration: Duration) { now = now.advanced(by: duration) }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        if deadline > now { now = deadline }
    }
}

@Suite struct DuplicateFilterTests {
    @Test func samePayloadWithinWindowIsOneScan() {
        let clock = ManualClock()
        var filter = DuplicateFilter<ManualClock.Instant>(window: .seconds(5))
        let payload = Array("HC1:ABC".utf8)
        let admitted1 = filter.admit(payload, at: clock.now)
        #expect(admitted1)
        clock.advance(by: .seconds(1))
        let admitted2 = filter.admit(payload, at: clock.now)
        #expect(!admitted2)
        let admitted3 = filter.admit(Array("HC1:OTHER".utf8), at: clock.now)
        #expect(admitted3)
        clock.advance(by: .seconds(4.9))
        let admitted4 = filter.admit(payload, at: clock.now)
        #expect(!admitted4, "the window slides with each sighting")
        clock.advance(by: .seconds(5))
        let admitted5 = filter.admit(payload, at: clock.now)
        #expect(admitted5)
    }

    @Test func capacityIsBounded() {
        let clock = ManualClock()
        var filter = DuplicateFilter<ManualClock.Instant>(window: .seconds(60), capacity: 10)
        for index in 0..<100 {
            clock.advance(by: .milliseconds(10))
            let admitted6 = filter.admit([UInt8(index)], at: clock.now)
            #expect(admitted6)
        }
        #expect(filter.count <= 10)
    }
}
