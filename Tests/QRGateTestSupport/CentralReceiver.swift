import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import QRGateCore
import Synchronization

/// A reference central tracing service for tests: a real Hummingbird server on 127.0.0.1
/// (port chosen by the system) that dedups records by id, keeps the accepted ids, and can be
/// scripted request by request to misbehave. Test support only; never shipped.
public final class CentralReceiver: Sendable {
    /// What the receiver does with one batch request.
    public enum Fault: Sendable, Equatable {
        /// Store and answer 200 with per-record results.
        case accept
        /// Answer this status without storing (503, 500, 401, 403, 408 …).
        case status(Int)
        /// Answer 429 (or `status`) with `Retry-After: <seconds>`.
        case retryAfterSeconds(Int, status: Int = 429)
        /// Answer 429 with `Retry-After: <HTTP-date>`.
        case retryAfterDate(Date)
        /// Read the request, then never answer (until the client gives up).
        case hang
        /// Store the batch, then close the connection halfway through the response body.
        case resetMidBody
        /// Store only the first `n` records and answer for those only.
        case partial(acceptFirst: Int)
        /// Store the batch, then answer this status (the acknowledgement is lost).
        case storeThenStatus(Int)
        /// Store the batch, then never answer: the sender may die before it hears back.
        case storeThenHang
    }

    /// One request as seen by the receiver.
    public struct LoggedRequest: Sendable {
        /// Record ids in the body.
        public var ids: [String]
        /// The `Idempotency-Key` header.
        public var idempotencyKey: String?
        /// The `Authorization` header.
        public var authorization: String?
        /// Body size.
        public var bytes: Int
        /// The status answered (0 for hang and reset).
        public var status: Int
        /// The chain head carried.
        public var chainHeadSequence: Int64?
    }

    /// A resource served on `GET` with an ETag.
    public struct Resource: Sendable {
        /// Body bytes (a signed envelope, or anything a test wants to serve).
        public var body: Data
        /// ETag (quoted).
        public var etag: String
        /// `X-QRGate-Signature` value.
        public var signature: String?
        /// Answer `304` to every request, whatever its `If-None-Match` (a mirror that freezes the list).
        public var notModifiedForever = false

        /// Creates a resource from raw parts.
        public init(body: Data, etag: String, signature: String?) {
            self.body = body
            self.etag = etag
            self.signature = signature
        }

        /// A resource as the central service publishes it (docs/central-protocol.openapi.yaml,
        /// written here independently of the gate's own code): `payload` in a
        /// `qrgate-signed-resource-1` envelope naming `name`, `version` and `issuedAt`, the
        /// whole body signed with `key` (ES256, raw r‖s, base64); the ETag names the version.
        public static func enveloped(
            _ payload: String, name: String, version: Int64, issuedAt: Date, key: P256.Signing.PrivateKey, etag: String? = nil
        ) throws -> Resource {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            let envelope: [String: Any] = [
                "format": "qrgate-signed-resource-1",
                "resource": name,
                "version": version,
                "issued_at": formatter.string(from: issuedAt),
                "payload": Data(payload.utf8).base64EncodedString(),
            ]
            let body = try JSONSerialization.data(withJSONObject: envelope, options: [.sortedKeys])
            let signature = try key.signature(for: body).rawRepresentation.base64EncodedString()
            return Resource(body: body, etag: etag ?? "\"\(name)-\(version)\"", signature: signature)
        }
    }

    private struct State {
        var script: [Fault] = []
        var poison: Set<String> = []
        var maxBodyBytes: Int?
        var requiredToken: String?
        var acceptedOrder: [String] = []
        var accepted: Set<String> = []
        var duplicateDeliveries = 0
        var log: [LoggedRequest] = []
        var resources: [String: Resource] = [:]
        var resourceRequests: [(path: String, ifNoneMatch: String?, status: Int)] = []
        var listening = true
        var port: Int?
        var running = false
        var gzipRequests = 0
    }

    private let state = Mutex(State())

    private init() {}

    // MARK: - Scripting

    /// Queues faults for the next batch requests, in order; afterwards requests are accepted.
    public func script(_ faults: [Fault]) {
        state.withLock { $0.script += faults }
    }

    /// Marks records as poison: any batch holding one is answered 400 naming it.
    public func poison(_ ids: [String]) {
        state.withLock { $0.poison.formUnion(ids) }
    }

    /// Answers 413 to bodies larger than `bytes` (nil: no limit).
    public func limitBody(to bytes: Int?) {
        state.withLock { $0.maxBodyBytes = bytes }
    }

