import Crypto
import _CryptoExtras

/// COSE algorithm identifiers this code verifies.
public enum COSEAlgorithm: Int, Sendable, Hashable {
    /// ECDSA P-256 with SHA-256, raw r‖s signature.
    case es256 = -7
    /// ECDSA P-384 with SHA-384, raw r‖s signature (seen in Spanish test data).
    case es384 = -35
    /// ECDSA P-521 with SHA-512, raw r‖s signature.
    case es512 = -36
    /// RSASSA-PSS with SHA-256, MGF1-SHA-256, salt length 32.
    case ps256 = -37

    /// The name COSE gives the algorithm.
    public var name: String {
        switch self {
        case .es256: return "ES256"
        case .es384: return "ES384"
        case .es512: return "ES512"
        case .ps256: return "PS256"
        }
    }
}

/// A public key that can verify a COSE_Sign1 signature.
public enum COSEPublicKey: Sendable {
    /// An ECDSA P-256 key.
    case p256(P256.Signing.PublicKey)
    /// An ECDSA P-384 key.
    case p384(P384.Signing.PublicKey)
    /// An ECDSA P-521 key.
    case p521(P521.Signing.PublicKey)
    /// An RSA key (any size the certificate carries).
    case rsa(_RSA.Signing.PublicKey)

    /// Reads a key from a DER `SubjectPublicKeyInfo` (EC P-256, rsaEncryption or RSASSA-PSS).
    public init(subjectPublicKeyInfo der: [UInt8]) throws(COSEError) {
        if let key = try? P256.Signing.PublicKey(derRepresentation: der) {
            self = .p256(key)
        } else if let key = try? P384.Signing.PublicKey(derRepresentation: der) {
            self = .p384(key)
        } else if let key = try? P521.Signing.PublicKey(derRepresentation: der) {
            self = .p521(key)
        } else if let key = try? _RSA.Signing.PublicKey(unsafeDERRepresentation: der) {
            self = .rsa(key)
        } else {
            throw COSEError(
                .invalidKey, "Signer certificate holds a public key that is neither EC (P-256, P-384, P-521) nor RSA; it cannot verify a DCC.")
        }
    }

    /// The algorithm this key verifies.
    public var algorithm: COSEAlgorithm {
        switch self {
        case .p256: return .es256
        case .p384: return .es384
        case .p521: return .es512
        case .rsa: return .ps256
        }
    }
}

extension COSESign1 {
    /// Verifies the signature with `key`.
    ///
    /// For EC keys the message's `alg` chooses the hash (ES256 → SHA-256, ES384 → SHA-384,
    /// ES512 → SHA-512) and the key's curve the signature size, so that an "ES256" message
    /// signed with a P-384 key (Spanish test data) verifies. RSA keys need PS256.
    ///
    /// - Returns: `true` when the signature matches.
    /// - Throws: ``COSEError`` when the message names an algorithm the key cannot verify.
    public func verifySignature(with key: COSEPublicKey) throws(COSEError) -> Bool {
        let named = algorithm.flatMap(COSEAlgorithm.init(rawValue:)) ?? (algorithm == nil ? key.algorithm : nil)
        guard let named else {
            throw COSEError(
                .unsupportedAlgorithm, "COSE_Sign1 uses algorithm \(algorithm ?? 0), which qrgate does not verify (ES256, ES384, ES512, PS256).")
        }
        let keyIsEC = key.algorithm != .ps256
        guard keyIsEC == (named != .ps256) else {
            throw COSEError(.unsupportedAlgorithm, "COSE_Sign1 names \(named.name), but the signer's key is for \(key.algorithm.name).")
        }
        let input = signatureInput
        func ecDigestValid(_ check: (any Digest) -> Bool) -> Bool {
            switch named {
            case .es384: return check(SHA384.hash(data: input))
            case .es512: return check(SHA512.hash(data: input))
            default: return check(SHA256.hash(data: input))
            }
        }
        switch key {
        case .p256(let publicKey):
            guard signature.count == 64, let sig = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return ecDigestValid { publicKey.isValidSignature(sig, for: $0) }
        case .p384(let publicKey):
            guard signature.count == 96, let sig = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return ecDigestValid { publicKey.isValidSignature(sig, for: $0) }
        case .p521(let publicKey):
            guard signature.count == 132, let sig = try? P521.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return ecDigestValid { publicKey.isValidSignature(sig, for: $0) }
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
