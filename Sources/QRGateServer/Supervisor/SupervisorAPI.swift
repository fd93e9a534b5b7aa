import Foundation
import Hummingbird
import Logging
import NIOCore
import QRGateCore
import QRGateStore

/// Settings of the local API.
public struct SupervisorAPIConfiguration: Sendable {
    /// The gate's own site: the default of `site` for `/v1/inside` and `/v1/left-not-returned`.
    public var site = "demo-site"
    /// The configured database quota in bytes, for the quota gauge and status.
    public var quotaBytes: Int64?
    /// Throttling of failed authentications.
    public var throttle = AuthenticationThrottle.Configuration()
    /// Rows per read transaction while streaming an export.
    public var exportChunkRows = 2000
    /// The configuration shown to operators (`GET /v1/configuration`), as a JSON object, without secrets.
    public var configurationJSON = "{}"
    /// Runs scans posted by the kiosk screen (`POST /v1/scans`); nil = the endpoint answers 503.
    public var kioskScan: KioskScanHandler?
    /// What the kiosk screen (`/kiosk`) shows; nil = no screen (the page answers 404).
    public var kiosk: KioskFeed?
    /// The secrets the chain's personal digests are keyed with (for `GET /v1/chain/verify`).
    public var personalKeys: PersonalKeys?
    /// Whether `/metrics` needs an operator token (the daemon sets it when the API is off loopback).
    public var metricsRequireToken = false
    /// The versions and age of what scans are verified against, as a JSON object, for
    /// `GET /v1/status` (`verification`); nil = not reported.
    public var verificationStatus: (@Sendable () async -> String)?
    /// The supervisor console (`/console`); nil = no console (404).
    public var console: ConsoleConfiguration?
    /// Quarantine-facility residents, for `GET /v1/residents` (empty: not a facility).
    public var residents: [AdmissionPolicy.Resident] = []
    /// Hours a resident may stay out before being overdue (`admission.max_hours_outside`).
    public var maxHoursOutside = 4
    /// The defaults.
    public init() {}
}

/// Whether the gate can take check-ins: the reasons it cannot (stable snake_case codes such as
/// `store_at_quota`, `trust_list_stale`, `no_rule_set`; empty when ready) and a one-line summary.
public struct ReadinessReport: Sendable, Equatable {
    /// Why the gate is not ready; empty when it is.
    public var reasons: [String]
    /// The status line (listening address, scans today, outbox …).
    public var summary: String
    /// Whether the gate is ready.
    public var isReady: Bool { reasons.isEmpty }

    /// A report.
    public init(reasons: [String] = [], summary: String) {
        self.reasons = reasons
        self.summary = summary
    }

    /// `{"ready": …, "reasons": [...], "summary": …}`.
    var json: String {
        "{\"ready\":\(isReady),\"reasons\":[" + reasons.map(JSONText.string).joined(separator: ",") + "],\"summary\":" + JSONText.string(summary)
            + "}\n"
    }
}

/// The gate's authenticated local API for supervisors and operators, plus open health,
/// readiness and metrics endpoints. Every read of personal data is recorded in the access log
/// before the data leaves; when it cannot be recorded, the data is not returned.
public struct SupervisorAPI: Sendable {
    /// Reports whether the gate can take check-ins, and why not.
    public typealias Readiness = @Sendable () async -> ReadinessReport

    let database: GateDatabase
    let configuration: SupervisorAPIConfiguration
    let metrics: GateMetrics
    let readiness: Readiness
    let now: @Sendable () -> Date
    let throttle: AuthenticationThrottle
    let tokens: APITokenStore
    let queries: SupervisorQueries
    let accessLog: AccessLogStore
    let monotonicNow: @Sendable () -> ContinuousClock.Instant

