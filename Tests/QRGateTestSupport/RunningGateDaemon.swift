import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The built `qrgate run` started on loopback with a configuration file written by the test,
/// stopped (SIGTERM, then SIGKILL) by `stop()`. Its standard error goes to `log.txt` in the
/// test's folder.
public final class RunningGateDaemon {
    /// The test's folder (the state directory is `state/` inside it).
    public let directory: TemporaryDirectory
    /// The state directory.
    public let state: URL
    /// The local API's port.
    public private(set) var port = 0
    /// The child process.
    public let process = Process()
    /// systemd's notification socket, as the daemon sees it.
    public let notifications: NotifySocketListener
    private let logURL: URL

    /// Creates the state directory; `prepare` may put files in it before the daemon starts.
    public init(prepare: (URL) throws -> Void = { _ in }) throws {
        directory = try TemporaryDirectory()
        state = directory.url.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        notifications = try NotifySocketListener(path: directory.url.appendingPathComponent("notify.sock").path)
        logURL = directory.url.appendingPathComponent("log.txt")
        try prepare(state)
    }

    /// Environment for `qrgate` commands on the same state (token create, status).
    public var environment: [String: String] { ["QRGATE_STATE_DIR": state.path] }

    /// Runs a `qrgate` command on the same state directory.
    public func command(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try QRGateBinary.run(arguments + ["--config", directory.url.appendingPathComponent("gateway.yaml").path], environment: environment)
    }

    /// Creates an API token with `role`; returns its secret.
    public func token(role: String) throws -> String {
        let created = try QRGateBinary.run(["token", "create", "--role", role, "--name", "test " + role], environment: environment)
        guard created.status == 0 else { throw DaemonStartFailure(message: "token create failed: \(created.stderr)") }
        return created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes `yaml` (the state directory and the loopback address are added) and starts the
    /// daemon; returns when it said READY=1 (at most 60 s).
    public func start(yaml: String = "", environment extra: [String: String] = [:]) throws {
        let configuration = directory.url.appendingPathComponent("gateway.yaml")
        try ("state_directory: \(state.path)\n" + yaml).write(to: configuration, atomically: true, encoding: .utf8)
        process.executableURL = QRGateBinary.url
        process.arguments = ["run", "--config", configuration.path]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("QRGATE_") }
        environment["QRGATE_HTTP_ADDRESS"] = "127.0.0.1:0"
        environment["NOTIFY_SOCKET"] = directory.url.appendingPathComponent("notify.sock").path
        environment.removeValue(forKey: "WATCHDOG_USEC")
        environment.removeValue(forKey: "WATCHDOG_PID")
        environment.merge(extra) { _, new in new }
        process.environment = environment
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: logURL)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let ready = notifications.collect(until: { $0.contains("READY=1") }, timeout: 60)
        guard ready.matched, let status = ready.messages.last(where: { $0.contains("READY=1") }),
            let range = status.range(of: "api 127.0.0.1:"), let port = Int(status[range.upperBound...].prefix { $0.isNumber })
        else {
            stop()
            throw DaemonStartFailure(message: "the daemon did not become ready: \(ready.messages) \(log)")
        }
        self.port = port
    }

    /// Whether the daemon is still running.
    public var isRunning: Bool { process.isRunning }

    /// What the daemon logged so far.
    public var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Stops the daemon (SIGTERM, SIGKILL after 15 s); returns its exit status.
    @discardableResult
    public func stop() -> Int32 {
        guard process.processIdentifier != 0 else { return -1 }
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(15)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    deinit {
        if process.processIdentifier != 0 && process.isRunning { kill(process.processIdentifier, SIGKILL) }
        directory.remove()
    }
}

extension RunningGateDaemon {
    /// A fresh P-256 public key as PEM (e.g. a central signing key nobody will sign with).
    public static func unusedSigningKeyPEM() -> String {
        P256.Signing.PrivateKey().publicKey.pemRepresentation
    }
}

/// The daemon under test did not start.
public struct DaemonStartFailure: Error, CustomStringConvertible {
    /// What happened.
    public var message: String
    /// The message.
    public var description: String { message }
}

/// One HTTP/1.1 exchange over a fresh loopback connection that also returns the response
/// headers and how long it took; nil when no answer came within `timeout` seconds.
public enum LoopbackExchange {
    /// The answer.
    public struct Answer: Sendable {
        /// Status code.
        public var status: Int
        /// Header lines, lowercased names.
        public var headers: [String: String]
        /// Body text.
        public var body: String
        /// Seconds from connect to the end of the answer.
        public var seconds: Double
    }

    /// Sends `method path` with `headers` and `body` to 127.0.0.1:`port`.
    public static func send(
        _ method: String, _ path: String, port: Int, headers: [String: String] = [:], body: [UInt8] = [], timeout: Int = 20
    ) -> Answer? {
        let start = Date()
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        guard LoopbackSocket.connect(descriptor, port: port) else { return nil }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if method != "GET" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        let bytes = Array(head.utf8) + body
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { break }  // the server may answer (413) before reading everything
            sent += n
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response.append(contentsOf: buffer[0..<count])
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n"), let status = Int(text.split(separator: " ").dropFirst().first ?? "") else { return nil }
        var fields: [String: String] = [:]
        for line in text[..<headerEnd.lowerBound].split(separator: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = String(text[headerEnd.upperBound...])
        if fields["transfer-encoding"] == "chunked" { body = LoopbackHTTP.dechunk(body) }
        return Answer(status: status, headers: fields, body: body, seconds: Date().timeIntervalSince(start))
    }
}

/// Raw loopback sockets for tests that hold connections open.
public enum LoopbackSocket {
    /// Connects `descriptor` to 127.0.0.1:`port`; false when that failed.
    public static func connect(_ descriptor: Int32, port: Int) -> Bool {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// A new connected socket, or nil (connect bounded by `timeout` seconds).
    public static func open(port: Int, timeout: Int = 3) -> Int32? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        guard connect(descriptor, port: port) else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    /// Whether the peer has closed `descriptor` (a read would return end of file or an error).
    public static func isClosedByPeer(_ descriptor: Int32) -> Bool {
        var byte: UInt8 = 0
        let count = recv(descriptor, &byte, 1, Int32(MSG_DONTWAIT | MSG_PEEK))
        if count == 0 { return true }
        if count < 0 { return errno != EAGAIN && errno != EWOULDBLOCK }
        return false
    }

    /// Raises this process's soft limit on open files to at least `count` (up to the hard limit); returns the new soft limit.
    @discardableResult
    public static func raiseOpenFileLimit(to count: Int) -> Int {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < rlim_t(count) {
            limit.rlim_cur = min(rlim_t(count), limit.rlim_max)
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return Int(limit.rlim_cur)
    }
}
