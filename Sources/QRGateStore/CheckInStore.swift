import Foundation
import GRDB
import Logging
import QRGateCore

/// How a gate chooses the direction of a check-in.
public enum DirectionPolicy: Sendable, Hashable {
    /// Always this direction.
    case fixed(Direction)
    /// Exit when the person has an open entry at this site, otherwise entry.
    case auto
}

/// Records check-ins durably: the check-in row, its audit-chain link and its outbox row
/// commit in one transaction (WAL, `synchronous=FULL`), and only then does `record` return.
public struct CheckInStore: Sendable {
    /// The database.
    public let database: GateDatabase
    /// The secrets that key the personal digest of each link (nil: plain SHA-256, for tools that
    /// only read and for tests that do not care).
    public let personalKeys: PersonalKeys?

    /// Where the store reports what an operator must act on (a full disk).
    public var logger = Logger(label: "qrgate.store")

    /// Wraps an open database.
    public init(database: GateDatabase, personalKeys: PersonalKeys? = nil) {
        self.database = database
        self.personalKeys = personalKeys
    }

    /// The digest of a record's personal fields, as the chain stores it.
    public func personalDigest(_ personal: JSONValue) -> String {
        personalKeys?.personalDigest(personal) ?? AuditChain.personalDigest(personal)
    }

    /// Decides a check-in with what only the recording transaction knows: the direction it
    /// resolved, and ``RecordingFacts`` (open entry, hours outside, whether the receipt is spent).
    public typealias Decider = @Sendable (Direction, RecordingFacts) -> (decision: Decision, flags: Set<CheckInDraft.Flag>)

    /// Stores `draft` as the next link of the audit chain with an outbox row, pairing an exit
    /// with the person's open entry at the site, and spending a presented receipt. Returns the
    /// stored check-in after the commit. `decide`, when given, makes the decision inside the
    /// transaction from the resolved direction and the ``RecordingFacts`` (auto mode decides
    /// entry or exit only here; a spent receipt and the hours outside are known only here).
    /// `hoursOutside` asks for the time since the person's last exit (quarantine facilities only:
    /// it costs a lookup on every check-in).
    public func record(
        _ draft: CheckInDraft,
        direction policy: DirectionPolicy,
        hoursOutside: Bool = true,
        decide: Decider? = nil
    ) async throws(StoreError) -> StoredCheckIn {
        do {
            let pageLimit = database.checkInPageLimit
            return try await database.writer.write { db in
                if let pageLimit {
                    let used = (try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0) - (try Int64.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0)
                    if used >= pageLimit { throw Self.quotaReached }
                }
                return try insert(draft, policy: policy, hoursOutside: hoursOutside, decide: decide, db: db)
            }
        } catch let error as StoreError {
            if error.code == .quotaReached { await releaseBallastIfDiskFull() }
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            await releaseBallastIfDiskFull()
            throw Self.quotaReached
        } catch {
            throw StoreError(code: .writeFailed, message: "the check-in could not be recorded (\(error)); nothing was stored")
        }
    }

    /// Full below the page quota: the disk itself is full. Frees the ballast file so that
    /// forwarding, purging and compaction can write (SQLite needs its WAL even to delete).
    func releaseBallastIfDiskFull() async {
        guard let usage = try? await database.pageUsage(), usage.used < usage.limit * 9 / 10, database.releaseBallast() else { return }
        logger.critical(
            "disk full: released the ballast file to keep the way out open; free disk space", metadata: ["store.path": .string(database.path)])
    }

    static let quotaReached = StoreError(
        code: .quotaReached,
        message:
            "the storage quota is reached, so this check-in was not recorded; forwarding and the retention purge free space (check the outbox and the central connection)"
    )