    /// Answers 401 unless the request carries `Authorization: Bearer <token>` (nil: no check).
    public func requireToken(_ token: String?) {
        state.withLock { $0.requiredToken = token }
    }

    /// Serves `resource` at `path` (e.g. `/v1/trust-list`).
    public func serve(_ resource: Resource, at path: String) {
        state.withLock { $0.resources[path] = resource }
    }

    /// Stops listening: connections are refused until ``startListening()``.
    public func stopListening() {
        state.withLock { $0.listening = false }
    }

    /// Whether the server is up. After ``stopListening()`` it takes a moment to close; a client
    /// that connects meanwhile races the server's shutdown, which traps in NIO: wait for this to
    /// turn false before starting one.
    public var isServing: Bool { state.withLock { $0.running } }

    /// Stops listening and waits (at most 10 s) until the server has closed.
    public func stopListeningAndWait() async {
        stopListening()
        for _ in 0..<500 where isServing { try? await Task.sleep(for: .milliseconds(20)) }
    }

    /// Listens again on the same port.
    public func startListening() {
        state.withLock { $0.listening = true }
    }

    // MARK: - What it saw

    /// Base URL (`http://127.0.0.1:<port>`).
    public var baseURL: String { "http://127.0.0.1:\(state.withLock { $0.port ?? 0 })" }

    /// Ids stored, in order of first acceptance.
    public var acceptedIDs: [String] { state.withLock { $0.acceptedOrder } }

    /// The dedup set.
    public var acceptedSet: Set<String> { state.withLock { $0.accepted } }

    /// Records delivered again after they were stored (duplicates by id, answered `duplicate`).
    public var duplicateDeliveries: Int { state.withLock { $0.duplicateDeliveries } }

    /// Every batch request, in order.
    public var requests: [LoggedRequest] { state.withLock { $0.log } }

    /// Every resource request (path, If-None-Match, status).
    public var resourceRequests: [(path: String, ifNoneMatch: String?, status: Int)] { state.withLock { $0.resourceRequests } }

    /// Whether the server is accepting connections now.
    public var isListening: Bool { state.withLock { $0.running } }

    /// Batch requests that came gzip-compressed.
    public var gzipRequests: Int { state.withLock { $0.gzipRequests } }

    static let inflateLimits: Zlib.Limits = {
        var limits = Zlib.Limits()
        limits.maxOutputBytes = 256 << 20
        return limits
    }()

    // MARK: - Running

