import Crypto
import Foundation
import QRGateTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL the central tests run against: the throwaway cluster of `scripts/with-postgres`
/// (`QRGATE_TEST_POSTGRES_URL`). Each test gets a database of its own.
enum TestPostgres {
    static let howToRun =
        "the central tests need a real PostgreSQL: run them as `scripts/with-postgres swift test --skip-build --filter QRGateCentralTests` (scripts/test does), or set QRGATE_TEST_POSTGRES_URL to a postgres://user@127.0.0.1:port/database of a throwaway cluster"

    /// A new empty database on the test cluster; its URL. Fails, saying how to run the tests,
    /// when no cluster is given: these tests never pass without a real PostgreSQL.
    static func freshDatabase() throws -> String {
        guard let base = ProcessInfo.processInfo.environment["QRGATE_TEST_POSTGRES_URL"], var components = URLComponents(string: base) else {
            throw CentralTestError(message: howToRun)
        }
        let name = "central_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try psql(base, "CREATE DATABASE \(name)")
        components.path = "/" + name
        guard let url = components.string else { throw CentralTestError(message: "cannot build a URL from \(base)") }
        return url
    }

    /// Runs one SQL statement with psql; returns its unaligned, tuples-only output.
    @discardableResult
    static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        let bindir = ProcessInfo.processInfo.environment["QRGATE_TEST_POSTGRES_BINDIR"]
        process.executableURL = URL(fileURLWithPath: bindir.map { $0 + "/psql" } ?? "/usr/bin/psql")
        process.arguments = [url, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CentralTestError(message: "psql failed: \(String(decoding: error, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// The built `qrgate-central run` on a free loopback port, ready once systemd's `READY=1`
/// arrived on a private notify socket; stopped with SIGTERM, or killed.
final class RunningCentral {
    let folder: TemporaryDirectory
    let config: URL
    let databaseURL: String
    let signingKey: P256.Signing.PrivateKey
    let logFile: URL
    private(set) var process = Process()
    private(set) var port = 0
    private let notifications: NotifySocketListener

    /// Writes a configuration for `databaseURL` (`yaml` adds keys) and a fresh signing key.
    init(databaseURL: String, yaml: String = "") throws {
        folder = try TemporaryDirectory()
        self.databaseURL = databaseURL
        config = folder.url.appendingPathComponent("central.yaml")
        logFile = folder.url.appendingPathComponent("central.log")
        signingKey = P256.Signing.PrivateKey()
        let keyFile = folder.url.appendingPathComponent("signing-key.pem")
        try signingKey.pemRepresentation.write(to: keyFile, atomically: true, encoding: .utf8)
        try """
        listen:
          address: 127.0.0.1
          port: 0
        database:
          url: \(databaseURL)
          pool_size: 4
        signing_key_file: \(keyFile.path)
        \(yaml)
        """.write(to: config, atomically: true, encoding: .utf8)
        notifications = try NotifySocketListener(path: folder.url.appendingPathComponent("notify.sock").path)
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
    }

    deinit {
        if process.processIdentifier != 0 && process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        folder.remove()
    }

    static var binary: URL { QRGateBinary.product("qrgate-central") }

    /// Starts (or restarts) the service; returns once it is ready (at most 90 s).
    func start(port requested: Int = 0) throws {
        process = Process()
        process.executableURL = Self.binary
        process.arguments = ["run", "--config", config.path]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("QRGATE_") }
        environment["NOTIFY_SOCKET"] = folder.url.appendingPathComponent("notify.sock").path
        environment["QRGATE_CENTRAL_LISTEN_PORT"] = String(requested)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let handle = try FileHandle(forWritingTo: logFile)
        handle.seekToEndOfFile()
        process.standardError = handle
        try process.run()
        let ready = notifications.collect(until: { $0.contains("READY=1") }, timeout: 90, giveUp: { [process] in !process.isRunning })
        guard ready.matched, let status = ready.messages.last(where: { $0.contains("READY=1") }),
            let range = status.range(of: "listening 127.0.0.1:"), let port = Int(status[range.upperBound...].prefix { $0.isNumber })
        else {
            stop()
            throw CentralTestError(message: "qrgate-central did not become ready: \(ready.messages) \(log)")
        }
        self.port = port
    }

    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// SIGTERM (SIGKILL after 15 s); returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        guard process.processIdentifier != 0 else { return -1 }
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(15)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs `qrgate-central ARGUMENTS --config <this file>`.
    func command(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Self.run(arguments + ["--config", config.path], environment: environment)
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("QRGATE_") && $0.key != "NOTIFY_SOCKET" }
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Registers a gate; its bearer token.
    func addGate(_ gate: String, site: String? = nil) throws -> String {
        let result = try command(["gate", "add", gate] + (site.map { ["--site", $0] } ?? []))
        guard result.status == 0 else { throw CentralTestError(message: "gate add failed: \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Registers an operator; the bearer token.
    func addOperator(_ name: String) throws -> String {
        let result = try command(["operator", "add", name])
        guard result.status == 0 else { throw CentralTestError(message: "operator add failed: \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Sends a batch as a gate would.
    func post(gate: String, token: String?, body: [UInt8], headers extra: [String: String] = [:]) -> LoopbackExchange.Answer? {
        var headers = ["Content-Type": "application/json", "Idempotency-Key": "k" + String(repeating: "0", count: 20)]
        if let token { headers["Authorization"] = "Bearer " + token }
        headers.merge(extra) { _, new in new }
        return LoopbackExchange.send("POST", "/v1/gates/\(gate)/check-ins:batch", port: port, headers: headers, body: body)
    }

    /// GETs `path` with `token`.
    func get(_ path: String, token: String, headers extra: [String: String] = [:]) -> LoopbackExchange.Answer? {
        var headers = ["Authorization": "Bearer " + token]
        headers.merge(extra) { _, new in new }
        return LoopbackExchange.send("GET", path, port: port, headers: headers)
    }

    /// Runs SQL on this central's database.
    func sql(_ statement: String) throws -> String { try TestPostgres.psql(databaseURL, statement) }
}

/// Batches as gates send them (docs/central-protocol.openapi.yaml), written by hand.
enum TestBatch {
    /// A UUIDv7-shaped id (time in the first 48 bits).
    static func id(milliseconds: Int64) -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255) }
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
        bytes[6] = 0x70 | (bytes[6] & 0x0f)
        bytes[8] = 0x80 | (bytes[8] & 0x3f)
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }

    static func record(
        id: String, gate: String, site: String, direction: String = "entry", milliseconds: Int64, sequence: Int64 = 1, decision: String = "admit",
        pairingKey: String? = nil, idNumber: String? = nil, name: String? = nil
    ) -> String {
        var fields = [
            "\"id\":\"\(id)\"", "\"sequence\":\"\(sequence)\"", "\"gate\":\"\(gate)\"", "\"site\":\"\(site)\"", "\"direction\":\"\(direction)\"",
            "\"recorded_at_ms\":\"\(milliseconds)\"", "\"boot_ns\":\"1\"", "\"clock_synced\":true", "\"flags\":[]",
            "\"credential\":{\"kind\":\"eu_dcc\",\"verified\":true,\"issuer\":\"VN\",\"doses\":null,\"event_date\":null,\"valid_until\":null}",
            "\"decision\":\"\(decision)\"", "\"reasons\":[]", "\"rule_set_version\":null", "\"paired_entry_id\":null",
            "\"personal_digest\":\"d\(sequence)\"", "\"hash\":\"h\(sequence)\"", "\"previous_hash\":\"h\(sequence - 1)\"",
        ]
        if let pairingKey { fields.append("\"pairing_key\":\"\(pairingKey)\"") }
        if idNumber != nil || name != nil {
            fields.append(
                "\"subject\":{\"id_number\":\(idNumber.map { "\"\($0)\"" } ?? "null"),\"name\":\(name.map { "\"\($0)\"" } ?? "null"),\"birth_date\":null}"
            )
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func body(gate: String, records: [String], head: Int64 = 1) -> [UInt8] {
        Array(
            "{\"batch_id\":\"b-\(UUID().uuidString)\",\"gate_id\":\"\(gate)\",\"chain_head\":{\"sequence\":\(head),\"hash\":\"h\(head)\"},\"records\":[\(records.joined(separator: ","))]}"
                .utf8)
    }

    /// Per-record results of an answer, id → status.
    static func results(_ body: String) -> [String: String] {
        guard let data = body.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let results = object["results"] as? [[String: Any]]
        else { return [:] }
        var out: [String: String] = [:]
        for result in results {
            if let id = result["id"] as? String, let status = result["status"] as? String { out[id] = status }
        }
        return out
    }
}

/// A central test's setup failed.
struct CentralTestError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