    func insert(
        _ draft: CheckInDraft, policy: DirectionPolicy, hoursOutside wantsHoursOutside: Bool = true, decide: Decider? = nil, db: Database
    ) throws -> StoredCheckIn {
        var draft = draft
        // What is hashed is what is stored: no control character reaches a column (SQLite would
        // cut a text at a NUL while the digest covered all of it, and the chain would break).
        draft.subject = Subject(
            idNumber: draft.subject.idNumber.map(TextSafety.withoutControls), fullName: draft.subject.fullName.map(TextSafety.withoutControls),
            birthDate: draft.subject.birthDate.map(TextSafety.withoutControls))
        if let text = draft.declaration?.freeText { draft.declaration?.freeText = TextSafety.withoutControls(text) }
        var flags = draft.flags
        var direction: Direction
        var pairedEntryID: String?
        let openEntry = try draft.subjectKey.flatMap { try Self.openEntryID(site: draft.site, subjectKey: $0, db: db) }
        switch policy {
        case .fixed(let fixed): direction = fixed
        case .auto: direction = openEntry == nil && draft.receiptEntryID == nil ? .entry : .exit
        }
        if let decide {
            var facts = RecordingFacts(hasOpenEntry: openEntry != nil)
            if wantsHoursOutside, let key = draft.subjectKey {
                facts.hoursOutside = try Self.hoursOutside(site: draft.site, subjectKey: key, now: draft.wallTime, db: db)
            }
            if let receipt = draft.receiptCheckInID {
                facts.receiptAlreadyUsed = try Self.receiptUsed(receipt, direction: direction, db: db)
            }
            let decided = decide(direction, facts)
            draft.decision = decided.decision
            flags.formUnion(decided.flags)
        }
        let admitted = draft.decision.outcome != .refuse
        if direction == .exit {
            pairedEntryID = admitted ? openEntry ?? draft.receiptEntryID : nil
            if admitted && pairedEntryID == nil { flags.insert(.exitWithoutEntry) }
        }
        if admitted, let receipt = draft.receiptCheckInID {
            try db.execute(
                sql: "INSERT OR IGNORE INTO receipt_uses (receipt_check_in_id, direction, check_in_id, used_at_ms) VALUES (?, ?, ?, ?)",
                arguments: [receipt, direction.rawValue, draft.id, Int64((draft.wallTime.timeIntervalSince1970 * 1000).rounded(.down))])
        }

        let head =
            try Row.fetchOne(db, sql: "SELECT sequence, hash FROM check_ins ORDER BY sequence DESC LIMIT 1")
            ?? Row.fetchOne(db, sql: "SELECT sequence, hash FROM chain_anchor WHERE id = 1")
        let previousSequence: Int64 = head?["sequence"] ?? 0
        let previousHash: String = head?["hash"] ?? AuditChain.genesis

        let personal = StoredCheckIn.personalRecord(subject: draft.subject, subjectKey: draft.subjectKey, declaration: draft.declaration)
        var stored = StoredCheckIn(
            id: draft.id,
            sequence: previousSequence + 1,
            gate: draft.gate,
            site: draft.site,
            direction: direction,
            recordedAtMilliseconds: Int64((draft.wallTime.timeIntervalSince1970 * 1000).rounded(.down)),
            bootNanoseconds: draft.bootNanoseconds,
            clockSynced: draft.clockSynced,
            flags: flags.sorted(),
            credential: draft.credential,
            decision: draft.decision,
            pairedEntryID: pairedEntryID,
            subject: draft.subject,
            subjectKey: draft.subjectKey,
            declaration: draft.declaration,
            personalDigest: personalDigest(personal),
            purgedAtMilliseconds: nil,
            previousHash: previousHash,
            hash: ""
        )
        stored.hash = AuditChain.linkHash(previousHash: previousHash, record: stored.chainRecord)

        var declarationID: String?
        if let d = draft.declaration {
            declarationID = draft.id
            try db.execute(
                sql: """
                    INSERT INTO declarations (id, submitted_at_ms, source, symptoms, contact_with_case, travelled_14_days, free_text)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    draft.id, Int64(d.submittedAt * 1000), d.source.rawValue,
                    d.symptoms.sorted().map(\.rawValue).joined(separator: ","), d.contactWithConfirmedCase,
                    d.travelledLast14Days, d.freeText,
                ]
            )
        }
        let reasons = String(decoding: try JSONEncoder().encode(draft.decision.reasons), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO check_ins (id, sequence, gate, site, direction, recorded_at_ms, boot_ns, clock_synced, flags,
                    credential_kind, credential_verified, credential_issuer, credential_doses, credential_event_date,
                    credential_valid_until, decision, reasons, rule_set_version, paired_entry_id, subject_key,
                    subject_id_number, subject_name, subject_name_folded, subject_birth_date, declaration_id, personal_digest, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                stored.id, stored.sequence, stored.gate, stored.site, direction.rawValue, stored.recordedAtMilliseconds,
                Int64(bitPattern: stored.bootNanoseconds), stored.clockSynced, stored.flags.map(\.rawValue).joined(separator: ","),
                draft.credential.kind.rawValue, draft.credential.verified, draft.credential.issuer, draft.credential.doses,
                draft.credential.eventDate, draft.credential.validUntil, draft.decision.outcome.rawValue, reasons,
                draft.decision.ruleSetVersion, pairedEntryID, draft.subjectKey, draft.subject.idNumber, draft.subject.fullName,
                draft.subject.fullName.map(NameFolding.fold), draft.subject.birthDate, declarationID, stored.personalDigest, stored.previousHash,
                stored.hash,
            ]
        )
        try db.execute(
            sql: "INSERT INTO outbox (check_in_id, enqueued_at_ms) VALUES (?, ?)",
            arguments: [stored.id, stored.recordedAtMilliseconds]
        )
        return stored
    }

    /// Hours since the latest admitted exit of `subjectKey` at `site`, when the person has not
    /// come back in since (their latest entry is older than that exit).
    static func hoursOutside(site: String, subjectKey: String, now: Date, db: Database) throws -> Double? {
        func latest(_ direction: String) throws -> Row? {
            try Row.fetchOne(
                db,
                sql: """
                    SELECT sequence, recorded_at_ms FROM check_ins INDEXED BY check_ins_pairing_lookup
                    WHERE site = ? AND subject_key = ? AND direction = ? AND decision != 'refuse'
                    ORDER BY sequence DESC LIMIT 1
                    """,
                arguments: [site, subjectKey, direction])
        }
        guard let exit = try latest("exit") else { return nil }
        if let entry = try latest("entry"), (entry["sequence"] as Int64) > (exit["sequence"] as Int64) { return nil }
        let left: Int64 = exit["recorded_at_ms"]
        return max(0, (now.timeIntervalSince1970 * 1000 - Double(left)) / 3_600_000)
    }

    /// Whether the receipt of check-in `receiptID` was already used in `direction` at this gate,
    /// or, for an exit, whether the entry it records is already closed by an exit.
    static func receiptUsed(_ receiptID: String, direction: Direction, db: Database) throws -> Bool {
        if try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM receipt_uses WHERE receipt_check_in_id = ? AND direction = ?)",
            arguments: [receiptID, direction.rawValue]) == true
        {
            return true
        }
        guard direction == .exit else { return false }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM check_ins WHERE paired_entry_id = ?)", arguments: [receiptID]) == true
    }

    /// The latest entry of `subjectKey` at `site` that no exit has closed yet.
    static func openEntryID(site: String, subjectKey: String, db: Database) throws -> String? {
        try String.fetchOne(
            db,
            sql: """
                SELECT e.id FROM check_ins e INDEXED BY check_ins_pairing_lookup
                WHERE e.site = ? AND e.subject_key = ? AND e.direction = 'entry' AND e.decision != 'refuse'
                  AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.paired_entry_id = e.id)
                  AND NOT EXISTS (SELECT 1 FROM check_ins l INDEXED BY check_ins_pairing_lookup
                                  WHERE l.site = e.site AND l.subject_key = e.subject_key
                                  AND l.direction = 'entry' AND l.sequence > e.sequence)
                ORDER BY e.sequence DESC LIMIT 1
                """,
            arguments: [site, subjectKey]
        )
    }

    /// The stored check-in with `id`, or nil.
    public func checkIn(id: String) async throws -> StoredCheckIn? {
        try await database.writer.read { db in
            try Row.fetchOne(db, sql: StoredCheckIn.selectSQL + " WHERE c.id = ?", arguments: [id]).map(StoredCheckIn.init(row:))
        }
    }

    /// All check-ins in chain order (for small stores, tests and exports of a range).
    public func all() async throws -> [StoredCheckIn] {
        try await database.writer.read { db in
            try Row.fetchAll(db, sql: StoredCheckIn.selectSQL + " ORDER BY c.sequence").map(StoredCheckIn.init(row:))
        }
    }

    /// Admitted entries at the site `?` (alias `c`) with no exit paired to them and no later entry
    /// of the same person: who is inside.
    static let insideCondition = """
        c.site = ? AND c.direction = 'entry' AND c.decision = 'admit' AND c.purged_at_ms IS NULL
          AND NOT EXISTS (SELECT 1 FROM check_ins x WHERE x.paired_entry_id = c.id)
          AND (c.subject_key IS NULL OR NOT EXISTS (
               SELECT 1 FROM check_ins l INDEXED BY check_ins_pairing_lookup WHERE l.site = c.site AND l.subject_key = c.subject_key
               AND l.direction = 'entry' AND l.sequence > c.sequence))
        """

    /// Admitted entries at `site` that no exit has closed: who is inside now.
    public func inside(site: String) async throws -> [StoredCheckIn] {
        try await database.writer.read { db in
            try Row.fetchAll(
                db,
                sql: StoredCheckIn.selectSQL + " WHERE " + Self.insideCondition + " ORDER BY c.sequence",
                arguments: [site]
            ).map(StoredCheckIn.init(row:))
        }
    }

    /// Number of check-ins waiting to be forwarded.
    public func outboxDepth() async throws -> Int {
        try await database.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM outbox") ?? 0 }
    }

    /// Ids in the outbox, oldest first.
    public func outboxIDs(limit: Int = 1000) async throws -> [String] {
        try await database.writer.read {
            try String.fetchAll($0, sql: "SELECT check_in_id FROM outbox ORDER BY enqueued_at_ms, rowid LIMIT ?", arguments: [limit])
        }
    }
}
