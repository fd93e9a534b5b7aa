import AsyncHTTPClient
import Crypto
import Foundation
import QRGateForwarder
import QRGateStore
import QRGateTestSupport
import Testing

/// Trust list, rule and value set sync: verified before use, swapped atomically, ETags.
@Suite(.serialized) struct CentralSyncTests {
    struct Rejected: Error {}

    static func signed(_ text: String, key: P256.Signing.PrivateKey, etag: String, version: String) throws -> CentralReceiver.Resource {
        let body = Data(text.utf8)
        let signature = try key.signature(for: body).rawRepresentation.base64EncodedString()
        return .init(body: body, etag: etag, signature: signature, version: version)
    }

    func makeSync(_ fixture: ForwarderFixture, receiver: CentralReceiver, key: P256.Signing.PrivateKey, now: Date) -> CentralSync {
        var endpoint = CentralEndpoint(baseURL: receiver.baseURL, gateID: "gate-01")
        endpoint.requestTimeout = .seconds(5)
        let validate: @Sendable (Data) throws -> Void = { data in
            guard (try? JSONSerialization.jsonObject(with: data)) != nil else { throw Rejected() }
        }
        return CentralSync(
            endpoint: endpoint,
            resources: SyncResource.standard(validateTrustList: validate),
            verifier: ResourceVerifier(publicKey: key.publicKey),
            stateStore: SyncStateStore(database: fixture.database),
            directory: fixture.directory + "/sync",
            freshness: TrustListFreshness(maxAge: 24 * 3600),
            now: { now },
            logger: ForwarderFixture.logger
        )
    }

    @Test func verifiedUpdateIsStoredThenNotModifiedThenTamperingIsRefused() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.directory + "/sync", withIntermediateDirectories: true)
        let key = P256.Signing.PrivateKey()
        let now = ForwarderFixture.start
        try await CentralReceiver.with { receiver in
            let original = #"{"certificates":[{"kid":"AAAA"}]}"#
            receiver.serve(try Self.signed(original, key: key, etag: "\"v1\"", version: "2026-11-01"), at: "/v1/trust-list")
            receiver.serve(try Self.signed(#"{"rules":[]}"#, key: key, etag: "\"r1\"", version: "r1"), at: "/v1/rule-sets")
            receiver.serve(try Self.signed(#"{"valueSets":{}}"#, key: key, etag: "\"s1\"", version: "s1"), at: "/v1/value-sets")
            let sync = makeSync(fixture, receiver: receiver, key: key, now: now)
            #expect(sync.freshness.isTrustListStale(now: now), "no trust list yet: stale")
            try await HTTPClient.withHTTPClient { client in
                let first = await sync.syncAll(client: client)
                #expect(first["trust-list"] == .updated(version: "2026-11-01"))
                #expect(first["rule-sets"] == .updated(version: "r1"))
                #expect(first["value-sets"] == .updated(version: "s1"))
                let path = fixture.directory + "/sync/trust-list.json"
                #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == original)
                let state = try #require(try await SyncStateStore(database: fixture.database).state(of: "trust-list"))
                #expect(state.etag == "\"v1\"")
                #expect(state.version == "2026-11-01")
                #expect(!sync.freshness.isTrustListStale(now: now))

                // Unchanged: a conditional GET answered 304.
                let second = await sync.syncAll(client: client)
                #expect(second["trust-list"] == .notModified)
                #expect(receiver.resourceRequests.last { $0.path == "/v1/trust-list" }?.ifNoneMatch == "\"v1\"")

                // Tampered: the body changed, the signature did not. Refused; the old list stays.
                var tampered = try Self.signed(original, key: key, etag: "\"v2\"", version: "evil")
                tampered.body = Data(#"{"certificates":[{"kid":"EVIL"}]}"#.utf8)
                receiver.serve(tampered, at: "/v1/trust-list")
                guard case .failed = await sync.sync(sync.resources[0], client: client) else {
                    Issue.record("tampered trust list accepted")
                    return
                }
                #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == original)
                #expect(try await SyncStateStore(database: fixture.database).state(of: "trust-list")?.version == "2026-11-01")

                // Signed by another key: refused too.
                receiver.serve(try Self.signed(#"{"certificates":[]}"#, key: P256.Signing.PrivateKey(), etag: "\"v3\"", version: "other"), at: "/v1/trust-list")
                guard case .failed = await sync.sync(sync.resources[0], client: client) else {
                    Issue.record("foreign signature accepted")
                    return
                }
                // Properly signed but unusable (the validate hook refuses it): refused.
                receiver.serve(try Self.signed("not json", key: key, etag: "\"v4\"", version: "broken"), at: "/v1/trust-list")
                guard case .failed = await sync.sync(sync.resources[0], client: client) else {
                    Issue.record("invalid content accepted")
                    return
                }
                #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == original)

                // A genuine new version replaces it.
                receiver.serve(try Self.signed(#"{"certificates":[{"kid":"BBBB"}]}"#, key: key, etag: "\"v5\"", version: "2026-11-02"), at: "/v1/trust-list")
                #expect(await sync.sync(sync.resources[0], client: client) == .updated(version: "2026-11-02"))
                #expect(try await SyncStateStore(database: fixture.database).state(of: "trust-list")?.etag == "\"v5\"")
            }
        }
    }

    @Test func trustListStalenessFollowsTheConfiguredAge() {
        let fetched = ForwarderFixture.start
        let freshness = TrustListFreshness(maxAge: 48 * 3600, fetchedAt: fetched)
        #expect(!freshness.isTrustListStale(now: fetched.addingTimeInterval(47 * 3600)))
        #expect(freshness.isTrustListStale(now: fetched.addingTimeInterval(49 * 3600)))
        #expect(freshness.staleReason(now: fetched.addingTimeInterval(49 * 3600))?.contains("49 hours old") == true)
        #expect(TrustListFreshness(maxAge: 3600).staleReason(now: fetched)?.contains("no trust list") == true)
    }

    @Test func retryAfterParsesSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        #expect(CentralBatchCodec.retryAfter("120", now: now) == .seconds(120))
        #expect(CentralBatchCodec.retryAfter("-5", now: now) == .seconds(0))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        #expect(CentralBatchCodec.retryAfter(formatter.string(from: now.addingTimeInterval(90)), now: now) == .seconds(90))
        #expect(CentralBatchCodec.retryAfter(formatter.string(from: now.addingTimeInterval(-90)), now: now) == .zero)
        #expect(CentralBatchCodec.retryAfter("soon", now: now) == nil)
        #expect(CentralBatchCodec.retryAfter(nil, now: now) == nil)
    }
}
