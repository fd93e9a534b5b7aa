import Foundation
import QRGateStore
import Synchronization

/// The console's signed-in sessions, in memory only (a restart signs everyone out). A session
/// is created when a supervisor or operator token is presented at sign-in; its browser then
/// holds only the session's id, in an HttpOnly cookie, never the token. A session ends at
/// sign-out, after `idleTimeout` without a request, after `lifetime` in any case, and when its
/// token is revoked (checked on every request by ``ConsoleSessionMiddleware``).
public final class ConsoleSessions: Sendable {
    /// The limits.
    public struct Configuration: Sendable {
        /// A session unused this long has ended.
        public var idleTimeout: Duration = .seconds(15 * 60)
        /// A session older than this has ended, however busy.
        public var lifetime: Duration = .seconds(12 * 3600)
        /// Sessions held at most; the least recently used is ended first.
        public var maximumSessions = 64
        /// The defaults: 15 minutes idle, 12 hours at most, 64 sessions.
        public init() {}
    }

    /// One signed-in browser.
    public struct Session: Sendable, Hashable {
        /// The cookie's value: 256 random bits, base64url.
        public let id: String
        /// What every state-changing request must carry in `X-CSRF-Token`: 256 other random bits.
        public let csrfToken: String
        /// The token it was opened with.
        public let token: APIToken
        let created: ContinuousClock.Instant
        var lastUsed: ContinuousClock.Instant
    }

    let configuration: Configuration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let sessions = Mutex([String: Session]())

    /// Sessions reading time from `now` (a monotonic clock; tests inject their own).
    public init(configuration: Configuration = .init(), now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.configuration = configuration
        self.now = now
    }

    /// Opens a session for `token`.
    public func open(for token: APIToken) -> Session {
        let instant = now()
        let session = Session(id: Self.randomID(), csrfToken: Self.randomID(), token: token, created: instant, lastUsed: instant)
        sessions.withLock { table in
            table = table.filter { isLive($0.value, at: instant) }
            while table.count >= configuration.maximumSessions, let oldest = table.min(by: { $0.value.lastUsed < $1.value.lastUsed })?.key {
                table.removeValue(forKey: oldest)
            }
            table[session.id] = session
        }
        return session
    }

    /// The live session `id` names, marked as used now (unless `touch` is false: a refresh the
    /// page made by itself is not the person's activity); nil when it is unknown or has ended.
    public func use(_ id: String, touch: Bool = true) -> Session? {
        let instant = now()
        return sessions.withLock { table -> Session? in
            guard var session = table[id] else { return nil }
            guard isLive(session, at: instant) else {
                table.removeValue(forKey: id)
                return nil
            }
            guard touch else { return session }
            session.lastUsed = instant
            table[id] = session
            return session
        }
    }

    /// Ends session `id` (sign-out).
    public func close(_ id: String) {
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    /// Ends every session opened with token `tokenID` (the token was revoked).
    public func close(tokenID: String) {
        sessions.withLock { table in table = table.filter { $0.value.token.id != tokenID } }
    }

    /// Sessions live now.
    public var count: Int {
        let instant = now()
        return sessions.withLock { table in table.values.filter { isLive($0, at: instant) }.count }
    }

    private func isLive(_ session: Session, at instant: ContinuousClock.Instant) -> Bool {
        instant - session.lastUsed < configuration.idleTimeout && instant - session.created < configuration.lifetime
    }

    /// 256 random bits, base64url, as a token's secret is made.
    static func randomID() -> String {
        APITokenStore.base64URL(APITokenStore.systemRandomBytes(32))
    }
}
