/// The person a scan is about, as far as their credentials say. Every field is personal
/// data: it is purged after the retention period.
public struct Subject: Sendable, Hashable {
    /// National ID number (12-digit citizen ID) when known.
    public var idNumber: String?
    /// Full name as presented (with diacritics when the source has them).
    public var fullName: String?
    /// Birth date as presented: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var birthDate: String?

    /// Creates a subject.
    public init(idNumber: String? = nil, fullName: String? = nil, birthDate: String? = nil) {
        self.idNumber = idNumber
        self.fullName = fullName
        self.birthDate = birthDate
    }

    /// True when nothing identifies the person.
    public var isAnonymous: Bool { idNumber == nil && fullName == nil }
}

/// The verified result of a credential — what is stored instead of the raw QR payload.
public struct CredentialSummary: Sendable, Hashable {
    /// Kinds of credential.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// EU DCC vaccination certificate.
        case vaccination
        /// EU DCC test certificate.
        case test
        /// EU DCC recovery certificate.
        case recovery
        /// Vietnamese citizen-ID card QR (identity only).
        case citizenID = "citizen-id"
        /// Vietnam's national personal QR (identity only, unsigned).
        case personalQR = "personal-qr"
        /// A qrgate receipt from an earlier visit.
        case receipt
        /// Nothing usable was presented.
        case none
    }

    /// What was presented.
    public var kind: Kind
    /// Whether every check passed.
    public var verified: Bool
    /// Issuing country or authority.
    public var issuer: String?
    /// Doses received and required, e.g. `2/2`, for vaccinations.
    public var doses: String?
    /// The date of the event (vaccination, sample, first positive result).
    public var eventDate: String?
    /// Until when the credential is valid (ISO 8601).
    public var validUntil: String?

    /// Creates a summary.
    public init(kind: Kind, verified: Bool, issuer: String? = nil, doses: String? = nil, eventDate: String? = nil, validUntil: String? = nil) {
        self.kind = kind
        self.verified = verified
        self.issuer = issuer
        self.doses = doses
        self.eventDate = eventDate
        self.validUntil = validUntil
    }
}
