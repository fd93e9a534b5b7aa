import Foundation
import PostgresNIO

/// Fleet, site-wide views and tracing: each answered by PostgreSQL as one JSON document.
/// Every read of personal data is written to `access_log` first, in its own statement, so a
/// read that fails after the log entry is still on record and none happens without one.
extension CentralDatabase {
    /// A check-in in the supervisor API's `CheckIn` shape (docs/supervisor-api.openapi.yaml);
    /// personal fields are null once purged (`purged_at` then says so).
    static let checkInJSON = """
        jsonb_build_object(
            'id', c.id, 'sequence', c.sequence,
            'recorded_at', to_char(c.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'clock_synced', coalesce(c.record->'clock_synced', 'true'::jsonb), 'site', c.site, 'gate', c.gate,
            'direction', c.direction, 'decision', c.decision,
            'reasons', (SELECT coalesce(jsonb_agg(jsonb_build_object('code', r)), '[]'::jsonb) FROM jsonb_array_elements_text(coalesce(c.record->'reasons', '[]'::jsonb)) r),
            'id_number', c.record->'subject'->'id_number', 'name', c.record->'subject'->'name', 'birth_date', c.record->'subject'->'birth_date',
            'credential_kind', coalesce(c.record->'credential'->'kind', '"none"'::jsonb),
            'credential_verified', coalesce(c.record->'credential'->'verified', 'false'::jsonb),
            'credential_issuer', c.record->'credential'->'issuer', 'credential_doses', c.record->'credential'->'doses',
            'credential_event_date', c.record->'credential'->'event_date', 'credential_valid_until', c.record->'credential'->'valid_until',
            'paired_entry_id', c.paired_entry_id,
            'flags', (SELECT coalesce(string_agg(f, ','), '') FROM jsonb_array_elements_text(coalesce(c.record->'flags', '[]'::jsonb)) f),
            'purged_at', CASE WHEN c.record ? 'subject' THEN NULL ELSE to_char(c.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END
        )
        """

