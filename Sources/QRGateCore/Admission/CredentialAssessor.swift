import Foundation

/// Everything that one scan presented, verified, in the shape the policy and the store want.
public struct Assessment: Sendable {
    /// Evidence for the admission policy.
    public var evidence: PresentedEvidence
    /// The person (personal data).
    public var subject: Subject
    /// Pairing key for entries and exits (HMAC of the normalised identity under the site secret), nil when anonymous.
    public var subjectKey: String?
    /// The credential summary stored with the check-in (never the raw payload).
    public var credential: CredentialSummary
    /// A verified receipt from a gate of this site, when one was presented.
    public var receipt: ReceiptClaims?
    /// Why texts were not usable, for the log.
    public var problems: [String]
    /// Version of the rule set that was applied.
    public var ruleSetVersion: String?
}

/// Turns scanned texts into verified evidence: health credentials of every format through their
/// inspector and, in the DCC data model they are all mapped to (``HealthEvidence``), the
/// country's rules, citizen-ID cards and national personal QRs through their parsers (both
/// unsigned identities), receipts against the site's gate keys, and the identity cross-check
/// when an identity and a certificate come together.
public struct CredentialAssessor: Sendable {
    /// Trusted DCC signers.
    public var trust: TrustStore
    /// The country rules.
    public var rules: (any RuleEvaluating)?
    /// Country whose rules apply.
    public var country: String
    /// Site of this gate (receipts must be from it).
    public var site: String
    /// Gate public keys of the site.
    public var keyring: ES256Keyring
    /// Keys of the health-declaration service.
    public var declarationKeyring: ES256Keyring
    /// The site and gate secrets that key pairing keys and receipt bindings.
    public var personalKeys: PersonalKeys

    /// Creates an assessor.
    public init(
        trust: TrustStore, rules: (any RuleEvaluating)?, country: String, site: String, keyring: ES256Keyring,
        declarationKeyring: ES256Keyring = ES256Keyring(), personalKeys: PersonalKeys
    ) {
        self.trust = trust
        self.rules = rules
        self.country = country
        self.site = site
        self.keyring = keyring
        self.declarationKeyring = declarationKeyring
        self.personalKeys = personalKeys
    }

