import Foundation

/// A value carried across a thread boundary that the test guarantees is not shared meanwhile.
public struct UncheckedSendable<Value>: @unchecked Sendable {
    /// The value.
    public var value: Value
    /// Wraps `value`.
    public init(_ value: Value) { self.value = value }
}

/// Runs blocking work — starting a daemon and waiting for READY=1, a synchronous loopback
/// exchange, a child process — on a thread of its own, so that it never holds one of Swift's
/// cooperative threads. A test that also serves HTTP in-process (``CentralReceiver``) must do
/// this: on a 2-core machine two tests blocking the pool at once starve the receiver, and the
/// daemon's requests to it time out.
public func offThePool<T>(_ work: @escaping () throws -> T) async throws -> T {
    let job = UncheckedSendable(work)
    let result: UncheckedSendable<Result<T, any Error>> = await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: UncheckedSendable(Result { try job.value() })) }.start()
    }
    return try result.value.get()
}
