import Foundation
import GRDB
import GRDBSQLite
import QRGateCore

/// One page of a check-in listing, already encoded as a JSON array.
public struct CheckInPage: Sendable {
    /// The records as a JSON array (`[{…},{…}]`).
    public var itemsJSON: [UInt8]
    /// How many records.
    public var count: Int
    /// Where the next page starts: after the last record returned (or where this page
    /// started, when it was empty), so a client can keep polling for new check-ins.
    public var nextCursor: CheckInCursor
    /// Whether more matching records existed when the page was read.
    public var hasMore: Bool
}

/// A list of records encoded as a JSON array, with its length.
public struct EncodedList: Sendable {
    /// The JSON array.
    public var json: [UInt8]
    /// How many elements.
    public var count: Int
}

/// The read side of supervisor access: filtered listings, streamed exports, who is inside,
/// who left and did not return, dead letters. Only bound parameters reach SQL.
public struct SupervisorQueries: Sendable {
    /// The database.
    public let database: GateDatabase

    /// Wraps an open database (read-only is enough).
    public init(database: GateDatabase) {
        self.database = database
    }

    /// Largest page a client may ask for.
    public static let maximumPageSize = 1000

    /// Check-ins matching `filter` after `cursor`, in chain order, at most `limit`.
    public func page(filter: CheckInFilter, cursor: CheckInCursor?, limit: Int) async throws -> CheckInPage {
        let limit = min(max(1, limit), Self.maximumPageSize)
        let after = cursor?.afterSequence ?? 0
        return try await database.writer.read { db in
            let (condition, arguments) = filter.sqlCondition(afterSequence: after, upToSequence: nil)
            var bytes: [UInt8] = [UInt8(ascii: "[")]
            var count = 0
            var last = after
            var hasMore = false
            let statement = try db.makeStatement(sql: ExportColumn.selectSQL + " WHERE " + condition + " ORDER BY c.sequence LIMIT ?")
            let rows = try Row.fetchCursor(statement, arguments: arguments + [limit + 1])
            while try rows.next() != nil {
                if count == limit {
                    hasMore = true
                    break
                }
                if count > 0 { bytes.append(UInt8(ascii: ",")) }
                CheckInRecordWriter.jsonObject(row: statement.sqliteStatement, into: &bytes)
                last = sqlite3_column_int64(statement.sqliteStatement, 1)
                count += 1
            }
            bytes.append(UInt8(ascii: "]"))
            return CheckInPage(itemsJSON: bytes, count: count, nextCursor: CheckInCursor(afterSequence: last), hasMore: hasMore)
        }
    }

    /// Streams every check-in matching `filter` in `format`, reading `chunkRows` rows per
    /// read transaction and handing each chunk's bytes to `sink`, so memory stays flat
    /// however large the range. The export is bounded by the chain head at its start:
    /// check-ins recorded meanwhile are not half-included. Returns the number of records.
    @discardableResult
    public func export(
        filter: CheckInFilter,
        format: CheckInExportFormat,
        chunkRows: Int = 2000,
        sink: (_ bytes: [UInt8]) async throws -> Void
    ) async throws -> Int {
        var writer = CheckInRecordWriter(format: format)
        let head = try await database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM check_ins") ?? 0 }
        var bytes: [UInt8] = []
        writer.header(into: &bytes)
        var after: Int64 = 0
        let chunkRows = max(1, chunkRows)
        while after < head {
            let start = after
            let chunk = try await database.writer.read {
                [writer, bytes] db -> (bytes: [UInt8], writer: CheckInRecordWriter, rows: Int, last: Int64) in
                var writer = writer
                var bytes = bytes
                let (condition, arguments) = filter.sqlCondition(afterSequence: start, upToSequence: head)
                let statement = try db.makeStatement(sql: ExportColumn.selectSQL + " WHERE " + condition + " ORDER BY c.sequence LIMIT ?")
                let rows = try Row.fetchCursor(statement, arguments: arguments + [chunkRows])
                var count = 0
                var last = start
                while try rows.next() != nil {
                    writer.append(row: statement.sqliteStatement, into: &bytes)
                    last = sqlite3_column_int64(statement.sqliteStatement, 1)
                    count += 1
                }
                return (bytes, writer, count, last)
            }
            writer = chunk.writer
            bytes = []
            if !chunk.bytes.isEmpty { try await sink(chunk.bytes) }
            if chunk.rows < chunkRows { break }
            after = chunk.last
        }
        writer.footer(into: &bytes)
        if !bytes.isEmpty { try await sink(bytes) }
        return writer.count
    }

    /// Who is inside `site` now (``CheckInStore/inside(site:)``), as exported records.
    public func inside(site: String) async throws -> EncodedList {
        try await database.writer.read { db in
            var bytes: [UInt8] = [UInt8(ascii: "[")]
            let count = try Self.appendRecords(
                db, sql: ExportColumn.selectSQL + " WHERE " + CheckInStore.insideCondition + " ORDER BY c.sequence", arguments: [site],
                into: &bytes)
            bytes.append(UInt8(ascii: "]"))
            return EncodedList(json: bytes, count: count)
        }
    }