    /// Starts a receiver, runs `body` with it, and stops it.
    public static func with<R: Sendable>(_ body: @Sendable (CentralReceiver) async throws -> R) async throws -> R {
        let receiver = CentralReceiver()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await receiver.serve() }
            // Bounded wait for the first bind.
            for _ in 0..<2000 where receiver.state.withLock({ $0.port == nil }) {
                try await Task.sleep(for: .milliseconds(5))
            }
            guard receiver.state.withLock({ $0.port != nil }) else {
                group.cancelAll()
                throw CancellationError()
            }
            do {
                let result = try await body(receiver)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    private func serve() async throws {
        var logger = Logger(label: "central-receiver")
        logger.logLevel = .critical
        while !Task.isCancelled {
            guard state.withLock({ $0.listening }) else {
                try await Task.sleep(for: .milliseconds(5))
                continue
            }
            let port = state.withLock { $0.port ?? 0 }
            let app = Application(
                router: router(),
                configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "central-receiver"),
                onServerRunning: { [self] channel in
                    self.state.withLock {
                        $0.port = channel.localAddress?.port
                        $0.running = true
                    }
                },
                logger: logger
            )
            await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await app.run() }
                while !Task.isCancelled && self.state.withLock({ $0.listening }) {
                    try? await Task.sleep(for: .milliseconds(5))
                }
                group.cancelAll()
                try? await group.waitForAll()
            }
            state.withLock { $0.running = false }
        }
    }

    private struct BatchBody: Decodable {
        struct Record: Decodable { var id: String }
        struct Head: Decodable { var sequence: Int64 }
        var records: [Record]
        var chain_head: Head?
    }

    private func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/v1/gates/:gateId/:action") { [self] request, context in
            try await self.batch(request, context: context)
        }
        router.get("/v1/:resource") { [self] request, _ in
            self.resource(request)
        }
        return router
    }

    private func json(_ status: Int, _ object: Any, headers: HTTPFields = [:]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func batch(_ request: Request, context: BasicRequestContext) async throws -> Response {
        guard context.parameters.get("action") == "check-ins:batch" else { return json(404, ["error": "unknown action"]) }
        let buffer = try await request.body.collect(upTo: 256 << 20)
        let bytes = buffer.readableBytes
        var body = Array(buffer.readableBytesView)
        let gzipped = request.headers[.contentEncoding]?.lowercased() == "gzip"
        if gzipped { body = (try? Gzip.decompress(body, limits: Self.inflateLimits)) ?? [] }
        state.withLock { $0.gzipRequests += gzipped ? 1 : 0 }
        let parsed = try? JSONDecoder().decode(BatchBody.self, from: Data(body))
        let ids = parsed?.records.map(\.id) ?? []
        let key = request.headers[HTTPField.Name("Idempotency-Key")!]
        let authorization = request.headers[.authorization]

        enum Decision { case respond(Response), hang, reset(Data) }
        let decision: Decision = state.withLock { s in
            func log(_ status: Int) {
                s.log.append(
                    LoggedRequest(
                        ids: ids, idempotencyKey: key, authorization: authorization, bytes: bytes, status: status,
                        chainHeadSequence: parsed?.chain_head?.sequence))
            }
            func store(_ storeIDs: [String]) -> [[String: String]] {
                storeIDs.map { id in
                    if s.accepted.insert(id).inserted {
                        s.acceptedOrder.append(id)
                        return ["id": id, "status": "accepted"]
                    }
                    s.duplicateDeliveries += 1
                    return ["id": id, "status": "duplicate"]
                }
            }
            if let token = s.requiredToken, authorization != "Bearer " + token {
                log(401)
                return .respond(json(401, ["error": "unauthorized"]))
            }
            guard let parsed else {
                log(400)
                return .respond(json(400, ["error": "unreadable batch"]))
            }
            if let limit = s.maxBodyBytes, bytes > limit {
                log(413)
                return .respond(json(413, ["error": "body larger than \(limit) bytes"]))
            }
            if let bad = parsed.records.first(where: { s.poison.contains($0.id) }) {
                log(400)
                return .respond(json(400, ["error": "record \(bad.id) is malformed", "record_id": bad.id]))
            }
            let fault = s.script.isEmpty ? .accept : s.script.removeFirst()
            switch fault {
            case .accept:
                log(200)
                return .respond(json(200, ["batch_id": key ?? "", "results": store(ids)]))
            case .status(let code):
                log(code)
                return .respond(json(code, ["error": "scripted \(code)"]))
            case .retryAfterSeconds(let seconds, let code):
                log(code)
                return .respond(json(code, ["error": "slow down"], headers: [.retryAfter: String(seconds)]))
            case .retryAfterDate(let date):
                log(429)
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "GMT")
                formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
                return .respond(json(429, ["error": "slow down"], headers: [.retryAfter: formatter.string(from: date)]))
            case .hang:
                log(0)
                return .hang
            case .storeThenHang:
                log(0)
                _ = store(ids)
                return .hang
            case .resetMidBody:
                log(0)
                let body = (try? JSONSerialization.data(withJSONObject: ["batch_id": key ?? "", "results": store(ids)])) ?? Data()
                return .reset(body)
            case .partial(let n):
                log(200)
                return .respond(json(200, ["batch_id": key ?? "", "results": store(Array(ids.prefix(n)))]))
            case .storeThenStatus(let code):
                log(code)
                _ = store(ids)
                return .respond(json(code, ["error": "scripted \(code) after storing"]))
            }
        }
        switch decision {
        case .respond(let response):
            return response
        case .hang:
            try await Task.sleep(for: .seconds(60))
            return json(503, ["error": "hung"])
        case .reset(let body):
            let half = ByteBuffer(bytes: body.prefix(max(1, body.count / 2)))
            return Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: ResponseBody(contentLength: body.count) { writer in
                    try await writer.write(half)
                    throw CancellationError()
                }
            )
        }
    }

    private func resource(_ request: Request) -> Response {
        let path = request.uri.path
        let ifNoneMatch = request.headers[.ifNoneMatch]
        return state.withLock { s in
            guard let resource = s.resources[path] else {
                s.resourceRequests.append((path, ifNoneMatch, 404))
                return Response(status: .notFound)
            }
            if resource.notModifiedForever || ifNoneMatch == resource.etag {
                s.resourceRequests.append((path, ifNoneMatch, 304))
                return Response(status: .notModified, headers: [.eTag: resource.etag])
            }
            s.resourceRequests.append((path, ifNoneMatch, 200))
            var headers: HTTPFields = [.eTag: resource.etag, .contentType: "application/json"]
            if let signature = resource.signature { headers[HTTPField.Name("X-QRGate-Signature")!] = signature }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: resource.body)))
        }
    }
}
