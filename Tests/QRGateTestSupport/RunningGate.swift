import Foundation
import QRGateCore

#if canImport(Glibc)
import Glibc
#endif

/// The built `qrgate run` in a temporary state directory, listening on a free loopback port, as
/// the attack and end-to-end tests drive it: started with a configuration, ready once systemd's
/// `READY=1` arrived on a private notify socket, stopped with SIGTERM (or killed when dropped).
public final class RunningGate {
    /// The temporary folder holding the configuration, the state and the notify socket.
    public let folder: TemporaryDirectory
    /// The state directory.
    public let state: URL
    /// The configuration file.
    public let config: URL
    /// The local API's port.
    public private(set) var port = 0
    /// The daemon's standard error (its log), written to a file.
    public let logFile: URL
    let process = Process()
    let listener: NotifySocketListener

    /// Writes a configuration (`gate:`, `state_directory`, `http.address` are set here; `yaml` adds
    /// the rest, at top level), lets `prepare` fill the state directory, and starts the daemon.
    public init(gate: String = "gate-t", site: String = "site-t", mode: String = "entry", yaml: String = "", prepare: (URL) throws -> Void = { _ in })
        throws
    {
        folder = try TemporaryDirectory()
        state = folder.url.appendingPathComponent("state")
        config = folder.url.appendingPathComponent("gateway.yaml")
        logFile = folder.url.appendingPathComponent("daemon.log")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try prepare(state)
        try """
            gate:
              id: \(gate)
              site: \(site)
              mode: \(mode)
            state_directory: \(state.path)
            http:
              address: 127.0.0.1:0
            \(yaml)
            """.write(to: config, atomically: true, encoding: .utf8)
        let socket = folder.url.appendingPathComponent("notify.sock").path
        listener = try NotifySocketListener(path: socket)
        process.executableURL = QRGateBinary.url
        process.arguments = ["run", "--config", config.path]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("QRGATE_") && $0.key != "WATCHDOG_USEC" }
        environment["NOTIFY_SOCKET"] = socket
        process.environment = environment
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        let ready = listener.collect(until: { $0.contains("READY=1") }, timeout: 90)
        guard ready.matched, let status = ready.messages.last,
            let range = status.range(of: "api 127.0.0.1:"), let port = Int(status[range.upperBound...].prefix { $0.isNumber })
        else {
            kill(process.processIdentifier, SIGKILL)
            throw RunningGateError(message: "the daemon did not become ready: \(log)")
        }
        self.port = port
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        folder.remove()
    }

    /// Whether the daemon process is still running.
    public var isRunning: Bool { process.isRunning }

    /// What the daemon logged so far.
    public var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// The latest `STATUS=` line sent to the notify socket within `timeout` seconds.
    public func nextStatus(timeout: Double = 5) -> String? {
        listener.collect(until: { $0.contains("STATUS=") }, timeout: timeout).messages.last
    }

    /// A new API token of `role` (`kiosk`, `supervisor`, `operator`) made with `qrgate token create`.
    public func token(role: String) throws -> String {
        let created = try QRGateBinary.run(["token", "create", "--role", role, "--name", role + "-test", "--config", config.path])
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

    /// Runs `qrgate ARGUMENTS --config <this gate's file>`.
    public func command(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try QRGateBinary.run(arguments + ["--config", config.path])
    }

    /// SIGTERM, then waits; returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// The daemon under test misbehaved.
public struct RunningGateError: Error, CustomStringConvertible {
    /// What happened.
    public var message: String
    public var description: String { message }
}
