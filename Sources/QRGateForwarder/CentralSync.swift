import AsyncHTTPClient
import Crypto
import Foundation
import Logging
import Metrics
import NIOCore
import NIOHTTP1
import QRGateStore
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One resource the gate keeps in sync with the central service.
public struct SyncResource: Sendable {
    /// Name in `sync_state` and in the signed envelope (`trust-list`, `rule-sets`, `value-sets`, `revocation-list`).
    public var name: String
    /// Path under the central base URL (`/v1/trust-list`).
    public var path: String
    /// File name in the sync folder.
    public var fileName: String
    /// Largest body accepted for this resource; nil: the sync's own limit.
    public var maxBytes: Int?
    /// Parses and checks the envelope's payload after the signature, name and version checks, and
    /// returns the step that puts it in use (the daemon compiles a trust store, a rule set, value
    /// sets or a revocation index here, once). The file is written between the two steps, so the
    /// next start finds what is in use. A throw rejects the update and changes nothing.
    public var prepare: @Sendable (SignedResourceEnvelope) throws -> @Sendable () -> Void

    /// Creates a resource.
    public init(
        name: String, path: String, fileName: String, maxBytes: Int? = nil,
        prepare: @escaping @Sendable (SignedResourceEnvelope) throws -> @Sendable () -> Void = { _ in {} }
    ) {
        self.name = name
        self.path = path
        self.fileName = fileName
        self.maxBytes = maxBytes
        self.prepare = prepare
    }

    /// `sync_state` name of the EU DCC revocation list.
    public static let revocationListName = "revocation-list"
    /// `sync_state` name of the trust material of the other formats (a packed trust folder).
    public static let credentialTrustName = "credential-trust"

    /// The standard resources, each with its preparing step; the revocation list and the
    /// credential trust only when a step for them is given.
    public static func standard(
        prepareTrustList: @escaping @Sendable (SignedResourceEnvelope) throws -> @Sendable () -> Void = { _ in {} },
        prepareRuleSets: @escaping @Sendable (SignedResourceEnvelope) throws -> @Sendable () -> Void = { _ in {} },
        prepareValueSets: @escaping @Sendable (SignedResourceEnvelope) throws -> @Sendable () -> Void = { _ in {} },
        prepareRevocationList: (@Sendable (SignedResourceEnvelope) throws -> @Sendable () -> Void)? = nil,
        prepareCredentialTrust: (@Sendable (SignedResourceEnvelope) throws -> @Sendable () -> Void)? = nil
    ) -> [SyncResource] {
        var resources = [
            SyncResource(name: CentralSync.trustListResource, path: "/v1/trust-list", fileName: "trust-list.json", prepare: prepareTrustList),
            SyncResource(name: "rule-sets", path: "/v1/rule-sets", fileName: "rule-sets.json", prepare: prepareRuleSets),
            SyncResource(name: "value-sets", path: "/v1/value-sets", fileName: "value-sets.json", prepare: prepareValueSets),
        ]
        if let prepareRevocationList {
            // Tens of millions of 16-byte hashes in base64: far larger than the other lists.
            resources.append(
                SyncResource(
                    name: revocationListName, path: "/v1/revocation-list", fileName: "revocation-list.json", maxBytes: 1 << 30,
                    prepare: prepareRevocationList))
        }
        if let prepareCredentialTrust {
            // Every format's trust material as one trust folder (JWKS, CSCAs and CRLs, DIVOC keys and contexts).
            resources.append(
                SyncResource(
                    name: credentialTrustName, path: "/v1/credential-trust", fileName: "credential-trust.json", maxBytes: 64 << 20,
                    prepare: prepareCredentialTrust))
        }
        return resources
    }
}

/// Verifies downloaded resources before use: an ES256 (ECDSA P-256, SHA-256) signature over
/// the exact body bytes, raw `r‖s` base64 in the `X-QRGate-Signature` header, checked with the
/// central signing key configured on the gate (`central.signing_key_file`). A pinned digest
/// served by the same server would only prove the bytes were not damaged in transit; a
/// signature with a key the gate already holds proves who published them, even through a
/// compromised mirror or proxy.
public struct ResourceVerifier: Sendable {
    /// The central service's signing key.
    public let publicKey: P256.Signing.PublicKey

    /// A verifier for `publicKey`.
    public init(publicKey: P256.Signing.PublicKey) {
        self.publicKey = publicKey
    }

