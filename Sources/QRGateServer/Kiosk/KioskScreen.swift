import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import QRGateStore
import ServiceLifecycle
import Synchronization

/// One event for the kiosk page: its Server-Sent Events name (`result`, `error`, `status` …)
/// and its data, one JSON object.
public struct KioskEvent: Sendable, Equatable {
    /// The event name.
    public var name: String
    /// The JSON object, serialised (no line breaks: the writer escapes them).
    public var json: String

    /// An event.
    public init(name: String, json: String) {
        self.name = name
        self.json = json
    }

    /// The event as it goes on the wire.
    var frame: String { "event: \(name)\ndata: \(json)\n\n" }
}

/// What the kiosk screen is fed: the live events of the check-in path and the gate's status.
public struct KioskFeed: Sendable {
    /// A new subscription to the decisions (and, later, presentation progress) as they happen.
    public var subscribe: @Sendable () -> AsyncStream<KioskEvent>
    /// The `status` event now: site, language, banners. Sent on connect and when it changes.
    public var status: @Sendable () async -> KioskEvent
    /// Most screens connected at once; more are answered 503 (a kiosk has one, a spare two).
    public var maximumStreams = 4
    /// How often the status is looked at (and a `ping` event sent when it did not change).
    public var statusInterval: Duration = .seconds(2)
    /// The health-declaration questions (`GET /kiosk/questions`), as JSON text; nil: the screen
    /// takes no declarations.
    public var questions: String?
    /// Takes a declaration made on the screen (`POST /kiosk/declaration`) into the check-in path,
    /// as the kiosk API takes a scan; nil: the screen takes no declarations.
    public var declare: KioskScanHandler?
    /// The person opened the declaration form (`POST /kiosk/declaration/hold`): the open
    /// presentation waits for the declaration instead of being decided when its window ends.
    /// Answers the seconds it now has left, or nil when none is open.
    public var hold: (@Sendable () async -> Int?)?

    /// A feed.
    public init(subscribe: @escaping @Sendable () -> AsyncStream<KioskEvent>, status: @escaping @Sendable () async -> KioskEvent) {
        self.subscribe = subscribe
        self.status = status
    }
}

/// The kiosk screen the daemon serves: the page and its assets at `/kiosk` (open: they hold no
/// data), and the live stream at `/kiosk/events`, open on loopback (the kiosk browser on the
/// device) and for a `kiosk` token (`?token=`) from anywhere else.
final class KioskScreen: Sendable {
    let feed: KioskFeed
    let authentication: BearerAuthenticationMiddleware
    let now: @Sendable () -> Date
    /// Streams open now.
    let openStreams = Atomic<Int>(0)

    init(feed: KioskFeed, authentication: BearerAuthenticationMiddleware, now: @escaping @Sendable () -> Date = { Date() }) {
        self.feed = feed
        self.authentication = authentication
        self.now = now
    }

