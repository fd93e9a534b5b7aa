import Foundation
import GRDB
import QRGateStore
import QRGateTestSupport
import Testing

@Suite struct GateDatabaseTests {
    /// T9: after opening, the writer is in WAL mode with synchronous=FULL (2), although GRDB
    /// itself lowers it to NORMAL when it enables WAL.
    @Test func writerIsDurableAfterOpening() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let database = try GateDatabase(path: temporary.url.appendingPathComponent("g.sqlite").path)
        let state = try database.durability()
        #expect(state.journalMode == "wal")
        #expect(state.synchronous == 2)
        // And it stays so for later writes on the same writer connection.
        try database.writer.write { db in try db.execute(sql: "INSERT INTO gate_metadata (key, value) VALUES ('x', 'y')") }
        #expect(try database.durability().synchronous == 2)
    }

    @Test func reopeningKeepsDataAndMigrationsAreIdempotent() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let path = temporary.url.appendingPathComponent("g.sqlite").path
        do {
            let database = try GateDatabase(path: path)
            try database.writer.write { try $0.execute(sql: "INSERT INTO gate_metadata (key, value) VALUES ('gate', 'g1')") }
        }
        let reopened = try GateDatabase(path: path)
        #expect(try reopened.writer.read { try String.fetchOne($0, sql: "SELECT value FROM gate_metadata WHERE key = 'gate'") } == "g1")
    }

    /// G11: a corrupt file is kept aside and opening refuses with a clear reason.
    @Test func corruptFileIsCopiedAsideAndRefused() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let path = temporary.url.appendingPathComponent("g.sqlite").path
        do {
            let database = try GateDatabase(path: path)
            try database.writer.write { db in
                try db.execute(sql: "CREATE TABLE filler (x BLOB)")
                for _ in 0..<200 { try db.execute(sql: "INSERT INTO filler VALUES (randomblob(1000))") }
            }
            try database.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        // Overwrite a stretch of pages in the middle of the file.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 8192)
        handle.write(Data(repeating: 0xA5, count: 65_536))
        try handle.close()

        #expect {
            try GateDatabase(path: path)
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .integrityCheckFailed || error.code == .cannotOpen
        }
        let siblings = try FileManager.default.contentsOfDirectory(atPath: temporary.url.path)
        #expect(siblings.contains { $0.hasPrefix("g.sqlite.corrupt-") })
    }
}
