import Crypto
import _CryptoExtras

/// COSE algorithm identifiers this code verifies.
public enum COSEAlgorithm: Int, Sendable, Hashable {
    /// ECDSA P-256 with SHA-256, raw r‖s signature.
    case es256 = -7
    /// RSASSA-PSS with SHA-256, MGF1-SHA-256, salt length 32.
    case ps256 = -37
}

/// A public key that can verify a COSE_Sign1 signature.
public enum COSEPublicKey: Sendable {
    /// An ECDSA P-256 key.
    case p256(P256.Signing.PublicKey)
    /// An RSA key (any size the certificate carries).
    case rsa(_RSA.Signing.PublicKey)

    /// Reads a key from a DER `SubjectPublicKeyInfo` (EC P-256, rsaEncryption or RSASSA-PSS).
    public init(subjectPublicKeyInfo der: [UInt8]) throws(COSEError) {
        if let key = try? P256.Signing.PublicKey(derRepresentation: der) {
            self = .p256(key)
        } else if let key = try? _RSA.Signing.PublicKey(unsafeDERRepresentation: der) {
            self = .rsa(key)
        } else {
            throw COSEError(.invalidKey, "Signer certificate holds a public key that is neither EC P-256 nor RSA; it cannot verify a DCC.")
        }
    }

    /// The algorithm this key verifies.
    public var algorithm: COSEAlgorithm {
        switch self {
        case .p256: return .es256
        case .rsa: return .ps256
        }
    }
}

extension COSESign1 {
    /// Verifies the signature with `key`.
    ///
    /// - Returns: `true` when the signature matches.
    /// - Throws: ``COSEError`` when the message names an algorithm other than the key's.
    public func verifySignature(with key: COSEPublicKey) throws(COSEError) -> Bool {
        if let algorithm, algorithm != key.algorithm.rawValue {
            throw COSEError(.unsupportedAlgorithm, "COSE_Sign1 names algorithm \(algorithm), but the signer's key is for \(key.algorithm == .es256 ? "ES256 (-7)" : "PS256 (-37)").")
        }
        let input = signatureInput
        switch key {
        case .p256(let publicKey):
            guard signature.count == 64, let sig = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return publicKey.isValidSignature(sig, for: SHA256.hash(data: input))
        case .rsa(let publicKey):
            let sig = _RSA.Signing.RSASignature(rawRepresentation: signature)
            return publicKey.isValidSignature(sig, for: SHA256.hash(data: input), padding: .PSS)
        }
    }

    /// Signs `payload` with ES256, putting `alg` and `kid` in the protected header.
    public static func signES256(payload: [UInt8], keyIdentifier: [UInt8], key: P256.Signing.PrivateKey) throws -> COSESign1 {
        let protected: [CBORMapEntry] = [
            CBORMapEntry(key: .int(algorithmLabel), value: .int(COSEAlgorithm.es256.rawValue)),
            CBORMapEntry(key: .int(keyIdentifierLabel), value: .bytes(keyIdentifier)),
        ]
        var message = COSESign1(protectedHeader: protected, unprotectedHeader: [], payload: payload, signature: [])
        let signature = try key.signature(for: SHA256.hash(data: message.signatureInput))
        message.signature = Array(signature.rawRepresentation)
        return message
    }
}
