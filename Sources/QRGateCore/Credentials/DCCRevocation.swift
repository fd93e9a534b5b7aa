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

/// A revocation list of one kind, kept as one sorted run of 16-byte entries (16 bytes an entry,
/// no per-entry object) and searched by halving: a lookup touches about log2(n) entries.
public struct DCCRevocationList: Sendable {
    /// The kind of hash the list names certificates by.
    public let kind: DCCRevocationHashes.Kind
    /// The entries, sorted, without repeats, `DCCRevocationHashes.length` bytes each.
    private let entries: [UInt8]

    /// The list of `hashes`; throws for an entry that is not 16 bytes.
    public init(kind: DCCRevocationHashes.Kind, hashes: [[UInt8]]) throws {
        let length = DCCRevocationHashes.length
        if let bad = hashes.firstIndex(where: { $0.count != length }) {
            throw DCCRevocationError(
                "entry_length", "revocation list entry \(bad) has \(hashes[bad].count) bytes, not \(length): the list is damaged; sync it again")
        }
        let sorted = hashes.sorted { $0.lexicographicallyPrecedes($1) }
        var flat: [UInt8] = []
        flat.reserveCapacity(sorted.count * length)
        var previous: [UInt8]?
        for hash in sorted where hash != previous {
            flat += hash
            previous = hash
        }
        self.kind = kind
        entries = flat
    }

    /// Entries in the list.
    public var count: Int { entries.count / DCCRevocationHashes.length }

    /// Whether the list holds `hash` (its first 16 bytes).
    public func contains(_ hash: [UInt8]) -> Bool {
        let length = DCCRevocationHashes.length
        guard hash.count >= length else { return false }
        return entries.withUnsafeBufferPointer { all in
            hash.withUnsafeBufferPointer { wanted in
                var low = 0
                var high = count
                while low < high {
                    let middle = (low + high) / 2
                    let order = memcmp(all.baseAddress! + middle * length, wanted.baseAddress!, length)
                    if order == 0 { return true }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return false
            }
        }
    }

    /// Whether the list names the certificate with these hashes.
    public func revokes(_ hashes: DCCRevocationHashes) -> Bool {
        hashes.hash(kind).map(contains) ?? false
    }
}

/// A revocation hash or list that cannot be made, and what to do.
public struct DCCRevocationError: GateError {
    /// What went wrong.
    public var code: String
    /// What to do.
    public var message: String
    /// Where it was raised.
    public var file: String
    /// Where it was raised.
    public var line: Int

    /// Creates the error.
    public init(_ code: String, _ message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }
}