    /// Writes one access-log entry.
    func logAccess(reader: String, query: String, parameters: [String: String]) async throws {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: parameters, options: [.sortedKeys]), as: UTF8.self)
        try await client.query("INSERT INTO access_log (reader, query, parameters) VALUES (\(reader), \(query), \(json)::jsonb)", logger: logger)
    }

    func jsonDocument(_ query: PostgresQuery) async throws -> String {
        for try await text in try await client.query(query, logger: logger).decode(String.self) { return text }
        return "[]"
    }

    /// Who is inside `site` across all its gates: the latest check-in of each person (by pairing
    /// key) within the last `windowHours` is an entry that was not refused.
    public func inside(site: String, windowHours: Double, reader: String, now: Date = Date()) async throws -> String {
        try await logAccess(reader: reader, query: "inside", parameters: ["site": site, "window_hours": "\(windowHours)"])
        let since = now.addingTimeInterval(-windowHours * 3600)
        return try await jsonDocument(
            """
            SELECT coalesce(jsonb_agg(\(unescaped: Self.checkInJSON) ORDER BY c.recorded_at), '[]'::jsonb)::text FROM (
                SELECT DISTINCT ON (pairing_key) * FROM check_ins
                WHERE site = \(site) AND pairing_key IS NOT NULL AND recorded_at >= \(since)
                ORDER BY pairing_key, recorded_at DESC, sequence DESC
            ) c WHERE c.direction = 'entry' AND c.decision <> 'refuse'
            """)
    }

    /// Who left `site` at least `hours` ago (within the last `windowHours`) and has not come back.
    public func leftNotReturned(site: String, hours: Double, windowHours: Double, reader: String, now: Date = Date()) async throws -> String {
        try await logAccess(
            reader: reader, query: "left-not-returned", parameters: ["site": site, "hours": "\(hours)", "window_hours": "\(windowHours)"])
        let since = now.addingTimeInterval(-windowHours * 3600)
        let before = now.addingTimeInterval(-hours * 3600)
        return try await jsonDocument(
            """
            SELECT coalesce(jsonb_agg(\(unescaped: Self.checkInJSON) ORDER BY c.recorded_at), '[]'::jsonb)::text FROM (
                SELECT DISTINCT ON (pairing_key) * FROM check_ins
                WHERE site = \(site) AND pairing_key IS NOT NULL AND recorded_at >= \(since)
                ORDER BY pairing_key, recorded_at DESC, sequence DESC
            ) c WHERE c.direction = 'exit' AND c.recorded_at <= \(before)
            """)
    }

    /// Every check-in at `site` between `from` and `to`.
    public func traceSite(site: String, from: Date, to: Date, reader: String) async throws -> String {
        try await logAccess(
            reader: reader, query: "trace-site",
            parameters: ["site": site, "from": from.formatted(.iso8601), "to": to.formatted(.iso8601)])
        return try await jsonDocument(
            """
            SELECT coalesce(jsonb_agg(\(unescaped: Self.checkInJSON) ORDER BY c.recorded_at), '[]'::jsonb)::text
            FROM check_ins c WHERE c.site = \(site) AND c.recorded_at >= \(from) AND c.recorded_at < \(to)
            """)
    }

    /// Everyone checked in at a site where the person with `idNumber` checked in, within
    /// ±`hours` of one of that person's check-ins (the person's own check-ins excluded).
    public func tracePerson(idNumber: String, hours: Double, reader: String) async throws -> String {
        try await logAccess(reader: reader, query: "trace-person", parameters: ["id_number": idNumber, "hours": "\(hours)"])
        let window = "\(hours) hours"
        return try await jsonDocument(
            """
            WITH visits AS MATERIALIZED (
                SELECT site, recorded_at, pairing_key FROM check_ins
                WHERE record ? 'subject' AND record->'subject'->>'id_number' = \(idNumber)
            )
            SELECT coalesce(jsonb_agg(\(unescaped: Self.checkInJSON) ORDER BY c.recorded_at), '[]'::jsonb)::text FROM (
                SELECT DISTINCT ON (c.id) c.* FROM visits v CROSS JOIN LATERAL (
                    -- One index range scan on (site, recorded_at) per visit.
                    SELECT * FROM check_ins w
                    WHERE w.site = v.site AND w.recorded_at BETWEEN v.recorded_at - \(window)::interval AND v.recorded_at + \(window)::interval
                ) c
                WHERE c.pairing_key IS DISTINCT FROM v.pairing_key
                    AND coalesce(c.record->'subject'->>'id_number', '') <> \(idNumber)
            ) c
            """)
    }

    /// Every registered gate with what it last reported, flagged `silent` (nothing heard for
    /// `silentAfter`) and `stale` (trust list issued longer ago than `staleAfter`, or never synced).
    public func fleet(silentAfter: Duration, staleAfter: Duration, now: Date = Date()) async throws -> String {
        let silentBefore = now.addingTimeInterval(-Double(silentAfter.components.seconds))
        let staleBefore = now.addingTimeInterval(-Double(staleAfter.components.seconds))
        return try await jsonDocument(
            """
            SELECT coalesce(jsonb_agg(jsonb_build_object(
                'gate', p.name, 'site', p.site,
                'last_seen_at', to_char(s.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'last_batch_at', to_char(s.last_batch_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'chain_sequence', s.chain_sequence,
                'report', s.report,
                'silent', s.last_seen_at IS NULL OR s.last_seen_at < \(silentBefore),
                'stale', s.report IS NULL OR (s.report->>'trust_list_issued_at') IS NULL
                    OR (s.report->>'trust_list_issued_at')::timestamptz < \(staleBefore)
            ) ORDER BY p.name), '[]'::jsonb)::text
            FROM principals p LEFT JOIN gate_status s ON s.gate = p.name
            WHERE p.kind = 'gate'
            """)
    }

    /// Stores a gate's status report (`report`: a JSON object).
    public func recordStatus(gate: String, report: String) async throws {
        try await client.query(
            """
            INSERT INTO gate_status (gate, last_seen_at, report, reported_at) VALUES (\(gate), now(), \(report)::jsonb, now())
            ON CONFLICT (gate) DO UPDATE SET last_seen_at = now(), report = excluded.report, reported_at = now()
            """, logger: logger)
    }
}
