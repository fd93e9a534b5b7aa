import Crypto
import Foundation
import QRGateCore
import SwiftASN1
import X509

/// Issues real, currently valid EU DCCs for end-to-end tests: a fresh P-256 signer
/// certificate (self-signed; no EKU = all types, unless one is given) and `HC1:` texts signed with it.
public struct TestDCCIssuer {
    /// The signer's key.
    public let key: P256.Signing.PrivateKey
    /// The signer certificate, DER.
    public let certificateDER: [UInt8]
    /// kid = first 8 bytes of SHA-256 over the DER.
    public var keyIdentifier: [UInt8] { Array(SHA256.hash(data: certificateDER).prefix(8)) }

    /// An issuer with a given key and certificate (e.g. a DSC issued by a test CSCA).
    public init(key: P256.Signing.PrivateKey, certificateDER: [UInt8]) {
        self.key = key
        self.certificateDER = certificateDER
    }

    /// A new issuer whose certificate is valid around `now`, with an extended-key-usage
    /// extension listing `extendedKeyUsage` (dotted OIDs) when given.
    public init(now: Date = Date(), extendedKeyUsage: [String]? = nil) throws {
        key = P256.Signing.PrivateKey()
        var extensions = Certificate.Extensions()
        if let extendedKeyUsage {
            let usages = try extendedKeyUsage.map { ExtendedKeyUsage.Usage(oid: try ASN1ObjectIdentifier(dotRepresentation: $0)) }
            try extensions.append(Certificate.Extension(ExtendedKeyUsage(usages), critical: false))
        }
        let name = try DistinguishedName {
            CountryName("VN")
            OrganizationName("qrgate test issuer")
            CommonName("qrgate test DSC")
        }
        let certificate = try Certificate(
            version: .v3,
            serialNumber: .init(),
            publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-86_400 * 30),
            notValidAfter: now.addingTimeInterval(86_400 * 365),
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: .init(key)
        )
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        certificateDER = serializer.serializedBytes
    }

    /// A complete vaccination payload (schema 1.3.0) for the given person.
    public static func vaccination(
        family: String = "Nguyễn", familyT: String = "NGUYEN", given: String = "Văn An", givenT: String = "VAN<AN",
        dob: String = "1990-01-15", dose: Int = 2, of total: Int = 2, date: String = "2021-09-01"
    ) -> JSONValue {
        [
            "ver": "1.3.0",
            "nam": ["fn": .string(family), "fnt": .string(familyT), "gn": .string(given), "gnt": .string(givenT)],
            "dob": .string(dob),
            "v": [
                [
                    "tg": "840539006", "vp": "1119349007", "mp": "EU/1/20/1528", "ma": "ORG-100030215",
                    "dn": .number(Double(dose)), "sd": .number(Double(total)), "dt": .string(date), "co": "VN",
                    "is": "Ministry of Health", "ci": "URN:UVCI:01:VN:QRGATE0000000001#T",
                ]
            ],
        ]
    }

    /// The `HC1:` text of `payload`, issued at `issuedAt` and expiring at `expiresAt`.
    public func issue(_ payload: JSONValue, issuedAt: Date, expiresAt: Date) throws -> String {
        let claims = CBORValue.map([
            CBORMapEntry(key: .int(1), value: .text("VN")),
            CBORMapEntry(key: .int(4), value: .int(Int(expiresAt.timeIntervalSince1970))),
            CBORMapEntry(key: .int(6), value: .int(Int(issuedAt.timeIntervalSince1970))),
            CBORMapEntry(key: .int(-260), value: .map([CBORMapEntry(key: .int(1), value: CBORValue(json: payload))])),
        ])
        let message = try COSESign1.signES256(payload: CBOREncoder.encode(claims), keyIdentifier: keyIdentifier, key: key)
        return "HC1:" + Base45.encode(Zlib.deflate(message.encoded()))
    }
}
