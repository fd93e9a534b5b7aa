import Crypto
import Foundation
import PostgresNIO
import Synchronization

/// Who is talking to the service: a gate (ingest, sync, status) or an operator (fleet, site
/// views, tracing), known by a bearer token whose SHA-256 is in `principals`.
public struct Principal: Sendable, Equatable {
    /// `gate` or `operator`.
    public var kind: String
    /// Gate id or operator name.
    public var name: String
    /// The gate's site, when registered with one.
    public var site: String?
}

extension CentralDatabase {
    /// Registers a gate or an operator with a new random token; returns the token (shown once).
    public func addPrincipal(kind: String, name: String, site: String?) async throws -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        let token = "qrc_" + bytes.map { String(format: "%02x", $0) }.joined()
        let hash = Self.tokenHash(token)
        try await client.query(
            """
            INSERT INTO principals (kind, name, site, token_sha256) VALUES (\(kind), \(name), \(site), \(hash))
            ON CONFLICT (kind, name) DO UPDATE SET token_sha256 = excluded.token_sha256, site = excluded.site
            """, logger: logger)
        return token
    }

    /// The principal holding `token`, if any.
    public func principal(token: String) async throws -> Principal? {
        let hash = Self.tokenHash(token)
        for try await (kind, name, site) in try await client.query(
            "SELECT kind, name, site FROM principals WHERE token_sha256 = \(hash)", logger: logger
        ).decode((String, String, String?).self) {
            return Principal(kind: kind, name: name, site: site)
        }
        return nil
    }

    /// Hex SHA-256 of a token.
    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Token → principal, cached for a minute so that ingest does not ask the database on every
/// batch (a revoked token stops working within that minute).
final class PrincipalCache: Sendable {
    private let entries = Mutex([String: (principal: Principal?, until: ContinuousClock.Instant)]())
    private let database: CentralDatabase
    private let lifetime: Duration

    init(database: CentralDatabase, lifetime: Duration = .seconds(60)) {
        self.database = database
        self.lifetime = lifetime
    }

    func principal(token: String) async throws -> Principal? {
        let now = ContinuousClock.now
        if let cached = entries.withLock({ $0[token] }), cached.until > now { return cached.principal }
        let principal = try await database.principal(token: token)
        entries.withLock { entries in
            if entries.count > 200_000 { entries.removeAll() }
            // Unknown tokens are remembered briefly too, so a flood of bad ones costs no queries.
            entries[token] = (principal, now + (principal == nil ? .seconds(5) : lifetime))
        }
        return principal
    }
}

/// Per-gate token buckets counted in records: a gate may deliver `burst` records at once and
/// `rate` per second on average; beyond that a batch is answered `429` with the seconds after
/// which it would fit. Per process: with N processes behind a balancer a gate gets up to N
/// times the rate, which bounds a misbehaving gate all the same.
public final class GateRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var at: ContinuousClock.Instant
    }
    private let buckets = Mutex([String: Bucket]())
    private let rate: Double
    private let burst: Double
    private let now: @Sendable () -> ContinuousClock.Instant

    /// Creates a limiter (`now` is injected for tests).
    public init(ratePerSecond: Double, burst: Double, now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.rate = ratePerSecond
        self.burst = burst
        self.now = now
    }

    /// Takes `records` from the gate's bucket; nil when allowed, else the whole seconds to wait.
    public func take(gate: String, records: Int) -> Int? {
        let now = now()
        return buckets.withLock { buckets in
            var bucket = buckets[gate] ?? Bucket(tokens: burst, at: now)
            let elapsed = bucket.at.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(burst, bucket.tokens + max(0, seconds) * rate)
            bucket.at = now
            let needed = min(Double(records), burst)
            if bucket.tokens >= needed {
                bucket.tokens -= needed
                buckets[gate] = bucket
                return nil
            }
            buckets[gate] = bucket
            return max(1, Int(((needed - bucket.tokens) / rate).rounded(.up)))
        }
    }
}
