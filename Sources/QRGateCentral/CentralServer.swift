import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import QRGateCore

/// The central service's HTTP API: ingest (docs/central-protocol.openapi.yaml), the signed
/// resources, gate status, and the operators' fleet, site and tracing reads (docs/central.md).
public struct CentralServer: Sendable {
    /// The database.
    public let database: CentralDatabase
    /// The settings.
    public let configuration: CentralConfiguration
    let limiter: GateRateLimiter
    let principals: PrincipalCache
    let logger: Logger

    /// Creates the API on `database`.
    public init(database: CentralDatabase, configuration: CentralConfiguration, limiter: GateRateLimiter? = nil, logger: Logger) {
        self.database = database
        self.configuration = configuration
        self.limiter = limiter ?? GateRateLimiter(ratePerSecond: configuration.gateRecordsPerSecond, burst: configuration.gateBurstRecords)
        self.principals = PrincipalCache(database: database)
        self.logger = logger
    }

    /// The routes.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/health") { _, _ in Self.json(.ok, "{\"status\":\"ok\"}") }
        router.post("/v1/gates/:gateId/:action") { request, context in
            let gate = context.parameters.get("gateId") ?? ""
            switch context.parameters.get("action") {
            case "check-ins:batch": return await ingest(request, gate: gate)
            case "status": return await status(request, gate: gate)
            default: return Self.problem(.notFound, "no such action")
            }
        }
        router.get("/v1/:resource") { request, context in
            let name = context.parameters.get("resource") ?? ""
            if let kind = SyncedResourceKind(rawValue: name) { return await resource(request, kind: kind) }
            return await operatorRead(request, name: name)
        }
        router.get("/v1/sites/:site/:view") { request, context in
            await operatorRead(request, name: context.parameters.get("view") ?? "", site: context.parameters.get("site"))
        }
        return router
    }

    // MARK: - Authentication

    enum Authentication {
        case success(Principal)
        case failure(Response)
    }

    func authenticate(_ request: Request) async -> Authentication {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            return .failure(Self.problem(.unauthorized, "a bearer token is required (Authorization: Bearer …)"))
        }
        do {
            guard let principal = try await principals.principal(token: String(header.dropFirst(7))) else {
                return .failure(Self.problem(.unauthorized, "the token is not known to this service; register the gate with qrgate-central gate add"))
            }
            return .success(principal)
        } catch {
            logger.error("principal lookup failed", metadata: ["error": "\(error)"])
            return .failure(Self.retry(.serviceUnavailable, "the database is unavailable; retry", seconds: 5))
        }
    }

    // MARK: - Ingest

    func ingest(_ request: Request, gate: String) async -> Response {
        let principal: Principal
        switch await authenticate(request) {
        case .failure(let response): return response
        case .success(let found): principal = found
        }
        guard principal.kind == "gate", principal.name == gate else {
            return Self.problem(.forbidden, "this token belongs to \(principal.kind) \(principal.name), not gate \(gate)")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > configuration.maxBodyBytes {
            return Self.problem(
                .contentTooLarge, "the body is \(length) bytes, more than the \(configuration.maxBodyBytes) this service takes; send fewer records")
        }
        var body: [UInt8]
        do {
            let buffer = try await request.body.collect(upTo: configuration.maxBodyBytes)
            body = Array(buffer.readableBytesView)
        } catch {
            return Self.problem(
                .contentTooLarge, "the body is larger than the \(configuration.maxBodyBytes) bytes this service takes; send fewer records")
        }
        switch request.headers[.contentEncoding]?.lowercased() {
        case nil, "identity": break
        case "gzip":
            var limits = Zlib.Limits()
            limits.maxOutputBytes = configuration.maxInflatedBytes
            do { body = try Gzip.decompress(body, limits: limits) } catch {
                return Self.problem(.badRequest, "the gzip body cannot be read: \(error.message)")
            }
        case let other?: return Self.problem(.unsupportedMediaType, "Content-Encoding \(other) is not supported; send gzip or identity")
        }
        let batch: IngestBatch
        do {
            batch = try BatchReader.read(body, maxRecords: configuration.maxRecordsPerBatch)
        } catch {
            return Self.problem(.badRequest, error.message, recordID: error.recordID)
        }
        if let wait = limiter.take(gate: gate, records: batch.records.count) {
            return Self.retry(
                .tooManyRequests, "gate \(gate) is over its rate of \(configuration.gateRecordsPerSecond) records per second", seconds: wait)
        }
        // Records another gate or site captured are not this gate's to deliver.
        var results: [(String, String, String?)] = []
        var storable: [IngestRecord] = []
        for record in batch.records {
            if record.gate != gate {
                results.append((record.idText, "rejected", "the record was captured by gate \(record.gate), not the sending gate \(gate)"))
            } else if let site = principal.site, record.site != site {
                results.append((record.idText, "rejected", "the record names site \(record.site); gate \(gate) is registered at site \(site)"))
            } else {
                storable.append(record)
            }
        }
        if !storable.isEmpty {
            do {
                let cutoff: Int64? =
                    configuration.personalRetentionDays > 0
                    ? Int64(Date().timeIntervalSince1970 * 1000) - Int64(configuration.personalRetentionDays) * 86_400_000 : nil
                let inserted = try await database.insert(
                    storable, gate: gate, chainSequence: batch.chainSequence, chainHash: batch.chainHash, personalCutoffMilliseconds: cutoff)
                for record in storable {
                    results.append((record.idText, inserted.accepted.contains(record.id) ? "accepted" : "duplicate", nil))
                }
            } catch {
                logger.error("batch insert failed", metadata: ["gate": .string(gate), "error": "\(String(reflecting: error))"])
                return Self.retry(.serviceUnavailable, "the records could not be stored; retry", seconds: 5)
            }
        }
        var out = JSONWriter(capacity: 64 + results.count * 64)
        out.raw("{\"batch_id\":")
        out.string(batch.batchID)
        out.raw(",\"results\":[")
        for (index, result) in results.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{\"id\":")
            out.string(result.0)
            out.raw(",\"status\":")
            out.string(result.1)
            if let reason = result.2 {
                out.raw(",\"reason\":")
                out.string(reason)
            }
            out.raw("}")
        }
        out.raw("]}")
        return Self.json(.ok, out.bytes)
    }

    // MARK: - Gate status

    func status(_ request: Request, gate: String) async -> Response {
        let principal: Principal
        switch await authenticate(request) {
        case .failure(let response): return response
        case .success(let found): principal = found
        }
        guard principal.kind == "gate", principal.name == gate else {
            return Self.problem(.forbidden, "this token belongs to \(principal.kind) \(principal.name), not gate \(gate)")
        }
        guard let buffer = try? await request.body.collect(upTo: 64 << 10) else {
            return Self.problem(.contentTooLarge, "a status report is at most 64 KiB")
        }
        guard case .object(let fields)? = try? JSONValue(parsing: buffer.readableBytesView) else {
            return Self.problem(.badRequest, "the status report must be a JSON object")
        }
        do {
            try await database.recordStatus(gate: gate, report: JSONValue.object(fields).serialized())
        } catch {
            return Self.retry(.serviceUnavailable, "the status could not be stored; retry", seconds: 5)
        }
        return Response(status: .noContent)
    }

    // MARK: - Resources

    func resource(_ request: Request, kind: SyncedResourceKind) async -> Response {
        if case .failure(let response) = await authenticate(request) { return response }
        let latest: PublishedResource?
        do { latest = try await database.latestResource(kind: kind) } catch {
            return Self.retry(.serviceUnavailable, "the database is unavailable; retry", seconds: 5)
        }
        guard let latest else {
            return Self.problem(.notFound, "no \(kind.rawValue) has been published yet (qrgate-central publish \(kind.rawValue) FILE)")
        }
        var headers: HTTPFields = [.eTag: latest.etag]
        if let held = request.headers[.ifNoneMatch],
            held.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == latest.etag })
        {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = "application/json"
        headers[HTTPField.Name("X-QRGate-Signature")!] = latest.signature
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: latest.body)))
    }

    // MARK: - Operators

    func operatorRead(_ request: Request, name: String, site: String? = nil) async -> Response {
        let principal: Principal
        switch await authenticate(request) {
        case .failure(let response): return response
        case .success(let found): principal = found
        }
        guard principal.kind == "operator" else { return Self.problem(.forbidden, "only operators read the fleet, site views and traces") }
        let query = request.uri.queryParameters
        func number(_ key: String, _ fallback: Double, _ range: ClosedRange<Double>) throws(CentralError) -> Double {
            guard let text = query[key[...]] else { return fallback }
            guard let value = Double(String(text)), range.contains(value) else {
                throw CentralError(code: .invalidConfiguration, message: "\(key) must be a number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        func time(_ key: String) throws(CentralError) -> Date {
            guard let text = query[key[...]], let date = ISO8601DateFormatter().date(from: String(text)) else {
                throw CentralError(code: .invalidConfiguration, message: "\(key) must be an RFC 3339 UTC time such as 2026-12-01T08:00:00Z")
            }
            return date
        }
        do {
            let document: String
            switch (name, site) {
            case ("fleet", nil):
                document = try await database.fleet(
                    silentAfter: .seconds(configuration.silentAfterMinutes * 60), staleAfter: .seconds(configuration.staleTrustListHours * 3600))
            case ("inside", let site?):
                document = try await database.inside(site: site, windowHours: try number("window_hours", 168, 1...8784), reader: principal.name)
            case ("left-not-returned", let site?):
                document = try await database.leftNotReturned(
                    site: site, hours: try number("hours", 24, 0...8784), windowHours: try number("within_hours", 168, 1...8784),
                    reader: principal.name)
            case ("check-ins", let site?):
                let from = try time("from")
                let to = try time("to")
                guard from < to, to.timeIntervalSince(from) <= 31 * 86_400 else {
                    return Self.problem(.badRequest, "from must be before to, at most 31 days apart")
                }
                document = try await database.traceSite(site: site, from: from, to: to, reader: principal.name)
            case ("trace", nil):
                guard let idNumber = query["id_number"].map(String.init), !idNumber.isEmpty else {
                    return Self.problem(.badRequest, "id_number is required: the person whose contacts are traced")
                }
                document = try await database.tracePerson(idNumber: idNumber, hours: try number("hours", 2, 0...168), reader: principal.name)
            default:
                return Self.problem(.notFound, "no such resource")
            }
            return Self.json(.ok, Array(document.utf8))
        } catch let error as CentralError {
            return Self.problem(.badRequest, error.message)
        } catch {
            logger.error("operator read failed", metadata: ["error": "\(String(reflecting: error))"])
            return Self.retry(.serviceUnavailable, "the database is unavailable; retry", seconds: 5)
        }
    }

    // MARK: - Responses

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response { json(status, Array(text.utf8)) }

    static func json(_ status: HTTPResponse.Status, _ bytes: [UInt8]) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func problem(_ status: HTTPResponse.Status, _ message: String, recordID: String? = nil) -> Response {
        var out = JSONWriter(capacity: 128)
        out.raw("{\"error\":")
        out.string(message)
        if let recordID {
            out.raw(",\"record_id\":")
            out.string(recordID)
        }
        out.raw("}")
        return json(status, out.bytes)
    }

    static func retry(_ status: HTTPResponse.Status, _ message: String, seconds: Int) -> Response {
        var response = problem(status, message)
        response.headers[.retryAfter] = String(seconds)
        return response
    }
}
