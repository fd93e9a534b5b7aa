import Crypto
import Foundation

/// Why a declaration token did not verify.
public typealias DeclarationTokenError = CodedError<DeclarationTokenErrors>
/// The domain of ``DeclarationTokenError``: codes `prefix`, `encoding`, `claims`, `unknown_kid`, `signature`, `future`, `free_text_too_long`, `other_site`.
public enum DeclarationTokenErrors: ErrorDomain {}

/// The health-declaration token `QRD1:` + Base45(zlib(COSE_Sign1(CBOR claims))), ES256, signed by
/// the health-declaration service: who declared, the answers, and when.
public enum DeclarationToken {
    /// The context prefix.
    public static let prefix = "QRD1:"

    /// A verified declaration with the identity it was made for.
    public struct Verified: Sendable, Hashable {
        /// The answers.
        public var declaration: HealthDeclaration
        /// Who made it (ID number, name, birth date as given to the service).
        public var subject: Subject
    }

    /// Signs a declaration (the service's side; used by tests and demos).
    public static func issue(_ declaration: HealthDeclaration, subject: Subject, key: P256.Signing.PrivateKey) throws -> String {
        var entries = [
            CBORMapEntry(key: .text("sym"), value: .array(declaration.symptoms.sorted().map { .text($0.rawValue) })),
            CBORMapEntry(key: .text("contact"), value: .bool(declaration.contactWithConfirmedCase)),
            CBORMapEntry(key: .text("travel"), value: .bool(declaration.travelledLast14Days)),
            CBORMapEntry(key: .text("t"), value: .int(Int(declaration.submittedAt))),
        ]
        if let id = subject.idNumber { entries.append(CBORMapEntry(key: .text("id"), value: .text(id))) }
        if let name = subject.fullName { entries.append(CBORMapEntry(key: .text("name"), value: .text(name))) }
        if let dob = subject.birthDate { entries.append(CBORMapEntry(key: .text("dob"), value: .text(dob))) }
        if let text = declaration.freeText { entries.append(CBORMapEntry(key: .text("text"), value: .text(text))) }
        let message = try COSESign1.signES256(
            payload: CBOREncoder.encode(.map(entries)), keyIdentifier: ES256Keyring.keyIdentifier(key.publicKey), key: key)
        return prefix + Base45.encode(Zlib.deflate(message.encoded()))
    }

    /// Verifies `text` against the declaration service's keys at `now`.
    public static func verify(_ text: String, keyring: ES256Keyring, at now: Date) throws(DeclarationTokenError) -> Verified {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(prefix) else { throw DeclarationTokenError(code: "prefix", message: "not a declaration token (\(prefix))") }
        let message: COSESign1
        let claims: CBORValue
        do {
            var limits = Zlib.Limits()
            limits.maxOutputBytes = 8192
            message = try COSESign1(decoding: try Zlib.inflate(try Base45.decode(trimmed.dropFirst(prefix.count)), limits: limits))
            claims = try CBORDecoder().decode(message.payload)
        } catch {
            throw DeclarationTokenError(code: "encoding", message: "the declaration QR is damaged (\(error)); declare again")
        }
        guard case .map(let entries) = claims else { throw DeclarationTokenError(code: "claims", message: "the declaration has no claims") }
        func value(_ key: String) -> CBORValue? { entries.first { $0.key == .text(key) }?.value }
        guard let submitted = value("t")?.intValue, case .array(let symptomValues)? = value("sym") else {
            throw DeclarationTokenError(code: "claims", message: "the declaration lacks its time or its symptom answers")
        }
        guard let kid = message.keyIdentifier, let key = keyring.key(for: kid) else {
            throw DeclarationTokenError(
                code: "unknown_kid", message: "the declaration was signed by a key this gate does not trust; install the declaration service's key")
        }
        let valid = (try? message.verifySignature(with: .p256(key.publicKey))) ?? false
        guard valid else { throw DeclarationTokenError(code: "signature", message: "the declaration's signature does not match: it was altered") }
        var symptoms = Set<HealthDeclaration.Symptom>()
        for symptom in symptomValues {
            guard let name = symptom.textValue, let parsed = HealthDeclaration.Symptom(rawValue: name) else {
                throw DeclarationTokenError(code: "claims", message: "unknown symptom answer in the declaration")
            }
            symptoms.insert(parsed)
        }
        let freeText = value("text")?.textValue
        if let freeText, !HealthDeclaration.freeTextFits(freeText) {
            throw DeclarationTokenError(
                code: "free_text_too_long", message: "the declaration's free text is longer than \(HealthDeclaration.maxFreeTextBytes) bytes (UTF-8)")
        }
        if let site = value("site")?.textValue, let keySite = key.site, site != keySite {
            throw DeclarationTokenError(
                code: "other_site", message: "the declaration was made for site \(site); this gate's declaration keys speak for site \(keySite) only")
        }
        let identity = [value("id"), value("name"), value("dob")].compactMap { $0?.textValue }
        if identity.contains(where: { $0.unicodeScalars.contains(where: TextSafety.isControl) }) {
            throw DeclarationTokenError(code: "claims", message: "the declaration's identity holds control characters; declare again")
        }
        let submittedAt = Double(submitted)
        guard submittedAt <= now.timeIntervalSince1970 + 300 else {
            throw DeclarationTokenError(code: "future", message: "the declaration is dated in the future; a clock is wrong")
        }
        let declaration = HealthDeclaration(
            symptoms: symptoms, contactWithConfirmedCase: value("contact") == .bool(true), travelledLast14Days: value("travel") == .bool(true),
            freeText: freeText.map(TextSafety.withoutControls), submittedAt: submittedAt, source: .token)
        return Verified(
            declaration: declaration,
            subject: Subject(idNumber: value("id")?.textValue, fullName: value("name")?.textValue, birthDate: value("dob")?.textValue))
    }
}