    /// Reads a PEM public key file.
    public init(pemFile: String) throws(CentralLinkError) {
        guard let data = FileManager.default.contents(atPath: pemFile), let text = String(data: data, encoding: .utf8) else {
            throw CentralLinkError(code: .unreadableFile, message: "the signing key \(pemFile) cannot be read; check central.signing_key_file")
        }
        do {
            publicKey = try P256.Signing.PublicKey(pemRepresentation: text)
        } catch {
            throw CentralLinkError(
                code: .invalidCertificate,
                message: "\(pemFile) is not a PEM P-256 public key (\(error)); export the central signing key with `openssl ec -pubout`")
        }
    }

    /// Checks `signature` (base64 raw r‖s) over `body`.
    public func verify(body: Data, signature: String?) throws(CentralLinkError) {
        guard let signature, let raw = Data(base64Encoded: signature), let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: raw) else {
            throw CentralLinkError(
                code: .verificationFailed,
                message: "the download carries no readable X-QRGate-Signature; the update was refused and the previous version stays in use")
        }
        guard publicKey.isValidSignature(ecdsa, for: body) else {
            throw CentralLinkError(
                code: .verificationFailed,
                message:
                    "the download's signature does not match the central signing key; the update was refused and the previous version stays in use")
        }
    }
}

/// Whether the trust list is fresh enough to verify credentials with; shared with the scan
/// pipeline, which refuses check-ins with a clear reason when it is stale. Freshness is the
/// age of the installed list's own signed issue time: neither a `304` nor a re-download of the
/// same version makes a list younger, so a mirror that freezes the list cannot keep it alive.
public final class TrustListFreshness: Sendable {
    private let installedIssuedAt = Mutex<Date?>(nil)
    /// The age past which the trust list is stale.
    public let maxAge: TimeInterval

    /// Creates the tracker; `issuedAt` is the installed list's signed issue time, nil until one is installed.
    public init(maxAge: TimeInterval, issuedAt: Date? = nil) {
        self.maxAge = maxAge
        self.installedIssuedAt.withLock { $0 = issuedAt }
    }

    /// Records the signed issue time of a newly installed trust list.
    public func recordInstall(issuedAt date: Date) {
        installedIssuedAt.withLock { $0 = date }
    }

    /// The installed trust list's signed issue time.
    public var issuedAt: Date? { installedIssuedAt.withLock { $0 } }

    /// True when there is no signed trust list or it was issued more than `maxAge` before `now`.
    public func isTrustListStale(now: Date) -> Bool {
        guard let issued = issuedAt else { return true }
        return now.timeIntervalSince(issued) > maxAge
    }

    /// The reason shown to the citizen and staff when a check-in is refused for staleness.
    public func staleReason(now: Date) -> String? {
        guard isTrustListStale(now: now) else { return nil }
        guard let issued = issuedAt else {
            return "the gate has no signed trust list yet, so credentials cannot be verified; connect the gate to the central service"
        }
        let hours = Int(now.timeIntervalSince(issued) / 3600)
        return
            "the trust list was issued \(hours) hours ago (limit \(Int(maxAge / 3600)) hours), so credentials cannot be verified; check that the gate reaches the central service and that it publishes new lists"
    }
}

/// Downloads the trust list, rule sets and value sets with ETags, verifies each before use,
/// and swaps it in atomically: the file is written beside its final name, synced and renamed,
/// then `sync_state` records its signed version and issue time, ETag and SHA-256.
///
/// Each download is a ``SignedResourceEnvelope`` signed as a whole. It is refused when the
/// signature fails, when it names another resource, or when its version is not larger than
/// the installed one (a replay or rollback); the installed version then stays.
public struct CentralSync: Sendable {
    /// `sync_state` name of the trust list.
    public static let trustListResource = "trust-list"

    /// Where to fetch from.
    public var endpoint: CentralEndpoint
    /// What to fetch.
    public var resources: [SyncResource]
    /// Signature check.
    public var verifier: ResourceVerifier
    /// State records.
    public var stateStore: SyncStateStore
    /// Folder for the verified files.
    public var directory: String
    /// Trust-list staleness, shared with the pipeline.
    public var freshness: TrustListFreshness
    /// Wall clock (fetch times are compared across reboots, so they are wall time).
    public var now: @Sendable () -> Date
    /// Logger.
    public var logger: Logger
    /// Largest body accepted.
    public var maxBytes = 32 << 20

