// libFuzzer entry for the query filters of the supervisor API: any bytes as the query string of
// GET /v1/check-ins, through Hummingbird's URI decoding, QueryParameters (unknown, repeated,
// long and control-character values refused), the filter parser (times, ids, direction,
// decision, name folding) and the SQL condition it becomes. Compiled with QueryParameters.swift,
// SupervisorAPIError.swift and the store's CheckInFilter/FilterTime/ExportTime sources against
// the Hummingbird, GRDB and QRGateCore modules of the debug build (scripts/fuzz filters does it).
//
// Properties checked beyond "no crash": a refusal is a 400 with a reason; an accepted filter's
// SQL has one `?` per filter set and its text does not depend on the values; since <= until; ids are
// the allowed characters; FilterTime accepts its own canonical output.

import Foundation
import HTTPTypes
import Hummingbird

private let allowed = CheckInFilterParser.keys.union(["limit", "cursor"])

@_cdecl("LLVMFuzzerTestOneInput")
public func queryFilterFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let query = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let date = FilterTime.parse(query) {
        let canonical = ExportTime.iso8601(milliseconds: CheckInFilter.milliseconds(date))
        precondition(FilterTime.parse(canonical) != nil, "a parsed time's canonical form parses")
    }
    let request = Request(
        head: HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1", path: "/v1/check-ins?" + query),
        body: RequestBody(buffer: ByteBuffer())
    )
    do {
        let parameters = try QueryParameters(request, allowed: allowed)
        let filter = try CheckInFilterParser.filter(from: parameters)
        _ = try parameters.integer("limit", range: 1...1000)
        if let since = filter.since, let until = filter.until { precondition(since <= until) }
        for id in [filter.site, filter.gate].compactMap({ $0 }) {
            precondition(id.utf8.count <= 64 && id.utf8.allSatisfy { $0 < 0x80 })
        }
        let (sql, _) = filter.sqlCondition(afterSequence: 0, upToSequence: 10)
        let setFilters =
            [filter.since, filter.until].compactMap { $0 }.count
            + [filter.site, filter.gate, filter.idNumber, filter.name].compactMap { $0 }.count
            + (filter.direction == nil ? 0 : 1) + (filter.decision == nil ? 0 : 1)
        precondition(sql.filter { $0 == "?" }.count == 2 + setFilters, "one placeholder per filter set")
        // The SQL text depends on which filters are set, never on their values.
        var probe = filter
        if probe.since != nil { probe.since = Date(timeIntervalSince1970: 0) }
        if probe.until != nil { probe.until = Date(timeIntervalSince1970: 0) }
        if probe.site != nil { probe.site = "x" }
        if probe.gate != nil { probe.gate = "x" }
        if probe.idNumber != nil { probe.idNumber = "x" }
        if probe.name != nil { probe.name = "x" }
        precondition(probe.sqlCondition(afterSequence: 1, upToSequence: 2).sql == sql, "a value reached the SQL text")
        _ = filter.canonicalDescription
        _ = parameters.canonical
    } catch {
        precondition(error.status == .badRequest, "a bad query is a 400")
        precondition(!error.description.isEmpty)
    }
    return 0
}
