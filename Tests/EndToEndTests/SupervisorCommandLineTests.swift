import Foundation
import GRDB
import QRGateCore
import QRGateStore
import QRGateTestSupport
import Testing

/// `qrgate token`, `export` and `status` through the built binary, as an operator on the device.
@Suite struct SupervisorCommandLineTests {
    /// A state folder whose database holds `count` check-ins.
    static func stateWithCheckIns(_ count: Int) async throws -> (TemporaryDirectory, [String: String]) {
        let directory = try TemporaryDirectory()
        let state = directory.url.appendingPathComponent("state")
        try await seed(count, in: state)
        return (directory, ["QRGATE_STATE_DIR": state.path])
    }

    /// Records `count` entries, an hour apart, in the database of the state directory `state`.
    static func seed(_ count: Int, in state: URL) async throws {
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let store = CheckInStore(database: try GateDatabase(path: state.appendingPathComponent("qrgate.sqlite").path))
        for index in 0..<count {
            _ = try await store.record(
                CheckInFactory.draft(person: index, at: Date(timeIntervalSince1970: 1_794_990_000 + Double(index) * 3600)),
                direction: .fixed(.entry)
            )
        }
    }

    @Test func tokenCreateListRevoke() async throws {
        let (directory, environment) = try await Self.stateWithCheckIns(0)
        defer { directory.remove() }
        let created = try QRGateBinary.run(["token", "create", "--role", "supervisor", "--name", "Ward 3"], environment: environment)
        #expect(created.status == 0, "\(created.stderr)")
        let secret = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("qrg_"))
        #expect(created.stdout.split(separator: "\n").count == 1)

        let listed = try QRGateBinary.run(["token", "list"], environment: environment)
        #expect(listed.status == 0)
        #expect(!listed.stdout.contains(secret))
        #expect(!listed.stdout.contains(String(secret.dropFirst(4).prefix(12))))
        let line = try #require(listed.stdout.split(separator: "\n").dropFirst().first)
        let fields = line.split(separator: "\t")
        #expect(fields[1] == "supervisor")
        #expect(fields[2] == "active")
        #expect(fields[4] == "Ward 3")

        let revoked = try QRGateBinary.run(["token", "revoke", String(fields[0])], environment: environment)
        #expect(revoked.status == 0, "\(revoked.stderr)")
        #expect(revoked.stdout.isEmpty)
        let json = try QRGateBinary.run(["token", "list", "--json"], environment: environment)
        #expect(json.stdout.contains("\"state\":\"revoked\""))