    /// Creates a sync.
    public init(
        endpoint: CentralEndpoint,
        resources: [SyncResource],
        verifier: ResourceVerifier,
        stateStore: SyncStateStore,
        directory: String,
        freshness: TrustListFreshness,
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger
    ) {
        self.endpoint = endpoint
        self.resources = resources
        self.verifier = verifier
        self.stateStore = stateStore
        self.directory = directory
        self.freshness = freshness
        self.now = now
        self.logger = logger
    }

    /// What one resource's sync did.
    public enum Result: Sendable, Equatable {
        /// A new verified version (the envelope's version counter) is in place.
        case updated(version: Int64)
        /// The server said 304; nothing changed (a 304 proves nothing, so freshness does not move).
        case notModified
        /// The download failed or was refused; the previous version stays.
        case failed(String)
    }

    /// Loads the installed trust list's signed issue time into ``freshness`` (at start-up).
    public func loadStoredState() async throws {
        if let issued = try await stateStore.state(of: Self.trustListResource)?.issuedAtMilliseconds {
            freshness.recordInstall(issuedAt: Date(timeIntervalSince1970: Double(issued) / 1000))
        }
    }

    /// Syncs every resource once.
    public func syncAll(client: HTTPClient) async -> [String: Result] {
        var results: [String: Result] = [:]
        for resource in resources {
            results[resource.name] = await sync(resource, client: client)
        }
        return results
    }

    /// Syncs one resource.
    public func sync(_ resource: SyncResource, client: HTTPClient) async -> Result {
        do {
            let stored = try await stateStore.state(of: resource.name)
            let path = directory + "/" + resource.fileName
            var request = HTTPClientRequest(url: endpoint.url(resource.path))
            request.method = .GET
            if let token = endpoint.bearerToken { request.headers.add(name: "Authorization", value: "Bearer " + token) }
            // Only trust the ETag when the stored file is really the version it names.
            if let stored, let etag = stored.etag, let bytes = FileManager.default.contents(atPath: path), SHA256Hasher.hex(bytes) == stored.sha256 {
                request.headers.add(name: "If-None-Match", value: etag)
            }
            let response = try await client.execute(request, timeout: .nanoseconds(endpoint.requestTimeout.nanoseconds))
            let body = Data(try await response.body.collect(upTo: resource.maxBytes ?? maxBytes).readableBytesView)
            let date = now()
            switch response.status.code {
            case 304:
                // Not evidence of anything: the installed version, and its age, stay as they are.
                return .notModified
            case 200:
                try verifier.verify(body: body, signature: response.headers.first(name: "X-QRGate-Signature"))
                let envelope = try SignedResourceEnvelope.decode(body)
                try Self.checkSupersedes(envelope, installed: stored, resource: resource.name)
                let publish: @Sendable () -> Void
                do {
                    publish = try resource.prepare(envelope)
                } catch {
                    throw CentralLinkError(
                        code: .verificationFailed,
                        message: "the downloaded \(resource.name) is signed but unusable (\(error)); the previous version stays in use")
                }
                try Self.writeAtomically(envelope.payload, to: path)
                try await stateStore.save(
                    SyncState(
                        resource: resource.name,
                        etag: response.headers.first(name: "ETag"),
                        version: String(envelope.version),
                        signedVersion: envelope.version,
                        issuedAtMilliseconds: Int64((envelope.issuedAt.timeIntervalSince1970 * 1000).rounded()),
                        sha256: SHA256Hasher.hex(envelope.payload),
                        fetchedAtMilliseconds: Int64(date.timeIntervalSince1970 * 1000),
                        file: resource.fileName
                    )
                )
                publish()
                if resource.name == Self.trustListResource { freshness.recordInstall(issuedAt: envelope.issuedAt) }
                logger.info(
                    "central resource updated",
                    metadata: [
                        "sync.resource": .string(resource.name), "sync.version": "\(envelope.version)",
                        "sync.issued_at": .string(envelope.issuedAt.formatted(.iso8601)),
                    ])
                return .updated(version: envelope.version)
            default:
                throw CentralLinkError(
                    code: .verificationFailed, message: "the central service answered HTTP \(response.status.code) for \(resource.name)")
            }
        } catch {
            Counter(label: "qrgate_sync_failures_total", dimensions: [("resource", resource.name)]).increment()
            logger.warning("central resource sync failed", metadata: ["sync.resource": .string(resource.name), "error": .string("\(error)")])
            return .failed("\(error)")
        }
    }

