import Crypto
import Foundation
import QRGateCore
import SwiftASN1
import X509

/// A country signing CA and a document signer of its own, P-384, for ICAO VDS-NC tests: issues
/// seals (`sig.alg` ES384 over the RFC 8785 form of `data`) and the CA's DER revocation list.
public struct TestSealIssuer: Sendable {
    /// The CA certificate (basic constraints cA), DER.
    public let cscaDER: [UInt8]
    /// The signer certificate the seals carry, DER, issued by the CA.
    public let signerDER: [UInt8]
    /// The signer certificate's serial number.
    public let signerSerial: [UInt8] = [0x10, 0x01]
    private let cscaKey: P384.Signing.PrivateKey
    private let signerKey: P384.Signing.PrivateKey
    private let cscaName: DistinguishedName

    /// A new CA and signer, valid around `now`.
    public init(now: Date = Date()) throws {
        cscaKey = P384.Signing.PrivateKey()
        signerKey = P384.Signing.PrivateKey()
        cscaName = try DistinguishedName {
            CountryName("VN")
            CommonName("qrgate test CSCA")
        }
        let csca = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(cscaKey.publicKey), notValidBefore: now.addingTimeInterval(-86_400 * 365),
            notValidAfter: now.addingTimeInterval(86_400 * 3650), issuer: cscaName, subject: cscaName, signatureAlgorithm: .ecdsaWithSHA384,
            extensions: try Certificate.Extensions { Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0)) },
            issuerPrivateKey: .init(cscaKey))
        let signerName = try DistinguishedName {
            CountryName("VN")
            CommonName("qrgate test seal signer")
        }
        let signer = try Certificate(
            version: .v3, serialNumber: .init(bytes: ArraySlice([0x10, 0x01])), publicKey: .init(signerKey.publicKey),
            notValidBefore: now.addingTimeInterval(-86_400), notValidAfter: now.addingTimeInterval(86_400 * 365), issuer: cscaName,
            subject: signerName, signatureAlgorithm: .ecdsaWithSHA384, extensions: Certificate.Extensions(), issuerPrivateKey: .init(cscaKey))
        var serializer = DER.Serializer()
        try serializer.serialize(csca)
        cscaDER = serializer.serializedBytes
        serializer = DER.Serializer()
        try serializer.serialize(signer)
        signerDER = serializer.serializedBytes
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A VDS-NC text sealing `data`.
    public func seal(_ data: JSONValue) throws -> String {
        let signature = try signerKey.signature(for: JSONWriter.canonicalBytes(data)).rawRepresentation
        let document: JSONValue = [
            "data": data,
            "sig": ["alg": "ES384", "cer": .string(Self.base64URL(signerDER)), "sigvl": .string(Self.base64URL(Array(signature)))],
        ]
        return document.serialized()
    }

    /// The CA's CRL (DER), listing the signer when `revokingSigner`.
    public func revocationList(revokingSigner: Bool) throws -> [UInt8] {
        let algorithm = try ASN1ObjectIdentifier(dotRepresentation: "1.2.840.10045.4.3.3")
        var tbs = DER.Serializer()
        try tbs.appendConstructedNode(identifier: .sequence) { list in
            try list.serialize(1)
            try list.appendConstructedNode(identifier: .sequence) { try $0.serialize(algorithm) }
            try list.serialize(cscaName)
            try list.serialize(try UTCTime(year: 2026, month: 1, day: 1, hours: 0, minutes: 0, seconds: 0))
            try list.serialize(try UTCTime(year: 2036, month: 1, day: 1, hours: 0, minutes: 0, seconds: 0))
            if revokingSigner {
                try list.appendConstructedNode(identifier: .sequence) { entries in
                    try entries.appendConstructedNode(identifier: .sequence) { entry in
                        try entry.serialize(ArraySlice(signerSerial))
                        try entry.serialize(try UTCTime(year: 2026, month: 6, day: 1, hours: 0, minutes: 0, seconds: 0))
                    }
                }
            }
        }
        let signed = tbs.serializedBytes
        let signature = try cscaKey.signature(for: signed).derRepresentation
        var outer = DER.Serializer()
        try outer.appendConstructedNode(identifier: .sequence) { crl in
            crl.serializeRawBytes(signed)
            try crl.appendConstructedNode(identifier: .sequence) { try $0.serialize(algorithm) }
            try crl.serialize(ASN1BitString(bytes: ArraySlice(signature)))
        }
        return outer.serializedBytes
    }
}
