import Foundation
import GRDB

/// The access log written by a command-line read on the device, beside a daemon that may be
/// running: a short-lived connection that only appends to `access_log` (no migrations, no
/// integrity check), and fails clearly when the database cannot be written.
public final class StandaloneAccessLog: Sendable {
    private let queue: DatabaseQueue

    /// Opens the database at `path` for appending to its access log.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "qrgate-access-log"
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            guard try db.tableExists("access_log") else {
                throw StoreError(code: .writeFailed, message: "the database has no access log yet; start 'qrgate run' once to upgrade it")
            }
        }
    }

    /// Appends `entry` and returns its id.
    public func begin(_ entry: AccessLogEntry) throws -> Int64 {
        try queue.write { db in
            try AccessLogStore.insert(entry, db: db)
            return db.lastInsertedRowID
        }
    }

    /// Stores the number of records the read returned.
    public func complete(id: Int64, rowCount: Int) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE access_log SET row_count = ? WHERE id = ?", arguments: [rowCount, id])
        }
    }
}
