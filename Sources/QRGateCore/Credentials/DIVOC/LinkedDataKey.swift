import Crypto
import Foundation
import _CryptoExtras

/// A public key that verifies Linked Data proofs (a DIVOC credential's `proof`), found by the
/// proof's `verificationMethod`: the trust folder holds it as `<verificationMethod with ':'
/// replaced by '_'>.pem` (`did:india` → `did_india.pem`), a bare PEM public key.
public enum LinkedDataKey: Sendable {
    /// An RSA key (RsaSignature2018: PS256, or RS256 when the proof's JWS says so).
    case rsa(_RSA.Signing.PublicKey)
    /// An Ed25519 key (Ed25519Signature2018: EdDSA).
    case ed25519(Curve25519.Signing.PublicKey)

    /// Reads a DER `SubjectPublicKeyInfo` holding an RSA or Ed25519 key.
    public init(subjectPublicKeyInfo der: [UInt8]) throws(TrustStoreError) {
        // id-Ed25519 (1.3.101.112): SEQUENCE { SEQUENCE { OID 06 03 2B 65 70 } BIT STRING 00 ‖ 32 bytes }.
        let ed25519Prefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]
        if der.count == 44, Array(der.prefix(12)) == ed25519Prefix,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32))
        {
            self = .ed25519(key)
        } else if let key = try? _RSA.Signing.PublicKey(derRepresentation: der) {
            self = .rsa(key)
        } else {
            throw TrustStoreError(
                .invalidCertificate, "The public key is neither RSA (2048 bits or more) nor Ed25519; it cannot verify a DIVOC proof.")
        }
    }

    /// The name of the key type, for messages.
    public var typeName: String {
        switch self {
        case .rsa: "RSA"
        case .ed25519: "Ed25519"
        }
    }

    /// The file name (without `.pem`) that holds the key of `verificationMethod`.
    public static func fileBaseName(forVerificationMethod method: String) -> String {
        method.replacingOccurrences(of: ":", with: "_")
    }

    /// Whether a trust-folder file holds a Linked Data key: a `.pem` whose name starts with `did_`.
    public static func isKeyFile(_ fileName: String) -> Bool {
        let lower = fileName.lowercased()
        return lower.hasPrefix("did_") && lower.hasSuffix(".pem")
    }

    /// The key in a PEM file's contents (one `PUBLIC KEY` block).
    public init(pem contents: [UInt8], fileName: String) throws(TrustStoreError) {
        let text = String(decoding: contents, as: UTF8.self)
        guard let begin = text.range(of: "-----BEGIN PUBLIC KEY-----"), let end = text.range(of: "-----END PUBLIC KEY-----"),
            begin.upperBound <= end.lowerBound
        else {
            throw TrustStoreError(.unrecognizedFormat, "\(fileName) holds no PEM PUBLIC KEY block; a DIVOC verification key must be one.")
        }
        let body = text[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
        guard let der = Data(base64Encoded: String(body)) else {
            throw TrustStoreError(.invalidCertificate, "\(fileName) holds a PEM block that is not valid Base64.")
        }
        do {
            try self.init(subjectPublicKeyInfo: Array(der))
        } catch {
            throw TrustStoreError(error.code, "\(fileName): \(error.message)")
        }
    }
}
