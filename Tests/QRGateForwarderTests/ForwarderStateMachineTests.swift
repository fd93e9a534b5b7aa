import Foundation
import QRGateForwarder
import QRGateTestSupport
import Testing

/// The retry, backoff, bisection and 413 logic without any network.
@Suite struct ForwarderStateMachineTests {
    typealias Machine = Forwarder.StateMachine

    func ids(_ n: Int) -> [String] { (0..<n).map { "r\($0)" } }

    func ok(_ ids: [String]) -> Machine.Outcome { .answered(status: 200, accepted: ids, duplicates: [], rejected: []) }

    @Test(arguments: [
        (Machine.Outcome.connectionFailed("refused"), Machine.FailureClass.connection),
        (.timedOut, .timeout),
        (.status(408, retryAfter: nil, body: ""), .requestTimeout),
        (.status(429, retryAfter: nil, body: ""), .tooManyRequests),
        (.status(500, retryAfter: nil, body: ""), .serverError),
        (.status(502, retryAfter: nil, body: ""), .serverError),
        (.status(503, retryAfter: nil, body: ""), .serverError),
        (.status(404, retryAfter: nil, body: ""), .other),
    ])
    func retryableFailuresWaitAndResendTheSameBatch(outcome: Machine.Outcome, failureClass: Machine.FailureClass) {
        var machine = Machine()
        var random = SeededRandom(seed: 1)
        #expect(machine.start(ids(4)) == .send(ids(4)))
        let actions = machine.handle(outcome, random: &random)
        #expect(actions.first == .countRetry(failureClass))
        guard case .wait(let delay, let cls)? = actions.last else {
            Issue.record("expected a wait, got \(actions)")
            return
        }
        #expect(cls == failureClass)
        #expect(delay >= .zero && delay <= machine.configuration.initialBackoff)
        #expect(machine.resume() == .send(ids(4)))
    }

    @Test func backoffGrowsExponentiallyWithFullJitterAndIsCapped() {
        var configuration = Machine.Configuration()
        configuration.initialBackoff = .seconds(1)
        configuration.maxBackoff = .seconds(60)
        var machine = Machine(configuration: configuration)
        var random = SeededRandom(seed: 7)
        _ = machine.start(ids(2))
        var delays: [Duration] = []
        for _ in 0..<40 {
            let actions = machine.handle(.status(503, retryAfter: nil, body: ""), random: &random)
            guard case .wait(let delay, _)? = actions.last else {
                Issue.record("no wait")
                return
            }
            delays.append(delay)
            _ = machine.resume()
        }
        // The ceiling doubles: 1, 2, 4, 8 … seconds, capped at 60; jitter is uniform below it.
        for (index, delay) in delays.enumerated() {
            let ceiling = min(Duration.seconds(1) * (1 << min(index, 20)), .seconds(60))
            #expect(delay >= .zero && delay <= ceiling)
        }
        #expect(delays.suffix(20).contains { $0 > .seconds(30) }, "late delays use the full capped range")
        #expect(Set(delays).count > 30, "jitter spreads the delays")
        #expect(machine.consecutiveFailures == 40, "no retry limit")
    }

    @Test func retryAfterIsHonouredAndCapped() {
        var configuration = Machine.Configuration()
        configuration.retryAfterCap = .seconds(120)
        var machine = Machine(configuration: configuration)
        var random = SeededRandom(seed: 3)
        _ = machine.start(ids(3))
        #expect(machine.handle(.status(429, retryAfter: .seconds(7), body: ""), random: &random).last == .wait(.seconds(7), .tooManyRequests))
        _ = machine.resume()
        #expect(machine.handle(.status(503, retryAfter: .seconds(86_400), body: ""), random: &random).last == .wait(.seconds(120), .serverError))
    }

    @Test func retryAfterZeroOrAPastDateWaitsAtLeastTheMinimumBackoff() {
        // A server (or a proxy) answering `Retry-After: 0`, a negative delta or a date in the
        // past must not turn the gate into a tight retry loop against it.
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let headers = ["0", "-5", formatter.string(from: now.addingTimeInterval(-3600)), formatter.string(from: now)]
        for status in [429, 503, 408] {
            for header in headers {
                var machine = Machine()
                var random = SeededRandom(seed: 5)
                _ = machine.start(ids(2))
                let retryAfter = CentralBatchCodec.retryAfter(header, now: now)
                guard case .wait(let delay, _)? = machine.handle(.status(status, retryAfter: retryAfter, body: ""), random: &random).last else {
                    Issue.record("no wait for \(status) Retry-After: \(header)")
                    continue
                }
                #expect(delay >= machine.configuration.minimumBackoff, "HTTP \(status) Retry-After: \(header) waited \(delay)")
                #expect(delay > .zero)
            }
        }
        // The jittered backoff keeps the same floor even when the draw is near zero.
        var configuration = Machine.Configuration()
        configuration.minimumBackoff = .milliseconds(250)
        var machine = Machine(configuration: configuration)
        var random = SeededRandom(seed: 11)
        for failures in 1...200 {
            #expect(machine.backoff(failures: failures % 3 + 1, random: &random) >= .milliseconds(250))
        }
        _ = machine.start(ids(1))
        #expect(machine.handle(.status(429, retryAfter: .zero, body: ""), random: &random).last == .wait(.milliseconds(250), .tooManyRequests))
    }

    @Test func successAcknowledgesAndFinishes() {
        var machine = Machine()
        var random = SeededRandom(seed: 1)
        _ = machine.start(ids(3))
        let actions = machine.handle(.answered(status: 200, accepted: ["r0", "r2"], duplicates: ["r1"], rejected: []), random: &random)
        #expect(actions == [.acknowledge(["r0", "r2", "r1"]), .finished])
    }

