import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 GET over a loopback TCP socket, for tests that talk to the built daemon.
public enum LoopbackHTTP {
    /// GETs `path` from 127.0.0.1:`port`; returns the status code and body (nil on failure).
    public static func get(port: Int, path: String, headers: [String: String] = [:]) -> (status: Int, body: String)? {
        request(method: "GET", port: port, path: path, headers: headers, body: [])
    }

    /// POSTs `body` with `contentType` to `path`.
    public static func post(
        port: Int, path: String, contentType: String, body: [UInt8], headers: [String: String] = [:]
    ) -> (status: Int, body: String)? {
        var all = headers
        all["Content-Type"] = contentType
        return request(method: "POST", port: port, path: path, headers: all, body: body)
    }

    /// One request; the connection closes after the answer.
    public static func request(method: String, port: Int, path: String, headers: [String: String], body: [UInt8]) -> (status: Int, body: String)? {
        LoopbackExchange.send(method, path, port: port, headers: headers, body: body, timeout: 10).map { ($0.status, $0.body) }
    }

    static func dechunk(_ text: String) -> String {
        var rest = Substring(text)
        var out = ""
        while let lineEnd = rest.range(of: "\r\n"), let size = Int(rest[..<lineEnd.lowerBound], radix: 16), size > 0 {
            let start = lineEnd.upperBound
            let utf8 = rest[start...].utf8
            let end = utf8.index(utf8.startIndex, offsetBy: min(size, utf8.count))
            out += String(rest[start..<end])
            rest = rest[end...].dropFirst(2)
        }
        return out
    }
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
