import Foundation
import GRDB
import QRGateStore

/// A gate whose store is full, for the tests of what a full store does.
enum FullStore {
    /// The quota (`storage.quota_mib`) the filled database is past.
    static let quotaMiB = 16

    /// Creates the gate's database in `state` and fills it past the check-in limit of a
    /// `quotaMiB` quota (90 % of it), before the daemon starts.
    static func fill(state: URL) throws {
        let database = try GateDatabase(path: state.appendingPathComponent("qrgate.sqlite").path)
        try database.writer.write { db in
            try db.execute(sql: "CREATE TABLE filler (b BLOB)")
            try db.execute(sql: "INSERT INTO filler VALUES (zeroblob(15400000))")
        }
    }
}
