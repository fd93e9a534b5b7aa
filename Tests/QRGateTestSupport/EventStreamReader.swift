import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A Server-Sent Events client on loopback for tests: sends `GET path`, then hands out the
/// events as they arrive. Every read is bounded by a timeout.
public final class EventStreamReader {
    /// One event.
    public struct Event: Sendable {
        /// `event:` (empty for a comment-only block).
        public var name: String
        /// `data:` (the lines joined).
        public var data: String
    }

    /// The answer's status code.
    public private(set) var status = 0
    /// The answer's headers, names in lower case.
    public private(set) var headers: [String: String] = [:]
    /// Keep-alive comments seen.
    public private(set) var comments = 0
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects and reads the answer's head; nil when nothing answered within `timeout` seconds.
    public init?(port: Int, path: String, timeout: Double = 5) {
        guard let descriptor = LoopbackSocket.open(port: port) else { return nil }
        self.descriptor = descriptor
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        _ = request.withCString { send(descriptor, $0, strlen($0), 0) }
        let deadline = Date().addingTimeInterval(timeout)
        while !buffer.containsHeadEnd, Date() < deadline, fill(until: deadline) {}
        guard let end = buffer.headEnd else {
            close(descriptor)
            return nil
        }
        let head = String(decoding: buffer[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        buffer.removeFirst(end + 4)
        status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }

    deinit { close(descriptor) }

    /// The whole body of a non-streaming answer (what arrived within `timeout`).
    public func rest(timeout: Double = 2) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, fill(until: deadline) {}
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The next event named `name` (others are skipped), or nil when none came within `timeout`
    /// seconds or the stream ended.
    public func next(_ name: String? = nil, timeout: Double = 10) -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let event = takeEvent() {
                if event.name.isEmpty {
                    comments += 1
                    continue
                }
                if name == nil || event.name == name { return event }
                continue
            }
            guard fill(until: deadline) else { return nil }
        }
        return nil
    }

    /// Whether the server ended the stream within `timeout` seconds.
    public func ends(within timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !fill(until: deadline) { return Date() < deadline }
        }
        return false
    }

    /// Reads what is there (chunked framing is stripped loosely: a chunk-size line is a line
    /// that is neither an event field nor blank, which the parser ignores).
    private func fill(until deadline: Date) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let wait = Int32(max(0, min(deadline.timeIntervalSinceNow, 1)) * 1000)
        guard poll(&poller, 1, wait) >= 0 else { return false }
        if poller.revents == 0 { return true }
        var chunk = [UInt8](repeating: 0, count: 16_384)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }

    private func takeEvent() -> Event? {
        // Carriage returns come only from the chunked framing (the events use bare line feeds).
        buffer.removeAll { $0 == 13 }
        guard let end = buffer.indices.dropLast().first(where: { buffer[$0] == 10 && buffer[$0 + 1] == 10 }) else { return nil }
        let block = String(decoding: buffer[..<end], as: UTF8.self)
        buffer.removeFirst(end + 2)
        var name = ""
        var data: [String] = []
        var fields = 0
        for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("event: ") {
                name = String(line.dropFirst(7))
                fields += 1
            } else if line.hasPrefix("data: ") {
                data.append(String(line.dropFirst(6)))
                fields += 1
            } else if line.hasPrefix("retry: ") {
                fields += 1
            }
        }
        if fields > 0 && name.isEmpty && data.isEmpty { return takeEvent() ?? Event(name: "", data: "") }
        return Event(name: name, data: data.joined(separator: "\n"))
    }
}

extension Array where Element == UInt8 {
    fileprivate var headEnd: Int? {
        guard count >= 4 else { return nil }
        for i in 0...(count - 4) where self[i] == 13 && self[i + 1] == 10 && self[i + 2] == 13 && self[i + 3] == 10 { return i }
        return nil
    }
    fileprivate var containsHeadEnd: Bool { headEnd != nil }
}