    /// Refuses an envelope that names another resource, or whose version (or issue time) does
    /// not move past the installed one's.
    static func checkSupersedes(_ envelope: SignedResourceEnvelope, installed: SyncState?, resource: String) throws(CentralLinkError) {
        guard envelope.resource == resource else {
            throw CentralLinkError(
                code: .wrongResource,
                message:
                    "the download for \(resource) is signed for \(envelope.resource); a mirror or proxy served the wrong resource. The previous version stays in use"
            )
        }
        if let installedVersion = installed?.signedVersion, envelope.version <= installedVersion {
            throw CentralLinkError(
                code: .versionNotNewer,
                message:
                    "the download of \(resource) has version \(envelope.version), not newer than the installed \(installedVersion) (a replay or rollback); it was refused and version \(installedVersion) stays in use"
            )
        }
        if let installedIssued = installed?.issuedAtMilliseconds, Int64((envelope.issuedAt.timeIntervalSince1970 * 1000).rounded()) < installedIssued
        {
            throw CentralLinkError(
                code: .versionNotNewer,
                message: "the download of \(resource) was issued before the installed version; it was refused and the installed version stays in use"
            )
        }
    }

    /// Writes `data` to `path` through a temporary file, fsync and rename: readers see the
    /// old file or the new one, never a mix.
    static func writeAtomically(_ data: Data, to path: String) throws(CentralLinkError) {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o640)
        guard descriptor >= 0 else {
            throw CentralLinkError(code: .storageFailed, message: "cannot write \(temporary) (errno \(errno)); check the state directory")
        }
        let written = data.withUnsafeBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count {
                let n = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return -1 }
                offset += n
            }
            return offset
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == data.count || data.isEmpty, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CentralLinkError(code: .storageFailed, message: "cannot store \(path) (errno \(errno)); the previous version stays in use")
        }
    }
}

/// Runs ``CentralSync`` periodically with its own HTTP client, as a `Service`.
public struct CentralSyncService: Service, CustomStringConvertible {
    /// The sync.
    public var sync: CentralSync
    /// Time between two syncs.
    public var interval: Duration
    /// Status and metrics (staleness).
    public var monitor: ForwarderMonitor
    /// The monotonic clock for the interval.
    public var clock: any Clock<Duration>

    /// Creates the service.
    public init(sync: CentralSync, interval: Duration, monitor: ForwarderMonitor, clock: any Clock<Duration> = ContinuousClock()) {
        self.sync = sync
        self.interval = interval
        self.monitor = monitor
        self.clock = clock
    }

    /// Short, for lifecycle logs.
    public var description: String { "CentralSync" }

    /// Syncs, then waits `interval`, until shutdown. A sync failure (network, signature, store)
    /// leaves the installed version in place and is tried again next time; a store that cannot
    /// be read at start-up is retried with backoff. Nothing here ends the service group.
    public func run() async throws {
        var failures = 0
        while true {
            do {
                try FileManager.default.createDirectory(atPath: sync.directory, withIntermediateDirectories: true)
                try await sync.loadStoredState()
                break
            } catch {
                failures += 1
                monitor.setTrustListStale(sync.freshness.isTrustListStale(now: sync.now()))
                let delay = Forwarder.StateMachine.ceiling(initial: .seconds(1), cap: max(interval, .seconds(1)), failures: failures)
                sync.logger.error(
                    "central sync cannot read its state; retrying",
                    metadata: ["error": .string("\(error)"), "sync.retry_ms": "\(delay.nanoseconds / 1_000_000)"])
                guard await pause(delay) else { return }
            }
        }
        try await HTTPClient.withHTTPClient(configuration: try sync.endpoint.clientConfiguration()) { client in
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                _ = await sync.syncAll(client: client)
                monitor.setTrustListStale(sync.freshness.isTrustListStale(now: sync.now()))
                guard await pause(interval) else { return }
            }
        }
    }

    /// Sleeps on the monotonic clock; false when shutdown or cancellation interrupted it.
    private func pause(_ duration: Duration) async -> Bool { await clock.pauseUnlessStopping(for: duration) }
}
