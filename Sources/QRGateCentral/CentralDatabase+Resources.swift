import Crypto
import Foundation
import PostgresNIO
import QRGateCore
import QRGateForwarder

/// The resources the gates sync, under the names `CentralSync` requests.
public enum SyncedResourceKind: String, CaseIterable, Sendable {
    case trustList = "trust-list"
    case ruleSets = "rule-sets"
    case valueSets = "value-sets"
    case revocationList = "revocation-list"
    case credentialTrust = "credential-trust"
}

/// One published version, as served.
public struct PublishedResource: Sendable, Equatable {
    /// Resource name.
    public var kind: String
    /// Version.
    public var version: Int64
    /// The signed envelope (the response body).
    public var body: [UInt8]
    /// `X-QRGate-Signature`.
    public var signature: String
    /// Hex SHA-256 of the body.
    public var sha256: String

    /// The quoted ETag: names the version and the body's digest.
    public var etag: String { "\"\(kind)-\(version)-\(sha256.prefix(16))\"" }
}

extension CentralDatabase {
    /// Reads a PEM P-256 private key (the central signing key).
    public static func signingKey(path: String) throws(CentralError) -> P256.Signing.PrivateKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CentralError(
                code: .unreadableFile,
                message: "cannot read the signing key \(path); give it with signing_key_file or as the systemd credential central-signing-key")
        }
        do {
            return try P256.Signing.PrivateKey(pemRepresentation: text)
        } catch {
            throw CentralError(
                code: .invalidKey,
                message: "\(path) is not a PEM P-256 private key (openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt)")
        }
    }

    /// Wraps `payload` in a new version of `kind` (one more than the latest, issued now or
    /// after the latest's issue time), signs it and installs it; returns what gates will get.
    public func publish(kind: SyncedResourceKind, payload: Data, key: P256.Signing.PrivateKey, now: Date = Date()) async throws -> PublishedResource {
        guard !payload.isEmpty else {
            throw CentralError(code: .invalidResource, message: "the \(kind.rawValue) file is empty; nothing was published")
        }
        let logger = self.logger
        return try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(7262010003)", logger: logger)
            var version: Int64 = 1
            var issuedAt = now
            for try await (latest, latestIssued) in try await connection.query(
                "SELECT version, issued_at FROM resources WHERE kind = \(kind.rawValue) ORDER BY version DESC LIMIT 1", logger: logger
            ).decode((Int64, Date).self) {
                version = latest + 1
                // The gate refuses an issue time earlier than the installed one's.
                if latestIssued > issuedAt { issuedAt = latestIssued }
            }
            let envelope = SignedResourceEnvelope(resource: kind.rawValue, version: version, issuedAt: issuedAt, payload: payload)
            let (body, signature) = try envelope.signed(with: key)
            let bytes = [UInt8](body)
            let sha = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            try await connection.query(
                """
                INSERT INTO resources (kind, version, issued_at, body, signature, sha256)
                VALUES (\(kind.rawValue), \(version), \(issuedAt), \(ByteBuffer(bytes: bytes)), \(signature), \(sha))
                """, logger: logger)
            return PublishedResource(kind: kind.rawValue, version: version, body: bytes, signature: signature, sha256: sha)
        }
    }

    /// The latest published version of `kind`, if any.
    public func latestResource(kind: SyncedResourceKind) async throws -> PublishedResource? {
        for try await (version, body, signature, sha) in try await client.query(
            "SELECT version, body, signature, sha256 FROM resources WHERE kind = \(kind.rawValue) ORDER BY version DESC LIMIT 1", logger: logger
        ).decode((Int64, ByteBuffer, String, String).self) {
            return PublishedResource(kind: kind.rawValue, version: version, body: Array(body.readableBytesView), signature: signature, sha256: sha)
        }
        return nil
    }
}
