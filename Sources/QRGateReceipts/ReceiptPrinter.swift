import Foundation
import QRGateCore

#if canImport(Glibc)
import Glibc
#endif

/// Why a receipt could not be printed. Printing never affects the recorded check-in.
public struct PrinterError: GateError {
    /// Kinds of printer failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String { case unavailable, timedOut = "timed_out", writeFailed = "write_failed" }
        private let kind: Kind
        /// The printer cannot be opened, resolved or connected to.
        public static let unavailable = Code(kind: .unavailable)
        /// The printer did not answer or accept data in time.
        public static let timedOut = Code(kind: .timedOut)
        /// Writing to the printer failed.
        public static let writeFailed = Code(kind: .writeFailed)
        public var description: String { kind.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// What went wrong and what to check.
    public var message: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int

    /// Creates an error.
    public init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }
}

/// Where receipts go: a device path (`/dev/usb/lp0`) or a network printer (`host:9100`).
public enum PrinterTarget: Sendable, Hashable, CustomStringConvertible {
    /// A character device or file.
    case device(String)
    /// A raw TCP printer port.
    case network(host: String, port: Int)

    /// Parses a configured target: a path starting with `/`, else `host:port`.
    public init?(_ text: String) {
        if text.hasPrefix("/") {
            self = .device(text)
            return
        }
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else {
            return nil
        }
        let host = String(text[..<colon])
        guard !host.isEmpty else { return nil }
        self = .network(host: host, port: port)
    }

    public var description: String {
        switch self {
        case .device(let path): path
        case .network(let host, let port): "\(host):\(port)"
        }
    }
}

/// Sends printer bytes to a target with a bounded time, so a missing or jammed printer
/// never holds up the gate.
public struct ReceiptPrinter: Sendable {
    /// The target.
    public var target: PrinterTarget
    /// Longest time to connect and write, in seconds.
    public var timeout: Double

    /// Creates a printer.
    public init(target: PrinterTarget, timeout: Double = 3) {
        self.target = target
        self.timeout = timeout
    }

    /// Writes `bytes` to the printer.
    public func send(_ bytes: [UInt8]) throws(PrinterError) {
        switch target {
        case .device(let path):
            let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw PrinterError(
                    .unavailable,
                    "cannot open the printer \(path): \(String(cString: strerror(errno))); check the cable and that the gate may use the device")
            }
            defer { close(descriptor) }
            try write(bytes, to: descriptor, name: path)
        case .network(let host, let port):
            let descriptor = try connect(host: host, port: port)
            defer { close(descriptor) }
            try write(bytes, to: descriptor, name: "\(host):\(port)")
        }
    }

    private func write(_ bytes: [UInt8], to descriptor: Int32, name: String) throws(PrinterError) {
        var offset = 0
        let deadline = Date().addingTimeInterval(timeout)
        while offset < bytes.count {
            var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let remaining = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            guard remaining > 0, poll(&poller, 1, remaining) > 0 else {
                throw PrinterError(.timedOut, "the printer \(name) did not accept data within \(timeout) s; check paper and power")
            }
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw PrinterError(.writeFailed, "writing to the printer \(name) failed: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    private func connect(host: String, port: Int) throws(PrinterError) -> Int32 {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else {
            throw PrinterError(.unavailable, "cannot resolve the printer host \(host)")
        }
        defer { freeaddrinfo(result) }
        let descriptor = socket(
            first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw PrinterError(.unavailable, "cannot create a socket for the printer") }
        let started = Glibc.connect(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen)
        if started != 0 && errno != EINPROGRESS {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw PrinterError(.unavailable, "the printer \(host):\(port) refused the connection (\(reason)); check that it is on and reachable")
        }
        var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else {
            close(descriptor)
            throw PrinterError(.timedOut, "the printer \(host):\(port) did not answer within \(timeout) s")
        }
        var socketError: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &socketError, &length)
        guard socketError == 0 else {
            close(descriptor)
            throw PrinterError(
                .unavailable,
                "the printer \(host):\(port) refused the connection (\(String(cString: strerror(socketError)))); check that it is on and reachable"
            )
        }
        return descriptor
    }
}
