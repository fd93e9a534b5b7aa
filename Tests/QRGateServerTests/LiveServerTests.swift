import Foundation
import Hummingbird
import HummingbirdTesting
import QRGateCore
import QRGateServer
import QRGateStore
import QRGateTestSupport
import Testing

/// The same API on a real loopback socket.
@Suite struct LiveServerTests {
    @Test func authenticationRolesAndExportOverLoopback() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.seed(count: 30)
        try await fixture.makeApplication(configure: { $0.exportChunkRows = 4 }).test(.live) { client in
            try await client.execute(uri: "/v1/check-ins", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(!response.text.contains("0010900"))
            }
            try await client.execute(uri: "/v1/check-ins", method: .get, headers: .bearer(fixture.revokedSecret)) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/v1/check-ins", method: .get, headers: .bearer(fixture.operatorSecret)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/v1/check-ins?limit=10", method: .get, headers: .bearer(fixture.supervisorSecret)) { response in
                #expect(response.status == .ok)
                let body = try response.json()
                #expect(body["count"]?.numberValue == 10)
            }
            try await client.execute(uri: "/v1/exports/check-ins?format=csv", method: .get, headers: .bearer(fixture.supervisorSecret)) { response in
                #expect(response.status == .ok)
                #expect(Array(response.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
                #expect(response.text.split(separator: "\r\n").count == 31)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.text.contains("qrgate_outbox_depth 30"))
            }
        }
        #expect(try await fixture.accessLogCount() == 2)
    }

    @Test func throttlingOverLoopback() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication().test(.live) { client in
            for _ in 0..<5 {
                try await client.execute(uri: "/v1/status", method: .get, headers: .bearer("qrg_guess")) { #expect($0.status == .unauthorized) }
            }
            // The guessing credential is throttled; a valid token never is.
            try await client.execute(uri: "/v1/status", method: .get, headers: .bearer("qrg_guess")) { response in
                #expect(response.status == .tooManyRequests)
                #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 > 0)
            }
            try await client.execute(uri: "/v1/status", method: .get, headers: .bearer(fixture.operatorSecret)) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
