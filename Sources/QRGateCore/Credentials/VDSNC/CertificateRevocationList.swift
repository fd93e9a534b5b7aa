import SwiftASN1
import X509

/// An X.509 CRL (RFC 5280 `CertificateList`, DER) as far as a gate needs it: the issuer, the
/// serial numbers it revokes, and the signed bytes to check against the issuing CA's key.
/// swift-certificates has no CRL type, so the structure is walked with SwiftASN1.
public struct CertificateRevocationList: Sendable {
    /// The issuer's distinguished name.
    public var issuer: DistinguishedName
    /// Revoked serial numbers, without leading zero bytes.
    public var revokedSerialNumbers: Set<[UInt8]>
    /// The DER of `tbsCertList`, which the signature covers.
    public var signedBytes: ArraySlice<UInt8>
    /// The signature algorithm, when it is one swift-certificates verifies.
    public var signatureAlgorithm: Certificate.SignatureAlgorithm?
    /// The signature bits.
    public var signature: [UInt8]

    /// Most revoked entries read from one list.
    public static let maxEntries = 1_000_000

    /// Parses a DER CRL.
    public init(derEncoded der: [UInt8]) throws(TrustStoreError) {
        func bad(_ what: String) -> TrustStoreError {
            TrustStoreError(.unrecognizedFormat, "The file is not a DER certificate revocation list (\(what)).")
        }
        guard let root = try? DER.parse(der), case .constructed(let top) = root.content else { throw bad("not DER") }
        let parts = Array(top)
        guard parts.count == 3, case .constructed(let tbsNodes) = parts[0].content, case .constructed(let algorithmNodes) = parts[1].content,
            let algorithmNode = Array(algorithmNodes).first, let algorithmOID = try? ASN1ObjectIdentifier(derEncoded: algorithmNode),
            let bits = try? ASN1BitString(derEncoded: parts[2])
        else { throw bad("not a CertificateList") }
        var fields = Array(tbsNodes)[...]
        if fields.first?.identifier == .integer { fields = fields.dropFirst() }  // version
        guard fields.count >= 3 else { throw bad("tbsCertList too short") }
        fields = fields.dropFirst()  // signature algorithm (repeated)
        guard let issuer = try? DistinguishedName(derEncoded: fields.first!) else { throw bad("unreadable issuer") }
        fields = fields.dropFirst(2)  // issuer, thisUpdate
        if let next = fields.first, next.identifier == .utcTime || next.identifier == .generalizedTime { fields = fields.dropFirst() }
        var revoked = Set<[UInt8]>()
        if let list = fields.first, list.identifier == .sequence, case .constructed(let entries) = list.content {
            for entry in entries {
                guard revoked.count < Self.maxEntries else { throw bad("more than \(Self.maxEntries) entries") }
                guard case .constructed(let entryFields) = entry.content, let serial = Array(entryFields).first, serial.identifier == .integer,
                    case .primitive(let bytes) = serial.content
                else { throw bad("unreadable revoked entry") }
                revoked.insert(Self.trimmed(bytes))
            }
        }
        self.issuer = issuer
        self.revokedSerialNumbers = revoked
        self.signedBytes = parts[0].encodedBytes
        self.signatureAlgorithm = Self.algorithms[algorithmOID.description]
        self.signature = Array(bits.bytes)
    }

    /// True when `issuerKey` signed this list.
    public func isSigned(by issuerKey: Certificate.PublicKey) -> Bool {
        guard let signatureAlgorithm else { return false }
        return issuerKey.isValidSignature(signature, for: signedBytes, signatureAlgorithm: signatureAlgorithm)
    }

    /// True when `serial` (a certificate's serial number) is listed.
    public func revokes(_ serial: Certificate.SerialNumber) -> Bool {
        revokedSerialNumbers.contains(Self.trimmed(serial.bytes))
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var slice = bytes
        while slice.count > 1, slice.first == 0 { slice = slice.dropFirst() }
        return Array(slice)
    }

    static let algorithms: [String: Certificate.SignatureAlgorithm] = [
        "1.2.840.113549.1.1.5": .sha1WithRSAEncryption,
        "1.2.840.113549.1.1.11": .sha256WithRSAEncryption,
        "1.2.840.113549.1.1.12": .sha384WithRSAEncryption,
        "1.2.840.113549.1.1.13": .sha512WithRSAEncryption,
        "1.2.840.10045.4.3.2": .ecdsaWithSHA256,
        "1.2.840.10045.4.3.3": .ecdsaWithSHA384,
        "1.2.840.10045.4.3.4": .ecdsaWithSHA512,
    ]
}
