import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import QRGateCore

/// Sends batches with async-http-client: `POST {base}/v1/gates/{gateId}/check-ins:batch`.
public struct HTTPBatchTransport: BatchTransport {
    /// The client (owned by the caller).
    public let client: HTTPClient
    /// Where to send.
    public let endpoint: CentralEndpoint
    /// Wall clock, to turn an HTTP-date `Retry-After` into a wait.
    public let now: @Sendable () -> Date
    /// Largest response body read.
    public var maxResponseBytes = 4 << 20

    /// Creates a transport.
    public init(client: HTTPClient, endpoint: CentralEndpoint, now: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client
        self.endpoint = endpoint
        self.now = now
    }

    /// Sends one batch.
    public func send(_ batch: OutgoingBatch) async -> Forwarder.StateMachine.Outcome {
        var request = HTTPClientRequest(url: endpoint.url("/v1/gates/\(endpoint.gateID)/check-ins:batch"))
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Idempotency-Key", value: batch.idempotencyKey)
        if let token = endpoint.bearerToken { request.headers.add(name: "Authorization", value: "Bearer " + token) }
        if endpoint.gzipRequests {
            request.headers.add(name: "Content-Encoding", value: "gzip")
            request.body = .bytes(ByteBuffer(bytes: Gzip.compress(batch.body)))
        } else {
            request.body = .bytes(ByteBuffer(bytes: batch.body))
        }
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(endpoint.requestTimeout.nanoseconds))
            let body = try await response.body.collect(upTo: maxResponseBytes)
            let bytes = Array(body.readableBytesView)
            let status = Int(response.status.code)
            if (200..<300).contains(status) {
                return CentralBatchCodec.outcome(status: status, body: bytes)
            }
            let retryAfter = CentralBatchCodec.retryAfter(response.headers.first(name: "Retry-After"), now: now())
            return .status(status, retryAfter: retryAfter, body: String(decoding: bytes.prefix(2048), as: UTF8.self))
        } catch let error as HTTPClientError where Self.isTimeout(error) {
            return .timedOut
        } catch {
            return .connectionFailed(String(describing: error))
        }
    }

    static func isTimeout(_ error: HTTPClientError) -> Bool {
        [.readTimeout, .writeTimeout, .connectTimeout, .deadlineExceeded, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout].contains(error)
    }
}
