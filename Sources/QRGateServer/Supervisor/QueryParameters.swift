import Foundation
import Hummingbird
import QRGateCore
import QRGateStore

/// A request's query parameters, checked against the names an endpoint accepts: an unknown
/// or repeated name is a 400, so a typo never silently widens a search.
struct QueryParameters {
    private var values: [String: String] = [:]

    init(_ request: Request, allowed: Set<String>) throws(SupervisorAPIError) {
        for (name, value) in request.uri.queryParameters {
            let key = String(name)
            guard allowed.contains(key) else {
                throw .badRequest("unknown query parameter '\(key.prefix(40))'; this endpoint accepts \(allowed.sorted().joined(separator: ", "))")
            }
            guard values[key] == nil else { throw .badRequest("the query parameter '\(key)' is given twice") }
            let text = String(value)
            guard text.utf8.count <= 200 else { throw .badRequest("the value of '\(key)' is longer than 200 bytes") }
            guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw .badRequest("the value of '\(key)' contains control characters")
            }
            values[key] = text
        }
    }

    subscript(_ key: String) -> String? {
        values[key].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The parameters as sorted `key=value` pairs (for the access log).
    var canonical: String {
        values.keys.sorted().map { "\($0)=\(values[$0]!)" }.joined(separator: "&")
    }

    func integer(_ key: String, range: ClosedRange<Int>) throws(SupervisorAPIError) -> Int? {
        guard let text = self[key] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .badRequest("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func number(_ key: String, range: ClosedRange<Double>) throws(SupervisorAPIError) -> Double? {
        guard let text = self[key] else { return nil }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw .badRequest("'\(key)' must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func time(_ key: String) throws(SupervisorAPIError) -> Date? {
        guard let text = self[key] else { return nil }
        guard let date = FilterTime.parse(text) else {
            throw .badRequest("'\(key)' must be an ISO 8601 time such as 2026-11-21T08:00:00+07:00 or 2026-11-21")
        }
        return date
    }

    /// A site or gate id: letters, digits, '-', '_', '.'.
    func identifier(_ key: String) throws(SupervisorAPIError) -> String? {
        guard let text = self[key] else { return nil }
        guard text.utf8.count <= 64,
            text.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
            })
        else {
            throw .badRequest("'\(key)' must be an id of letters, digits, '-', '_' or '.' (at most 64)")
        }
        return text
    }
}

/// Builds a ``CheckInFilter`` from query parameters.
enum CheckInFilterParser {
    static let keys: Set<String> = ["since", "until", "site", "gate", "direction", "decision", "id_number", "name"]

    static func filter(from query: QueryParameters) throws(SupervisorAPIError) -> CheckInFilter {
        var filter = CheckInFilter()
        filter.since = try query.time("since")
        filter.until = try query.time("until")
        if let since = filter.since, let until = filter.until, until < since {
            throw .badRequest("'until' is before 'since'")
        }
        filter.site = try query.identifier("site")
        filter.gate = try query.identifier("gate")
        if let text = query["direction"] {
            guard let direction = Direction(rawValue: text) else { throw .badRequest("direction must be entry or exit") }
            filter.direction = direction
        }
        if let text = query["decision"] {
            guard let decision = Decision.Outcome(rawValue: text) else { throw .badRequest("decision must be admit, refuse or refer") }
            filter.decision = decision
        }
        filter.idNumber = query["id_number"]
        if let name = query["name"] {
            guard !NameFolding.fold(name).isEmpty else { throw .badRequest("name must contain letters") }
            filter.name = name
        }
        return filter
    }
}