    /// The page's policy: only its own script and style, no inline code, no other origin.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    func addRoutes(to router: Router<SupervisorRequestContext>) {
        let assets = Dictionary(uniqueKeysWithValues: KioskAssets.all.map { ($0.fileName, $0.text) })
        let page = assets["index.html"] ?? ""
        router.get("/kiosk") { _, _ in Self.asset(page, type: "text/html; charset=utf-8") }
        for (name, text) in assets where name != "index.html" {
            let type = name.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
            router.get("/kiosk/\(name)") { _, _ in Self.asset(text, type: type) }
        }
        router.get("/kiosk/events") { request, context in try await self.events(request, context) }
        router.get("/kiosk/questions") { request, context in
            try await self.authorize(request, context)
            guard let questions = self.feed.questions else { throw Self.noDeclarations }
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: questions)))
        }
        router.post("/kiosk/declaration") { request, context in try await self.declaration(request, context) }
        router.post("/kiosk/declaration/hold") { request, context in try await self.hold(request, context) }
    }

    /// The declaration form was opened: `{}` as JSON (so no page of another origin can send it).
    /// `{"held": true, "seconds_left": N}`, or `{"held": false}` when no presentation is open.
    func hold(_ request: Request, _ context: SupervisorRequestContext) async throws -> Response {
        try await authorize(request, context)
        guard feed.questions != nil, let hold = feed.hold else { throw Self.noDeclarations }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw SupervisorAPIError(.unsupportedMediaType, status: .unsupportedMediaType, message: "send {} as application/json")
        }
        _ = try? await request.body.collect(upTo: 64)
        let answer = await hold().map { "{\"held\":true,\"seconds_left\":\($0)}" } ?? "{\"held\":false}"
        return Response(
            status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: answer + "\n")))
    }

    static let noDeclarations = SupervisorAPIError(
        .notAvailable, status: .notFound,
        message: "this gate takes no declarations on the screen (kiosk.questions_file, scanner.presentation_seconds)")

    /// A declaration made on the screen: `{"declaration": {...}}` as in `POST /v1/scans`, and no
    /// codes. It joins the gate's open presentation, or opens one that waits for the certificate.
    func declaration(_ request: Request, _ context: SupervisorRequestContext) async throws -> Response {
        try await authorize(request, context)
        guard feed.questions != nil, let declare = feed.declare else { throw Self.noDeclarations }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw SupervisorAPIError(.unsupportedMediaType, status: .unsupportedMediaType, message: "send the declaration as application/json")
        }
        let limit = 8192
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: limit) } catch {
            throw SupervisorAPIError(.bodyTooLarge, status: .contentTooLarge, message: "a declaration is at most \(limit) bytes")
        }
        let parsed = try KioskScanRequest.parse(body: Array(buffer: body), contentType: request.headers[.contentType], now: now())
        guard parsed.texts.isEmpty, parsed.declaration != nil else {
            throw SupervisorAPIError.badRequest("send {\"declaration\": {...}} and no codes; codes go to POST /v1/scans")
        }
        let answer = try await declare(parsed)
        return Response(
            status: answer.waiting ? .accepted : .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: answer.json + "\n")))
    }

    /// On loopback: open. Elsewhere: a kiosk token as `?token=`, throttled as the API's bearer tokens.
    func authorize(_ request: Request, _ context: SupervisorRequestContext) async throws {
        guard !Self.isLoopback(context.clientAddress) else { return }
        let credential = request.uri.queryParameters.get("token")
        guard let credential, !credential.isEmpty else {
            throw SupervisorAPIError(
                .missingToken, status: .unauthorized,
                message: "off this machine the kiosk screen needs a kiosk token: open /kiosk?token=<secret> ('qrgate token create --role kiosk')")
        }
        let token = try await authentication.authenticate(
            credential: credential, presented: credential, address: context.clientAddress ?? "unknown", logger: context.logger)
        guard token.role == .kiosk else {
            throw SupervisorAPIError(
                .forbidden, status: .forbidden, message: "the kiosk screen takes a kiosk token; this one is for \(token.role.rawValue)")
        }
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: type, .cacheControl: "no-cache", .contentSecurityPolicy: contentSecurityPolicy,
                HTTPField.Name("X-Content-Type-Options")!: "nosniff", HTTPField.Name("Referrer-Policy")!: "no-referrer",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Whether the peer is this machine. An unknown peer is not.
    static func isLoopback(_ address: String?) -> Bool {
        guard var address = address?.lowercased() else { return false }
        if address.hasPrefix("::ffff:") { address.removeFirst(7) }
        if address == "::1" { return true }
        let octets = address.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    func events(_ request: Request, _ context: SupervisorRequestContext) async throws -> Response {
        try await authorize(request, context)
        let maximum = feed.maximumStreams
        guard openStreams.wrappingAdd(1, ordering: .relaxed).newValue <= maximum else {
            openStreams.wrappingSubtract(1, ordering: .relaxed)
            throw SupervisorAPIError(
                .busy, status: .serviceUnavailable, message: "\(maximum) kiosk screens are connected already; close one, or retry in 5 s",
                headers: [.retryAfter: "5"])
        }
        let body = stream()
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store",
                HTTPField.Name("X-Accel-Buffering")!: "no", HTTPField.Name("Referrer-Policy")!: "no-referrer",
            ],
            body: .init(asyncSequence: body))
    }

    /// The event stream of one screen: a reconnect hint, the status, then every event, with the
    /// status looked at every `statusInterval` (sent when it changed, a `ping` event when not). It ends when the screen goes away, the feed ends, or the daemon shuts down.
    private func stream() -> AsyncStream<ByteBuffer> {
        let (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self, bufferingPolicy: .bufferingNewest(64))
        let feed = self.feed
        let producer = Task {
            defer { self.openStreams.wrappingSubtract(1, ordering: .relaxed) }
            continuation.yield(ByteBuffer(string: "retry: 2000\n\n"))
            let first = await feed.status()
            continuation.yield(ByteBuffer(string: first.frame))
            let events = feed.subscribe()
            await withGracefulShutdownHandler {
                await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await event in events { continuation.yield(ByteBuffer(string: event.frame)) }
                    }
                    group.addTask {
                        var shown = first
                        while !Task.isCancelled {
                            do { try await Task.sleep(for: feed.statusInterval) } catch { return }
                            let now = await feed.status()
                            // An event, not a comment: the page sees it, and takes a silent stream
                            // (a hung daemon, a half-open connection) for a lost one.
                            continuation.yield(ByteBuffer(string: now == shown ? "event: ping\ndata: {}\n\n" : now.frame))
                            shown = now
                        }
                    }
                    await group.next()
                    group.cancelAll()
                }
            } onGracefulShutdown: {
                continuation.finish()
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in producer.cancel() }
        return stream
    }
}
