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

    static let trustPath = "/v1/trust-list"

    /// A resource published the way the central service publishes it.
    static func published(
        _ text: String, name: String = "trust-list", version: Int64, issuedAt: Date = ForwarderFixture.start, key: P256.Signing.PrivateKey,
        etag: String? = nil
    ) throws -> CentralReceiver.Resource {
        try .enveloped(text, name: name, version: version, issuedAt: issuedAt, key: key, etag: etag)
    }

    func makeSync(
        _ fixture: ForwarderFixture, receiver: CentralReceiver, key: P256.Signing.PrivateKey,
        now: @escaping @Sendable () -> Date, maxAge: TimeInterval = 24 * 3600
    ) -> CentralSync {
        var endpoint = CentralEndpoint(baseURL: receiver.baseURL, gateID: "gate-01")
        // Generous: the suite runs in parallel with others on two cores; no test here waits for it.
        endpoint.requestTimeout = .seconds(30)
        let prepare: @Sendable (SignedResourceEnvelope) throws -> @Sendable () -> Void = { envelope in
            guard (try? JSONSerialization.jsonObject(with: envelope.payload)) != nil else { throw Rejected() }
            return {}
        }
        return CentralSync(
            endpoint: endpoint,
            resources: SyncResource.standard(prepareTrustList: prepare),
            verifier: ResourceVerifier(publicKey: key.publicKey),
            stateStore: SyncStateStore(database: fixture.database),
            directory: fixture.directory + "/sync",
            freshness: TrustListFreshness(maxAge: maxAge),
            now: now,
            logger: ForwarderFixture.logger
        )
    }

    func installed(_ fixture: ForwarderFixture) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: fixture.directory + "/sync/trust-list.json")), as: UTF8.self)
    }

    func refusal(_ result: CentralSync.Result) -> String? {
        if case .failed(let reason) = result { return reason }
        return nil
    }

    @Test func verifiedUpdateIsStoredThenNotModifiedThenTamperingIsRefused() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.directory + "/sync", withIntermediateDirectories: true)
        let key = P256.Signing.PrivateKey()
        let now = ForwarderFixture.start
        try await CentralReceiver.with { receiver in
            let original = #"{"certificates":[{"kid":"AAAA"}]}"#
            receiver.serve(try Self.published(original, version: 3, key: key), at: Self.trustPath)
            receiver.serve(try Self.published("[]", name: "rule-sets", version: 1, key: key), at: "/v1/rule-sets")
            receiver.serve(try Self.published("{}", name: "value-sets", version: 1, key: key), at: "/v1/value-sets")
            let sync = makeSync(fixture, receiver: receiver, key: key, now: { now })
            #expect(sync.freshness.isTrustListStale(now: now), "no trust list yet: stale")
            try await HTTPClient.withHTTPClient { client in
                let first = await sync.syncAll(client: client)
                #expect(first["trust-list"] == .updated(version: 3))
                #expect(first["rule-sets"] == .updated(version: 1))
                #expect(first["value-sets"] == .updated(version: 1))
                #expect(try installed(fixture) == original, "the payload bytes are installed, not the envelope")
                let state = try #require(try await SyncStateStore(database: fixture.database).state(of: "trust-list"))
                #expect(state.etag == "\"trust-list-3\"")
                #expect(state.signedVersion == 3)
                #expect(state.issuedAtMilliseconds == Int64(now.timeIntervalSince1970 * 1000))
                #expect(!sync.freshness.isTrustListStale(now: now))

                // Unchanged: a conditional GET answered 304.
                let second = await sync.syncAll(client: client)
                #expect(second["trust-list"] == .notModified)
                #expect(receiver.resourceRequests.last { $0.path == Self.trustPath }?.ifNoneMatch == "\"trust-list-3\"")

                // Tampered: the payload changed, the signature did not. Refused; the old list stays.
                var tampered = try Self.published(original, version: 4, key: key)
                tampered.body = Data(
                    String(decoding: tampered.body, as: UTF8.self).replacingOccurrences(of: "\"version\":4", with: "\"version\":9").utf8)
                receiver.serve(tampered, at: Self.trustPath)
                #expect(refusal(await sync.sync(sync.resources[0], client: client)) != nil, "tampered envelope accepted")
                #expect(try installed(fixture) == original)
                #expect(try await SyncStateStore(database: fixture.database).state(of: "trust-list")?.signedVersion == 3)

                // Signed by another key: refused too.
                receiver.serve(try Self.published(#"{"certificates":[]}"#, version: 5, key: P256.Signing.PrivateKey()), at: Self.trustPath)
                #expect(refusal(await sync.sync(sync.resources[0], client: client)) != nil, "foreign signature accepted")
                // A bare signed body without an envelope: refused.
                let bare = Data(#"{"certificates":[]}"#.utf8)
                receiver.serve(
                    .init(body: bare, etag: "\"bare\"", signature: try key.signature(for: bare).rawRepresentation.base64EncodedString()),
                    at: Self.trustPath)
                #expect(refusal(await sync.sync(sync.resources[0], client: client))?.contains("envelope") == true)
                // Properly signed but unusable (the validate hook refuses it): refused.
                receiver.serve(try Self.published("not json", version: 6, key: key), at: Self.trustPath)
                #expect(refusal(await sync.sync(sync.resources[0], client: client)) != nil, "invalid content accepted")
                #expect(try installed(fixture) == original)

                // A genuine new version replaces it.
                receiver.serve(try Self.published(#"{"certificates":[{"kid":"BBBB"}]}"#, version: 7, key: key), at: Self.trustPath)
                #expect(await sync.sync(sync.resources[0], client: client) == .updated(version: 7))
                #expect(try await SyncStateStore(database: fixture.database).state(of: "trust-list")?.etag == "\"trust-list-7\"")
            }
        }
    }

    @Test func replayOfAnOlderSignedListIsRefusedAndTheNewerStaysInstalled() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.directory + "/sync", withIntermediateDirectories: true)
        let key = P256.Signing.PrivateKey()
        let start = ForwarderFixture.start
        let older = #"{"certificates":[{"kid":"OLD1"}]}"#
        let newer = #"{"certificates":[{"kid":"NEW2"}]}"#
        try await CentralReceiver.with { receiver in
            let captured = try Self.published(older, version: 41, issuedAt: start, key: key)
            receiver.serve(captured, at: Self.trustPath)
            let sync = makeSync(fixture, receiver: receiver, key: key, now: { start.addingTimeInterval(3600) })
            try await HTTPClient.withHTTPClient { client in
                #expect(await sync.sync(sync.resources[0], client: client) == .updated(version: 41))
                receiver.serve(try Self.published(newer, version: 42, issuedAt: start.addingTimeInterval(1800), key: key), at: Self.trustPath)
                #expect(await sync.sync(sync.resources[0], client: client) == .updated(version: 42))

                // The attacker replays the genuine, validly signed version 41 (with a fresh ETag so no 304).
                var replay = captured
                replay.etag = "\"replayed\""
                receiver.serve(replay, at: Self.trustPath)
                let reason = refusal(await sync.sync(sync.resources[0], client: client))
                #expect(reason?.contains("not newer than the installed 42") == true, "replay accepted: \(reason ?? "installed")")
                #expect(try installed(fixture) == newer)

                // After a restart (a new sync over the same database) the replay is still refused,
                // and freshness comes back from the installed list's signed issue time.
                let restarted = makeSync(fixture, receiver: receiver, key: key, now: { start.addingTimeInterval(3600) })
                try await restarted.loadStoredState()
                #expect(restarted.freshness.issuedAt == start.addingTimeInterval(1800))
                #expect(refusal(await restarted.sync(restarted.resources[0], client: client)) != nil)
                let state = try #require(try await SyncStateStore(database: fixture.database).state(of: "trust-list"))
                #expect(state.signedVersion == 42)
                #expect(try installed(fixture) == newer)
            }
        }
    }

    @Test func anEqualVersionIsRefused() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.directory + "/sync", withIntermediateDirectories: true)
        let key = P256.Signing.PrivateKey()
        let start = ForwarderFixture.start
        let genuine = #"{"certificates":[{"kid":"GOOD"}]}"#
        try await CentralReceiver.with { receiver in
            receiver.serve(try Self.published(genuine, version: 8, key: key), at: Self.trustPath)
            let sync = makeSync(fixture, receiver: receiver, key: key, now: { start })
            try await HTTPClient.withHTTPClient { client in
                #expect(await sync.sync(sync.resources[0], client: client) == .updated(version: 8))
                // Same version number, other content, later issue time, a new ETag: still refused.
                let other = try Self.published(
                    #"{"certificates":[]}"#, version: 8, issuedAt: start.addingTimeInterval(7200), key: key, etag: "\"other\"")
                receiver.serve(other, at: Self.trustPath)
                #expect(refusal(await sync.sync(sync.resources[0], client: client))?.contains("not newer") == true)
                #expect(try installed(fixture) == genuine)
                #expect(sync.freshness.issuedAt == start, "freshness stays the installed list's")
            }
        }
    }

    @Test func aListSignedForAnotherResourceNameIsRefused() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.directory + "/sync", withIntermediateDirectories: true)
        let key = P256.Signing.PrivateKey()
        let start = ForwarderFixture.start
        let genuine = #"{"certificates":[{"kid":"GOOD"}]}"#
        try await CentralReceiver.with { receiver in
            receiver.serve(try Self.published(genuine, version: 1, key: key), at: Self.trustPath)
            let sync = makeSync(fixture, receiver: receiver, key: key, now: { start })
            try await HTTPClient.withHTTPClient { client in
                #expect(await sync.sync(sync.resources[0], client: client) == .updated(version: 1))
                // A genuine, newer value-sets document (valid JSON, signed by the central key) served as the trust list.
                receiver.serve(try Self.published(#"{"certificates":[]}"#, name: "value-sets", version: 99, key: key), at: Self.trustPath)
                let reason = refusal(await sync.sync(sync.resources[0], client: client))
                #expect(reason?.contains("signed for value-sets") == true, "cross-resource substitution accepted: \(reason ?? "installed")")
                #expect(try installed(fixture) == genuine)
                #expect(try await SyncStateStore(database: fixture.database).state(of: "trust-list")?.signedVersion == 1)
                // And the trust list served as the rule sets is refused the same way.
                receiver.serve(try Self.published("[]", name: "trust-list", version: 5, key: key), at: "/v1/rule-sets")
                #expect(refusal(await sync.sync(sync.resources[1], client: client))?.contains("signed for trust-list") == true)
            }
        }
    }

    @Test func aMirrorThatAnswers304ForeverMakesTheTrustListGoStaleOnTime() async throws {
        let fixture = try ForwarderFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.directory + "/sync", withIntermediateDirectories: true)
        let key = P256.Signing.PrivateKey()
        let start = ForwarderFixture.start
        let clock = VirtualClock()
        // Wall time follows the virtual clock, so a day passes in a moment.
        let now: @Sendable () -> Date = { start.addingTimeInterval(Double(clock.elapsed.components.seconds)) }
        let transitions = Box<[(hours: Int64, stale: Bool)]>([])
        let monitor = ForwarderMonitor { snapshot in
            transitions.update { $0.append((clock.elapsed.components.seconds / 3600, snapshot.trustListStale)) }
        }
        try await CentralReceiver.with { receiver in
            var list = try Self.published(#"{"certificates":[{"kid":"AAAA"}]}"#, version: 1, issuedAt: start, key: key)
            receiver.serve(list, at: Self.trustPath)
            let sync = makeSync(fixture, receiver: receiver, key: key, now: now, maxAge: 24 * 3600)
            try await HTTPClient.withHTTPClient { client in
                #expect(await sync.sync(sync.resources[0], client: client) == .updated(version: 1))
            }
            // From now on the mirror answers 304 to everything.
            list.notModifiedForever = true
            receiver.serve(list, at: Self.trustPath)
            let service = CentralSyncService(sync: sync, interval: .seconds(3600), monitor: monitor, clock: clock)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                let deadline = ContinuousClock.now + .seconds(60)
                while clock.elapsed < .seconds(30 * 3600) && ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(2))
                }
                group.cancelAll()
            }
            #expect(clock.elapsed >= .seconds(30 * 3600), "thirty virtual hours of syncing")
            let notModified = receiver.resourceRequests.filter { $0.path == Self.trustPath && $0.status == 304 }.count
            #expect(notModified >= 25, "the gate kept asking and the mirror kept answering 304 (\(notModified))")
            let seen = transitions.current
            // The first change the monitor saw is the list going stale, at the first sync more
            // than 24 hours after its issue time: neither earlier nor, whatever the 304s said, later.
            #expect(seen.first?.stale == true && seen.first?.hours == 25, "stale transitions: \(seen)")
            #expect(sync.freshness.isTrustListStale(now: now()))
            #expect(sync.freshness.staleReason(now: now())?.contains("issued 30 hours ago") == true)
        }
    }

    @Test func envelopesRoundTripAndMalformedOnesAreRefused() throws {
        let key = P256.Signing.PrivateKey()
        let issued = Date(timeIntervalSince1970: 1_780_000_123)
        let envelope = SignedResourceEnvelope(resource: "revocation-list", version: 12, issuedAt: issued, payload: Data([0, 1, 2, 255]))
        let signed = try envelope.signed(with: key)
        try ResourceVerifier(publicKey: key.publicKey).verify(body: signed.body, signature: signed.signature)
        #expect(try SignedResourceEnvelope.decode(signed.body) == envelope)
        // The reference publisher's independent encoding reads the same.
        let published = try CentralReceiver.Resource.enveloped("{}", name: "value-sets", version: 3, issuedAt: ForwarderFixture.start, key: key)
        let read = try SignedResourceEnvelope.decode(published.body)
        #expect(read.resource == "value-sets" && read.version == 3 && read.issuedAt == ForwarderFixture.start && read.payload == Data("{}".utf8))
        for bad in [
            #"{"format":"qrgate-signed-resource-2","resource":"trust-list","version":1,"issued_at":"2026-01-01T00:00:00Z","payload":""}"#,
            #"{"format":"qrgate-signed-resource-1","resource":"trust-list","version":0,"issued_at":"2026-01-01T00:00:00Z","payload":""}"#,
            #"{"format":"qrgate-signed-resource-1","resource":"trust-list","version":1,"issued_at":"yesterday","payload":""}"#,
            #"{"format":"qrgate-signed-resource-1","resource":"trust-list","version":1,"issued_at":"2026-01-01T00:00:00Z","payload":"!!"}"#,
            #"{"resource":"trust-list","version":1}"#,
        ] {
            #expect(throws: CentralLinkError.self, "\(bad)") { _ = try SignedResourceEnvelope.decode(Data(bad.utf8)) }
        }
    }

    @Test func trustListStalenessFollowsTheConfiguredAge() {
        let fetched = ForwarderFixture.start
        let freshness = TrustListFreshness(maxAge: 48 * 3600, issuedAt: fetched)
        #expect(!freshness.isTrustListStale(now: fetched.addingTimeInterval(47 * 3600)))
        #expect(freshness.isTrustListStale(now: fetched.addingTimeInterval(49 * 3600)))
        #expect(freshness.staleReason(now: fetched.addingTimeInterval(49 * 3600))?.contains("issued 49 hours ago") == true)
        #expect(TrustListFreshness(maxAge: 3600).staleReason(now: fetched)?.contains("no signed trust list") == true)
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