    /// Creates the API over `database`. `now` is the wall clock (for "left N hours ago" and the
    /// access log), `monotonicNow` the clock of the authentication throttle.
    public init(
        database: GateDatabase,
        configuration: SupervisorAPIConfiguration = .init(),
        metrics: GateMetrics = GateMetrics(),
        readiness: @escaping Readiness = { ReadinessReport(summary: "ready") },
        now: @escaping @Sendable () -> Date = { Date() },
        monotonicNow: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.database = database
        self.configuration = configuration
        self.metrics = metrics
        self.readiness = readiness
        self.now = now
        self.monotonicNow = monotonicNow
        throttle = AuthenticationThrottle(configuration: configuration.throttle, now: monotonicNow)
        tokens = APITokenStore(database: database)
        queries = SupervisorQueries(database: database)
        accessLog = AccessLogStore(database: database)
    }

    /// The routes.
    public func router() -> Router<SupervisorRequestContext> {
        let router = Router(context: SupervisorRequestContext.self)
        router.get("/health") { _, _ in
            Self.text(.ok, "ok\n")
        }
        router.get("/ready") { _, _ in
            let report = await readiness()
            var response = Self.json(report.json)
            response.status = report.isReady ? .ok : .serviceUnavailable
            return response
        }
        let authentication = BearerAuthenticationMiddleware(tokens: tokens, throttle: throttle)
        if let kiosk = configuration.kiosk {
            KioskScreen(feed: kiosk, authentication: authentication, now: now).addRoutes(to: router)
        }
        // Off loopback the metrics (outbox depth, scan counts) are for operators only.
        let metricsRoutes =
            configuration.metricsRequireToken
            ? router.group().add(middleware: authentication).add(middleware: RoleRequirementMiddleware([.operator]))
            : router.group()
        metricsRoutes.get("/metrics") { _, context in
            do {
                metrics.update(from: try await GateStatusReport.read(from: database, quotaBytes: configuration.quotaBytes, now: now()))
            } catch {
                context.logger.warning("metrics could not read the database", metadata: ["error": .string("\(error)")])
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.render()))
            )
        }

        let v1 = router.group("v1").add(middleware: authentication)
        addDataRoutes(to: v1)
        let kiosk = v1.group().add(middleware: RoleRequirementMiddleware([.kiosk]))
        let kioskScan = configuration.kioskScan
        kiosk.post("scans") { request, _ in
            guard let kioskScan else {
                throw SupervisorAPIError(.notAvailable, status: .serviceUnavailable, message: "this gate does not take scans through the API")
            }
            // The limit follows the announced type, and the body is never read past it.
            let limit = KioskScanRequest.maxBodyBytes(for: try KioskScanRequest.bodyKind(contentType: request.headers[.contentType]))
            let body: ByteBuffer
            do { body = try await request.body.collect(upTo: limit) } catch {
                throw SupervisorAPIError(.bodyTooLarge, status: .contentTooLarge, message: "the body is larger than \(limit) bytes")
            }
            let scan = try KioskScanRequest.parse(body: Array(buffer: body), contentType: request.headers[.contentType], now: now())
            let answer = try await kioskScan(scan)
            var response = Self.json(answer.json + "\n")
            if answer.waiting { response.status = .accepted }
            return response
        }
        if let console = configuration.console {
            let sessions = ConsoleSessions(configuration: console.sessions, now: monotonicNow)
            let routes = SupervisorConsole(
                configuration: console, sessions: sessions, authentication: authentication, tokens: tokens, site: configuration.site)
            addDataRoutes(to: routes.addRoutes(to: router))
        }
        return router
    }

    /// The endpoints of supervisors and operators, the same under `/v1` (bearer token) and
    /// `/console/api` (console session).
    private func addDataRoutes(to v1: RouterGroup<SupervisorRequestContext>) {
        v1.get("whoami") { _, context in
            let token = context.token!
            return Self.json("{\"id\":\(JSONText.string(token.id)),\"name\":\(JSONText.string(token.name)),\"role\":\"\(token.role.rawValue)\"}\n")
        }

        let supervisor = v1.group().add(middleware: RoleRequirementMiddleware([.supervisor]))
        supervisor.get("check-ins") { request, context in try await listCheckIns(request, context) }
        supervisor.get("inside") { request, context in try await inside(request, context) }
        supervisor.get("left-not-returned") { request, context in try await leftNotReturned(request, context) }
        supervisor.get("exports/check-ins") { request, context in try await export(request, context) }
        supervisor.get("residents") { request, context in try await residents(request, context) }
        supervisor.get("hourly") { request, _ in try await hourly(request) }
        supervisor.get("head") { _, _ in
            let head = try await storeRead { try await queries.head() }
            return Self.json("{\"sequence\":\(head)}\n")
        }

        let either = v1.group().add(middleware: RoleRequirementMiddleware([.supervisor, .operator]))
        either.get("chain/verify") { _, _ in try await verifyChain() }

        let operators = v1.group().add(middleware: RoleRequirementMiddleware([.operator]))
        operators.get("status") { _, _ in
            let report = try await storeRead { try await GateStatusReport.read(from: database, quotaBytes: configuration.quotaBytes, now: now()) }
            var json = report.json
            if let verification = await configuration.verificationStatus?(), json.hasSuffix("}") {
                json.removeLast()
                json += ",\"verification\":" + verification + "}"
            }
            return Self.json(json + "\n")
        }
        operators.get("configuration") { _, _ in Self.json(configuration.configurationJSON + "\n") }
        operators.get("dead-letters") { request, context in
            let query = try QueryParameters(request, allowed: ["limit"])
            let limit = try query.integer("limit", range: 1...10_000) ?? 500
            let list = try await storeRead { try await queries.deadLetters(limit: limit) }
            try await audit(context, endpoint: "GET /v1/dead-letters", filter: query.canonical, rows: list.count)
            return Self.json(list.json + Array("\n".utf8))
        }
        operators.get("access-log") { request, context in try await accessLogListing(request, context) }
        operators.get("tokens") { _, _ in try tokenListing() }
        operators.post("tokens") { request, context in try await createToken(request, context) }
        operators.post("tokens/:id/revoke") { _, context in try revokeToken(context) }
    }

    // MARK: - Handlers

    private func listCheckIns(_ request: Request, _ context: SupervisorRequestContext) async throws -> Response {
        let query = try QueryParameters(request, allowed: CheckInFilterParser.keys.union(["cursor", "limit"]))
        let filter = try CheckInFilterParser.filter(from: query)
        var cursor: CheckInCursor?
        if let text = query["cursor"] {
            guard let parsed = CheckInCursor(token: text) else {
                throw SupervisorAPIError.badRequest("the cursor is not one this gate issued; start again without 'cursor'")
            }
            cursor = parsed
        }
        let limit = try query.integer("limit", range: 1...SupervisorQueries.maximumPageSize) ?? 100
        let page = try await storeRead { try await queries.page(filter: filter, cursor: cursor, limit: limit) }
        try await audit(context, endpoint: "GET /v1/check-ins", filter: query.canonical, rows: page.count)
        var bytes: [UInt8] = Array("{\"items\":".utf8)
        bytes.append(contentsOf: page.itemsJSON)
        bytes.append(contentsOf: Array(",\"count\":\(page.count),\"next_cursor\":\"\(page.nextCursor.token)\",\"has_more\":\(page.hasMore)}\n".utf8))
        return Self.json(bytes)
    }

    private func inside(_ request: Request, _ context: SupervisorRequestContext) async throws -> Response {
        let query = try QueryParameters(request, allowed: ["site"])
        let site = try query.identifier("site") ?? configuration.site
        let list = try await storeRead { try await queries.inside(site: site) }
        try await audit(context, endpoint: "GET /v1/inside", filter: "site=" + site, rows: list.count)
        return Self.json(list.json + Array("\n".utf8))
    }

    private func leftNotReturned(_ request: Request, _ context: SupervisorRequestContext) async throws -> Response {
        let query = try QueryParameters(request, allowed: ["site", "hours", "within_hours"])
        let site = try query.identifier("site") ?? configuration.site
        let hours = try query.number("hours", range: 0...(24 * 366)) ?? 24
        let within = try query.number("within_hours", range: 0...(24 * 366))
        let list = try await storeRead { try await queries.leftNotReturned(site: site, hours: hours, withinHours: within, now: now()) }
        let filter = "site=\(site)&hours=\(hours)" + (within.map { "&within_hours=\($0)" } ?? "")
        try await audit(context, endpoint: "GET /v1/left-not-returned", filter: filter, rows: list.count)
        return Self.json(list.json + Array("\n".utf8))
    }

    private func export(_ request: Request, _ context: SupervisorRequestContext) async throws -> Response {
        let query = try QueryParameters(request, allowed: CheckInFilterParser.keys.union(["format"]))
        let filter = try CheckInFilterParser.filter(from: query)
        let formatText = query["format"] ?? "csv"
        guard let format = CheckInExportFormat(rawValue: formatText) else {
            throw SupervisorAPIError.badRequest("format must be csv, json or ndjson (got '\(formatText)')")
        }
        // On record before the first byte leaves; the count is filled in when the stream ends.
        let entryID: Int64
        do {
            entryID = try await accessLog.begin(entry(context, endpoint: "GET /v1/exports/check-ins", filter: query.canonical, rows: 0))
        } catch {
            throw Self.accessLogFailure(error, context)
        }
        let queries = self.queries
        let accessLog = self.accessLog
        let chunkRows = configuration.exportChunkRows
        let logger = context.logger
        var headers: HTTPFields = [.contentType: format.mediaType]
        headers[.contentDisposition] = "attachment; filename=\"check-ins.\(format.fileExtension)\""
        return Response(
            status: .ok,
            headers: headers,
            body: ResponseBody { writer in
                var rows = 0
                do {
                    rows = try await queries.export(filter: filter, format: format, chunkRows: chunkRows) { bytes in
                        try await writer.write(ByteBuffer(bytes: bytes))
                    }
                } catch {
                    logger.error("export stopped", metadata: ["error": .string("\(error)")])
                    try? await accessLog.complete(id: entryID, rowCount: rows)
                    throw error
                }
                do {
                    try await accessLog.complete(id: entryID, rowCount: rows)
                } catch {
                    logger.error("access log could not store an export's count", metadata: ["error": .string("\(error)")])
                }
                try await writer.finish(nil)
            }
        )
    }

    private func verifyChain() async throws -> Response {
        let report = try await storeRead { try await CheckInStore(database: database, personalKeys: configuration.personalKeys).verifyChain() }
        var fields = [
            "\"intact\":\(report.isIntact)",
            "\"checked\":\(report.checked)",
            "\"head\":\(JSONText.string(report.head))",
        ]
        fields.append("\"first_broken_sequence\":" + (report.firstBrokenSequence.map(String.init) ?? "null"))
        fields.append("\"first_broken_id\":" + JSONText.optional(report.firstBrokenID))
        fields.append("\"problem\":" + JSONText.optional(report.problem?.rawValue))
        fields.append("\"summary\":" + JSONText.string(report.description))
        return Self.json("{" + fields.joined(separator: ",") + "}\n")
    }

    private func accessLogListing(_ request: Request, _ context: SupervisorRequestContext) async throws -> Response {
        let query = try QueryParameters(request, allowed: ["since", "until", "after_id", "limit"])
        let since = try query.time("since")
        let until = try query.time("until")
        let afterID = try query.integer("after_id", range: 0...Int.max) ?? 0
        let limit = try query.integer("limit", range: 1...5000) ?? 500
        let entries = try await storeRead { try await accessLog.entries(since: since, until: until, afterID: Int64(afterID), limit: limit) }
        try await audit(context, endpoint: "GET /v1/access-log", filter: query.canonical, rows: entries.count)
        let items = entries.map { entry in
            "{\"id\":\(entry.id),\"at\":\"\(ExportTime.iso8601(milliseconds: entry.atMilliseconds))\",\"token_id\":\(JSONText.optional(entry.tokenID)),"
                + "\"actor\":\(JSONText.string(entry.actor)),\"channel\":\"\(entry.channel.rawValue)\",\"endpoint\":\(JSONText.string(entry.endpoint)),"
                + "\"filter\":\(JSONText.string(entry.filter)),\"rows\":\(entry.rowCount)}"
        }
        let next = entries.last.map { String($0.id) } ?? String(afterID)
        return Self.json("{\"items\":[" + items.joined(separator: ",") + "],\"count\":\(entries.count),\"next_after_id\":\(next)}\n")
    }

    private func residents(_ request: Request, _ context: SupervisorRequestContext) async throws -> Response {
        let query = try QueryParameters(request, allowed: ["site"])
        let site = try query.identifier("site") ?? configuration.site
        let at = now()
        let list = try await storeRead {
            try await queries.residents(configuration.residents, site: site, maxHoursOutside: configuration.maxHoursOutside, now: at)
        }
        try await audit(context, endpoint: "GET /v1/residents", filter: "site=" + site, rows: list.count)
        let items = list.map { status in
            let fields = [
                "\"id_number\":" + JSONText.string(status.resident.idNumber),
                "\"name\":" + JSONText.optional(status.resident.fullName ?? status.lastName),
                "\"permit_until\":"
                    + JSONText.optional(status.resident.permitUntil.map { ExportTime.iso8601(milliseconds: Int64($0.timeIntervalSince1970 * 1000)) }),
                "\"state\":\"\(status.state.rawValue)\"",
                "\"last_check_in_id\":" + JSONText.optional(status.lastCheckInID),
                "\"last_check_in_at\":" + JSONText.optional(status.lastCheckInAtMilliseconds.map(ExportTime.iso8601(milliseconds:))),
                "\"hours_outside\":" + (status.hoursOutside.map { String(format: "%.2f", $0) } ?? "null"),
                "\"overdue\":" + JSONText.optional(status.overdue?.rawValue),
            ]
            return "{" + fields.joined(separator: ",") + "}"
        }
        return Self.json(
            "{\"items\":[" + items.joined(separator: ",") + "],\"count\":\(list.count),\"max_hours_outside\":\(configuration.maxHoursOutside)}\n")
    }

    private func hourly(_ request: Request) async throws -> Response {
        let query = try QueryParameters(request, allowed: ["site", "since", "hours"])
        let site = try query.identifier("site") ?? configuration.site
        guard let since = try query.time("since") else {
            throw SupervisorAPIError.badRequest("give 'since', the first hour's start, e.g. since=2026-11-21T00:00:00+07:00")
        }
        let hours = try query.integer("hours", range: 1...(24 * 31)) ?? 24
        let at = now()
        let buckets = try await storeRead { try await queries.hourly(site: site, start: since, hours: hours, now: at) }
        let items = buckets.map { hour in
            "{\"start\":\"\(ExportTime.iso8601(milliseconds: hour.startMilliseconds))\",\"entries\":\(hour.entries),\"exits\":\(hour.exits),"
                + "\"refusals\":\(hour.refusals),\"referrals\":\(hour.referrals),\"occupancy\":\(hour.occupancy.map(String.init) ?? "null")}"
        }
        return Self.json("{\"site\":" + JSONText.string(site) + ",\"hours\":[" + items.joined(separator: ",") + "]}\n")
    }

    private static func tokenJSON(_ token: APIToken, secret: String? = nil) -> String {
        var fields = [
            "\"id\":" + JSONText.string(token.id), "\"name\":" + JSONText.string(token.name), "\"role\":\"\(token.role.rawValue)\"",
            "\"created_at\":\"\(ExportTime.iso8601(milliseconds: token.createdAtMilliseconds))\"",
            "\"revoked_at\":" + JSONText.optional(token.revokedAtMilliseconds.map(ExportTime.iso8601(milliseconds:))),
        ]
        if let secret { fields.append("\"secret\":" + JSONText.string(secret)) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    private func tokenListing() throws -> Response {
        let list = try Self.tokenCall { () throws(APITokenError) in try tokens.list() }
        return Self.json("{\"items\":[" + list.map { Self.tokenJSON($0) }.joined(separator: ",") + "],\"count\":\(list.count)}\n")
    }

    /// `{"role": "supervisor", "name": "ward 3"}`: the new token with its secret, shown this once.
    private func createToken(_ request: Request, _ context: SupervisorRequestContext) async throws -> Response {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw SupervisorAPIError(.unsupportedMediaType, status: .unsupportedMediaType, message: "send the token request as application/json")
        }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: 4096) } catch {
            throw SupervisorAPIError(.bodyTooLarge, status: .contentTooLarge, message: "a token request is at most 4096 bytes")
        }
        let value: JSONValue
        do { value = try JSONValue(parsing: Array(buffer: body)) } catch {
            throw SupervisorAPIError.badRequest("send {\"role\": \"supervisor\" | \"operator\" | \"kiosk\", \"name\": \"who holds it\"}")
        }
        guard let roleText = value["role"]?.stringValue, let role = APIRole(rawValue: roleText) else {
            throw SupervisorAPIError.badRequest("'role' must be supervisor, operator or kiosk")
        }
        let name = value["name"]?.stringValue ?? ""
        let created = try Self.tokenCall { () throws(APITokenError) in try tokens.create(role: role, name: name, now: now()) }
        context.logger.notice(
            "token created",
            metadata: [
                "api.new_token_id": .string(created.token.id), "api.role": .string(role.rawValue), "api.token_id": .string(context.token?.id ?? ""),
            ])
        var response = Self.json(Self.tokenJSON(created.token, secret: created.secret) + "\n")
        response.status = .created
        return response
    }

    private func revokeToken(_ context: SupervisorRequestContext) throws -> Response {
        let id = context.parameters.get("id") ?? ""
        let token = try Self.tokenCall { () throws(APITokenError) in try tokens.revoke(id: id, now: now()) }
        context.logger.notice(
            "token revoked", metadata: ["api.revoked_token_id": .string(token.id), "api.token_id": .string(context.token?.id ?? "")])
        return Self.json(Self.tokenJSON(token) + "\n")
    }

    private static func tokenCall<T>(_ body: () throws(APITokenError) -> T) throws(SupervisorAPIError) -> T {
        do { return try body() } catch {
            switch error.code {
            case .invalidName: throw .badRequest(error.message)
            case .unknownToken: throw SupervisorAPIError(.notAvailable, status: .notFound, message: error.message)
            case .alreadyRevoked: throw SupervisorAPIError(.badRequest, status: .conflict, message: error.message)
            default: throw SupervisorAPIError(.storeFailed, status: .internalServerError, message: error.message)
            }
        }
    }

    // MARK: - Helpers

    private func entry(_ context: SupervisorRequestContext, endpoint: String, filter: String, rows: Int) -> AccessLogEntry {
        AccessLogEntry(
            atMilliseconds: Int64(now().timeIntervalSince1970 * 1000),
            tokenID: context.token?.id,
            actor: context.token?.name ?? "unknown",
            channel: context.channel,
            endpoint: endpoint,
            filter: filter,
            rowCount: rows
        )
    }

    /// Records a read; when that fails, the data is withheld.
    private func audit(_ context: SupervisorRequestContext, endpoint: String, filter: String, rows: Int) async throws {
        do {
            try await accessLog.record(entry(context, endpoint: endpoint, filter: filter, rows: rows))
        } catch {
            throw Self.accessLogFailure(error, context)
        }
    }

    private static func accessLogFailure(_ error: any Error, _ context: SupervisorRequestContext) -> SupervisorAPIError {
        context.logger.error("access log write failed", metadata: ["error": .string("\(error)")])
        return SupervisorAPIError(
            .accessLogUnavailable,
            status: .serviceUnavailable,
            message: "the read could not be recorded in the access log, so no personal data is returned; check the gate's disk and quota"
        )
    }

    private func storeRead<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SupervisorAPIError {
            throw error
        } catch {
            throw SupervisorAPIError(
                .storeFailed, status: .internalServerError,
                message: "the gate's database could not be read (\(type(of: error))); try again and check the gate's log")
        }
    }

    static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
