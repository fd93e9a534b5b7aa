import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The test's stand-in for systemd's notification socket: a real `AF_UNIX` datagram socket
/// that collects what the daemon sends through `NOTIFY_SOCKET`.
public final class NotifySocketListener {
    /// The socket path to hand the daemon as `NOTIFY_SOCKET`.
    public let path: String
    private let descriptor: Int32

    /// Binds a datagram socket at `path`.
    public init(path: String) throws {
        self.path = path
        if !path.hasPrefix("@") { unlink(path) }
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        let abstract = bytes.first == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }  // Linux abstract namespace, as systemd writes "@name"
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = abstract ? MemoryLayout<sa_family_t>.size + bytes.count : MemoryLayout<sockaddr_un>.size
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(length)) }
        }
        guard result == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    deinit {
        close(descriptor)
        if !path.hasPrefix("@") { unlink(path) }
    }

    /// The next datagram, or `nil` if none arrives within `timeout` seconds.
    public func receive(timeout: Double) -> String? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }

    /// The next datagram, or `nil` after `timeout` seconds, polling without blocking a thread of
    /// the cooperative pool (tests that run services in-process must not starve them).
    public func receiveAsync(timeout: Double) async -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let message = receive(timeout: 0) { return message }
            try? await Task.sleep(for: .milliseconds(10))
        } while Date() < deadline
        return nil
    }

    /// Collects datagrams until one satisfies `predicate` or `timeout` seconds pass; returns all seen.
    public func collect(
        until predicate: (String) -> Bool, timeout: Double, giveUp: () -> Bool = { false }
    ) -> (matched: Bool, messages: [String]) {
        let deadline = Date().addingTimeInterval(timeout)
        var messages: [String] = []
        while Date() < deadline {
            // in slices, so a sender that is gone (`giveUp`) ends the wait early
            guard let message = receive(timeout: max(0.01, min(0.25, deadline.timeIntervalSinceNow))) else {
                if giveUp() { break }
                continue
            }
            messages.append(message)
            if predicate(message) { return (true, messages) }
        }
        return (false, messages)
    }
}
