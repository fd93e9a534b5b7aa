import Crypto
import Foundation

/// The SMART Health Card issuers a gate trusts: each issuer's JWKS (its `iss` URL → its keys by
/// `kid`) and the revocation lists of keys that publish one. A key is only ever looked up
/// under the issuer the card names: a `kid` is never searched across issuers.
public struct HealthCardIssuers: Sendable {
    /// One issuer signing key (an EC P-256 JWK with `alg` ES256).
    public struct Key: Sendable {
        /// The key's `kid` (by the specification its JWK thumbprint).
        public var keyIdentifier: String
        /// The public key.
        public var publicKey: P256.Signing.PublicKey
        /// The JWK's `crlVersion`, when the issuer publishes a revocation list for this key.
        public var revocationListVersion: Int?
    }

    /// A key's revocation list (`.well-known/crl/<kid>.json`, method `rid`).
    public struct RevocationList: Sendable {
        /// The key it is for.
        public var keyIdentifier: String
        /// The list's counter (`ctr`).
        public var counter: Int?
        /// Revoked ids → the time before which cards are revoked (nil: every card with the id).
        public var revoked: [String: Date?]
    }

    /// What a lookup of (`iss`, `kid`) found.
    public enum Lookup: Sendable {
        /// The issuer is not trusted (no JWKS for it).
        case untrustedIssuer
        /// The issuer is trusted but its JWKS has no usable key with that `kid`.
        case unknownKeyIdentifier
        /// The key, with its revocation list when one was loaded.
        case key(Key, RevocationList?)
    }

    private var keys: [String: [String: Key]] = [:]
    private var revocations: [String: [String: RevocationList]] = [:]

    /// No trusted issuer.
    public init() {}

    /// The trusted issuers' `iss` URLs, sorted.
    public var issuers: [String] { keys.keys.sorted() }

    /// Number of trusted keys over all issuers.
    public var keyCount: Int { keys.values.reduce(0) { $0 + $1.count } }

    /// The key `kid` of issuer `iss` (compared without a trailing `/`).
    public func lookup(issuer: String, keyIdentifier: String) -> Lookup {
        let issuer = Self.normalized(issuer)
        guard let issuerKeys = keys[issuer] else { return .untrustedIssuer }
        guard let key = issuerKeys[keyIdentifier] else { return .unknownKeyIdentifier }
        return .key(key, revocations[issuer]?[keyIdentifier])
    }

    /// Adds the keys of one issuer's JWKS. Keys that are not EC P-256 signing keys (another
    /// `kty`, `crv`, `alg` or `use`, or bad coordinates) are left out and returned as one error
    /// each; the JWKS itself must be a JSON object with a `keys` array holding at least one usable key.
    @discardableResult
    public mutating func addKeySet(_ contents: [UInt8], issuer: String, source: String) throws(TrustStoreError) -> [TrustStoreError] {
        var limits = JSONValue.ParseLimits()
        limits.maxDepth = 16
        limits.maxBytes = 1 << 20
        guard let document = try? JSONValue(parsing: contents, limits: limits), let list = document["keys"]?.arrayValue else {
            throw TrustStoreError(
                .invalidTrustList,
                "\(source) is not a JWKS (a JSON object with a \"keys\" array); replace it with the issuer's .well-known/jwks.json.")
        }
        var usable: [String: Key] = [:]
        var skipped: [TrustStoreError] = []
        for (position, jwk) in list.prefix(256).enumerated() {
            do throws(TrustStoreError) {
                let key = try Self.key(jwk, source: "\(source) keys[\(position)]")
                if usable[key.keyIdentifier] == nil { usable[key.keyIdentifier] = key }
            } catch {
                skipped.append(error)
            }
        }
        guard !usable.isEmpty else {
            throw TrustStoreError(
                .unsupportedContent, "\(source) holds no EC P-256 (ES256) signing key, the only kind SMART Health Cards use; the file was skipped.")
        }
        keys[Self.normalized(issuer), default: [:]].merge(usable) { first, _ in first }
        return skipped
    }

