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
        let daemon = try RunningGate()
        try await SupervisorCommandLineTests.seed(6, in: daemon.state)
        let secret = try daemon.token(role: "supervisor")
        try daemon.start()
        func get(_ path: String, secret: String?) async throws -> (status: Int, body: String) {
            let answer = try await daemon.get(path, secret: secret)
            return (answer.status, answer.body)
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
        let status = try daemon.command(["status", "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(try JSONValue(parsing: status.stdout)["check_ins"]?.numberValue == 6)
        let cliExport = try daemon.command(["export", "--format", "csv"])
        #expect(cliExport.status == 0, "\(cliExport.stderr)")
        #expect(cliExport.stdout.split(separator: "\r\n").count == 7)
        #expect(!cliExport.stderr.contains("not recorded"))

        let log = try await get("/v1/access-log", secret: nil)
        #expect(log.status == 401)

        #expect(daemon.stop() == 0)

        let database = try GateDatabase(path: daemon.state.appendingPathComponent("qrgate.sqlite").path, readOnly: true)
        let entries = try await AccessLogStore(database: database).entries()
        #expect(entries.map(\.endpoint) == ["GET /v1/check-ins", "GET /v1/exports/check-ins", "qrgate export"])
        #expect(entries.map(\.rowCount) == [4, 6, 6])
    }
}
