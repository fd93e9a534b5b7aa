#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides whether a host is a loopback address: an IPv4 address in 127.0.0.0/8 or the IPv6
/// address ::1 (with or without brackets), parsed as an address. Names are never loopback,
/// however they start: `127.0.0.1.nip.io` and `127.evil.example` resolve wherever their owner
/// wants, and even `localhost` is whatever the hosts file says.
public enum LoopbackAddress {
    /// Whether `host` is an address in 127.0.0.0/8 or ::1.
    public static func contains(_ host: String) -> Bool {
        var text = Substring(host)
        if text.hasPrefix("[") && text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isHexDigit || $0 == "." || $0 == ":") }) else { return false }
        let literal = String(text)
        var v4 = in_addr()
        // inet_pton accepts only the four-part dotted decimal form (no "127.1", no octal).
        if inet_pton(AF_INET, literal, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, literal, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { bytes in bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1 }
        }
        return false
    }
}
