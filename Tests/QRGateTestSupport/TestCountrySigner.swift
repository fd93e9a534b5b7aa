import Crypto
import Foundation
import SwiftASN1
import X509

/// A country signing CA (CSCA) and the document signers (DSCs) it issues, as the EU DCC Gateway
/// lists them: for trust-list import tests.
public struct TestCountrySigner {
    /// ISO 3166 country code.
    public let code: String
    /// The CSCA's key.
    public let cscaKey = P256.Signing.PrivateKey()
    /// The CSCA certificate.
    public let cscaDER: [UInt8]
    /// The CSCA's name (the DSCs' issuer).
    public let cscaName: DistinguishedName

    /// A new CSCA for `code`.
    public init(_ code: String) throws {
        self.code = code
        cscaName = try DistinguishedName {
            CountryName(code)
            CommonName("CSCA \(code)")
        }
        cscaDER = try Self.der(
            Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(cscaKey.publicKey), notValidBefore: Date().addingTimeInterval(-86_400 * 400),
                notValidAfter: Date().addingTimeInterval(86_400 * 3650), issuer: cscaName, subject: cscaName, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: Certificate.Extensions(), issuerPrivateKey: .init(cscaKey)))
    }

    /// A DSC of this country signed by `signer` (default: the CSCA).
    public func dsc(signedBy signer: P256.Signing.PrivateKey? = nil, expired: Bool = false) throws -> [UInt8] {
        try issuer(signedBy: signer, expired: expired).certificateDER
    }

    /// A DSC of this country with its key, ready to issue DCCs.
    public func issuer(signedBy signer: P256.Signing.PrivateKey? = nil, expired: Bool = false) throws -> TestDCCIssuer {
        let key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName {
            CountryName(code)
            CommonName("DSC \(code) \(UUID().uuidString.prefix(8))")
        }
        let der = try Self.der(
            Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
                notValidBefore: Date().addingTimeInterval(-86_400 * (expired ? 400 : 10)),
                notValidAfter: Date().addingTimeInterval(86_400 * (expired ? -1 : 365)), issuer: cscaName, subject: subject,
                signatureAlgorithm: .ecdsaWithSHA256, extensions: Certificate.Extensions(), issuerPrivateKey: .init(signer ?? cscaKey)))
        return TestDCCIssuer(key: key, certificateDER: der)
    }

    static func der(_ certificate: Certificate) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return serializer.serializedBytes
    }
}