    /// Adds a revocation list (`{kid, method: "rid", ctr, rids: ["rid" or "rid.timestamp"]}`) for a key of `issuer`.
    public mutating func addRevocationList(_ contents: [UInt8], issuer: String, source: String) throws(TrustStoreError) {
        var limits = JSONValue.ParseLimits()
        limits.maxDepth = 8
        limits.maxBytes = 16 << 20
        guard let document = try? JSONValue(parsing: contents, limits: limits), let kid = document["kid"]?.stringValue,
            let rids = document["rids"]?.arrayValue
        else {
            throw TrustStoreError(.invalidTrustList, "\(source) is not a SMART Health Card revocation list (an object with \"kid\" and \"rids\").")
        }
        if let method = document["method"]?.stringValue, method != "rid" {
            throw TrustStoreError(
                .unsupportedContent, "\(source) uses revocation method \"\(method)\"; only \"rid\" is defined. The file was skipped.")
        }
        var revoked: [String: Date?] = [:]
        for entry in rids {
            guard let text = entry.stringValue else { continue }
            if let dot = text.firstIndex(of: "."), let seconds = Int64(text[text.index(after: dot)...]) {
                revoked[String(text[..<dot])] = Date(timeIntervalSince1970: TimeInterval(seconds))
            } else {
                revoked[text] = Date?.none
            }
        }
        let counter = document["ctr"]?.numberValue.flatMap { Int(exactly: $0) }
        revocations[Self.normalized(issuer), default: [:]][kid] = RevocationList(keyIdentifier: kid, counter: counter, revoked: revoked)
    }

    /// The issuers of both (this one's keys first where both have a `kid`).
    public func merging(_ other: HealthCardIssuers) -> HealthCardIssuers {
        var merged = self
        for (issuer, otherKeys) in other.keys { merged.keys[issuer, default: [:]].merge(otherKeys) { first, _ in first } }
        for (issuer, lists) in other.revocations { merged.revocations[issuer, default: [:]].merge(lists) { first, _ in first } }
        return merged
    }

    static func normalized(_ issuer: String) -> String {
        var text = Substring(issuer)
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    static func key(_ jwk: JSONValue, source: String) throws(TrustStoreError) -> Key {
        guard let kid = jwk["kid"]?.stringValue, !kid.isEmpty else {
            throw TrustStoreError(.invalidCertificate, "\(source) has no \"kid\" and was skipped.")
        }
        guard jwk["kty"]?.stringValue == "EC", jwk["crv"]?.stringValue == "P-256" else {
            throw TrustStoreError(.unsupportedContent, "\(source) (kid \(kid)) is not an EC P-256 key and was skipped.")
        }
        if let alg = jwk["alg"], alg.stringValue != "ES256" {
            throw TrustStoreError(.unsupportedContent, "\(source) (kid \(kid)) is not for ES256 and was skipped.")
        }
        if let use = jwk["use"], use.stringValue != "sig" {
            throw TrustStoreError(.unsupportedContent, "\(source) (kid \(kid)) is not a signing key (use \"sig\") and was skipped.")
        }
        guard let x = jwk["x"]?.stringValue.flatMap(Base64URL.decode), let y = jwk["y"]?.stringValue.flatMap(Base64URL.decode),
            x.count == 32, y.count == 32, let publicKey = try? P256.Signing.PublicKey(rawRepresentation: x + y)
        else {
            throw TrustStoreError(.invalidCertificate, "\(source) (kid \(kid)) has coordinates that are not a P-256 point and was skipped.")
        }
        let version = jwk["crlVersion"]?.numberValue.flatMap { Int(exactly: $0) }
        return Key(keyIdentifier: kid, publicKey: publicKey, revocationListVersion: version)
    }
}
