import Foundation
import GRDB
import QRGateCore
import QRGateStore
import QRGateTestSupport
import Testing

/// Issue 12 item 17: `/ready` of the built daemon says 503 with its reasons when the gate
/// cannot take check-ins, and `/metrics` can require an operator token.
@Suite(.serialized) struct DaemonReadinessTests {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A gate at its quota, with a stale trust list and no rule set answered `/ready` with 200.
    @Test func readyAnswers503WithEveryReasonAtTheQuotaWithAStaleTrustListAndNoRuleSet() throws {
        let daemon = try RunningGate { state in
            try FileManager.default.createDirectory(at: state.appendingPathComponent("no-rules"), withIntermediateDirectories: true)
            try RunningGate.unusedSigningKeyPEM().write(to: state.appendingPathComponent("central-signing.pem"), atomically: true, encoding: .utf8)
            try FullStore.fill(state: state)
        }
        defer { daemon.stop() }
        try daemon.start(
            yaml: """
                storage:
                  quota_mib: \(FullStore.quotaMiB)
                trust:
                  rules_directory: \(daemon.state.appendingPathComponent("no-rules").path)
                central:
                  url: http://127.0.0.1:9
                  signing_key_file: central-signing.pem
                """)
        // The store probe sees the quota within a few of its 2 s beats.
        var answer: LoopbackExchange.Answer?
        let deadline = Date().addingTimeInterval(15)
        repeat {
            answer = LoopbackExchange.send("GET", "/ready", port: daemon.port)
            if (answer?.body ?? "").contains("store_at_quota") { break }
            usleep(250_000)
        } while Date() < deadline
        let ready = try #require(answer)
        #expect(ready.status == 503)
        #expect(ready.headers["content-type"] == "application/json")
        let json = try JSONValue(parsing: Array(ready.body.utf8))
        #expect(json["ready"]?.boolValue == false)
        let reasons = Set(json["reasons"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        #expect(reasons == ["store_at_quota", "trust_list_stale", "no_rule_set"], "\(ready.body)")
        #expect(daemon.stop() == 0)
    }

    @Test func readyAnswers200WithNoReasonsWhenTheGateCanWork() throws {
        let daemon = try RunningGate()
        defer { daemon.stop() }
        try daemon.start(yaml: "trust:\n  rules_directory: \(Self.packageRoot.appendingPathComponent("device-config/rules").path)\n")
        let ready = try #require(LoopbackExchange.send("GET", "/ready", port: daemon.port))
        #expect(ready.status == 200, "\(ready.body)")
        let json = try JSONValue(parsing: Array(ready.body.utf8))
        #expect(json["ready"]?.boolValue == true)
        #expect(json["reasons"]?.arrayValue?.isEmpty == true)
        #expect(json["summary"]?.stringValue?.contains("api 127.0.0.1:") == true)
        #expect(daemon.stop() == 0)
    }

    /// Off loopback the metrics (outbox depth, scan counts) need an operator token; the key
    /// forces it on loopback here.
    @Test func metricsWithoutAnOperatorTokenAreRefusedWhenRequired() throws {
        let daemon = try RunningGate()
        defer { daemon.stop() }
        let operatorToken = try daemon.token(role: "operator")
        let supervisorToken = try daemon.token(role: "supervisor")
        try daemon.start(yaml: "http:\n  metrics_require_token: true\n")
        #expect(LoopbackExchange.send("GET", "/metrics", port: daemon.port)?.status == 401)
        #expect(LoopbackExchange.send("GET", "/metrics", port: daemon.port, headers: ["Authorization": "Bearer " + supervisorToken])?.status == 403)
        let metrics = LoopbackExchange.send("GET", "/metrics", port: daemon.port, headers: ["Authorization": "Bearer " + operatorToken])
        #expect(metrics?.status == 200)
        #expect(metrics?.body.contains("qrgate_outbox_depth") == true)
        #expect(LoopbackExchange.send("GET", "/health", port: daemon.port)?.status == 200, "health stays open")
        #expect(daemon.stop() == 0)
    }
}
