import Foundation
import GRDB
import GRDBSQLite
import QRGateCore

/// Writes exported check-ins as bytes, straight from the SQLite statement's column buffers
/// without building intermediate strings or rows, so that large exports stay fast and flat
/// in memory.
public struct CheckInRecordWriter: Sendable {
    /// The output format.
    public let format: CheckInExportFormat
    private var rowsWritten = 0

    /// A writer for `format`.
    public init(format: CheckInExportFormat) {
        self.format = format
    }

    /// Records written so far.
    public var count: Int { rowsWritten }

    /// What comes before the first record: the CSV byte-order mark and header, or `[`.
    public func header(into bytes: inout [UInt8]) {
        switch format {
        case .csv:
            bytes.append(contentsOf: [0xEF, 0xBB, 0xBF])
            for (index, column) in ExportColumn.all.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                CSVCell.append(column.name.utf8, into: &bytes)
            }
            bytes.append(contentsOf: [0x0D, 0x0A])
        case .json:
            bytes.append(UInt8(ascii: "["))
        case .ndjson:
            break
        }
    }

    /// What comes after the last record.
    public func footer(into bytes: inout [UInt8]) {
        if format == .json {
            if rowsWritten > 0 { bytes.append(0x0A) }
            bytes.append(contentsOf: Array("]\n".utf8))
        }
    }

    /// Appends one record: the current row of `statement`, a step of ``ExportColumn/selectSQL``.
    mutating func append(row: SQLiteStatement, into bytes: inout [UInt8]) {
        switch format {
        case .csv:
            for (index, column) in ExportColumn.all.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.csvCell(row: row, index: index, kind: column.kind, into: &bytes)
            }
            bytes.append(contentsOf: [0x0D, 0x0A])
        case .json, .ndjson:
            if format == .json { bytes.append(contentsOf: rowsWritten == 0 ? [0x0A] : [UInt8(ascii: ","), 0x0A]) }
            Self.jsonObject(row: row, into: &bytes)
            if format == .ndjson { bytes.append(0x0A) }
        }
        rowsWritten += 1
    }

    /// Appends the JSON object of one row (no separators).
    static func jsonObject(row: SQLiteStatement, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, column) in ExportColumn.all.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: column.name.utf8)
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
            jsonValue(row: row, index: index, kind: column.kind, into: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private static func jsonValue(row: SQLiteStatement, index: Int, kind: ExportColumn.Kind, into bytes: inout [UInt8]) {
        if sqlite3_column_type(row, Int32(index)) == SQLITE_NULL {
            bytes.append(contentsOf: Self.nullLiteral)
            return
        }
        switch kind {
        case .integer:
            appendInteger(sqlite3_column_int64(row, Int32(index)), into: &bytes)
        case .timestamp:
            bytes.append(UInt8(ascii: "\""))
            ExportTime.append(milliseconds: sqlite3_column_int64(row, Int32(index)), to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        case .boolean:
            bytes.append(contentsOf: sqlite3_column_int64(row, Int32(index)) != 0 ? Self.trueLiteral : Self.falseLiteral)
        case .json:
            // Written by the gate's own JSON encoder; anything else is emitted as a string.
            withText(row: row, index: index) { text in
                if text.count == 2, text[0] == UInt8(ascii: "["), text[1] == UInt8(ascii: "]") {
                    bytes.append(contentsOf: text)
                    return
                }
                let array = Array(text)
                if JSONTextCheck.isWellFormedArray(array) {
                    bytes.append(contentsOf: array)
                } else {
                    appendJSONString(array, into: &bytes)
                }
            }
        case .text:
            withText(row: row, index: index) { appendJSONString($0, into: &bytes) }
        }
    }

    /// Every cell is quoted, an empty or NULL one as `""`, so that a spreadsheet splitting on
    /// the locale's separator never sees a bare cell.
    private static func csvCell(row: SQLiteStatement, index: Int, kind: ExportColumn.Kind, into bytes: inout [UInt8]) {
        if sqlite3_column_type(row, Int32(index)) == SQLITE_NULL {
            bytes.append(contentsOf: [CSVCell.quote, CSVCell.quote])
            return
        }
        switch kind {
        case .integer:
            bytes.append(CSVCell.quote)
            appendInteger(sqlite3_column_int64(row, Int32(index)), into: &bytes)
            bytes.append(CSVCell.quote)
        case .timestamp:
            bytes.append(CSVCell.quote)
            ExportTime.append(milliseconds: sqlite3_column_int64(row, Int32(index)), to: &bytes)
            bytes.append(CSVCell.quote)
        case .boolean:
            bytes.append(CSVCell.quote)
            bytes.append(contentsOf: sqlite3_column_int64(row, Int32(index)) != 0 ? Self.trueLiteral : Self.falseLiteral)
            bytes.append(CSVCell.quote)
        case .text, .json:
            withText(row: row, index: index) { CSVCell.append($0, into: &bytes) }
        }
    }

    /// Reads a text column's UTF-8 bytes in place, without copying them.
    private static func withText<T>(row: SQLiteStatement, index: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let column = Int32(index)
        guard let text = sqlite3_column_text(row, column) else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return body(UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(row, column))))
    }

    static let nullLiteral: [UInt8] = Array("null".utf8)
    static let trueLiteral: [UInt8] = Array("true".utf8)
    static let falseLiteral: [UInt8] = Array("false".utf8)

    /// A JSON string literal with the escapes RFC 8259 requires.
    static func appendJSONString(_ text: some Collection<UInt8>, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
                ])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    static func appendInteger(_ value: Int64, into bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        var rest = magnitude
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

/// A check that stored JSON text is a well-formed array before it is embedded verbatim.
enum JSONTextCheck {
    static func isWellFormedArray(_ bytes: [UInt8]) -> Bool {
        if bytes == [UInt8(ascii: "["), UInt8(ascii: "]")] { return true }
        guard bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else { return false }
        return (try? JSONValue(parsing: bytes)) != nil
    }
}
