import Crypto
import Foundation

/// The names an EU DCC revocation list may give a certificate (eHealth Network, DCC revocation):
/// the first 16 bytes of a SHA-256 digest of its UVCI (`UCI`), of its issuing country followed by
/// the UVCI (`COUNTRYCODEUCI`), or of its signature (`SIGNATURE`: for ECDSA only r, the first half
/// of the raw r‖s signature; for RSA the whole signature). A list names one kind.
public struct DCCRevocationHashes: Sendable, Hashable {
    /// The kinds of hash a list uses.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case uci = "UCI"
        case countryCodeUCI = "COUNTRYCODEUCI"
        case signature = "SIGNATURE"
    }

    /// Bytes kept of each SHA-256 digest.
    public static let length = 16

    /// Of the UVCI; nil when the certificate has none.
    public var uci: [UInt8]?
    /// Of the issuing country (CWT claim 1) and the UVCI; nil without either.
    public var countryCodeUCI: [UInt8]?
    /// Of the signature (r only for ECDSA).
    public var signature: [UInt8]

    /// The hashes of a certificate whose UVCI (`ci` of its first `v`, `t` or `r` entry, exactly
    /// as written), issuer claim and COSE message are given.
    public init(uvci: String?, issuer: String?, message: COSESign1) {
        uci = uvci.map { Self.truncatedDigest(Array($0.utf8)) }
        countryCodeUCI = uvci.flatMap { uvci in issuer.map { Self.truncatedDigest(Array(($0 + uvci).utf8)) } }
        let ecdsa: Set<Int> = [-7, -35, -36]  // ES256, ES384, ES512: r is the first half
        let signed = message.algorithm.map(ecdsa.contains) == true ? Array(message.signature.prefix(message.signature.count / 2)) : message.signature
        signature = Self.truncatedDigest(signed)
    }

    /// The hashes of an `HC1:` text. No trust is needed: a list names a certificate whatever
    /// signed it. Throws when the text does not decode as far as its claims.
    public init(hc1 text: String) throws {
        guard text.hasPrefix("HC1:") else {
            throw DCCRevocationError("prefix", "not an EU DCC: the text does not start with HC1:")
        }
        let message = try COSESign1(decoding: try Zlib.inflate(try Base45.decode(text.dropFirst(4))))
        let claims = try CWTClaims(decoding: message.payload)
        self.init(uvci: Self.uvci(in: claims.healthCertificate), issuer: claims.issuer, message: message)
    }

    /// The hash of `kind`.
    public func hash(_ kind: Kind) -> [UInt8]? {
        switch kind {
        case .uci: uci
        case .countryCodeUCI: countryCodeUCI
        case .signature: signature
        }
    }

    /// `ci` of the first vaccination, test or recovery entry of a DCC.
    public static func uvci(in dcc: CBORValue) -> String? {
        for group in ["v", "t", "r"] {
            if case .array(let entries)? = dcc[.text(group)], let first = entries.first, let ci = first[.text("ci")]?.textValue {
                return ci
            }
        }
        return nil
    }

    static func truncatedDigest(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes).prefix(length))
    }
}

/// A revocation hash, list or index that cannot be made, and what to do.
public typealias DCCRevocationError = CodedError<DCCRevocationErrors>
/// The domain of ``DCCRevocationError``.
public enum DCCRevocationErrors: ErrorDomain {}
