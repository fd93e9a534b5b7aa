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
        let (directory, environment) = try await SupervisorCommandLineTests.stateWithCheckIns(3)
        defer { directory.remove() }
        func create(_ role: String) throws -> String {
            let created = try QRGateBinary.run(["token", "create", "--role", role, "--name", "throttle " + role], environment: environment)
            try #require(created.status == 0, "\(created.stderr)")
            return created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let supervisor = try create("supervisor")
        let kiosk = try create("kiosk")

        let daemon = try RunningDaemon(directory: directory, environment: environment)
        defer { daemon.kill() }

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

        try daemon.stop()
    }
}

/// `qrgate run` on a free loopback port with the state of `environment`, until `stop()`.
struct RunningDaemon {
    let process: Process
    let base: String

    init(directory: TemporaryDirectory, environment: [String: String]) throws {
        let socketPath = directory.url.appendingPathComponent("notify-\(UUID().uuidString.prefix(8)).sock").path
        let listener = try NotifySocketListener(path: socketPath)
        let process = Process()
        process.executableURL = QRGateBinary.url
        process.arguments = ["run"]
        var processEnvironment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("QRGATE_") }
        processEnvironment.merge(environment) { _, new in new }
        processEnvironment["QRGATE_HTTP_ADDRESS"] = "127.0.0.1:0"
        processEnvironment["NOTIFY_SOCKET"] = socketPath
        processEnvironment.removeValue(forKey: "WATCHDOG_USEC")
        process.environment = processEnvironment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        let ready = listener.collect(until: { $0.contains("READY=1") }, timeout: 60)
        guard let message = ready.messages.first(where: { $0.contains("READY=1") }),
            let address = message.split(separator: ";").first?.split(separator: " ").last.map(String.init)
        else {
            Glibc.kill(process.processIdentifier, SIGKILL)
            throw DaemonDidNotStart()
        }
        base = "http://" + address
    }

    struct DaemonDidNotStart: Error {}

    /// GET `path` with an optional bearer secret.
    func get(_ path: String, secret: String?) async throws -> (status: Int, body: String, retryAfter: String?) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.timeoutInterval = 10
        if let secret { request.setValue("Bearer " + secret, forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, String(decoding: data, as: UTF8.self), http?.value(forHTTPHeaderField: "Retry-After"))
    }

    /// SIGTERM, and the daemon must stop cleanly within 15 s.
    func stop() throws {
        Glibc.kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        #expect(!process.isRunning && process.terminationStatus == 0)
    }

    /// SIGKILL if it still runs.
    func kill() {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
    }
}
