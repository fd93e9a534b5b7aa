import Crypto
import Foundation
import QRGateCore

#if canImport(Glibc)
import Glibc
#endif

/// The built `qrgate run` in a temporary state directory, listening on a free loopback port, as
/// the attack and end-to-end tests drive it: started with a configuration, ready once systemd's
/// `READY=1` arrived on a private notify socket, stopped with SIGTERM (SIGKILL after 15 s, or
/// when dropped). Its standard error (the log) goes to `daemon.log` in the test's folder.
public final class RunningGate {
    /// The temporary folder holding the configuration, the state and the notify socket.
    public let folder: TemporaryDirectory
    /// The state directory.
    public let state: URL
    /// The configuration file.
    public let config: URL
    /// The local API's port (once started).
    public private(set) var port = 0
    /// The daemon's standard error (its log), written to a file.
    public let logFile: URL
    /// The child process.
    public private(set) var process = Process()
    /// systemd's notification socket, as the daemon sees it.
    public let notifications: NotifySocketListener

    /// Creates the folder and the state directory; `prepare` may put files in it. Not started:
    /// call `start(yaml:environment:)`.
    public init(prepare: (URL) throws -> Void = { _ in }) throws {
        folder = try TemporaryDirectory()
        state = folder.url.appendingPathComponent("state")
        config = folder.url.appendingPathComponent("gateway.yaml")
        logFile = folder.url.appendingPathComponent("daemon.log")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        notifications = try NotifySocketListener(path: folder.url.appendingPathComponent("notify.sock").path)
        try prepare(state)
    }

    /// Writes a configuration with this `gate:` section (`yaml` adds the rest, at top level) and
    /// starts the daemon.
    public convenience init(
        gate: String = "gate-t", site: String = "site-t", mode: String = "entry", yaml: String = "", prepare: (URL) throws -> Void = { _ in }
    ) throws {
        try self.init(prepare: prepare)
        try start(yaml: "gate:\n  id: \(gate)\n  site: \(site)\n  mode: \(mode)\n" + yaml)
    }

    /// Writes `yaml` (the state directory is added; the address is loopback, port 0, through
    /// `QRGATE_HTTP_ADDRESS`) and starts the daemon; returns once it said READY=1 (at most 90 s;
    /// throws at once when the daemon exits before).
    public func start(yaml: String = "", environment extra: [String: String] = [:]) throws {
        try ("state_directory: \(state.path)\n" + yaml).write(to: config, atomically: true, encoding: .utf8)
        try launch(environment: extra)
    }

    /// Stops the daemon (SIGTERM) and starts it again on the same state and configuration, as
    /// systemd does on a restart; returns once it said READY=1 again (on a new port).
    public func restart(environment extra: [String: String] = [:]) throws {
        _ = stop()
        process = Process()
        try launch(environment: extra)
    }

    private func launch(environment extra: [String: String]) throws {
        process.executableURL = QRGateBinary.url
        process.arguments = ["run", "--config", config.path]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("QRGATE_") }
        environment["QRGATE_HTTP_ADDRESS"] = "127.0.0.1:0"
        environment["NOTIFY_SOCKET"] = folder.url.appendingPathComponent("notify.sock").path
        environment.removeValue(forKey: "WATCHDOG_USEC")
        environment.removeValue(forKey: "WATCHDOG_PID")
        environment.merge(extra) { _, new in new }
        process.environment = environment
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        // A daemon that exits (a configuration it refuses: 78) is not waited for.
        let ready = notifications.collect(until: { $0.contains("READY=1") }, timeout: 90, giveUp: { [process] in !process.isRunning })
        guard ready.matched, let status = ready.messages.last(where: { $0.contains("READY=1") }),
            let range = status.range(of: "api 127.0.0.1:"), let port = Int(status[range.upperBound...].prefix { $0.isNumber })
        else {
            stop()
            throw RunningGateError(message: "the daemon did not become ready: \(ready.messages) \(log)")
        }
        self.port = port
    }

    deinit {
        if process.processIdentifier != 0 && process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        folder.remove()
    }

    /// Environment for `qrgate` commands on the same state.
    public var environment: [String: String] { ["QRGATE_STATE_DIR": state.path] }

    /// Whether the daemon process is still running.
    public var isRunning: Bool { process.isRunning }

    /// What the daemon logged so far.
    public var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// The latest `STATUS=` line sent to the notify socket within `timeout` seconds.
    public func nextStatus(timeout: Double = 5) -> String? {
        notifications.collect(until: { $0.contains("STATUS=") }, timeout: timeout).messages.last
    }

    /// A new API token of `role` (`kiosk`, `supervisor`, `operator`) made with `qrgate token create`.
    public func token(role: String) throws -> String {
        let created = try command(["token", "create", "--role", role, "--name", role + "-test"])
        guard created.status == 0 else { throw RunningGateError(message: "token create failed: \(created.stderr)") }
        return created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Posts `texts` (the codes of one presentation) to `POST /v1/scans` with the kiosk `token`;
    /// returns the HTTP status and the decision document.
    public func scan(_ texts: [String], token: String, declaration: JSONValue? = nil) throws -> (status: Int, json: JSONValue) {
        var body: [String: JSONValue] = ["texts": .array(texts.map(JSONValue.string))]
        if let declaration { body["declaration"] = declaration }
        guard
            let response = LoopbackHTTP.post(
                port: port, path: "/v1/scans", contentType: "application/json", body: Array(JSONValue.object(body).serialized().utf8),
                headers: ["Authorization": "Bearer " + token])
        else { throw RunningGateError(message: "no answer from POST /v1/scans") }
        return (response.status, (try? JSONValue(parsing: response.body)) ?? .string(response.body))
    }

    /// Runs `qrgate ARGUMENTS` on the same state (with `--config <this gate's file>` once written).
    public func command(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let withConfig = FileManager.default.fileExists(atPath: config.path) ? ["--config", config.path] : []
        return try QRGateBinary.run(arguments + withConfig, environment: environment)
    }

    /// SIGTERM, SIGKILL after 15 s; returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
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

    /// A fresh P-256 public key as PEM (e.g. a central signing key nobody will sign with).
    public static func unusedSigningKeyPEM() -> String {
        P256.Signing.PrivateKey().publicKey.pemRepresentation
    }
}

/// The daemon under test misbehaved.
public struct RunningGateError: Error, CustomStringConvertible {
    /// What happened.
    public var message: String
    public var description: String { message }
}
