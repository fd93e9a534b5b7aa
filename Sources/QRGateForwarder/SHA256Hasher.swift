import Crypto
import Foundation

/// Incremental SHA-256 with a hex digest.
struct SHA256Hasher {
    private var hash = SHA256()

    mutating func update(_ text: String) {
        hash.update(data: Data(text.utf8))
    }

    mutating func update(_ bytes: some DataProtocol) {
        hash.update(data: bytes)
    }

    func hexDigest(prefixBytes: Int = 32) -> String {
        hash.finalize().prefix(prefixBytes).map { String(format: "%02x", $0) }.joined()
    }

    static func hex(_ bytes: some DataProtocol) -> String {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.hexDigest()
    }
}
