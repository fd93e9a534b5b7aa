import Foundation
import GRDB
import QRGateCore

/// One hour of a site's day, for the console's chart: what happened, and how many were inside
/// at the hour's end.
public struct HourlyActivity: Sendable, Hashable {
    /// The hour's start, Unix milliseconds.
    public var startMilliseconds: Int64
    /// Admitted entries.
    public var entries: Int
    /// Exits recorded.
    public var exits: Int
    /// Entries refused.
    public var refusals: Int
    /// Check-ins referred to staff.
    public var referrals: Int
    /// People inside at the hour's end; nil for an hour that has not ended yet and is not the current one.
    public var occupancy: Int?
}

/// Where a listed quarantine resident is, from the latest admitted check-in that names them.
public struct ResidentStatus: Sendable, Hashable {
    /// Inside, outside, or never seen at this gate.
    public enum State: String, Sendable, Hashable {
        case inside
        case outside
        case unknown
    }

    /// Why a resident outside needs attention.
    public enum Overdue: String, Sendable, Hashable {
        /// Out longer than the facility allows (`admission.max_hours_outside`).
        case outsideTooLong = "outside_too_long"
        /// Out after the exit permit ended.
        case permitExpired = "permit_expired"
    }

    /// The resident as listed.
    public var resident: AdmissionPolicy.Resident
    /// Where they are.
    public var state: State
    /// The latest admitted check-in naming them.
    public var lastCheckInID: String?
    /// When it was recorded, Unix milliseconds.
    public var lastCheckInAtMilliseconds: Int64?
    /// The name it carried.
    public var lastName: String?
    /// Hours since they left, when outside.
    public var hoursOutside: Double?
    /// Why they need attention, when they do.
    public var overdue: Overdue?
}

extension SupervisorQueries {
    /// The chain head: the sequence of the latest check-in (0 when none). Holds no personal
    /// data; the console polls it to know when to reload its lists.
    public func head() async throws -> Int64 {
        try await database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM check_ins") ?? 0 }
    }

