import CoreMetrics
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Prometheus
import QRGateCore
import QRGateServer
import QRGateStore
import QRGateTestSupport
import Testing

/// Authentication, roles, throttling and the access log, through Hummingbird's router test client.
@Suite struct SupervisorAccessTests {
    static let personalEndpoints = [
        "/v1/check-ins", "/v1/inside?site=site-a", "/v1/left-not-returned?site=site-a&hours=1",
        "/v1/exports/check-ins?format=csv", "/v1/exports/check-ins?format=json",
    ]
    static let operatorEndpoints = ["/v1/dead-letters", "/v1/access-log", "/v1/status", "/v1/configuration"]

    enum Credential: String, CaseIterable { case none, malformed, unknown, revoked }

    @Test(arguments: personalEndpoints + operatorEndpoints, Credential.allCases)
    func unauthenticatedGetsNoData(path: String, credential: Credential) async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 3)
        let headers: HTTPFields
        switch credential {
        case .none: headers = [:]
        case .malformed: headers = [.authorization: "Basic dXNlcjpwYXNz"]
        case .unknown: headers = .bearer("qrg_" + String(repeating: "A", count: 43))
        case .revoked: headers = .bearer(fixture.revokedSecret)
        }
        try await fixture.makeApplication().test(.router) { client in
            try await client.execute(uri: path, method: .get, headers: headers) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(!response.text.contains("0010900"), "personal data leaked")
                #expect(!response.text.contains("Nguy"))
            }
        }
        #expect(try await fixture.accessLogCount() == 0)
    }

    @Test(arguments: personalEndpoints)
    func operatorsAndKiosksCannotReadPersonalData(path: String) async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 3)
        try await fixture.makeApplication().test(.router) { client in
            for secret in [fixture.operatorSecret, fixture.kioskSecret] {
                try await client.execute(uri: path, method: .get, headers: .bearer(secret)) { response in
                    #expect(response.status == .forbidden)
                    #expect(!response.text.contains("0010900"))
                }
            }
        }
        #expect(try await fixture.accessLogCount() == 0)
    }

    @Test(arguments: operatorEndpoints)
    func supervisorsAndKiosksCannotUseOperatorEndpoints(path: String) async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication().test(.router) { client in
            for secret in [fixture.supervisorSecret, fixture.kioskSecret] {
                try await client.execute(uri: path, method: .get, headers: .bearer(secret)) { response in
                    #expect(response.status == .forbidden)
                }
            }
            try await client.execute(uri: path, method: .get, headers: .bearer(fixture.operatorSecret)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func everyPersonalReadIsInTheAccessLog() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 5)
        try await fixture.makeApplication().test(.router) { client in
            for path in Self.personalEndpoints {
                try await client.execute(uri: path, method: .get, headers: .bearer(fixture.supervisorSecret)) { response in
                    #expect(response.status == .ok, "\(path)")
                }
            }
            try await client.execute(uri: "/v1/access-log", method: .get, headers: .bearer(fixture.operatorSecret)) { response in
                #expect(response.status == .ok)
                let items = try #require(try response.json()["items"]?.arrayValue)
                #expect(items.count == Self.personalEndpoints.count)
                let endpoints = items.compactMap { $0["endpoint"]?.stringValue }
                #expect(endpoints.filter { $0 == "GET /v1/exports/check-ins" }.count == 2)
                #expect(endpoints.contains("GET /v1/check-ins"))
                #expect(endpoints.contains("GET /v1/inside"))
                #expect(endpoints.contains("GET /v1/left-not-returned"))
                for item in items {
                    #expect(item["actor"]?.stringValue == "Ward 3 supervisor")
                    #expect(item["token_id"]?.stringValue == fixture.supervisorToken.id)
                    #expect(item["channel"]?.stringValue == "api")
                }
                let export = items.first { $0["endpoint"]?.stringValue == "GET /v1/exports/check-ins" }
                #expect(export?["rows"]?.numberValue == 5)
                #expect(export?["filter"]?.stringValue == "format=csv")
            }
        }
        // The operator's read of the access log is itself on record.
        #expect(try await fixture.accessLogCount() == Self.personalEndpoints.count + 1)
    }

    @Test(arguments: ["/v1/check-ins", "/v1/inside", "/v1/exports/check-ins?format=csv"])
    func noPersonalDataLeavesWhenTheReadCannotBeRecorded(path: String) async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 3)
        try await fixture.database.writer.write { db in try db.execute(sql: "DROP TABLE access_log") }
        try await fixture.makeApplication().test(.router) { client in
            try await client.execute(uri: path, method: .get, headers: .bearer(fixture.supervisorSecret)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text.contains("access_log_unavailable"))
                #expect(!response.text.contains("0010900"))
            }
        }
    }

    @Test func theAPIHasNoWayToDeleteTheAccessLog() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication().test(.router) { client in
            try await client.execute(uri: "/v1/check-ins", method: .get, headers: .bearer(fixture.supervisorSecret)) { _ in }
            for secret in [fixture.supervisorSecret, fixture.operatorSecret] {
                try await client.execute(uri: "/v1/access-log", method: .delete, headers: .bearer(secret)) { response in
                    #expect(response.status == .notFound || response.status == .methodNotAllowed)
                }
            }
        }
        #expect(try await fixture.accessLogCount() == 1)
    }

    @Test func repeatedBadTokensAreThrottledButNeverTheValidOnes() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication().test(.router) { client in
            for _ in 0..<5 {
                try await client.execute(uri: "/v1/check-ins", method: .get, headers: .bearer("qrg_wrong")) { response in
                    #expect(response.status == .unauthorized)
                }
            }
            try await client.execute(uri: "/v1/check-ins", method: .get, headers: .bearer("qrg_wrong")) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "60")
                #expect(!response.text.contains("items"))
            }
            // The valid tokens from the same address are not refused.
            try await client.execute(uri: "/v1/check-ins", method: .get, headers: .bearer(fixture.supervisorSecret)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/whoami", method: .get, headers: .bearer(fixture.kioskSecret)) { response in
                #expect(response.status == .ok)
            }
            // Nor is another wrong credential from the same address, which is still only 401.
            try await client.execute(uri: "/v1/check-ins", method: .get, headers: .bearer("qrg_other")) { response in
                #expect(response.status == .unauthorized)
            }
            fixture.monotonic.advance(.seconds(30))
            try await client.execute(uri: "/v1/check-ins", method: .get, headers: .bearer("qrg_wrong")) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "30")
            }
            // Once the window has passed since the last failures, the bad token gets 401 again.
            fixture.monotonic.advance(.seconds(61))
            try await client.execute(uri: "/v1/check-ins", method: .get, headers: .bearer("qrg_wrong")) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func throttleCountsFailuresPerAddressAndCredential() {
        let clock = TestMonotonicClock()
        var configuration = AuthenticationThrottle.Configuration()
        configuration.maximumFailures = 3
        configuration.maximumFailuresPerAddress = 5
        let throttle = AuthenticationThrottle(configuration: configuration, now: { clock.now })
        let bad = AuthenticationThrottle.Key(address: "127.0.0.2", credential: "qrg_AAAAAAAAbad")
        for _ in 0..<3 { #expect(throttle.recordFailure(bad) == nil) }
        #expect(throttle.retryAfter(bad) == .seconds(60))
        #expect(throttle.recordFailure(bad) == .seconds(60))
        #expect(throttle.retryAfter(AuthenticationThrottle.Key(address: "127.0.0.3", credential: "qrg_AAAAAAAAbad")) == nil)
        // Only the first characters count: a credential that differs later is the same key.
        #expect(throttle.retryAfter(AuthenticationThrottle.Key(address: "127.0.0.2", credential: "qrg_AAAAAAAAxyz")) == .seconds(60))
        // Another credential from that address is free until the address reaches its own limit.
        let other = AuthenticationThrottle.Key(address: "127.0.0.2", credential: "qrg_BBBBBBBB")
        #expect(throttle.recordFailure(other) == nil)
        #expect(throttle.retryAfter(AuthenticationThrottle.Key(address: "127.0.0.2", credential: "qrg_CCCCCCCC")) == .seconds(60))
        clock.advance(.seconds(60))
        #expect(throttle.retryAfter(bad) == nil)
        #expect(throttle.retryAfter(other) == nil)
    }

    @Test func healthReadyAndMetricsNeedNoToken() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 4)
        try await fixture.makeApplication().test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/ready", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = response.text
                #expect(text.contains("qrgate_outbox_depth 4"))
                #expect(text.contains("# TYPE qrgate_outbox_oldest_age_seconds gauge"))
                #expect(text.contains("qrgate_dead_letters 0"))
                #expect(text.contains("# TYPE qrgate_quota_used_ratio gauge"))
                #expect(text.contains("qrgate_scans_total 0"))
            }
            try await client.execute(uri: "/v1/whoami", method: .get, headers: .bearer(fixture.kioskSecret)) { response in
                #expect(response.status == .ok)
                let body = try response.json()
                #expect(body["role"]?.stringValue == "kiosk")
            }
        }
    }

    @Test func swiftMetricsFromOtherModulesReachTheEndpoint() async throws {
        let metrics = GateMetrics()
        let factory = metrics.makeFactory()
        factory.makeCounter(label: GateMetrics.Name.decisions, dimensions: [("decision", "refuse")]).increment(by: 2)
        factory.makeCounter(label: GateMetrics.Name.scans, dimensions: []).increment(by: 3)
        factory.makeTimer(label: GateMetrics.Name.scanDuration, dimensions: []).recordNanoseconds(30_000_000)
        factory.makeMeter(label: GateMetrics.Name.outboxDepth, dimensions: []).set(Int64(7))
        let text = String(decoding: metrics.render(), as: UTF8.self)
        #expect(text.contains("qrgate_decisions_total{decision=\"refuse\"} 2"))
        #expect(text.contains("qrgate_scans_total 3"))
        #expect(text.contains("qrgate_scan_duration_seconds_bucket{le=\"0.05\"} 1"))
        #expect(text.contains("qrgate_outbox_depth 7"))
    }

    @Test func operatorEndpointsAnswer() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 2)
        try await fixture.makeApplication().test(.router) { client in
            try await client.execute(uri: "/v1/dead-letters", method: .get, headers: .bearer(fixture.operatorSecret)) { response in
                #expect(response.status == .ok)
                let body = try response.json()
                #expect(body.arrayValue?.isEmpty == true)
            }
            try await client.execute(uri: "/v1/status", method: .get, headers: .bearer(fixture.operatorSecret)) { response in
                let json = try response.json()
                #expect(json["check_ins"]?.numberValue == 2)
                #expect(json["outbox_depth"]?.numberValue == 2)
            }
            try await client.execute(uri: "/v1/chain/verify", method: .get, headers: .bearer(fixture.operatorSecret)) { response in
                let json = try response.json()
                #expect(json["intact"]?.boolValue == true)
                #expect(json["checked"]?.numberValue == 2)
            }
        }
    }

    @Test func deadLettersAreListedWhenTheForwarderHasParkedSome() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        let parked = try #require(try await fixture.seed(count: 1).first)
        try await fixture.database.writer.write { db in
            try db.execute(
                sql: "INSERT INTO dead_letters (check_in_id, parked_at_ms, http_status, response_excerpt, error) VALUES (?, 1, 400, ?, 'rejected')",
                arguments: [parked.id, "bad \"field\""])
        }
        try await fixture.makeApplication().test(.router) { client in
            try await client.execute(uri: "/v1/dead-letters", method: .get, headers: .bearer(fixture.operatorSecret)) { response in
                let items = try #require(try response.json().arrayValue)
                #expect(items.count == 1)
                #expect(items.first?["response_excerpt"]?.stringValue == "bad \"field\"")
                #expect(items.first?["http_status"]?.numberValue == 400)
                #expect(items.first?["check_in_id"]?.stringValue == parked.id)
            }
        }
    }
}
