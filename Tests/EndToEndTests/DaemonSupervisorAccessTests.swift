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

/// The real daemon (`qrgate run`) serving the supervisor API on loopback, with tokens made by
/// `qrgate token create` and `qrgate status` / `export` reading beside it.
@Suite(.serialized) struct DaemonSupervisorAccessTests {
    @Test func daemonServesTheAuthenticatedAPIAndTheCommandLineReadsBesideIt() async throws {
        let (directory, environment) = try await SupervisorCommandLineTests.stateWithCheckIns(6)
        defer { directory.remove() }
        let token = try QRGateBinary.run(["token", "create", "--role", "supervisor", "--name", "E2E"], environment: environment)
        try #require(token.status == 0, "\(token.stderr)")
        let secret = token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        let socketPath = directory.url.appendingPathComponent("notify.sock").path
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
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let ready = listener.collect(until: { $0.contains("READY=1") }, timeout: 60)
        let readyMessage = try #require(ready.messages.first { $0.contains("READY=1") })
        let address = try #require(readyMessage.split(separator: ";").first?.split(separator: " ").last.map(String.init))
        let base = "http://" + address

        func get(_ path: String, secret: String?) async throws -> (status: Int, body: String) {
            var request = URLRequest(url: URL(string: base + path)!)
            if let secret { request.setValue("Bearer " + secret, forHTTPHeaderField: "Authorization") }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        #expect(try await get("/v1/check-ins", secret: nil).status == 401)
        let page = try await get("/v1/check-ins?limit=4", secret: secret)
        #expect(page.status == 200)
        #expect(try JSONValue(parsing: page.body)["count"]?.numberValue == 4)
        let export = try await get("/v1/exports/check-ins?format=ndjson", secret: secret)
        #expect(export.body.split(separator: "\n").count == 6)
        let metrics = try await get("/metrics", secret: nil)
        #expect(metrics.body.contains("qrgate_outbox_depth 6"))
        #expect(metrics.body.contains("qrgate_scans_total"))

        // The command line reads the same database while the daemon runs.
        let status = try QRGateBinary.run(["status", "--json"], environment: environment)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(try JSONValue(parsing: status.stdout)["check_ins"]?.numberValue == 6)
        let cliExport = try QRGateBinary.run(["export", "--format", "csv"], environment: environment)
        #expect(cliExport.status == 0, "\(cliExport.stderr)")
        #expect(cliExport.stdout.split(separator: "\r\n").count == 7)
        #expect(!cliExport.stderr.contains("not recorded"))

        let log = try await get("/v1/access-log", secret: nil)
        #expect(log.status == 401)

        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        #expect(process.terminationStatus == 0)

        let database = try GateDatabase(path: environment["QRGATE_STATE_DIR"]! + "/qrgate.sqlite", readOnly: true)
        let entries = try await AccessLogStore(database: database).entries()
        #expect(entries.map(\.endpoint) == ["GET /v1/check-ins", "GET /v1/exports/check-ins", "qrgate export"])
        #expect(entries.map(\.rowCount) == [4, 6, 6])
    }
}