    /// People whose latest check-in at `site` is an exit at least `hours` hours before `now`:
    /// they left and have not come back.
    /// With `withinHours`, only those who left in the last `withinHours` hours.
    public func leftNotReturned(site: String, hours: Double, withinHours: Double? = nil, now: Date) async throws -> EncodedList {
        let cutoff = Int64((now.timeIntervalSince1970 - hours * 3600) * 1000)
        let earliest = withinHours.map { Int64((now.timeIntervalSince1970 - $0 * 3600) * 1000) } ?? Int64.min
        let sequences = try await database.writer.read { db in
            try Int64.fetchAll(
                db,
                sql: Self.leftNotReturnedSQL,
                arguments: [site, cutoff, earliest]
            )
        }
        return try await encode(sequences: sequences)
    }

    /// The exits at site `?` between two times `?` (latest, earliest) with no later check-in of the
    /// same person. The later check-in is looked up in the pairing index by person: left to
    /// itself, SQLite walked the site's whole later history for every exit (15 s at 100,000
    /// check-ins). Public for the query-plan test.
    public static let leftNotReturnedSQL = """
        SELECT c.sequence FROM check_ins c
        WHERE c.site = ? AND c.direction = 'exit' AND c.subject_key IS NOT NULL AND c.purged_at_ms IS NULL
          AND c.recorded_at_ms <= ? AND c.recorded_at_ms >= ?
          AND NOT EXISTS (SELECT 1 FROM check_ins l INDEXED BY check_ins_pairing_lookup WHERE l.site = c.site
                          AND l.subject_key = c.subject_key AND l.sequence > c.sequence)
        ORDER BY c.sequence
        """

    private func encode(sequences: [Int64]) async throws -> EncodedList {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        var count = 0
        for start in stride(from: 0, to: sequences.count, by: 500) {
            let slice = Array(sequences[start..<min(sequences.count, start + 500)])
            let placeholders = Array(repeating: "?", count: slice.count).joined(separator: ",")
            bytes = try await database.writer.read { [bytes, count] db in
                var bytes = bytes
                try Self.appendRecords(
                    db, sql: ExportColumn.selectSQL + " WHERE c.sequence IN (\(placeholders)) ORDER BY c.sequence",
                    arguments: StatementArguments(slice), into: &bytes, after: count)
                return bytes
            }
            count += slice.count
        }
        bytes.append(UInt8(ascii: "]"))
        return EncodedList(json: bytes, count: count)
    }

    /// Appends the records `sql` (a select of the export columns) finds as JSON objects, a comma
    /// before each but the first of the list (`after`: how many it already holds); returns how
    /// many it appended.
    @discardableResult
    static func appendRecords(_ db: Database, sql: String, arguments: StatementArguments, into bytes: inout [UInt8], after: Int = 0) throws -> Int {
        let statement = try db.makeStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        var count = 0
        while try rows.next() != nil {
            if after + count > 0 { bytes.append(UInt8(ascii: ",")) }
            CheckInRecordWriter.jsonObject(row: statement.sqliteStatement, into: &bytes)
            count += 1
        }
        return count
    }

    /// Records parked by the forwarder, oldest first; empty when this build has no dead-letter table.
    public func deadLetters(limit: Int = 500) async throws -> EncodedList {
        try await database.writer.read { db in
            guard try db.tableExists("dead_letters") else { return EncodedList(json: Array("[]".utf8), count: 0) }
            var bytes: [UInt8] = [UInt8(ascii: "[")]
            var count = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM dead_letters ORDER BY rowid LIMIT ?", arguments: [min(max(1, limit), 10_000)])
            while let row = try rows.next() {
                if count > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.genericJSONObject(row: row, into: &bytes)
                count += 1
            }
            bytes.append(UInt8(ascii: "]"))
            return EncodedList(json: bytes, count: count)
        }
    }

    /// Any row as a JSON object, column by column.
    static func genericJSONObject(row: Row, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, (column, value)) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            CheckInRecordWriter.appendJSONString(Array(column.utf8), into: &bytes)
            bytes.append(UInt8(ascii: ":"))
            switch value.storage {
            case .null: bytes.append(contentsOf: Array("null".utf8))
            case .int64(let number): CheckInRecordWriter.appendInteger(number, into: &bytes)
            case .double(let number): bytes.append(contentsOf: Array((number.isFinite ? "\(number)" : "null").utf8))
            case .string(let text): CheckInRecordWriter.appendJSONString(Array(text.utf8), into: &bytes)
            case .blob(let data): CheckInRecordWriter.appendJSONString(Array(data.base64EncodedString().utf8), into: &bytes)
            }
        }
        bytes.append(UInt8(ascii: "}"))
    }
}
