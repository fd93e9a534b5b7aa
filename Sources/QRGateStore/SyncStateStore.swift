import Foundation
import GRDB

/// The verified version of one resource synced from the central service.
public struct SyncState: Sendable, Hashable {
    /// Resource name (`trust-list`, `rule-sets`, `value-sets`).
    public var resource: String
    /// The ETag the server sent with it.
    public var etag: String?
    /// The version label recorded with it (the signed version, as decimal text).
    public var version: String?
    /// The signed envelope's version counter; a download must carry a larger one to replace it.
    /// Nil for a row written before envelopes existed (any signed version then replaces it).
    public var signedVersion: Int64?
    /// The signed envelope's issue time (Unix milliseconds): trust-list freshness is measured
    /// from it, never from when it was fetched. Nil before envelopes existed (stale).
    public var issuedAtMilliseconds: Int64?
    /// SHA-256 of the stored bytes, hex.
    public var sha256: String
    /// When it was fetched and verified (wall clock, Unix milliseconds).
    public var fetchedAtMilliseconds: Int64
    /// The file in the state directory holding the bytes.
    public var file: String

    /// Creates a state.
    public init(
        resource: String, etag: String?, version: String?, signedVersion: Int64? = nil, issuedAtMilliseconds: Int64? = nil,
        sha256: String, fetchedAtMilliseconds: Int64, file: String
    ) {
        self.resource = resource
        self.etag = etag
        self.version = version
        self.signedVersion = signedVersion
        self.issuedAtMilliseconds = issuedAtMilliseconds
        self.sha256 = sha256
        self.fetchedAtMilliseconds = fetchedAtMilliseconds
        self.file = file
    }
}

/// Reads and writes `sync_state`.
public struct SyncStateStore: Sendable {
    /// The database.
    public let database: GateDatabase

    /// Wraps an open database.
    public init(database: GateDatabase) {
        self.database = database
    }

    /// The stored state of `resource`, or nil before its first successful sync.
    public func state(of resource: String) async throws -> SyncState? {
        try await database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sync_state WHERE resource = ?", arguments: [resource]).map { row in
                SyncState(
                    resource: row["resource"],
                    etag: row["etag"],
                    version: row["version"],
                    signedVersion: row["signed_version"],
                    issuedAtMilliseconds: row["issued_at_ms"],
                    sha256: row["sha256"],
                    fetchedAtMilliseconds: row["fetched_at_ms"],
                    file: row["file"]
                )
            }
        }
    }

    /// Records a newly verified version (replacing the previous one).
    public func save(_ state: SyncState) async throws {
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO sync_state (resource, etag, version, signed_version, issued_at_ms, sha256, fetched_at_ms, file)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(resource) DO UPDATE SET etag = excluded.etag, version = excluded.version,
                        signed_version = excluded.signed_version, issued_at_ms = excluded.issued_at_ms,
                        sha256 = excluded.sha256, fetched_at_ms = excluded.fetched_at_ms, file = excluded.file
                    """,
                arguments: [
                    state.resource, state.etag, state.version, state.signedVersion, state.issuedAtMilliseconds, state.sha256,
                    state.fetchedAtMilliseconds, state.file,
                ]
            )
        }
    }
}
