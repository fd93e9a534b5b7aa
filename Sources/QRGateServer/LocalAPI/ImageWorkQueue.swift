import Hummingbird
import NIOPosix
import Synchronization

/// Runs image decoding and zbar for uploads on threads of its own, a few at a time, so that
/// large or hostile images never occupy Swift's cooperative thread pool (where `/health`, the
/// watchdog beats and intake run). Work beyond the running slots waits in a short queue;
/// beyond that it is refused at once with `503` and `Retry-After`.
public final class ImageWorkQueue: Sendable {
    /// The limits.
    public struct Configuration: Sendable {
        /// Images decoded and scanned at the same time (one thread each).
        public var concurrent = 2
        /// Uploads waiting for a free thread; more are refused.
        public var queued = 2
        /// Seconds a refused client is told to wait.
        public var retryAfterSeconds = 2
        /// The defaults.
        public init() {}
    }

    let configuration: Configuration
    private let pool: NIOThreadPool
    private let admitted = Mutex(0)

    /// Starts the threads.
    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
        pool = NIOThreadPool(numberOfThreads: max(1, configuration.concurrent))
        pool.start()
    }

    /// Uploads admitted now (running or waiting).
    var inFlight: Int { admitted.withLock { $0 } }

    /// Runs `body` on one of the queue's threads. Throws `SupervisorAPIError` (`503 busy`) when the
    /// queue is full, and whatever `body` throws.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let capacity = max(1, configuration.concurrent) + max(0, configuration.queued)
        let entered = admitted.withLock { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard entered else {
            throw SupervisorAPIError(
                .busy, status: .serviceUnavailable,
                message: "the gate is scanning other images; send this one again in \(configuration.retryAfterSeconds) s",
                headers: [.retryAfter: String(configuration.retryAfterSeconds)])
        }
        defer { admitted.withLock { $0 -= 1 } }
        return try await pool.runIfActive(body)
    }

    /// Stops the threads once the work in hand is done.
    public func shutdown() async {
        try? await pool.shutdownGracefully()
    }
}