    /// Assesses the texts of one scan at `now`.
    public func assess(_ texts: [String], at now: Date) -> Assessment {
        var evidence = PresentedEvidence()
        var card: CitizenIDCard?
        var personalQR: VietnamPersonalQR?
        var certificatePayload: JSONValue?
        var receipt: ReceiptClaims?
        var problems: [String] = []
        var ruleSetVersion: String?
        var declarant: Subject?

        // The codes of a chunked SMART Health Card (shown over several scans) are one credential.
        for text in SmartHealthCardQR.joiningChunks(texts) {
            if text.hasPrefix(DeclarationToken.prefix) {
                do {
                    let verified = try DeclarationToken.verify(text, keyring: declarationKeyring, at: now)
                    evidence.declaration = verified.declaration
                    declarant = verified.subject
                } catch {
                    problems.append("declaration: \(error.code)")
                }
                continue
            }
            if text.hasPrefix(ReceiptToken.prefix) {
                do {
                    receipt = try ReceiptToken.verify(text, keyring: keyring, at: now, site: site)
                } catch {
                    problems.append("receipt: \(error.code)")
                }
                continue
            }
            let report = CredentialInspector.inspect(text: text, trust: trust, at: now)
            // Every health format (EU DCC, SMART Health Card, WHO DDCC, …) the same way: its payload
            // in the DCC data model, the country's rules evaluated on it when verified. One that could
            // not be decoded that far is still a certificate shown, and refused as invalid.
            let decoded = report.healthEvidence
            if decoded != nil || InspectionReport.Format.healthFormats.contains(report.format) {
                let health = decoded ?? HealthEvidence(format: report.format, payload: .null)
                let payload = health.payload
                certificatePayload = payload
                var outcome = RuleOutcome.unavailable
                if report.isValid, let rules {
                    outcome = rules.evaluate(payload: payload, issuedAt: health.issuedAt, expiresAt: health.expiresAt, country: country, at: now)
                }
                ruleSetVersion = outcome.version ?? ruleSetVersion
                evidence.certificate = PresentedEvidence.Certificate(
                    verified: report.isValid,
                    failedChecks: report.errors.map { "\($0.check.rawValue): \($0.code)" },
                    summary: Self.summary(of: health, report: report),
                    holder: Self.holder(of: payload),
                    failedRules: outcome.failedRuleIDs,
                    rulesEvaluated: outcome.evaluated,
                    applicableTypeRules: outcome.applicableTypeRules
                )
                continue
            }
            switch report.format {
            case .vnCitizenID:
                if let parsed = try? CitizenIDCard(parsing: text) {
                    card = parsed
                    evidence.citizenID = Subject(idNumber: parsed.idNumber, fullName: parsed.fullName, birthDate: parsed.birthDate.iso8601)
                } else {
                    problems.append("citizen-id: " + (report.errors.first?.code ?? "invalid"))
                }
            case .vnPersonalQR:
                // Parsed as the inspector did (birth date not after today); a masked ID number is
                // no ID number (it can name anyone), a masked birth date only a year.
                if report.isValid, let parsed = try? VietnamPersonalQR(parsing: text, today: VietnamPersonalQRFormatInspector.day(of: now)) {
                    personalQR = parsed
                    if card == nil {
                        evidence.citizenID = Subject(idNumber: parsed.usableIDNumber, fullName: parsed.name, birthDate: parsed.birthDate.normalized)
                    }
                } else {
                    problems.append("personal-qr: " + (report.errors.first?.code ?? "invalid"))
                }
            default:
                problems.append("unrecognised code")
            }
        }

        if let certificatePayload, evidence.certificate != nil {
            // The card when both were shown (it has the name with diacritics), else the personal QR.
            let match =
                card.map { IdentityCrossCheck.compare($0, with: certificatePayload) }
                ?? personalQR.map { IdentityCrossCheck.compare($0, with: certificatePayload) }
            if case .mismatch(let fields)? = match {
                evidence.identityMismatch = fields.map(\.rawValue)
            }
        }

        let presented = evidence.identities
        if let receipt {
            let bound = !receipt.subjectBindings.isEmpty
            evidence.receipt = PresentedEvidence.Receipt(
                checkInID: receipt.checkInID, direction: receipt.direction, decision: receipt.decision,
                bindsPresenter: bound && !presented.isEmpty ? presented.contains { personalKeys.binds(receipt.subjectBindings, to: $0) } : nil,
                isBound: bound)
        }
        if let declarant, evidence.declaration?.source == .token, !declarant.isAnonymous, !presented.isEmpty {
            let named = Set(PersonalKeys.identities(of: declarant))
            evidence.declarationNamesPresenter = presented.contains { !named.isDisjoint(with: PersonalKeys.identities(of: $0)) }
        }

        // The subject: the card wins (it has the ID number and the name with diacritics), then
        // the personal QR.
        let subject = evidence.citizenID ?? evidence.certificate?.holder ?? declarant ?? Subject()
        // The card QR and the personal QR are unsigned plain text: recorded, and exported, as not verified.
        let credential: CredentialSummary =
            evidence.certificate?.summary
            ?? (evidence.citizenID != nil
                ? CredentialSummary(kind: card != nil ? .citizenID : .personalQR, verified: false)
                : receipt != nil ? CredentialSummary(kind: .receipt, verified: true) : CredentialSummary(kind: .none, verified: false))
        return Assessment(
            evidence: evidence,
            subject: subject,
            subjectKey: personalKeys.subjectKey(subject),
            credential: credential,
            receipt: receipt,
            problems: problems,
            ruleSetVersion: ruleSetVersion
        )
    }

    static func holder(of payload: JSONValue) -> Subject {
        let name = payload["nam"]
        let given = name?["gn"]?.stringValue ?? name?["gnt"]?.stringValue
        let family = name?["fn"]?.stringValue ?? name?["fnt"]?.stringValue
        let full = TextSafety.withoutControls([family, given].compactMap { $0 }.joined(separator: " "))
        return Subject(idNumber: nil, fullName: full.isEmpty ? nil : full, birthDate: payload["dob"]?.stringValue.map(TextSafety.withoutControls))
    }

    static func summary(of health: HealthEvidence, report: InspectionReport) -> CredentialSummary {
        let payload = health.payload
        let validUntil = health.expiresAt.map(ISO8601Timestamp.format)
        if let v = payload["v"]?.arrayValue?.first {
            let doses = [v["dn"]?.numberValue, v["sd"]?.numberValue].compactMap { $0.map { String(Int($0)) } }
            return CredentialSummary(
                kind: .vaccination, verified: report.isValid, issuer: v["co"]?.stringValue,
                doses: doses.count == 2 ? doses.joined(separator: "/") : nil, eventDate: v["dt"]?.stringValue, validUntil: validUntil)
        }
        if let t = payload["t"]?.arrayValue?.first {
            return CredentialSummary(
                kind: .test, verified: report.isValid, issuer: t["co"]?.stringValue, eventDate: t["sc"]?.stringValue, validUntil: validUntil)
        }
        if let r = payload["r"]?.arrayValue?.first {
            return CredentialSummary(
                kind: .recovery, verified: report.isValid, issuer: r["co"]?.stringValue, eventDate: r["fr"]?.stringValue,
                validUntil: r["du"]?.stringValue ?? validUntil)
        }
        return CredentialSummary(kind: .none, verified: false)
    }
}
