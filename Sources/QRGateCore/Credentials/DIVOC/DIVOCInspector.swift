import Crypto
import Foundation
import _CryptoExtras

/// DIVOC credentials (India's CoWIN, Indonesia, Sri Lanka, …): `B64:` and the Base64 of a ZIP
/// that holds `certificate.json`, a W3C verifiable credential with a Linked Data proof.
///
/// Checks, in order: `prefix`, `zip` (Base64, the archive, its `certificate.json`), `json`
/// (a JSON object), `signature`: the key named by `proof.verificationMethod` from the trust
/// folder (``LinkedDataKey``), the credential without its proof and the proof options (under
/// `https://w3id.org/security/v2`) each canonicalized (JSON-LD → RDF → URDNA2015 with the
/// trust folder's contexts only), and the detached JWS (`b64: false`, RFC 7797) over
/// SHA-256(canonical proof options) ‖ SHA-256(canonical credential).
public struct DIVOCFormatInspector: CredentialFormatInspector {
    /// The context identifier.
    public static let prefix = "B64:"
    /// The checks of a DIVOC credential, in order.
    public static let checks: [InspectionReport.Check] = [.prefix, .zip, .json, .signature]
    /// The context the proof options are canonicalized under.
    public static let securityContext = "https://w3id.org/security/v2"
    /// `signature` error code when no key is known for the proof's verification method.
    public static let unknownIssuer = "unknown_issuer"

    /// Bounds on the ZIP archive.
    public var zipLimits = ZipArchive.Limits()
    /// Bounds on JSON-LD processing.
    public var jsonLDLimits = JSONLDLimits()

    /// Creates the inspector.
    public init() {}

    /// True for text starting with `B64:`.
    public func recognizes(_ text: String) -> Bool {
        DCCInspector.trimmed(text).hasPrefix(Self.prefix)
    }

    /// Decodes and verifies a DIVOC QR.
    public func inspect(text: String, trust: TrustStore, at clock: Date) -> InspectionReport {
        var run = DCCInspector.Run(format: .divoc)
        let trimmed = DCCInspector.trimmed(text)
        var certificateBytes: [UInt8]?
        if trimmed.hasPrefix(Self.prefix) {
            run.pass(.prefix)
            let body = String(trimmed.dropFirst(Self.prefix.count))
            if let zip = Self.base64(body) {
                do {
                    let archive = try ZipArchive(bytes: zip, limits: zipLimits)
                    certificateBytes = try archive.contents(of: "certificate.json")
                    run.pass(.zip)
                } catch {
                    run.fail(
                        .zip, "invalid_zip",
                        "The DIVOC QR's archive cannot be read: \(error.message) Scan it again; if it persists, the QR is damaged.")
                }
            } else {
                run.fail(.zip, "invalid_base64", "The text after \"B64:\" is not Base64; the QR is damaged or not a DIVOC credential.")
            }
        } else {
            run.report.format = .unknown
            run.fail(.prefix, "unknown_prefix", "The QR text does not start with \"B64:\"; it is not a DIVOC credential.")
        }
        var credential: [String: JSONValue]?
        if let certificateBytes {
            var limits = JSONValue.ParseLimits()
            limits.maxDepth = jsonLDLimits.maxDepth
            do {
                let value = try JSONValue(parsing: certificateBytes, limits: limits)
                if case .object(let object) = value {
                    credential = object
                    run.report.payload = value
                    let holder = Self.holder(of: value)
                    run.report.holder = holder
                    run.report.healthEvidence = Self.healthEvidence(of: value, holder: holder)
                    run.pass(.json)
                } else {
                    run.fail(.json, "not_an_object", "The DIVOC certificate.json is not a JSON object; the credential is malformed. Refuse it.")
                }
            } catch {
                run.fail(
                    .json, "invalid_json", "The DIVOC certificate.json is not valid JSON (\(error.message)); the credential is damaged. Refuse it.")
            }
        }
        if let credential {
            do {
                try verify(credential, trust: trust)
                run.pass(.signature)
            } catch {
                run.fail(.signature, error.code, error.message)
            }
        }
        for check in Self.checks where run.report.checks[check] == nil { run.report.checks[check] = .skip }
        return run.report
    }

