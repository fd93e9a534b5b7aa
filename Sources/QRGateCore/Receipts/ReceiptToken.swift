import Crypto
import Foundation

/// Why a receipt did not verify, with what a person can do.
public struct ReceiptError: GateError {
    /// Kinds of failure, one per layer.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String {
            case prefix, base45, zlib, cose, claims, unknownKey = "unknown_kid", signature, expired, notYetValid = "not_yet_valid", otherSite =
                "other_site"
        }
        private let kind: Kind
        /// Not a `QRG1:` receipt.
        public static let prefix = Code(kind: .prefix)
        /// The Base45 text is damaged.
        public static let base45 = Code(kind: .base45)
        /// The compressed data is damaged.
        public static let zlib = Code(kind: .zlib)
        /// The COSE structure is damaged.
        public static let cose = Code(kind: .cose)
        /// The claims are missing or malformed.
        public static let claims = Code(kind: .claims)
        /// Signed by a gate whose key this gate does not know.
        public static let unknownKey = Code(kind: .unknownKey)
        /// The signature does not match: the receipt was altered or forged.
        public static let signature = Code(kind: .signature)
        /// The receipt's validity has ended.
        public static let expired = Code(kind: .expired)
        /// Issued in the future (a gate's clock is wrong).
        public static let notYetValid = Code(kind: .notYetValid)
        /// Issued by a gate of another site.
        public static let otherSite = Code(kind: .otherSite)
        public var description: String { kind.rawValue }
    }

    /// What failed.
    public var code: Code
    /// What it means.
    public var message: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int

    /// Creates an error.
    public init(code: Code, message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }
}

/// Public keys by `kid` (the first 8 bytes of SHA-256 over the key's X9.63 bytes), each scoped
/// to the site it may speak for.
public struct ES256Keyring: Sendable {
    /// A known key.
    public struct Key: Sendable {
        /// The gate (or service) it belongs to, for messages.
        public var gate: String
        /// The site whose tokens it may sign; nil only for keys given by hand to a command-line check.
        public var site: String?
        /// The key.
        public var publicKey: P256.Signing.PublicKey
    }

    private var keys: [[UInt8]: Key] = [:]

    /// An empty keyring.
    public init() {}

    /// Adds a key of `gate`, trusted for tokens of `site` only.
    public mutating func add(_ publicKey: P256.Signing.PublicKey, gate: String, site: String?) {
        keys[Self.keyIdentifier(publicKey)] = Key(gate: gate, site: site, publicKey: publicKey)
    }

    /// The key for `kid`.
    public func key(for kid: [UInt8]) -> Key? { keys[kid] }

    /// Number of keys.
    public var count: Int { keys.count }

    /// The `kid` of a gate key.
    public static func keyIdentifier(_ key: P256.Signing.PublicKey) -> [UInt8] {
        Array(SHA256.hash(data: key.x963Representation).prefix(8))
    }
}

/// The receipt token `QRG1:` + Base45(zlib(COSE_Sign1(CBOR claims))), ES256 with the gate's key.
/// Any gate of the same site verifies it offline.
public enum ReceiptToken {
    /// The context prefix.
    public static let prefix = "QRG1:"

    static let inflateLimits: Zlib.Limits = {
        var limits = Zlib.Limits()
        limits.maxOutputBytes = 4096  // a receipt is a few hundred bytes
        return limits
    }()

    /// Signs `claims` with the gate's key.
    public static func issue(_ claims: ReceiptClaims, key: P256.Signing.PrivateKey) throws -> String {
        let payload = CBOREncoder.encode(claims.cbor)
        let message = try COSESign1.signES256(payload: payload, keyIdentifier: ES256Keyring.keyIdentifier(key.publicKey), key: key)
        return prefix + Base45.encode(Zlib.deflate(message.encoded()))
    }

    /// Verifies `text` against `keyring` at `now`; `site`, when given, must match the receipt's site.
    public static func verify(_ text: String, keyring: ES256Keyring, at now: Date, site: String? = nil) throws(ReceiptError) -> ReceiptClaims {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(prefix) else {
            throw ReceiptError(code: .prefix, message: "not a qrgate receipt: it does not start with \(prefix)")
        }
        let compressed: [UInt8]
        do { compressed = try Base45.decode(trimmed.dropFirst(prefix.count)) } catch {
            throw ReceiptError(code: .base45, message: "the receipt text is damaged (\(error)); scan it again")
        }
        let coseBytes: [UInt8]
        do { coseBytes = try Zlib.inflate(compressed, limits: Self.inflateLimits) } catch {
            throw ReceiptError(code: .zlib, message: "the receipt data is damaged (\(error))")
        }
        let message: COSESign1
        do { message = try COSESign1(decoding: coseBytes) } catch {
            throw ReceiptError(code: .cose, message: "the receipt's signed structure is damaged (\(error))")
        }
        let claimsValue: CBORValue
        do { claimsValue = try CBORDecoder().decode(message.payload) } catch {
            throw ReceiptError(code: .claims, message: "the receipt's claims cannot be read (\(error))")
        }
        guard let claims = ReceiptClaims(cbor: claimsValue) else {
            throw ReceiptError(code: .claims, message: "the receipt lacks required claims (id, site, gate, dir, dec, iat, exp)")
        }
        guard let kid = message.keyIdentifier, let key = keyring.key(for: kid) else {
            let kidText = message.keyIdentifier.map { Data($0).base64EncodedString() } ?? "none"
            throw ReceiptError(
                code: .unknownKey,
                message:
                    "the receipt was signed by a gate key this gate does not know (kid \(kidText)); add that gate's public key to the site's keys")
        }
        let signatureValid: Bool
        do { signatureValid = try message.verifySignature(with: .p256(key.publicKey)) } catch { signatureValid = false }
        guard signatureValid else {
            throw ReceiptError(code: .signature, message: "the receipt's signature does not match gate \(key.gate)'s key: it was altered or forged")
        }
        if let site, claims.site != site {
            throw ReceiptError(code: .otherSite, message: "the receipt was issued at site \(claims.site), not \(site)")
        }
        if let keySite = key.site, keySite != claims.site {
            throw ReceiptError(
                code: .otherSite,
                message:
                    "the receipt claims site \(claims.site) but is signed by gate \(key.gate) of site \(keySite): a gate key speaks only for its own site"
            )
        }
        if now > claims.validUntil {
            throw ReceiptError(code: .expired, message: "the receipt expired at \(ISO8601Timestamp.format(claims.validUntil))")
        }
        if claims.issuedAt > now.addingTimeInterval(300) {
            throw ReceiptError(
                code: .notYetValid,
                message: "the receipt was issued at \(ISO8601Timestamp.format(claims.issuedAt)), after now; a gate's clock is wrong")
        }
        return claims
    }
}