        let again = try QRGateBinary.run(["token", "revoke", String(fields[0])], environment: environment)
        #expect(again.status == 1)
        let unknown = try QRGateBinary.run(["token", "revoke", "tok_missing"], environment: environment)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("token list"))
        let badRole = try QRGateBinary.run(["token", "create", "--role", "admin", "--name", "x"], environment: environment)
        #expect(badRole.status == 2)
    }

    @Test(arguments: ["csv", "json", "ndjson"])
    func exportPrintsOnlyTheExportAndIsRecorded(format: String) async throws {
        let (directory, environment) = try await Self.stateWithCheckIns(5)
        defer { directory.remove() }
        let result = try QRGateBinary.run(
            ["export", "--format", format, "--since", "2026-11-18T09:20:00Z", "--until", "2026-11-18T12:20:00Z"], environment: environment
        )
        #expect(result.status == 0, "\(result.stderr)")
        switch format {
        case "csv":
            #expect(result.stdout.hasPrefix("\u{FEFF}\"id\",\"sequence\","))
            #expect(result.stdout.split(separator: "\r\n").count == 4)
        case "json":
            #expect(try JSONValue(parsing: result.stdout).arrayValue?.count == 3)
        default:
            #expect(result.stdout.split(separator: "\n").count == 3)
        }
        let database = try GateDatabase(path: environment["QRGATE_STATE_DIR"]! + "/qrgate.sqlite", readOnly: true)
        let entries = try await AccessLogStore(database: database).entries()
        #expect(entries.count == 1)
        #expect(entries.first?.channel == .cli)
        #expect(entries.first?.endpoint == "qrgate export")
        #expect(entries.first?.rowCount == 3)
        #expect(entries.first?.filter.contains("format=\(format)") == true)
    }

    /// Root ignores file modes, so this runs only as an ordinary user; the trigger test below
    /// makes the same write fail for root too.
    @Test(.enabled(if: getuid() != 0, "root ignores file modes"))
    func exportFromAReadOnlyDatabaseIsRefused() async throws {
        let (directory, environment) = try await Self.stateWithCheckIns(2)
        defer { directory.remove() }
        let path = environment["QRGATE_STATE_DIR"]! + "/qrgate.sqlite"
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let result = try QRGateBinary.run(["export"], environment: environment)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "no personal data without an access-log row")
        #expect(result.stderr.contains("refusing to export"))
    }

    @Test(arguments: ["csv", "json", "ndjson"])
    func exportWhenTheAccessLogRowCannotBeWrittenIsRefused(format: String) async throws {
        let (directory, environment) = try await Self.stateWithCheckIns(2)
        defer { directory.remove() }
        // Every write of an access-log row fails, as on a full disk or a read-only mount.
        do {
            let database = try GateDatabase(path: environment["QRGATE_STATE_DIR"]! + "/qrgate.sqlite")
            try await database.writer.write { db in
                try db.execute(
                    sql: "CREATE TRIGGER access_log_full BEFORE INSERT ON access_log BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
            }
        }
        let result = try QRGateBinary.run(["export", "--format", format], environment: environment)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "no personal data without an access-log row")
        #expect(result.stderr.contains("refusing to export"))
        #expect(result.stderr.contains("disk is full"))
    }

    @Test func exportFromADatabaseWithoutAnAccessLogIsRefused() async throws {
        let (directory, environment) = try await Self.stateWithCheckIns(2)
        defer { directory.remove() }
        // A database the access log cannot be appended to (here: written by an older build without it).
        do {
            let database = try GateDatabase(path: environment["QRGATE_STATE_DIR"]! + "/qrgate.sqlite")
            try await database.writer.write { db in try db.execute(sql: "DROP TABLE access_log") }
        }
        let result = try QRGateBinary.run(["export", "--format", "ndjson"], environment: environment)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("qrgate run"))
    }

    @Test func badArgumentsAndConfiguration() async throws {
        let (directory, environment) = try await Self.stateWithCheckIns(1)
        defer { directory.remove() }
        #expect(try QRGateBinary.run(["export", "--since", "yesterday"], environment: environment).status == 2)
        #expect(try QRGateBinary.run(["export", "--format", "xlsx"], environment: environment).status == 2)
        let missing = try QRGateBinary.run(["status", "--config", directory.url.appendingPathComponent("none.yaml").path], environment: environment)
        #expect(missing.status == 78)
        let empty = try QRGateBinary.run(["status"], environment: ["QRGATE_STATE_DIR": directory.url.appendingPathComponent("nothing").path])
        #expect(empty.status == 1)
        #expect(empty.stdout.isEmpty)
    }

    @Test func statusReadsTheStoreWithoutWriting() async throws {
        let (directory, environment) = try await Self.stateWithCheckIns(3)
        defer { directory.remove() }
        let path = environment["QRGATE_STATE_DIR"]! + "/qrgate.sqlite"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = try QRGateBinary.run(["status"], environment: environment)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("check-ins stored: 3"))
        #expect(text.stdout.contains("outbox: 3 waiting"))
        let json = try QRGateBinary.run(["status", "--json"], environment: environment)
        let object = try JSONValue(parsing: json.stdout)
        #expect(object["check_ins"]?.numberValue == 3)
        #expect(object["outbox_depth"]?.numberValue == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