    @Test func partialSuccessResendsOnlyTheRest() {
        var machine = Machine()
        var random = SeededRandom(seed: 1)
        _ = machine.start(ids(5))
        let actions = machine.handle(.answered(status: 200, accepted: ["r0", "r1"], duplicates: [], rejected: []), random: &random)
        #expect(actions.first == .acknowledge(["r0", "r1"]))
        #expect(actions.contains(.countRetry(.partial)))
        #expect(machine.resume() == .send(["r2", "r3", "r4"]))
    }

    @Test func perRecordRejectionsAreParked() {
        var machine = Machine()
        var random = SeededRandom(seed: 1)
        _ = machine.start(ids(3))
        let actions = machine.handle(
            .answered(status: 200, accepted: ["r0", "r2"], duplicates: [], rejected: [.init(id: "r1", reason: "bad gate")]),
            random: &random
        )
        #expect(actions.count == 3)
        #expect(actions[0] == .acknowledge(["r0", "r2"]))
        guard case .park(let parked) = actions[1] else {
            Issue.record("no park")
            return
        }
        #expect(parked.map(\.id) == ["r1"])
        #expect(actions[2] == .finished)
    }

    /// Simulates a server that refuses any request holding the poison with 400.
    @Test(arguments: [1, 2, 3, 7, 8, 64, 100, 500, 1000])
    func badRequestIsolatesThePoisonWithinLogBound(size: Int) {
        for poisonIndex in Set([0, size / 3, size / 2, size - 1]) {
            var machine = Machine(
                configuration: {
                    var c = Machine.Configuration()
                    c.maxRecords = 1000
                    return c
                }())
            var random = SeededRandom(seed: 1)
            let all = ids(size)
            let poison = all[poisonIndex]
            var pending = [machine.start(all)]
            var requests = 0
            var requestsToIsolate: Int?
            var acknowledged: [String] = []
            var parked: [String] = []
            var steps = 0
            while let action = pending.first, steps < 10_000 {
                steps += 1
                pending.removeFirst()
                switch action {
                case .send(let batch):
                    requests += 1
                    let outcome: Machine.Outcome = batch.contains(poison) ? .status(400, retryAfter: nil, body: "poison \(poison)") : ok(batch)
                    pending += machine.handle(outcome, random: &random)
                case .acknowledge(let a): acknowledged += a
                case .park(let p):
                    parked += p.map(\.id)
                    if requestsToIsolate == nil { requestsToIsolate = requests }
                case .finished, .countRetry: continue
                case .wait, .pause: Issue.record("unexpected \(action)")
                }
            }
            let bound = Int((log2(Double(size))).rounded(.up)) + 1
            #expect(parked == [poison])
            #expect(Set(acknowledged) == Set(all).subtracting([poison]))
            #expect(acknowledged.count == size - 1, "nothing acknowledged twice")
            #expect((requestsToIsolate ?? .max) <= bound, "size \(size), poison at \(poisonIndex): \(requestsToIsolate ?? -1) requests > \(bound)")
        }
    }

    @Test func twoPoisonsAreBothParked() {
        var machine = Machine()
        var random = SeededRandom(seed: 1)
        let all = ids(16)
        let poison: Set = ["r3", "r12"]
        var pending = [machine.start(all)]
        var parked: [String] = []
        var acknowledged: [String] = []
        var steps = 0
        while let action = pending.first, steps < 1000 {
            steps += 1
            pending.removeFirst()
            switch action {
            case .send(let batch):
                pending += machine.handle(
                    batch.contains(where: poison.contains) ? .status(400, retryAfter: nil, body: "bad") : ok(batch), random: &random)
            case .acknowledge(let a): acknowledged += a
            case .park(let p): parked += p.map(\.id)
            default: continue
            }
        }
        #expect(Set(parked) == poison)
        #expect(Set(acknowledged) == Set(all).subtracting(poison))
    }

    @Test func tooLargeHalvesTheBatchAndTheLimit() {
        var machine = Machine(
            configuration: {
                var c = Machine.Configuration()
                c.maxRecords = 8
                c.growAfterSuccesses = 2
                return c
            }())
        var random = SeededRandom(seed: 1)
        _ = machine.start(ids(8))
        #expect(machine.handle(.status(413, retryAfter: nil, body: ""), random: &random) == [.countRetry(.tooLarge), .send(ids(4))])
        #expect(machine.batchLimit == 4)
        #expect(machine.handle(ok(ids(4)), random: &random) == [.acknowledge(ids(4)), .send(Array(ids(8)[4...]))])
        #expect(machine.handle(ok(Array(ids(8)[4...])), random: &random) == [.acknowledge(Array(ids(8)[4...])), .finished])
        #expect(machine.batchLimit == 8, "regrown after successes")
    }

    @Test func aSingleRecordTooLargeIsParked() {
        var machine = Machine()
        var random = SeededRandom(seed: 1)
        _ = machine.start(["big"])
        let actions = machine.handle(.status(413, retryAfter: nil, body: "too big"), random: &random)
        guard case .park(let parked) = actions[1] else {
            Issue.record("no park")
            return
        }
        #expect(parked.map(\.id) == ["big"])
        #expect(actions.last == .finished)
    }

    @Test(arguments: [401, 403])
    func refusedCredentialsPauseAndKeepTheData(status: Int) {
        var machine = Machine()
        var random = SeededRandom(seed: 1)
        _ = machine.start(ids(3))
        let actions = machine.handle(.status(status, retryAfter: nil, body: "no"), random: &random)
        #expect(actions == [.countRetry(.unauthorized), .pause(status: status, answer: "no")])
        #expect(machine.isPaused)
        #expect(machine.resume() == .send(ids(3)))
        #expect(!machine.isPaused)
    }
}
