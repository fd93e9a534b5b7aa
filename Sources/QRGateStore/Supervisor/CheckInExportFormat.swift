/// The formats check-ins are exported in.
public enum CheckInExportFormat: String, Sendable, Hashable, CaseIterable {
    /// UTF-8 with a byte-order mark, every cell quoted (RFC 4180) and CRLF line ends; formula
    /// triggers are neutralised with a leading `'` wherever a spreadsheet could start a cell,
    /// whatever its separator (see ``CSVCell``).
    case csv
    /// One JSON array.
    case json
    /// One JSON object per line.
    case ndjson

    /// The HTTP media type.
    public var mediaType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json"
        case .ndjson: "application/x-ndjson"
        }
    }

    /// The file extension for a download.
    public var fileExtension: String { rawValue }
}

/// One exported column: its name and how its value is written.
struct ExportColumn: Sendable {
    enum Kind: Sendable {
        /// Text that came from outside (names, ids, issuers): escaped, and neutralised in CSV.
        case text
        /// An integer.
        case integer
        /// Unix milliseconds written as ISO 8601 UTC.
        case timestamp
        /// 0/1 written as false/true.
        case boolean
        /// JSON text stored by the gate itself (decision reasons), embedded as JSON.
        case json
    }

    let name: String
    let sqlExpression: String
    let kind: Kind

    /// Every exported column, in order.
    static let all: [ExportColumn] = [
        .init(name: "id", sqlExpression: "c.id", kind: .text),
        .init(name: "sequence", sqlExpression: "c.sequence", kind: .integer),
        .init(name: "recorded_at", sqlExpression: "c.recorded_at_ms", kind: .timestamp),
        .init(name: "clock_synced", sqlExpression: "c.clock_synced", kind: .boolean),
        .init(name: "site", sqlExpression: "c.site", kind: .text),
        .init(name: "gate", sqlExpression: "c.gate", kind: .text),
        .init(name: "direction", sqlExpression: "c.direction", kind: .text),
        .init(name: "decision", sqlExpression: "c.decision", kind: .text),
        .init(name: "reasons", sqlExpression: "c.reasons", kind: .json),
        .init(name: "id_number", sqlExpression: "c.subject_id_number", kind: .text),
        .init(name: "name", sqlExpression: "c.subject_name", kind: .text),
        .init(name: "birth_date", sqlExpression: "c.subject_birth_date", kind: .text),
        .init(name: "credential_kind", sqlExpression: "c.credential_kind", kind: .text),
        .init(name: "credential_verified", sqlExpression: "c.credential_verified", kind: .boolean),
        .init(name: "credential_issuer", sqlExpression: "c.credential_issuer", kind: .text),
        .init(name: "credential_doses", sqlExpression: "c.credential_doses", kind: .text),
        .init(name: "credential_event_date", sqlExpression: "c.credential_event_date", kind: .text),
        .init(name: "credential_valid_until", sqlExpression: "c.credential_valid_until", kind: .text),
        .init(name: "paired_entry_id", sqlExpression: "c.paired_entry_id", kind: .text),
        .init(name: "flags", sqlExpression: "c.flags", kind: .text),
        .init(name: "purged_at", sqlExpression: "c.purged_at_ms", kind: .timestamp),
    ]

    /// `SELECT <columns> FROM check_ins c`.
    static let selectSQL = "SELECT " + all.map(\.sqlExpression).joined(separator: ", ") + " FROM check_ins c"
}
