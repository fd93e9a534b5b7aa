import Foundation
import QRGateCore
import QRGateStore
import QRGateTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Attack: someone on the kiosk's own address (a local client, the kiosk screen's browser)
/// sends bad tokens in a burst, so that the throttle locks the kiosk and the supervisors out.
/// Against the built daemon on loopback.
@Suite(.serialized) struct DaemonThrottleAttackTests {
    @Test func aBurstOfBadTokensLocksOutNeitherTheKioskNorTheSupervisors() async throws {
        let daemon = try RunningGate()
        try await SupervisorCommandLineTests.seed(3, in: daemon.state)
        let supervisor = try daemon.token(role: "supervisor")
        let kiosk = try daemon.token(role: "kiosk")
        try daemon.start()

        // The same bad token over and over, then many different ones: more than every limit.
        let badToken = "qrg_" + String(repeating: "A", count: 43)
        var statuses: [Int] = []
        for _ in 0..<20 { statuses.append(try await daemon.get("/v1/check-ins", secret: badToken).status) }
        for index in 0..<60 { statuses.append(try await daemon.get("/v1/whoami", secret: "qrg_guess\(index)xxxxxxxxxxxxxxxx").status) }
        #expect(statuses.allSatisfy { $0 == 401 || $0 == 429 }, "\(statuses)")
        #expect(statuses.prefix(5).allSatisfy { $0 == 401 })
        #expect(statuses.contains(429))

        // The valid tokens from the same address answer 200 at once.
        for (path, secret) in [("/v1/whoami", kiosk), ("/v1/check-ins", supervisor), ("/v1/whoami", supervisor)] {
            let started = ContinuousClock.now
            let answer = try await daemon.get(path, secret: secret)
            #expect(answer.status == 200, "\(path) with a valid token: \(answer.status) \(answer.body)")
            #expect(ContinuousClock.now - started < .seconds(2), "a valid token was delayed")
        }

        // The bad token is still slowed down, and told how long to wait.
        let again = try await daemon.get("/v1/check-ins", secret: badToken)
        #expect(again.status == 429)
        let retryAfter = try #require(again.retryAfter.flatMap(Int.init), "429 without Retry-After")
        #expect((1...60).contains(retryAfter))
        #expect(!again.body.contains("items"))
        #expect(try await daemon.get("/v1/whoami", secret: kiosk).status == 200)

        #expect(daemon.stop() == 0)
    }
}

extension RunningGate {
    /// GET `path` with an optional bearer secret.
    func get(_ path: String, secret: String?) async throws -> (status: Int, body: String, retryAfter: String?) {
        let answer = try #require(
            LoopbackExchange.send("GET", path, port: port, headers: secret.map { ["Authorization": "Bearer " + $0] } ?? [:], timeout: 10))
        return (answer.status, answer.body, answer.headers["retry-after"])
    }
}
