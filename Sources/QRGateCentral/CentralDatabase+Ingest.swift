import Foundation
import PostgresNIO

extension CentralDatabase {
    /// What one batch insert did.
    public struct InsertResult: Sendable, Equatable {
        /// Ids stored by this insert.
        public var accepted: Set<UUID>
    }

    /// Stores the records in one statement (one round trip: every column as an array,
    /// `unnest`, `INSERT … ON CONFLICT DO NOTHING RETURNING id`) and records the gate's chain
    /// head in the same statement. Returns once PostgreSQL committed it, with the ids it
    /// inserted; every other id was already there (a duplicate). Two processes inserting the
    /// same ids at once: PostgreSQL lets one insert and the other see the conflict, so no
    /// record is lost or doubled.
    public func insert(
        _ records: [IngestRecord], gate: String, chainSequence: Int64, chainHash: String, personalCutoffMilliseconds: Int64?
    )
        async throws -> InsertResult
    {
        try await ensurePartitions(months: Set(records.map { Self.month(ofMilliseconds: $0.recordedAtMilliseconds) }))
        var ids: [UUID] = []
        var times: [Int64] = []
        var gates: [String] = []
        var sites: [String] = []
        var directions: [String] = []
        var sequences: [Int64] = []
        var decisions: [String] = []
        var paired: [String] = []
        var digests: [String] = []
        var keys: [String] = []
        var documents: [String] = []
        for record in records {
            ids.append(record.id)
            times.append(record.recordedAtMilliseconds)
            gates.append(record.gate)
            sites.append(record.site)
            directions.append(record.direction)
            sequences.append(record.sequence)
            decisions.append(record.decision)
            paired.append(record.pairedEntryID?.uuidString.lowercased() ?? "")
            digests.append(record.personalDigest)
            if let cutoff = personalCutoffMilliseconds, record.recordedAtMilliseconds < cutoff {
                documents.append(BatchReader.withoutPersonalFields(record.json))
                keys.append("")
            } else {
                documents.append(record.json)
                keys.append(record.pairingKey ?? "")
            }
        }
        let query: PostgresQuery = """
            WITH incoming AS (
                SELECT * FROM unnest(\(ids)::uuid[], \(times)::bigint[], \(gates)::text[], \(sites)::text[], \(directions)::text[],
                    \(sequences)::bigint[], \(decisions)::text[], \(paired)::text[], \(digests)::text[], \(keys)::text[], \(documents)::text[])
                    AS t(id, ms, gate, site, direction, sequence, decision, paired, digest, pairing, document)
            ), inserted AS (
                INSERT INTO check_ins (id, recorded_at, gate, site, direction, sequence, decision, paired_entry_id, personal_digest, pairing_key, record)
                SELECT id, timestamptz 'epoch' + ms * interval '1 millisecond', gate, site, direction, sequence, decision,
                    NULLIF(paired, '')::uuid, digest, NULLIF(pairing, ''), document::jsonb
                FROM incoming
                ON CONFLICT DO NOTHING
                RETURNING id
            ), seen AS (
                INSERT INTO gate_status AS s (gate, last_seen_at, last_batch_at, chain_sequence, chain_hash)
                VALUES (\(gate), now(), now(), \(chainSequence), \(chainHash))
                ON CONFLICT (gate) DO UPDATE SET last_seen_at = now(), last_batch_at = now(),
                    chain_sequence = GREATEST(s.chain_sequence, excluded.chain_sequence),
                    chain_hash = CASE WHEN excluded.chain_sequence >= coalesce(s.chain_sequence, -1) THEN excluded.chain_hash ELSE s.chain_hash END
            )
            SELECT id FROM inserted
            """
        var accepted = Set<UUID>()
        for try await id in try await client.query(query, logger: logger).decode(UUID.self) {
            accepted.insert(id)
        }
        return InsertResult(accepted: accepted)
    }

    /// Removes the personal fields (subject, declaration) of every record captured before
    /// `cutoffMilliseconds`; returns how many records changed.
    @discardableResult
    public func purgePersonalFields(before cutoffMilliseconds: Int64) async throws -> Int {
        let query: PostgresQuery = """
            WITH purged AS (
                UPDATE check_ins SET record = record - 'subject' - 'declaration' - 'pairing_key', pairing_key = NULL
                WHERE recorded_at < timestamptz 'epoch' + \(cutoffMilliseconds) * interval '1 millisecond'
                    AND (record ? 'subject' OR record ? 'declaration' OR pairing_key IS NOT NULL)
                RETURNING 1
            ) SELECT count(*)::bigint FROM purged
            """
        var count: Int64 = 0
        for try await value in try await client.query(query, logger: logger).decode(Int64.self) { count = value }
        return Int(count)
    }
}
