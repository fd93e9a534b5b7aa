import Crypto
import Foundation
import SwiftASN1
import X509

/// A Document Signer Certificate (DSC): the X.509 certificate whose key signs DCCs.
///
/// Parsing tries swift-certificates first. Some DSCs in production fail that strict parse
/// (Finland's encode a DEFAULT value in BasicConstraints, for instance); for those the
/// public key, validity, subject country and extended key usage are read directly from the
/// TBSCertificate and ``parsedLeniently`` is set, so the caller can log it.
public struct SignerCertificate: Sendable {
    /// The certificate's DER encoding.
    public let der: [UInt8]
    /// The DCC key identifier: the first 8 bytes of SHA-256 over ``der``.
    public let keyIdentifier: [UInt8]
    /// The public key.
    public let publicKey: COSEPublicKey
    /// Start of the certificate's validity.
    public let notBefore: Date
    /// End of the certificate's validity.
    public let notAfter: Date
    /// The extended-key-usage OIDs in dotted form, or `nil` when the certificate has no such extension.
    public let extendedKeyUsage: [String]?
    /// True when the certificate has an extended-key-usage extension that cannot be read;
    /// such a certificate may sign no DCC type (fail closed).
    public let extendedKeyUsageMalformed: Bool
    /// The subject's country (`C=`), when present.
    public let country: String?
    /// True when the strict X.509 parse failed and the fields were read leniently.
    public let parsedLeniently: Bool

    /// True when this is a bare public key (a PEM `PUBLIC KEY`), not a certificate: ``der`` is
    /// then the SubjectPublicKeyInfo, and there is no validity period, country or EKU to check.
    public let isBareKey: Bool

    /// The DCC types this certificate may sign, as the DCC specification (and the Corona-Warn-App,
    /// `DscSignatureValidator.checkOidsIntersect`) reads the EKU: only the DCC OIDs
    /// (`1.3.6.1.4.1.1847.2021.1.1`–`.3` and the variants `1.3.6.1.4.1.0.1847.2021.1.x`) restrict;
    /// a certificate without EKU, with an empty one, or whose EKU lists only other usages
    /// (clientAuth, an ICAO OID) may sign every type. An EKU that cannot be read allows none.
    public var allowedTypes: Set<DCCCertificateType> {
        if extendedKeyUsageMalformed { return [] }
        let named = Set((extendedKeyUsage ?? []).compactMap(DCCCertificateType.init(keyUsageOID:)))
        return named.isEmpty ? Set(DCCCertificateType.allCases) : named
    }

    /// A bare public key trusted under `keyIdentifier` (a PEM `PUBLIC KEY` in a trust folder).
    public init(subjectPublicKeyInfo spki: [UInt8], keyIdentifier: [UInt8]) throws(SignerCertificateError) {
        do {
            publicKey = try COSEPublicKey(subjectPublicKeyInfo: spki)
        } catch {
            throw SignerCertificateError(.unsupportedKey, error.message)
        }
        der = spki
        self.keyIdentifier = keyIdentifier
        notBefore = .distantPast
        notAfter = .distantFuture
        extendedKeyUsage = nil
        extendedKeyUsageMalformed = false
        country = nil
        parsedLeniently = false
        isBareKey = true
    }

