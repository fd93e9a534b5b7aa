import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QRGateCore
import QRGateStore
import Synchronization
import Testing

@testable import QRGateServer

/// Off this machine the kiosk stream needs a kiosk token; the page itself holds no data.
@Suite struct KioskScreenAccessTests {
    /// A feed with one decision that then ends, so that a granted stream ends too.
    static let feed = KioskFeed(
        subscribe: {
            AsyncStream { continuation in
                continuation.yield(KioskEvent(name: "result", json: #"{"check_in_id":"c1"}"#))
                continuation.finish()
            }
        },
        status: { KioskEvent(name: "status", json: #"{"site":"site-a"}"#) })

    // The in-process test client has no peer address: the server must treat it as off loopback.
    @Test func offLoopbackTheStreamNeedsAKioskToken() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication(configure: { $0.kiosk = Self.feed }).test(.router) { client in
            try await client.execute(uri: "/kiosk/events", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("missing_token"))
            }
            try await client.execute(uri: "/kiosk/events?token=not-a-token", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("invalid_token"))
            }
            try await client.execute(uri: "/kiosk/events?token=\(fixture.supervisorSecret)", method: .get) { response in
                #expect(response.status == .forbidden, "a supervisor token does not open the screen")
            }
            try await client.execute(uri: "/kiosk/events?token=\(fixture.kioskSecret)", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.hasPrefix("retry: 2000\n\nevent: status\ndata: {\"site\":\"site-a\"}\n\n"), "\(body)")
                #expect(body.contains("event: result\ndata: {\"check_in_id\":\"c1\"}\n\n"))
            }
            // The page and its assets are open: they hold no data.
            try await client.execute(uri: "/kiosk", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            }
        }
    }

    @Test func offLoopbackADeclarationNeedsAKioskTokenAndOnlyADeclarationIsTaken() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        let taken = Mutex<[KioskScanRequest]>([])
        var feed = Self.feed
        feed.questions = #"{"version":"1","questions":[]}"#
        feed.declare = { request in
            taken.withLock { $0.append(request) }
            return KioskScanAnswer(json: #"{"waiting":true}"#, waiting: true)
        }
        let body = ByteBuffer(string: #"{"declaration": {"symptoms": ["cough"], "contact_with_confirmed_case": true}}"#)
        try await fixture.makeApplication(configure: { $0.kiosk = feed }).test(.router) { client in
            try await client.execute(uri: "/kiosk/declaration", method: .post, headers: [.contentType: "application/json"], body: body) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/kiosk/questions", method: .get) { response in #expect(response.status == .unauthorized) }
            let token = "?token=\(fixture.kioskSecret)"
            try await client.execute(uri: "/kiosk/questions" + token, method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"version\":\"1\""))
            }
            try await client.execute(uri: "/kiosk/declaration" + token, method: .post, headers: [.contentType: "application/json"], body: body) {
                response in
                #expect(response.status == .accepted)
            }
            // Codes go through the kiosk API, not the declaration form.
            let codes = ByteBuffer(string: #"{"texts": ["HC1:..."], "declaration": {"symptoms": []}}"#)
            try await client.execute(uri: "/kiosk/declaration" + token, method: .post, headers: [.contentType: "application/json"], body: codes) {
                response in
                #expect(response.status == .badRequest)
            }
            let unknown = ByteBuffer(string: #"{"declaration": {"symptoms": ["sneezing"]}}"#)
            try await client.execute(uri: "/kiosk/declaration" + token, method: .post, headers: [.contentType: "application/json"], body: unknown) {
                response in
                #expect(response.status == .badRequest)
            }
        }
        let requests = taken.withLock { $0 }
        #expect(requests.count == 1)
        #expect(requests.first?.declaration?.symptoms == [.cough])
        #expect(requests.first?.declaration?.contactWithConfirmedCase == true)
        #expect(requests.first?.declaration?.source == .kiosk)
    }

    /// A page of another origin can send a form post or a `text/plain` fetch without asking; the
    /// declaration takes neither, and no preflight is ever granted.
    @Test func aCrossSiteDeclarationIsRefused() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        let taken = Mutex(0)
        var feed = Self.feed
        feed.questions = #"{"version":"1","questions":[]}"#
        feed.declare = { _ in
            taken.withLock { $0 += 1 }
            return KioskScanAnswer(json: "{}", waiting: true)
        }
        let token = "?token=\(fixture.kioskSecret)"
        try await fixture.makeApplication(configure: { $0.kiosk = feed }).test(.router) { client in
            for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"] {
                let body = ByteBuffer(string: #"{"declaration": {"symptoms": ["fever"]}}"#)
                try await client.execute(uri: "/kiosk/declaration" + token, method: .post, headers: [.contentType: type], body: body) { response in
                    #expect(response.status == .unsupportedMediaType, "\(type)")
                }
            }
            try await client.execute(
                uri: "/kiosk/declaration" + token, method: .options,
                headers: [HTTPField.Name("Origin")!: "https://elsewhere.example", HTTPField.Name("Access-Control-Request-Method")!: "POST"]
            ) { response in
                #expect(response.headers[HTTPField.Name("Access-Control-Allow-Origin")!] == nil)
            }
        }
        #expect(taken.withLock { $0 } == 0)
    }

    @Test func aGateWithoutAScreenServesNoPage() async throws {
        let fixture = try SupervisorFixture()
        defer { fixture.remove() }
        try await fixture.makeApplication().test(.router) { client in
            try await client.execute(uri: "/kiosk", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/kiosk/events", method: .get) { response in #expect(response.status == .notFound) }
        }
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.255.0.9", true), ("::1", true), ("::ffff:127.0.0.1", true), ("::FFFF:127.0.0.2", true),
        ("10.0.0.1", false), ("::ffff:10.0.0.1", false), ("128.0.0.1", false), ("127.0.0", false), ("127.0.0.256", false),
        ("localhost", false), ("", false), ("fe80::1", false),
    ])
    func loopbackIsTheLoopbackAddressesOnly(address: String, loopback: Bool) {
        #expect(KioskScreen.isLoopback(address) == loopback)
    }

    @Test func anUnknownPeerIsNotLoopback() {
        #expect(!KioskScreen.isLoopback(nil))
    }
}
