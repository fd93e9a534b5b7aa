import Crypto
import Foundation
import QRGateCore
import QRGateForwarder
import QRGateStore
import QRGateTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Real gates (`qrgate run`) forwarding to a real `qrgate-central` on a real PostgreSQL, with the
/// central service restarted and one gate killed (SIGKILL) in the middle: the central set equals
/// the union of the gates' local sets, every record once.
@Suite(.serialized)
struct CentralEndToEndTests {
    /// A gate's state with `count` check-ins already recorded (as if scanned), and the daemon's config.
    final class Gate {
        let id: String
        let folder: TemporaryDirectory
        let state: URL
        let config: URL
        let store: CheckInStore
        var process: Process?
        var ids: [String] = []

        init(id: String, site: String, central: RunningCentral, token: String) throws {
            self.id = id
            folder = try TemporaryDirectory()
            state = folder.url.appendingPathComponent("state")
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            config = folder.url.appendingPathComponent("gateway.yaml")
            try token.write(to: state.appendingPathComponent("central-token"), atomically: true, encoding: .utf8)
            try central.signingKey.publicKey.pemRepresentation.write(
                to: state.appendingPathComponent("central-signing.pem"), atomically: true, encoding: .utf8)
            try """
            gate:
              id: \(id)
              site: \(site)
            state_directory: \(state.path)
            http:
              address: 127.0.0.1:0
            central:
              url: http://127.0.0.1:\(central.port)
              token_file: central-token
              signing_key_file: central-signing.pem
              batch_max_records: 25
              linger_seconds: 0
              request_timeout_seconds: 10
              max_backoff_seconds: 1
            """.write(to: config, atomically: true, encoding: .utf8)
            store = CheckInStore(database: try GateDatabase(path: state.appendingPathComponent("qrgate.sqlite").path))
        }

        deinit {
            if let process, process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            folder.remove()
        }

        /// Records check-ins at this gate, as its scans would.
        func record(_ count: Int, site: String, from first: Int) async throws {
            for person in first..<(first + count) {
                var draft = CheckInFactory.draft(person: person, at: Date().addingTimeInterval(Double(person) / 1000), site: site)
                draft.gate = id
                ids.append(try await store.record(draft, direction: .fixed(.entry)).id)
            }
        }

        func start() throws {
            let process = Process()
            process.executableURL = QRGateBinary.url
            process.arguments = ["run", "--config", config.path]
            process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("QRGATE_") && $0.key != "NOTIFY_SOCKET" }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try process.run()
            self.process = process
        }

        func kill9() {
            guard let process else { return }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func stop() {
            guard let process, process.isRunning else { return }
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
    }

    static func waitUntil(seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }

    @Test func gatesForwardThroughACentralRestartAndAGateKillEveryRecordOnce() async throws {
        let central = try RunningCentral(databaseURL: try TestPostgres.freshDatabase())
        func folder(_ name: String, _ text: String) -> URL {
            let url = central.folder.url.appendingPathComponent(name)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return url
        }
        try central.start()
        defer { central.stop() }
        // The value sets the gates sync, signed with the central key the gates hold.
        let valueSets = folder("value-sets.json", #"{"covid-19-lab-result":["260415000","260373001"]}"#)
        let published = try central.command(["publish", "value-sets", valueSets.path])
        #expect(published.status == 0, "\(published.stderr)")
        let a = try Gate(id: "gate-a", site: "site-1", central: central, token: try central.addGate("gate-a", site: "site-1"))
        let b = try Gate(id: "gate-b", site: "site-1", central: central, token: try central.addGate("gate-b", site: "site-1"))
        try await a.record(150, site: "site-1", from: 0)
        try await b.record(150, site: "site-1", from: 1000)
        func centralCount() throws -> Int { Int(try central.sql("SELECT count(*) FROM check_ins")) ?? -1 }

        try a.start()
        try b.start()
        // Part of it arrived; then the central service restarts on the same port.
        #expect(try await Self.waitUntil(seconds: 60) { try centralCount() >= 50 }, "nothing reached the central service: \(central.log)")
        central.stop()
        try await a.record(30, site: "site-1", from: 200)
        try central.start(port: central.port)
        // Gate b dies without warning while batches are in flight, records more while down, comes back.
        #expect(try await Self.waitUntil(seconds: 60) { try centralCount() >= 200 })
        b.kill9()
        try await b.record(30, site: "site-1", from: 1200)
        try b.start()

        let drained = try await Self.waitUntil(seconds: 120) {
            let left = try await a.store.outboxDepth()
            let right = try await b.store.outboxDepth()
            return left == 0 && right == 0
        }
        #expect(drained, "the gates' outboxes did not drain")
        a.stop()
        b.stop()

        // Both gates verified and installed the published value sets.
        for gate in [a, b] {
            let installed = gate.state.appendingPathComponent("central/value-sets.json")
            #expect(FileManager.default.contents(atPath: installed.path) == FileManager.default.contents(atPath: valueSets.path), "gate \(gate.id)")
        }
        let union = Set(a.ids + b.ids)
        #expect(union.count == 360)
        let stored = try central.sql("SELECT id FROM check_ins").split(separator: "\n").map(String.init)
        #expect(stored.count == union.count, "every record once")
        #expect(Set(stored) == Set(union.map { $0.lowercased() }), "the central set equals the union of the local sets")
        #expect(try central.sql("SELECT count(*) FROM check_ins WHERE gate = 'gate-b'") == "180")
        // Both gates reported their status (version, outbox, synced lists) for the fleet view.
        #expect(try central.sql("SELECT count(*) FROM gate_status WHERE report ? 'outbox_depth' AND report->>'version' <> 'unknown'") == "2")
    }
}
