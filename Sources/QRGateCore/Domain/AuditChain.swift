import Crypto
import Foundation

/// The audit chain's hashing rules, shared by the store (which links each check-in) and by
/// `qrgate chain verify`.
///
/// Each check-in's hash is SHA-256 over the previous hash and a canonical encoding of the
/// record. Personal fields enter only through their own digest, so retention can erase them
/// and keep the digest: the chain still verifies after a purge, and an edit of personal
/// data before the purge still breaks it.
public enum AuditChain {
    /// The hash before the first link (64 zeros).
    public static let genesis = String(repeating: "0", count: 64)

    /// Lower-case hex SHA-256 of `text`'s UTF-8 bytes.
    public static func sha256Hex(_ text: String) -> String {
        Hex.encode(SHA256.hash(data: Data(text.utf8)))
    }

    /// The digest of a record's personal fields (canonical JSON, sorted keys).
    public static func personalDigest(_ personal: JSONValue) -> String {
        sha256Hex(personal.serialized())
    }

    /// The link hash: SHA-256 over `previousHash` and the canonical encoding of `record`.
    public static func linkHash(previousHash: String, record: JSONValue) -> String {
        sha256Hex(previousHash + "\n" + record.serialized())
    }
}
