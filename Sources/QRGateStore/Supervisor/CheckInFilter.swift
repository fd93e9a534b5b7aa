import Foundation
import GRDB
import QRGateCore

/// What a supervisor asks for: every field is optional and they combine with AND. Values
/// only ever reach SQL as bound parameters.
public struct CheckInFilter: Sendable, Hashable {
    /// From this time, inclusive.
    public var since: Date?
    /// Until this time, exclusive.
    public var until: Date?
    /// Site.
    public var site: String?
    /// Gate.
    public var gate: String?
    /// Entry or exit.
    public var direction: Direction?
    /// Admit, refuse or refer.
    public var decision: Decision.Outcome?
    /// The person's ID number, exactly.
    public var idNumber: String?
    /// Part of the person's name, compared folded (see ``NameFolding``).
    public var name: String?

    /// No filter: everything.
    public init(
        since: Date? = nil, until: Date? = nil, site: String? = nil, gate: String? = nil, direction: Direction? = nil,
        decision: Decision.Outcome? = nil, idNumber: String? = nil, name: String? = nil
    ) {
        self.since = since
        self.until = until
        self.site = site
        self.gate = gate
        self.direction = direction
        self.decision = decision
        self.idNumber = idNumber
        self.name = name
    }

    /// The filter as `key=value` pairs in a fixed order, for the access log.
    public var canonicalDescription: String {
        var parts: [String] = []
        if let since { parts.append("since=" + ExportTime.iso8601(milliseconds: Self.milliseconds(since))) }
        if let until { parts.append("until=" + ExportTime.iso8601(milliseconds: Self.milliseconds(until))) }
        if let site { parts.append("site=" + site) }
        if let gate { parts.append("gate=" + gate) }
        if let direction { parts.append("direction=" + direction.rawValue) }
        if let decision { parts.append("decision=" + decision.rawValue) }
        if let idNumber { parts.append("id_number=" + idNumber) }
        if let name { parts.append("name=" + name) }
        return parts.joined(separator: "&")
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The WHERE clause (on table alias `c`) and its arguments, restricted to chain
    /// sequences in `(afterSequence, upToSequence]`.
    func sqlCondition(afterSequence: Int64, upToSequence: Int64?) -> (sql: String, arguments: StatementArguments) {
        var conditions = ["c.sequence > ?"]
        var values: [(any DatabaseValueConvertible)?] = [afterSequence]
        if let upToSequence {
            conditions.append("c.sequence <= ?")
            values.append(upToSequence)
        }
        if let since {
            conditions.append("c.recorded_at_ms >= ?")
            values.append(Self.milliseconds(since))
        }
        if let until {
            conditions.append("c.recorded_at_ms < ?")
            values.append(Self.milliseconds(until))
        }
        if let site {
            conditions.append("c.site = ?")
            values.append(site)
        }
        if let gate {
            conditions.append("c.gate = ?")
            values.append(gate)
        }
        if let direction {
            conditions.append("c.direction = ?")
            values.append(direction.rawValue)
        }
        if let decision {
            conditions.append("c.decision = ?")
            values.append(decision.rawValue)
        }
        if let idNumber {
            conditions.append("c.subject_id_number = ?")
            values.append(idNumber)
        }
        if let name {
            let folded = NameFolding.fold(name)
            if !folded.isEmpty {
                conditions.append("instr(c.subject_name_folded, ?) > 0")
                values.append(folded)
            }
        }
        return (conditions.joined(separator: " AND "), StatementArguments(values))
    }
}

/// An opaque position in a listing: the last chain sequence returned. New check-ins always
/// get a higher sequence, so paging forward never misses or repeats a row while the gate
/// keeps recording.
public struct CheckInCursor: Sendable, Hashable {
    /// The last sequence already returned.
    public var afterSequence: Int64

    /// A cursor after `afterSequence`.
    public init(afterSequence: Int64) {
        self.afterSequence = afterSequence
    }

    /// Parses a cursor given back by a client; nil when it was not made by ``token``.
    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard token.utf8.count <= 64, let data = Data(base64Encoded: base64) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix("c1:"), let value = Int64(text.dropFirst(3)), value >= 0 else { return nil }
        afterSequence = value
    }

    /// The opaque form handed to clients.
    public var token: String {
        Data("c1:\(afterSequence)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
