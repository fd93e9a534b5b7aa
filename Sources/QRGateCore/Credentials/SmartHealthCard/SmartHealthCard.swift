import Foundation

/// A decoded SMART Health Card: the compact JWS's header, the inflated payload (a verifiable
/// credential holding a FHIR bundle) and what a gate reads from it.
public struct SmartHealthCard: Sendable {
    /// The `vc.type` every health card lists.
    public static let healthCardType = "https://smarthealth.cards#health-card"
    /// Largest inflated payload accepted (a deflate bomb stops here).
    public static let maxPayloadBytes = 256 << 10

    /// The JWS protected header.
    public var header: JSONValue
    /// The JWS signing input (`header.payload`, the encoded segments).
    public var signingInput: Substring
    /// The signature bytes as sent (r ‖ s for ES256).
    public var signature: [UInt8]
    /// The inflated payload.
    public var payload: JSONValue
    /// The issuer URL (`iss`).
    public var issuer: String
    /// Not before (`nbf`).
    public var notBefore: Date
    /// Expiry (`exp`), when the card has one.
    public var expiresAt: Date?
    /// The revocation id (`vc.rid`), when the card has one.
    public var revocationID: String?

    /// The header's `kid`.
    public var keyIdentifier: String? { header["kid"]?.stringValue }
    /// The header's `alg`.
    public var algorithm: String? { header["alg"]?.stringValue }

    /// The parts of a compact JWS: the header (a JSON object), the payload bytes as sent, the signature.
    public static func jwsParts(
        _ jws: String
    ) throws(SmartHealthCardError) -> (header: JSONValue, payload: [UInt8], signature: [UInt8], signingInput: Substring) {
        let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
        var limits = JSONValue.ParseLimits()
        limits.maxDepth = 8
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]), let payload = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2]), let header = try? JSONValue(parsing: headerBytes, limits: limits),
            header.objectValue != nil
        else {
            throw SmartHealthCardError(
                .malformedJWS, "The card's content is not a compact JWS (three base64url parts with a JSON header); it is not a health card.")
        }
        let signingInput = jws[parts[0].startIndex..<parts[1].endIndex]
        return (header, payload, signature, signingInput)
    }

    /// Inflates the payload: the header must say `zip: "DEF"` and the bytes be raw DEFLATE.
    public static func inflate(_ payload: [UInt8], header: JSONValue) throws(SmartHealthCardError) -> [UInt8] {
        guard header["zip"]?.stringValue == "DEF" else {
            throw SmartHealthCardError(
                .notDeflated, "The card's header lacks zip \"DEF\": its payload is not compressed as the specification requires.")
        }
        var limits = Zlib.Limits()
        limits.maxOutputBytes = maxPayloadBytes
        do {
            return try Zlib.inflateRaw(payload, limits: limits)
        } catch {
            throw SmartHealthCardError(.inflateFailed, "The card's payload is not a raw DEFLATE stream (\(error.code)): \(error.message)")
        }
    }

    /// Reads the card from its JWS text, up to and including the payload; nothing is verified.
    public init(jws: String) throws(SmartHealthCardError) {
        let parts = try Self.jwsParts(jws)
        let inflated = try Self.inflate(parts.payload, header: parts.header)
        try self.init(header: parts.header, signingInput: parts.signingInput, signature: parts.signature, inflatedPayload: inflated)
    }

    /// Reads the payload's health-card fields.
    public init(header: JSONValue, signingInput: Substring, signature: [UInt8], inflatedPayload: [UInt8]) throws(SmartHealthCardError) {
        var limits = JSONValue.ParseLimits()
        limits.maxDepth = 64
        let payload: JSONValue
        do {
            payload = try JSONValue(parsing: inflatedPayload, limits: limits)
        } catch {
            throw SmartHealthCardError(.badPayload, "The card's payload is not JSON (\(error.description)).")
        }
        guard let issuer = payload["iss"]?.stringValue, !issuer.isEmpty else {
            throw SmartHealthCardError(.badPayload, "The card's payload has no issuer (iss).")
        }
        guard let nbf = payload["nbf"]?.numberValue, nbf.isFinite else {
            throw SmartHealthCardError(.badPayload, "The card's payload has no numeric nbf.")
        }
        let vc = payload["vc"]
        guard let types = vc?["type"]?.arrayValue, types.contains(.string(Self.healthCardType)) else {
            throw SmartHealthCardError(.badPayload, "The card's vc.type does not list \(Self.healthCardType); it is not a health card.")
        }
        guard vc?["credentialSubject"]?["fhirBundle"]?["resourceType"]?.stringValue == "Bundle" else {
            throw SmartHealthCardError(.badPayload, "The card holds no FHIR bundle (vc.credentialSubject.fhirBundle).")
        }
        var expiresAt: Date? = nil
        if let exp = payload["exp"], !exp.isNull {
            guard let seconds = exp.numberValue, seconds.isFinite else {
                throw SmartHealthCardError(.badPayload, "The card's exp is not a number.")
            }
            expiresAt = Date(timeIntervalSince1970: seconds)
        }
        self.header = header
        self.signingInput = signingInput
        self.signature = signature
        self.payload = payload
        self.issuer = issuer
        self.notBefore = Date(timeIntervalSince1970: nbf)
        self.expiresAt = expiresAt
        self.revocationID = vc?["rid"]?.stringValue
    }

    /// The FHIR bundle's resources (`entry[].resource`).
    public var resources: [JSONValue] {
        (payload["vc"]?["credentialSubject"]?["fhirBundle"]?["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }
    }

    /// The holder: the bundle's first Patient, its first name (`family`, `given` joined by spaces,
    /// else `text`) and `birthDate`.
    public var holder: InspectionReport.Holder? {
        guard let patient = resources.first(where: { $0["resourceType"]?.stringValue == "Patient" }) else { return nil }
        let name = patient["name"]?.arrayValue?.first
        func clean(_ text: String?) -> String? {
            text.map(TextSafety.withoutControls).flatMap { $0.isEmpty ? nil : $0 }
        }
        let family = clean(name?["family"]?.stringValue ?? name?["family"]?.arrayValue?.compactMap(\.stringValue).joined(separator: " "))
        let given = clean(name?["given"]?.arrayValue?.compactMap(\.stringValue).joined(separator: " "))
        let birth = clean(patient["birthDate"]?.stringValue)
        return InspectionReport.Holder(familyName: family, givenName: given, name: clean(name?["text"]?.stringValue), birthDate: birth)
    }
}