    /// `hours` hours of `site` from `start`: entries, exits, refusals and referrals per hour, and
    /// the occupancy at each hour's end, counted back from who is inside at `now` (an admitted
    /// entry adds one, an exit paired with an entry takes one away).
    public func hourly(site: String, start: Date, hours: Int, now: Date) async throws -> [HourlyActivity] {
        let startMilliseconds = Int64((start.timeIntervalSince1970 * 1000).rounded(.down))
        let hours = min(max(1, hours), 24 * 31)
        let endMilliseconds = startMilliseconds + Int64(hours) * 3_600_000
        let nowMilliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        return try await database.writer.read { db in
            // Who is inside now (``CheckInStore/inside(site:)``), in the same read as the counts.
            let insideNow =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM check_ins c WHERE " + CheckInStore.insideCondition, arguments: [site]) ?? 0
            var buckets = (0..<hours).map { index in
                HourlyActivity(
                    startMilliseconds: startMilliseconds + Int64(index) * 3_600_000, entries: 0, exits: 0, refusals: 0, referrals: 0, occupancy: nil)
            }
            var net = Array(repeating: 0, count: hours)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT (recorded_at_ms - ?) / 3600000 AS hour, direction, decision, COUNT(*) AS n,
                           SUM(paired_entry_id IS NOT NULL) AS paired
                    FROM check_ins WHERE site = ? AND recorded_at_ms >= ? AND recorded_at_ms < ?
                    GROUP BY hour, direction, decision
                    """,
                arguments: [startMilliseconds, site, startMilliseconds, endMilliseconds])
            while let row = try rows.next() {
                let hour: Int = row["hour"]
                guard buckets.indices.contains(hour) else { continue }
                let count: Int = row["n"]
                let direction: String = row["direction"]
                let decision: String = row["decision"]
                switch (direction, decision) {
                case ("entry", "admit"):
                    buckets[hour].entries += count
                    net[hour] += count
                case ("exit", "admit"):
                    buckets[hour].exits += count
                    net[hour] -= row["paired"] as Int
                default: break
                }
                if decision == "refuse" { buckets[hour].refusals += count }
                if decision == "refer" { buckets[hour].referrals += count }
            }
            // Who was inside at `start`: who is inside now, less what changed since.
            let change =
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT COALESCE(SUM(direction = 'entry' AND decision = 'admit'), 0) AS entries,
                               COALESCE(SUM(direction = 'exit' AND paired_entry_id IS NOT NULL), 0) AS exits
                        FROM check_ins WHERE site = ? AND recorded_at_ms >= ?
                        """,
                    arguments: [site, startMilliseconds])
            var occupancy = max(0, insideNow - (change?["entries"] ?? 0) + (change?["exits"] ?? 0))
            for index in buckets.indices {
                guard buckets[index].startMilliseconds <= nowMilliseconds else { break }
                occupancy = max(0, occupancy + net[index])
                buckets[index].occupancy = occupancy
            }
            return buckets
        }
    }

    /// Where each of `residents` is at `site`: the latest admitted check-in that names them (by
    /// ID number, or by name and birth date as the policy recognises a resident by a
    /// certificate), and whether one who is outside is overdue at `now`.
    public func residents(_ residents: [AdmissionPolicy.Resident], site: String, maxHoursOutside: Int, now: Date) async throws -> [ResidentStatus] {
        try await database.writer.read { db in
            try residents.map { resident in
                var latest: Row?
                func consider(_ row: Row?) {
                    guard let row else { return }
                    if let current = latest, (current["sequence"] as Int64) >= (row["sequence"] as Int64) { return }
                    latest = row
                }
                let columns = "SELECT c.id, c.sequence, c.direction, c.recorded_at_ms, c.subject_name FROM check_ins c"
                consider(
                    try Row.fetchOne(
                        db,
                        sql: columns + """
                             INDEXED BY check_ins_id_number WHERE c.subject_id_number = ? AND c.site = ? AND c.decision = 'admit'
                               AND c.purged_at_ms IS NULL ORDER BY c.sequence DESC LIMIT 1
                            """,
                        arguments: [resident.idNumber, site]))
                if let name = resident.fullName, let birth = resident.birthDate {
                    consider(
                        try Row.fetchOne(
                            db,
                            sql: columns + """
                                 INDEXED BY check_ins_name_birth WHERE c.subject_name_folded = ? AND c.subject_birth_date = ? AND c.site = ?
                                   AND c.decision = 'admit' AND c.purged_at_ms IS NULL ORDER BY c.sequence DESC LIMIT 1
                                """,
                            arguments: [NameFolding.fold(name), birth, site]))
                }
                guard let latest else {
                    return ResidentStatus(resident: resident, state: .unknown)
                }
                let at: Int64 = latest["recorded_at_ms"]
                var status = ResidentStatus(
                    resident: resident, state: (latest["direction"] as String) == "exit" ? .outside : .inside, lastCheckInID: latest["id"],
                    lastCheckInAtMilliseconds: at, lastName: latest["subject_name"])
                if status.state == .outside {
                    let hours = max(0, now.timeIntervalSince1970 - Double(at) / 1000) / 3600
                    status.hoursOutside = hours
                    if let until = resident.permitUntil, until < now {
                        status.overdue = .permitExpired
                    } else if hours > Double(maxHoursOutside) {
                        status.overdue = .outsideTooLong
                    }
                }
                return status
            }
        }
    }
}

extension ResidentStatus {
    /// A resident nobody has seen yet.
    init(resident: AdmissionPolicy.Resident, state: State) {
        self.init(
            resident: resident, state: state, lastCheckInID: nil, lastCheckInAtMilliseconds: nil, lastName: nil, hoursOutside: nil, overdue: nil)
    }
}
