import HummingbirdCore
import Logging
import NIOCore
import QRGateCore
import Synchronization

/// Bounds the connections of the local API: at most `maximum` are held open; a new one
/// beyond that closes the longest-idle connection, or is itself closed at once when every
/// connection is serving a request. Together with the idle timeout this keeps a client that
/// opens thousands of idle connections from exhausting the daemon's file descriptors or
/// locking out `/health`.
public final class LocalAPIConnections: Sendable {
    private struct State {
        var table: ConnectionTable<ObjectIdentifier, ContinuousClock.Instant>
        var channels: [ObjectIdentifier: any Channel] = [:]
        var evicted = 0
        var refused = 0
    }

    private let state: Mutex<State>
    private let logger: Logger

    /// Connections beyond `maximum` evict the longest-idle one or are refused.
    public init(maximum: Int, logger: Logger) {
        state = Mutex(State(table: ConnectionTable(maximum: maximum)))
        self.logger = logger
    }

    /// Connections held open now.
    var openCount: Int { state.withLock { $0.table.count } }

    /// Idle connections closed to admit new ones, and connections refused, since the start.
    var closedByLimit: (evicted: Int, refused: Int) { state.withLock { ($0.evicted, $0.refused) } }

    /// Decides about a freshly accepted channel: true when it may stay.
    func admit(_ channel: any Channel) -> Bool {
        let id = ObjectIdentifier(channel)
        let (admitted, victim, refusedSoFar): (Bool, (any Channel)?, Int) = state.withLock { state in
            switch state.table.open(id, at: .now) {
            case .admit:
                state.channels[id] = channel
                return (true, nil, state.refused)
            case .admitEvicting(let old):
                state.channels[id] = channel
                state.evicted += 1
                return (true, state.channels.removeValue(forKey: old), state.refused)
            case .refuse:
                state.refused += 1
                return (false, nil, state.refused)
            }
        }
        victim?.close(promise: nil)
        if admitted {
            channel.closeFuture.whenComplete { [self] _ in
                state.withLock { state in
                    state.table.close(id)
                    state.channels.removeValue(forKey: id)
                }
            }
        } else if Self.isPowerOfTen(refusedSoFar) {
            // Logged at 1, 10, 100 … refusals, so a flood of connections cannot flood the journal.
            logger.warning(
                "local API connection refused: every connection is serving a request",
                metadata: [
                    "http.max_connections": .stringConvertible(state.withLock { $0.table.maximum }),
                    "http.refused_total": .stringConvertible(refusedSoFar),
                ])
        }
        return admitted
    }

    private static func isPowerOfTen(_ value: Int) -> Bool {
        var rest = value
        while rest >= 10 && rest % 10 == 0 { rest /= 10 }
        return rest == 1
    }

    /// Wraps the HTTP responder so that connections serving a request are never evicted.
    func tracking(_ responder: @escaping HTTPChannelHandler.Responder) -> HTTPChannelHandler.Responder {
        { [self] request, writer, channel in
            let id = ObjectIdentifier(channel)
            state.withLock { $0.table.requestStarted(id, at: .now) }
            defer { state.withLock { $0.table.requestEnded(id, at: .now) } }
            try await responder(request, writer, channel)
        }
    }
}

/// Raised when a connection is closed at accept because the local API is at its connection limit.
struct ConnectionLimitReached: GateError {
    let code = "connection_limit"
    let message = "the local API is at its connection limit; the connection was closed"
    let file: String
    let line: Int
    init(file: String = #fileID, line: Int = #line) {
        self.file = file
        self.line = line
    }
}

/// A server child channel that admits each accepted connection through ``LocalAPIConnections``
/// before setting up `Base` (HTTP/1.1, with or without TLS) on it.
struct LimitedConnectionsChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    let base: Base
    let connections: LocalAPIConnections

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard connections.admit(channel) else {
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(ConnectionLimitReached())
        }
        return base.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
