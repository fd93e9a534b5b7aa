import Foundation
import GRDB
import QRGateCore

/// Why the gate's database could not be opened or used, with what a person can do.
public struct StoreError: GateError {
    /// Kinds of store failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String {
            case cannotOpen = "cannot_open", integrityCheckFailed = "integrity_check_failed", notDurable = "not_durable"
            case quotaReached = "quota_reached", corruptRecord = "corrupt_record", writeFailed = "write_failed"
        }
        private let kind: Kind
        /// The database file could not be opened or created.
        public static let cannotOpen = Code(kind: .cannotOpen)
        /// `PRAGMA quick_check` found corruption.
        public static let integrityCheckFailed = Code(kind: .integrityCheckFailed)
        /// The writer is not in WAL mode with `synchronous=FULL`.
        public static let notDurable = Code(kind: .notDurable)
        /// The storage quota is reached; new check-ins are refused until old ones are forwarded and purged.
        public static let quotaReached = Code(kind: .quotaReached)
        /// A stored row cannot be read back.
        public static let corruptRecord = Code(kind: .corruptRecord)
        /// A write failed for another reason (disk, I/O).
        public static let writeFailed = Code(kind: .writeFailed)
        public var description: String { kind.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// What it means and what to do.
    public var message: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int

    /// Creates an error.
    public init(code: Code, message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }
}

/// The gate's SQLite database through GRDB: WAL journal, `synchronous=FULL` on the writer
/// (re-issued after GRDB's own WAL set-up, which lowers it to NORMAL), foreign keys on, and
/// a `quick_check` at open.
public final class GateDatabase: Sendable {
    /// The database: a `DatabasePool` on disk (one writer, concurrent readers), or any GRDB
    /// writer a test hands in (an in-memory `DatabaseQueue()`).
    public let writer: any DatabaseWriter
    /// The database file.
    public let path: String
    /// Pages in use at which new check-ins are refused: below the hard page quota, so that
    /// forwarding, purging and compaction still have room to write and free space.
    public let checkInPageLimit: Int64?

    /// Opens (creating if needed) the database at `path`, migrates it, and checks that the
    /// writer is durable and the file is intact. A corrupt file is copied aside (`.corrupt-<time>`)
    /// and opening fails, so that nothing is written on top of it.
    /// `quotaBytes` bounds the database file (`PRAGMA max_page_count` on the writer); when it
    /// is reached new check-ins are refused with ``StoreError/Code-swift.struct/quotaReached``.
    /// A ballast file of `ballastBytes` beside the database is kept as room to recover on a full disk.
    public init(path: String, readOnly: Bool = false, quotaBytes: Int64? = nil, ballastBytes: Int = 0) throws(StoreError) {
        self.path = path
        var pageLimit: Int64?
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(5)
        configuration.label = "qrgate"
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError(
                code: .cannotOpen,
                message: "cannot open the database \(path) (\(error)); check that the state directory exists and is writable"
            )
        }
        if readOnly {
            checkInPageLimit = nil
            return
        }
        do {
            try writer.writeWithoutTransaction { db in
                // GRDB sets synchronous=NORMAL while enabling WAL; a kiosk must survive power loss.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                if let quotaBytes {
                    let pageSize = try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                    let hardLimit = max(128, quotaBytes / pageSize)
                    try db.execute(sql: "PRAGMA max_page_count = \(hardLimit)")
                    pageLimit = hardLimit - max(64, hardLimit / 10)
                }
            }
        } catch {
            throw StoreError(code: .cannotOpen, message: "cannot configure the database \(path): \(error)")
        }
        checkInPageLimit = pageLimit
        try checkIntegrity()
        try assertDurable()
        if ballastBytes > 0 { ensureBallast(bytes: ballastBytes) }
        do {
            try Self.migrator.migrate(writer)
        } catch {
            throw StoreError(code: .cannotOpen, message: "cannot migrate the database \(path): \(error)")
        }
    }

    /// Wraps a GRDB writer that is not a file of the gate's (tests: `DatabaseQueue()` in memory),
    /// migrated. No quota, no ballast, no durability check: nothing here survives the process.
    public init(writer: any DatabaseWriter) throws(StoreError) {
        self.writer = writer
        path = ":memory:"
        checkInPageLimit = nil
        do {
            try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA foreign_keys = ON") }
            try Self.migrator.migrate(writer)
        } catch {
            throw StoreError(code: .cannotOpen, message: "cannot migrate the in-memory database: \(error)")
        }
    }

    /// The writer's journal mode and synchronous level (`("wal", 2)` when durable).
    public func durability() throws -> (journalMode: String, synchronous: Int) {
        try writer.writeWithoutTransaction { db in
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
            let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            return (mode, synchronous)
        }
    }

    private func assertDurable() throws(StoreError) {
        let state: (journalMode: String, synchronous: Int)
        do { state = try durability() } catch {
            throw StoreError(code: .notDurable, message: "cannot read the journal settings of \(path): \(error)")
        }
        guard state.journalMode == "wal", state.synchronous == 2 else {
            throw StoreError(
                code: .notDurable,
                message:
                    "the database \(path) is not durable (journal_mode=\(state.journalMode), synchronous=\(state.synchronous)); refusing to acknowledge check-ins that a power cut could lose"
            )
        }
    }

    private func checkIntegrity() throws(StoreError) {
        let result: String
        do {
            result = try writer.read { try String.fetchOne($0, sql: "PRAGMA quick_check") ?? "" }
        } catch {
            result = "\(error)"
        }
        guard result == "ok" else {
            let copy = path + ".corrupt-\(Int(Date().timeIntervalSince1970))"
            try? FileManager.default.copyItem(atPath: path, toPath: copy)
            throw StoreError(
                code: .integrityCheckFailed,
                message:
                    "the database \(path) failed its integrity check (\(result)); a copy was kept at \(copy). Restore from the copy or move the file away to start fresh; unforwarded records may still be read from the copy"
            )
        }
    }

    /// The ballast file's path: disk space held in reserve, released when the disk is full so
    /// that SQLite (which needs to write its WAL even to delete) can make room.
    public var ballastPath: String { path + ".ballast" }

    private func ensureBallast(bytes: Int) {
        guard !FileManager.default.fileExists(atPath: ballastPath) else { return }
        _ = FileManager.default.createFile(atPath: ballastPath, contents: Data(count: bytes))
    }

    /// Deletes the ballast file; returns whether there was one to release.
    @discardableResult
    public func releaseBallast() -> Bool {
        (try? FileManager.default.removeItem(atPath: ballastPath)) != nil
    }

    /// Pages used and the page quota, for the quota-used metric.
    public func pageUsage() async throws -> (used: Int64, limit: Int64) {
        try await writer.writeWithoutTransaction { db in
            let used = try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let free = try Int64.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            let limit = try Int64.fetchOne(db, sql: "PRAGMA max_page_count") ?? 0
            return (used - free, limit)
        }
    }

    /// A cheap round trip through the writer, used as the store's liveness probe.
    public func ping() async throws {
        try await writer.write { db in _ = try Int.fetchOne(db, sql: "SELECT 1") }
    }
}
