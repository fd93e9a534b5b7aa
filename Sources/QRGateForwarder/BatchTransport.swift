import Foundation

/// One request of the forwarder: the ids it carries and the encoded body.
public struct OutgoingBatch: Sendable {
    /// The batch id (the idempotency key: the same records give the same id).
    public var batchID: String
    /// The `Idempotency-Key` header.
    public var idempotencyKey: String
    /// The record ids, in order.
    public var ids: [String]
    /// The JSON body.
    public var body: [UInt8]

    /// Creates a batch.
    public init(batchID: String, idempotencyKey: String, ids: [String], body: [UInt8]) {
        self.batchID = batchID
        self.idempotencyKey = idempotencyKey
        self.ids = ids
        self.body = body
    }
}

/// Delivers one batch to the central service and reports what happened; never throws:
/// every failure is an outcome the state machine classifies.
public protocol BatchTransport: Sendable {
    /// Sends `batch` and waits for the answer (bounded by the transport's own deadline).
    func send(_ batch: OutgoingBatch) async -> Forwarder.StateMachine.Outcome
}
