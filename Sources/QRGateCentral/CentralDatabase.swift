import Foundation
import Logging
import NIOCore
import PostgresNIO
import QRGateCore
import Synchronization

/// The central service's PostgreSQL: a connection pool, the schema's migrations, and the
/// monthly partitions of `check_ins` made on demand.
///
/// Several `qrgate-central` processes share one database: migrations and partition creation
/// take an advisory lock, and every write is a single statement whose conflicts PostgreSQL
/// resolves (`ON CONFLICT DO NOTHING`), so no process keeps state the others depend on.
public final class CentralDatabase: Sendable {
    /// The pool; run it (`run()`) for as long as the database is used.
    public let client: PostgresClient
    let logger: Logger
    private let knownPartitions = Mutex(Set<Int>())

    /// A pool for `url` (the password from `passwordFile` when the URL has none).
    public init(url: String, passwordFile: String = "", poolSize: Int = 8, logger: Logger) throws(CentralError) {
        let parsed = try PostgresURL(url)
        var password = parsed.password
        if !passwordFile.isEmpty {
            guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
                throw CentralError(code: .unreadableFile, message: "cannot read the database password file \(passwordFile)")
            }
            password = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var configuration = PostgresClient.Configuration(
            host: parsed.host, port: parsed.port, username: parsed.user, password: password, database: parsed.database, tls: .disable)
        configuration.options.maximumConnections = poolSize
        configuration.options.minimumConnections = 0
        // Every query here is short and index-driven; JIT compilation cost seconds on the tracing
        // query at 10 million records for nothing (docs/PERFORMANCE.md).
        configuration.options.additionalStartupParameters = [("jit", "off")]
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
    }

    /// Runs `body` with the pool running, then stops it.
    public static func using<T: Sendable>(
        url: String, passwordFile: String = "", poolSize: Int = 4, logger: Logger, _ body: @Sendable (CentralDatabase) async throws -> T
    ) async throws -> T {
        let database = try CentralDatabase(url: url, passwordFile: passwordFile, poolSize: poolSize, logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await database.client.run()
                return nil
            }
            defer { group.cancelAll() }
            let result = try await body(database)
            return result
        }
    }

    // MARK: - Migrations

    /// The schema, one step per entry; a step is a list of statements run in one transaction.
    /// Steps are only ever appended.
    static let migrations: [[String]] = [
        [
            // Check-ins, partitioned by capture time (monthly). The primary key holds the
            // partition key, as PostgreSQL requires; a record id always comes with the same
            // capture time (both are fixed at capture and chained), so (id, recorded_at)
            // deduplicates by id.
            """
            CREATE TABLE check_ins (
                id uuid NOT NULL,
                recorded_at timestamptz NOT NULL,
                gate text NOT NULL,
                site text NOT NULL,
                direction text NOT NULL CHECK (direction IN ('entry', 'exit')),
                sequence bigint NOT NULL,
                decision text NOT NULL CHECK (decision IN ('admit', 'refuse', 'refer')),
                paired_entry_id uuid,
                personal_digest text NOT NULL,
                pairing_key text,
                received_at timestamptz NOT NULL DEFAULT now(),
                record jsonb NOT NULL,
                PRIMARY KEY (id, recorded_at)
            ) PARTITION BY RANGE (recorded_at)
            """,
            "CREATE INDEX check_ins_site_time ON check_ins (site, recorded_at)",
            // The site-wide views pair an entry at one lane with an exit at another by the
            // pairing key (keyed by the site secret, so it matches across the site's gates).
            "CREATE INDEX check_ins_site_person ON check_ins (site, pairing_key, recorded_at)",
            // Tracing starts from a person's ID number while the personal fields are kept.
            "CREATE INDEX check_ins_id_number ON check_ins ((record->'subject'->>'id_number'), recorded_at) WHERE record ? 'subject'",
            // Who may talk to the service: gates (ingest, sync, status) and operators (fleet,
            // site views, tracing). Only a SHA-256 of each token is kept.
            """
            CREATE TABLE principals (
                kind text NOT NULL CHECK (kind IN ('gate', 'operator')),
                name text NOT NULL,
                site text,
                token_sha256 text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (kind, name)
            )
            """,
            // What each gate last told the service (fleet view).
            """
            CREATE TABLE gate_status (
                gate text PRIMARY KEY,
                last_seen_at timestamptz NOT NULL,
                last_batch_at timestamptz,
                chain_sequence bigint,
                chain_hash text,
                report jsonb,
                reported_at timestamptz
            )
            """,
            // Signed, versioned resources the gates sync.
            """
            CREATE TABLE resources (
                kind text NOT NULL,
                version bigint NOT NULL CHECK (version > 0),
                issued_at timestamptz NOT NULL,
                body bytea NOT NULL,
                signature text NOT NULL,
                sha256 text NOT NULL,
                PRIMARY KEY (kind, version)
            )
            """,
            // Every read of personal data, written before the read.
            """
            CREATE TABLE access_log (
                id bigserial PRIMARY KEY,
                at timestamptz NOT NULL DEFAULT now(),
                reader text NOT NULL,
                query text NOT NULL,
                parameters jsonb NOT NULL
            )
            """,
        ]
    ]

    /// Brings the schema up to date (idempotent; safe when several processes start together).
    public func migrate() async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(7262010001)", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS central_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                logger: logger)
            var applied = 0
            for try await version in try await connection.query("SELECT coalesce(max(version), 0) FROM central_migrations", logger: logger).decode(
                Int.self)
            {
                applied = version
            }
            for (index, statements) in Self.migrations.enumerated() where index + 1 > applied {
                for statement in statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let version = index + 1
                try await connection.query("INSERT INTO central_migrations (version) VALUES (\(version))", logger: logger)
                logger.notice("central schema migrated", metadata: ["schema.version": "\(version)"])
            }
        }
    }

    /// The schema version in the database.
    public func schemaVersion() async throws -> Int {
        var version = 0
        for try await value in try await client.query("SELECT coalesce(max(version), 0) FROM central_migrations").decode(Int.self) { version = value }
        return version
    }

    // MARK: - Partitions

    /// Months since 1970-01 (0 = 1970-01).
    static func month(ofMilliseconds milliseconds: Int64) -> Int {
        let days = Int(floorDiv(milliseconds, 86_400_000))
        let (year, month, _) = civil(fromDays: days)
        return (year - 1970) * 12 + (month - 1)
    }

    /// Makes sure the monthly partitions for these months exist.
    public func ensurePartitions(months: Set<Int>) async throws {
        let missing = knownPartitions.withLock { known in months.subtracting(known) }
        guard !missing.isEmpty else { return }
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(7262010002)", logger: logger)
            for month in missing.sorted() {
                let (year, number) = (1970 + month / 12, month % 12 + 1)
                let (nextYear, nextNumber) = (1970 + (month + 1) / 12, (month + 1) % 12 + 1)
                let name = String(format: "check_ins_%04d_%02d", year, number)
                let sql = String(
                    format:
                        "CREATE TABLE IF NOT EXISTS %@ PARTITION OF check_ins FOR VALUES FROM ('%04d-%02d-01T00:00:00Z') TO ('%04d-%02d-01T00:00:00Z')",
                    name, year, number, nextYear, nextNumber)
                try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            }
        }
        knownPartitions.withLock { $0.formUnion(missing) }
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// (year, month, day) of a day count since 1970-01-01 (proleptic Gregorian).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