    /// A `signature` failure.
    struct ProofFailure: Error {
        var code: String
        var message: String
        init(_ code: String, _ message: String) {
            self.code = code
            self.message = message
        }
    }

    /// Verifies the credential's Linked Data proof.
    func verify(_ credential: [String: JSONValue], trust: TrustStore) throws(ProofFailure) {
        guard case .object(let proof)? = credential["proof"] else {
            throw ProofFailure("missing_proof", "The DIVOC credential carries no proof; it cannot be verified. Refuse it.")
        }
        guard let method = proof["verificationMethod"]?.stringValue, !method.isEmpty else {
            throw ProofFailure("missing_verification_method", "The DIVOC proof names no verificationMethod; it cannot be verified. Refuse it.")
        }
        let proofType = proof["type"]?.stringValue ?? ""
        guard let key = trust.linkedDataKeys[LinkedDataKey.fileBaseName(forVerificationMethod: method)] else {
            throw ProofFailure(
                Self.unknownIssuer,
                "The DIVOC credential is signed by \(method), whose key is not in the trust folder (\(LinkedDataKey.fileBaseName(forVerificationMethod: method)).pem). Add the issuer's key if it is trusted, else refuse the credential."
            )
        }
        guard let jws = proof["jws"]?.stringValue else {
            throw ProofFailure(
                "unsupported_proof", "The DIVOC proof has no jws; only JWS proofs (RsaSignature2018, Ed25519Signature2018) are verified.")
        }
        let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].isEmpty, let headerBytes = Self.base64URL(parts[0]), let signature = Self.base64URL(parts[2]),
            case .object(let header)? = try? JSONValue(parsing: headerBytes)
        else {
            throw ProofFailure(
                "invalid_jws", "The DIVOC proof's jws is not a detached JWS (header..signature); the credential is damaged. Refuse it.")
        }
        guard header["b64"] == .bool(false), header["crit"]?.arrayValue?.contains(.string("b64")) == true else {
            throw ProofFailure(
                "unsupported_proof", "The DIVOC proof's JWS does not use an unencoded payload (b64: false); qrgate verifies only that form.")
        }
        let algorithm = header["alg"]?.stringValue ?? ""
        switch (proofType, key, algorithm) {
        case ("RsaSignature2018", .rsa, "PS256"), ("RsaSignature2018", .rsa, "RS256"), ("Ed25519Signature2018", .ed25519, "EdDSA"): break
        default:
            throw ProofFailure(
                "unsupported_algorithm",
                "The DIVOC proof is \(proofType.isEmpty ? "of no type" : proofType) with JWS algorithm \(algorithm.isEmpty ? "none" : algorithm), but the key of \(method) is \(key.typeName); they do not fit together. Refuse the credential."
            )
        }
        var document = credential
        document.removeValue(forKey: "proof")
        var options = proof
        for name in ["jws", "signatureValue", "proofValue"] { options.removeValue(forKey: name) }
        options["@context"] = .string(Self.securityContext)
        let processor = JSONLDProcessor(loader: trust.jsonLDContexts, limits: jsonLDLimits)
        let canonicalizer = RDFCanonicalizer()
        let canonicalOptions: String
        let canonicalDocument: String
        do {
            canonicalOptions = try canonicalizer.canonicalNQuads(try processor.toRDF(.object(options)))
            canonicalDocument = try canonicalizer.canonicalNQuads(try processor.toRDF(.object(document)))
        } catch {
            throw ProofFailure(
                error.code.description,
                "The DIVOC credential cannot be canonicalized for its signature check: \(error.message)")
        }
        var signingInput = Array(parts[0].utf8)
        signingInput.append(UInt8(ascii: "."))
        signingInput += Array(SHA256.hash(data: Array(canonicalOptions.utf8)))
        signingInput += Array(SHA256.hash(data: Array(canonicalDocument.utf8)))
        let valid: Bool
        switch key {
        case .rsa(let publicKey):
            let digest = SHA256.hash(data: signingInput)
            let rsa = _RSA.Signing.RSASignature(rawRepresentation: signature)
            valid = publicKey.isValidSignature(rsa, for: digest, padding: algorithm == "PS256" ? .PSS : .insecurePKCS1v1_5)
        case .ed25519(let publicKey):
            valid = publicKey.isValidSignature(signature, for: signingInput)
        }
        guard valid else {
            throw ProofFailure(
                "bad_signature",
                "The DIVOC credential's signature does not verify with the key of \(method); the credential was altered or forged. Refuse it.")
        }
    }

    /// The holder: `credentialSubject.name`, the birth date from `dob` (or `birthDate`) without a time part.
    public static func holder(of credential: JSONValue) -> InspectionReport.Holder {
        let subject = credential["credentialSubject"]
        let name = subject?["name"]?.stringValue.map(TextSafety.withoutControls).flatMap { $0.isEmpty ? nil : $0 }
        var birth = (subject?["dob"] ?? subject?["birthDate"])?.stringValue.map(TextSafety.withoutControls)
        if let text = birth, text.count > 10, let cut = text.firstIndex(where: { $0 == "T" || $0 == " " }) {
            birth = String(text[..<cut])
        }
        return InspectionReport.Holder(name: name, birthDate: birth.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// What the credential certifies, in the DCC data model (docs/credentials.md): each
    /// `evidence` entry of type `Vaccination` a vaccination (`vaccine` as `mp`, `manufacturer`
    /// as `ma`, `dose`/`totalDoses`, the day of `date`, the facility's country when it is a
    /// two-letter code, the credential's `issuer`); `issuanceDate` as the issue time.
    public static func healthEvidence(of credential: JSONValue, holder: InspectionReport.Holder) -> HealthEvidence {
        var vaccinations: [HealthEvidence.Vaccination] = []
        for item in credential["evidence"]?.arrayValue ?? [] {
            let types = item["type"]?.arrayValue ?? [item["type"] ?? .null]
            guard types.contains(.string("Vaccination")), let dose = Self.wholeNumber(item["dose"]), let date = item["date"]?.stringValue,
                date.count >= 10
            else { continue }
            func text(_ value: JSONValue?) -> String? {
                value?.stringValue.flatMap { $0.isEmpty || $0 == "-" ? nil : $0 }
            }
            let country = text(item["facility"]?["address"]?["addressCountry"]).flatMap { $0.count == 2 ? $0.uppercased() : nil }
            vaccinations.append(
                HealthEvidence.Vaccination(
                    product: text(item["vaccine"]), manufacturer: text(item["manufacturer"]), doseNumber: dose,
                    seriesDoses: Self.wholeNumber(item["totalDoses"]), date: String(date.prefix(10)), country: country,
                    issuer: text(credential["issuer"])))
        }
        let issued = credential["issuanceDate"]?.stringValue.flatMap(ISO8601Timestamp.parse)
        return HealthEvidence(format: .divoc, holder: holder, vaccinations: vaccinations, issuedAt: issued)
    }

    static func wholeNumber(_ value: JSONValue?) -> Int? {
        if let number = value?.numberValue, number == number.rounded(), abs(number) < 1000 { return Int(number) }
        if let text = value?.stringValue, let number = Int(text), abs(number) < 1000 { return number }
        return nil
    }

    /// Standard Base64 (whitespace ignored, padding optional), else Base64url.
    static func base64(_ text: String) -> [UInt8]? {
        var cleaned = text.filter { !$0.isWhitespace }
        if cleaned.contains("-") || cleaned.contains("_") {
            cleaned = cleaned.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        }
        while cleaned.count % 4 != 0 { cleaned += "=" }
        guard !cleaned.isEmpty, let data = Data(base64Encoded: cleaned) else { return nil }
        return Array(data)
    }

    static func base64URL(_ text: Substring) -> [UInt8]? {
        if text.contains("+") || text.contains("/") || text.contains("=") { return nil }
        return base64(String(text))
    }
}
