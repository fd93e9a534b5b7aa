import Crypto
import Foundation

/// The secrets that key every digest of a person, so that nobody who holds a database, a forwarded
/// record or a photo of a receipt can confirm that a known person passed a gate.
///
/// - The **site secret** is shared by every gate of one site (provisioned with the gate, like the
///   site's gate public keys): it keys the pairing key (an exit at lane B finds the entry made at
///   lane A) and the identity binding inside receipts (any gate of the site checks that the person
///   presenting a receipt is the person it was issued to).
/// - The **gate secret** is this gate's alone: it keys the audit chain's digest of the personal
///   fields, which outlives the retention purge.
public struct PersonalKeys: Sendable, Hashable {
    /// Bytes of the site secret.
    public var siteSecret: [UInt8]
    /// Bytes of the gate secret.
    public var gateSecret: [UInt8]

    /// Length of a receipt's identity binding, in bytes (128 bits: forging one by chance is out of reach).
    public static let bindingLength = 16

    /// Creates the keys from their bytes.
    public init(siteSecret: [UInt8], gateSecret: [UInt8]) {
        self.siteSecret = siteSecret
        self.gateSecret = gateSecret
    }

    /// The normalised identities a subject can be recognised by, strongest first: `id:<number>`
    /// when an ID number is known, and `name:<folded name>|<birth date>` when a name is.
    public static func identities(of subject: Subject) -> [String] {
        var identities: [String] = []
        if let id = subject.idNumber, !id.isEmpty { identities.append("id:" + id) }
        if let name = subject.fullName, !NameFolding.fold(name).isEmpty {
            identities.append("name:" + NameFolding.fold(name) + "|" + (subject.birthDate ?? ""))
        }
        return identities
    }

    /// The pairing key of `subject` (hex HMAC-SHA-256 under the site secret of its strongest
    /// identity), or nil when nothing identifies the person.
    public func subjectKey(_ subject: Subject) -> String? {
        Self.identities(of: subject).first.map { Hex.encode(Self.mac(siteSecret, "pairing\n" + $0)) }
    }

    /// The identity bindings a receipt issued to `subject` carries: one truncated HMAC under the
    /// site secret per identity, so a receipt can be matched by ID card or by certificate.
    public func receiptBindings(_ subject: Subject) -> [[UInt8]] {
        Self.identities(of: subject).map { Array(Self.mac(siteSecret, "receipt\n" + $0).prefix(Self.bindingLength)) }
    }

    /// Whether `bindings` (from a receipt) name one of `subject`'s identities.
    public func binds(_ bindings: [[UInt8]], to subject: Subject) -> Bool {
        let presented = Set(receiptBindings(subject))
        return bindings.contains { presented.contains($0) }
    }

    /// The audit chain's digest of a record's personal fields: hex HMAC-SHA-256 under the gate secret.
    public func personalDigest(_ personal: JSONValue) -> String {
        Hex.encode(Self.mac(gateSecret, "personal\n" + personal.serialized()))
    }

    /// Fresh random keys (a new site or a new gate; tests).
    public static func random() -> PersonalKeys {
        PersonalKeys(siteSecret: randomSecret(), gateSecret: randomSecret())
    }

    /// 32 random bytes from the system's generator.
    public static func randomSecret() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    static func mac(_ secret: [UInt8], _ text: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: secret)))
    }
}
