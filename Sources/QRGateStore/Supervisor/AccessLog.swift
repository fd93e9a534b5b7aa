import Foundation
import GRDB

/// One read of personal data: who, when, through which endpoint or command, with which
/// filter, and how many records it returned.
public struct AccessLogEntry: Sendable, Hashable {
    /// Where the read came from.
    public enum Channel: String, Sendable, Hashable {
        /// The authenticated local API.
        case api
        /// The `qrgate` command line on the device.
        case cli
        /// The supervisor console (`/console`), signed in with a token.
        case console
    }

    /// Row id (increasing); 0 before it is stored.
    public var id: Int64
    /// When, Unix milliseconds.
    public var atMilliseconds: Int64
    /// The token used, for API reads.
    public var tokenID: String?
    /// Who: the token's holder, or the local user for the command line.
    public var actor: String
    /// API or command line.
    public var channel: Channel
    /// The endpoint or command (`GET /v1/check-ins`, `qrgate export`).
    public var endpoint: String
    /// The filter as given (canonical `key=value` pairs).
    public var filter: String
    /// Records returned.
    public var rowCount: Int

    /// Creates an entry.
    public init(
        id: Int64 = 0, atMilliseconds: Int64, tokenID: String?, actor: String, channel: Channel,
        endpoint: String, filter: String, rowCount: Int
    ) {
        self.id = id
        self.atMilliseconds = atMilliseconds
        self.tokenID = tokenID
        self.actor = actor
        self.channel = channel
        self.endpoint = endpoint
        self.filter = filter
        self.rowCount = rowCount
    }
}

/// The access log: append-only for every reader of personal data. Nothing but retention
/// deletes from it.
public struct AccessLogStore: Sendable {
    /// The database.
    public let database: GateDatabase

    /// Wraps an open database.
    public init(database: GateDatabase) {
        self.database = database
    }

    /// Appends `entry`.
    public func record(_ entry: AccessLogEntry) async throws {
        try await database.writer.write { db in try Self.insert(entry, db: db) }
    }

    /// Appends `entry` before a streamed read starts and returns its id, so that the read is
    /// on record even if it is cut short; ``complete(id:rowCount:)`` then stores the count.
    public func begin(_ entry: AccessLogEntry) async throws -> Int64 {
        try await database.writer.write { db in
            try Self.insert(entry, db: db)
            return db.lastInsertedRowID
        }
    }

    /// Stores how many records a streamed read returned.
    public func complete(id: Int64, rowCount: Int) async throws {
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE access_log SET row_count = ? WHERE id = ?", arguments: [rowCount, id])
        }
    }

    /// Appends `entry` synchronously (command line).
    public func recordNow(_ entry: AccessLogEntry) throws {
        try database.writer.write { db in try Self.insert(entry, db: db) }
    }

    static func insert(_ entry: AccessLogEntry, db: Database) throws {
        try db.execute(
            sql: "INSERT INTO access_log (at_ms, token_id, actor, channel, endpoint, filter, row_count) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [entry.atMilliseconds, entry.tokenID, entry.actor, entry.channel.rawValue, entry.endpoint, entry.filter, entry.rowCount]
        )
    }

    /// Entries after id `afterID` (keyset), oldest first, within an optional time range.
    public func entries(since: Date? = nil, until: Date? = nil, afterID: Int64 = 0, limit: Int = 500) async throws -> [AccessLogEntry] {
        var conditions = ["id > ?"]
        var arguments: StatementArguments = [afterID]
        if let since {
            conditions.append("at_ms >= ?")
            _ = arguments.append(contentsOf: [Int64((since.timeIntervalSince1970 * 1000).rounded(.up))])
        }
        if let until {
            conditions.append("at_ms < ?")
            _ = arguments.append(contentsOf: [Int64((until.timeIntervalSince1970 * 1000).rounded(.up))])
        }
        _ = arguments.append(contentsOf: [limit])
        let sql = "SELECT * FROM access_log WHERE " + conditions.joined(separator: " AND ") + " ORDER BY id LIMIT ?"
        let statementArguments = arguments
        return try await database.writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: statementArguments).map { row in
                AccessLogEntry(
                    id: row["id"], atMilliseconds: row["at_ms"], tokenID: row["token_id"], actor: row["actor"],
                    channel: AccessLogEntry.Channel(rawValue: row["channel"]) ?? .api, endpoint: row["endpoint"],
                    filter: row["filter"], rowCount: row["row_count"]
                )
            }
        }
    }

    /// Deletes entries older than `retentionDays` before `now` (the retention purge); returns how many.
    @discardableResult
    public func purge(now: Date, retentionDays: Int) async throws -> Int {
        let cutoff = Int64((now.timeIntervalSince1970 - Double(retentionDays) * 86_400) * 1000)
        return try await database.writer.write { db in
            try db.execute(sql: "DELETE FROM access_log WHERE at_ms < ?", arguments: [cutoff])
            return db.changesCount
        }
    }
}
