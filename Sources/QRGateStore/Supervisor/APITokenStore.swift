import Foundation
import GRDB
import QRGateCore

/// Creates, lists, revokes and checks bearer tokens. A token's secret is 32 random bytes,
/// shown once at creation; only its SHA-256 is stored, so a copy of the database does not
/// hand out access.
public struct APITokenStore: Sendable {
    /// Random bytes for secrets and ids (injected so tests are deterministic).
    public typealias RandomBytes = @Sendable (Int) -> [UInt8]

    /// The database.
    public let database: GateDatabase
    let randomBytes: RandomBytes

    /// Prefix of every secret, so that a leaked secret is recognisable in logs and scanners.
    public static let secretPrefix = "qrg_"

    /// Wraps an open database; `randomBytes` defaults to the system's secure generator.
    public init(database: GateDatabase, randomBytes: @escaping RandomBytes = APITokenStore.systemRandomBytes) {
        self.database = database
        self.randomBytes = randomBytes
    }

    /// `count` bytes from the system's cryptographically secure generator.
    public static let systemRandomBytes: RandomBytes = { count in
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The stored form of a secret.
    public static func hash(secret: String) -> String {
        AuditChain.sha256Hex(secret)
    }

    /// Creates a token; returns it with its secret, which is never stored and cannot be shown again.
    public func create(role: APIRole, name: String, now: Date = Date()) throws(APITokenError) -> (token: APIToken, secret: String) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.contains(where: \.isNewline) else {
            throw APITokenError(
                code: .invalidName,
                message: "the token's holder name must be 1 to 200 characters on one line (for example --name \"ward 3 supervisor\")")
        }
        let secret = Self.secretPrefix + Self.base64URL(randomBytes(32))
        let id = "tok_" + randomBytes(6).map { String(format: "%02x", $0) }.joined()
        let token = APIToken(id: id, name: trimmed, role: role, createdAtMilliseconds: Int64(now.timeIntervalSince1970 * 1000))
        do {
            try database.writer.write { db in
                try db.execute(
                    sql: "INSERT INTO api_tokens (id, name, role, secret_sha256, created_at_ms) VALUES (?, ?, ?, ?, ?)",
                    arguments: [token.id, token.name, token.role.rawValue, Self.hash(secret: secret), token.createdAtMilliseconds]
                )
            }
        } catch {
            throw APITokenError(code: .storeFailed, message: "the token could not be stored (\(error)); check that the state directory is writable")
        }
        return (token, secret)
    }

    /// Every token, oldest first, without secrets.
    public func list() throws(APITokenError) -> [APIToken] {
        do {
            return try database.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT id, name, role, created_at_ms, revoked_at_ms FROM api_tokens ORDER BY created_at_ms, id")
                    .map(Self.token(row:))
            }
        } catch {
            throw APITokenError(code: .storeFailed, message: "the tokens could not be read (\(error))")
        }
    }

    /// Revokes the token `id`; from then on it is refused.
    @discardableResult
    public func revoke(id: String, now: Date = Date()) throws(APITokenError) -> APIToken {
        let result: Result<APIToken, APITokenError>
        do {
            result = try database.writer.write { db -> Result<APIToken, APITokenError> in
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT id, name, role, created_at_ms, revoked_at_ms FROM api_tokens WHERE id = ?", arguments: [id])
                else {
                    return .failure(APITokenError(code: .unknownToken, message: "no token has the id \(id); 'qrgate token list' shows the ids"))
                }
                var token = Self.token(row: row)
                guard token.isActive else {
                    return .failure(APITokenError(code: .alreadyRevoked, message: "the token \(id) was already revoked"))
                }
                token.revokedAtMilliseconds = Int64(now.timeIntervalSince1970 * 1000)
                try db.execute(sql: "UPDATE api_tokens SET revoked_at_ms = ? WHERE id = ?", arguments: [token.revokedAtMilliseconds, id])
                return .success(token)
            }
        } catch {
            throw APITokenError(code: .storeFailed, message: "the token could not be revoked (\(error)); check that the state directory is writable")
        }
        return try result.get()
    }

    /// The active token whose secret is `secret`, or nil (unknown or revoked).
    public func authenticate(secret: String) async throws -> APIToken? {
        guard secret.hasPrefix(Self.secretPrefix), secret.utf8.count < 200 else { return nil }
        let hash = Self.hash(secret: secret)
        return try await database.writer.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT id, name, role, created_at_ms, revoked_at_ms FROM api_tokens WHERE secret_sha256 = ? AND revoked_at_ms IS NULL",
                arguments: [hash]
            ).map(Self.token(row:))
        }
    }

    /// The token `id` names while it is active; nil when it is unknown or revoked.
    public func activeToken(id: String) async throws -> APIToken? {
        try await database.writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, name, role, created_at_ms, revoked_at_ms FROM api_tokens WHERE id = ? AND revoked_at_ms IS NULL",
                arguments: [id]
            ).map(Self.token(row:))
        }
    }

    static func token(row: Row) -> APIToken {
        APIToken(
            id: row["id"],
            name: row["name"],
            role: APIRole(rawValue: row["role"]) ?? .kiosk,
            createdAtMilliseconds: row["created_at_ms"],
            revokedAtMilliseconds: row["revoked_at_ms"]
        )
    }

    /// `bytes` as unpadded base64url (RFC 4648 §5): the alphabet of secrets and session ids.
    public static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