    /// The first 8 bytes of SHA-256 over `der`.
    public static func keyIdentifier(der: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: der).prefix(8))
    }

    /// Parses a DER-encoded certificate.
    public init(derEncoded der: [UInt8]) throws(SignerCertificateError) {
        self.der = der
        self.keyIdentifier = Self.keyIdentifier(der: der)
        let fields: TBSFields
        if let strict = try? Certificate(derEncoded: der) {
            var eku: [String]? = nil
            var ekuMalformed = false
            for ext in strict.extensions where ext.oid.description == Self.extendedKeyUsageOID {
                eku = try? Self.parseExtendedKeyUsage(ext.value)
                ekuMalformed = eku == nil
            }
            var serializer = DER.Serializer()
            let spki: [UInt8]
            if (try? serializer.serialize(strict.publicKey)) != nil {
                spki = serializer.serializedBytes
            } else {
                spki = (try? Self.lenientFields(der).subjectPublicKeyInfo) ?? []
            }
            fields = TBSFields(
                subjectPublicKeyInfo: spki,
                notBefore: strict.notValidBefore,
                notAfter: strict.notValidAfter,
                extendedKeyUsage: eku,
                extendedKeyUsageMalformed: ekuMalformed,
                country: try? Self.lenientFields(der).country
            )
            parsedLeniently = false
        } else {
            do {
                fields = try Self.lenientFields(der)
            } catch let error as SignerCertificateError {
                throw error
            } catch {
                throw SignerCertificateError(
                    .malformed, "Signer certificate is not a readable X.509 certificate (\(error)); replace it in the trust list.")
            }
            parsedLeniently = true
        }
        do {
            publicKey = try COSEPublicKey(subjectPublicKeyInfo: fields.subjectPublicKeyInfo)
        } catch {
            throw SignerCertificateError(.unsupportedKey, error.message)
        }
        notBefore = fields.notBefore
        notAfter = fields.notAfter
        extendedKeyUsage = fields.extendedKeyUsage
        extendedKeyUsageMalformed = fields.extendedKeyUsageMalformed
        country = fields.country
        isBareKey = false
    }

    static let extendedKeyUsageOID = "2.5.29.37"

    struct TBSFields {
        var subjectPublicKeyInfo: [UInt8]
        var notBefore: Date
        var notAfter: Date
        var extendedKeyUsage: [String]?
        var extendedKeyUsageMalformed: Bool
        var country: String?
    }

    static func malformed(_ what: String) -> SignerCertificateError {
        SignerCertificateError(.malformed, "Signer certificate is malformed: \(what). Replace it in the trust list.")
    }

    static func children(_ node: ASN1Node) -> [ASN1Node]? {
        if case .constructed(let nodes) = node.content { return Array(nodes) }
        return nil
    }

    static func primitive(_ node: ASN1Node) -> ArraySlice<UInt8>? {
        if case .primitive(let bytes) = node.content { return bytes }
        return nil
    }

    /// Walks the TBSCertificate without interpreting anything it does not need.
    static func lenientFields(_ der: [UInt8]) throws -> TBSFields {
        let root: ASN1Node
        if let parsed = try? DER.parse(der) { root = parsed } else { root = try BER.parse(der) }
        guard let certificate = children(root), let tbsNode = certificate.first, var tbs = children(tbsNode) else {
            throw malformed("no TBSCertificate")
        }
        if let first = tbs.first, first.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
            tbs.removeFirst()  // version
        }
        // serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
        guard tbs.count >= 6 else { throw malformed("TBSCertificate has too few fields") }
        guard let validity = children(tbs[3]), validity.count == 2 else { throw malformed("no validity") }
        let notBefore = try time(validity[0])
        let notAfter = try time(validity[1])
        let spki = Array(tbs[5].encodedBytes)
        var country: String? = nil
        if let rdns = children(tbs[4]) {
            for rdn in rdns {
                for attribute in children(rdn) ?? [] {
                    guard let parts = children(attribute), parts.count == 2, let oid = primitive(parts[0]) else { continue }
                    if objectIdentifier(oid) == "2.5.4.6", let value = primitive(parts[1]) {
                        country = String(decoding: value, as: UTF8.self)
                    }
                }
            }
        }
        var eku: [String]? = nil
        var ekuMalformed = false
        let extensionsTag = ASN1Identifier(tagWithNumber: 3, tagClass: .contextSpecific)
        for field in tbs.dropFirst(6) where field.identifier == extensionsTag {
            guard let wrapper = children(field), let list = wrapper.first, let extensions = children(list) else { continue }
            for ext in extensions {
                guard let parts = children(ext), parts.count >= 2, let oid = primitive(parts[0]),
                    objectIdentifier(oid) == extendedKeyUsageOID, let value = primitive(parts[parts.count - 1])
                else { continue }
                eku = try? parseExtendedKeyUsage(value)
                ekuMalformed = eku == nil
            }
        }
        return TBSFields(
            subjectPublicKeyInfo: spki, notBefore: notBefore, notAfter: notAfter, extendedKeyUsage: eku,
            extendedKeyUsageMalformed: ekuMalformed, country: country)
    }

    /// The OIDs of an ExtendedKeyUsage extension value (a SEQUENCE OF OBJECT IDENTIFIER).
    static func parseExtendedKeyUsage(_ value: ArraySlice<UInt8>) throws -> [String] {
        let node = try BER.parse(value)
        guard let items = children(node) else { throw malformed("extended key usage is not a sequence") }
        return try items.map { item in
            guard item.identifier == .objectIdentifier, let bytes = primitive(item) else {
                throw malformed("extended key usage holds something other than an OID")
            }
            return objectIdentifier(bytes)
        }
    }

    /// Dotted form of an OBJECT IDENTIFIER's content bytes.
    static func objectIdentifier(_ bytes: ArraySlice<UInt8>) -> String {
        var arcs: [UInt64] = []
        var value: UInt64 = 0
        for byte in bytes {
            value = value << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 {
                if arcs.isEmpty {
                    let first = min(value / 40, 2)
                    arcs.append(first)
                    arcs.append(value - first * 40)
                } else {
                    arcs.append(value)
                }
                value = 0
            }
        }
        return arcs.map(String.init).joined(separator: ".")
    }

    /// Reads a UTCTime or GeneralizedTime.
    static func time(_ node: ASN1Node) throws -> Date {
        guard let bytes = primitive(node) else { throw malformed("validity time is not primitive") }
        var text = String(decoding: bytes, as: UTF8.self)
        if node.identifier == .utcTime {
            guard let yy = Int(text.prefix(2)) else { throw malformed("bad UTCTime") }
            text = (yy >= 50 ? "19" : "20") + text
        } else if node.identifier != .generalizedTime {
            throw malformed("validity time has an unknown type")
        }
        // YYYYMMDDHHMM[SS][.fff][Z|+hhmm]
        let digits = Array(text.utf8)
        func number(_ start: Int, _ count: Int) throws -> Int {
            guard start + count <= digits.count else { throw malformed("validity time is too short") }
            var n = 0
            for d in digits[start..<start + count] {
                guard d >= 48, d <= 57 else { throw malformed("validity time has a non-digit") }
                n = n * 10 + Int(d - 48)
            }
            return n
        }
        let year = try number(0, 4), month = try number(4, 2), day = try number(6, 2)
        let hour = try number(8, 2), minute = try number(10, 2)
        var index = 12
        var second = 0
        if index + 2 <= digits.count, digits[index] >= 48, digits[index] <= 57 {
            second = try number(12, 2)
            index = 14
        }
        var fraction = 0.0
        if index < digits.count, digits[index] == UInt8(ascii: ".") || digits[index] == UInt8(ascii: ",") {
            index += 1
            var scale = 0.1
            while index < digits.count, digits[index] >= 48, digits[index] <= 57 {
                fraction += Double(digits[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offset = 0
        if index < digits.count, digits[index] == UInt8(ascii: "+") || digits[index] == UInt8(ascii: "-") {
            let sign = digits[index] == UInt8(ascii: "-") ? -1 : 1
            offset = sign * (try number(index + 1, 2) * 3600 + (try number(index + 3, 2)) * 60)
        }
        let seconds = ISO8601Timestamp.epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second) - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}

/// Why a signer certificate could not be used.
public struct SignerCertificateError: GateError {
    /// What went wrong, for programs.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// Not a readable X.509 certificate, even leniently.
        public static let malformed = Code("malformed_certificate")
        /// A public key other than EC P-256 or RSA.
        public static let unsupportedKey = Code("unsupported_key")
        /// The snake_case name of the code.
        public var description: String { name }
    }
    /// What went wrong.
    public var code: Code
    /// What went wrong and what a person can do.
    public var message: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int
    init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.file = file
        self.line = line
        self.code = code
        self.message = message
    }
}
