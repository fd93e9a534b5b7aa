import Foundation
import GRDB

/// Why the gate's database could not be opened or used, with what a person can do.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// Kinds of store failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String { case cannotOpen, integrityCheckFailed, notDurable }
        private let kind: Kind
        /// The database file could not be opened or created.
        public static let cannotOpen = Code(kind: .cannotOpen)
        /// `PRAGMA quick_check` found corruption.
        public static let integrityCheckFailed = Code(kind: .integrityCheckFailed)
        /// The writer is not in WAL mode with `synchronous=FULL`.
        public static let notDurable = Code(kind: .notDurable)
        public var description: String { kind.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// What it means and what to do.
    public var reason: String

    public var description: String { reason }
}

/// The gate's SQLite database through GRDB: WAL journal, `synchronous=FULL` on the writer
/// (re-issued after GRDB's own WAL set-up, which lowers it to NORMAL), foreign keys on, and
/// a `quick_check` at open.
public final class GateDatabase: Sendable {
    /// The connection pool (one writer, concurrent readers).
    public let pool: DatabasePool
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the database at `path`, migrates it, and checks that the
    /// writer is durable and the file is intact. A corrupt file is copied aside (`.corrupt-<time>`)
    /// and opening fails, so that nothing is written on top of it.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(5)
        configuration.label = "qrgate"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError(
                code: .cannotOpen,
                reason: "cannot open the database \(path) (\(error)); check that the state directory exists and is writable"
            )
        }
        if readOnly { return }
        do {
            try pool.writeWithoutTransaction { db in
                // GRDB sets synchronous=NORMAL while enabling WAL; a kiosk must survive power loss.
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        } catch {
            throw StoreError(code: .cannotOpen, reason: "cannot configure the database \(path): \(error)")
        }
        try checkIntegrity()
        try assertDurable()
        do {
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError(code: .cannotOpen, reason: "cannot migrate the database \(path): \(error)")
        }
    }

    /// The writer's journal mode and synchronous level (`("wal", 2)` when durable).
    public func durability() throws -> (journalMode: String, synchronous: Int) {
        try pool.writeWithoutTransaction { db in
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
            let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            return (mode, synchronous)
        }
    }

    private func assertDurable() throws(StoreError) {
        let state: (journalMode: String, synchronous: Int)
        do { state = try durability() } catch {
            throw StoreError(code: .notDurable, reason: "cannot read the journal settings of \(path): \(error)")
        }
        guard state.journalMode == "wal", state.synchronous == 2 else {
            throw StoreError(
                code: .notDurable,
                reason: "the database \(path) is not durable (journal_mode=\(state.journalMode), synchronous=\(state.synchronous)); refusing to acknowledge check-ins that a power cut could lose"
            )
        }
    }

    private func checkIntegrity() throws(StoreError) {
        let result: String
        do {
            result = try pool.read { try String.fetchOne($0, sql: "PRAGMA quick_check") ?? "" }
        } catch {
            result = "\(error)"
        }
        guard result == "ok" else {
            let copy = path + ".corrupt-\(Int(Date().timeIntervalSince1970))"
            try? FileManager.default.copyItem(atPath: path, toPath: copy)
            throw StoreError(
                code: .integrityCheckFailed,
                reason: "the database \(path) failed its integrity check (\(result)); a copy was kept at \(copy). Restore from the copy or move the file away to start fresh; unforwarded records may still be read from the copy"
            )
        }
    }

    /// A cheap round trip through the writer, used as the store's liveness probe.
    public func ping() async throws {
        try await pool.write { db in _ = try Int.fetchOne(db, sql: "SELECT 1") }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-gate-metadata") { db in
            try db.create(table: "gate_metadata") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.execute(
                sql: "INSERT INTO gate_metadata (key, value) VALUES ('created_at', ?)",
                arguments: [Date().formatted(.iso8601)]
            )
        }
        return migrator
    }
}
