/// A health declaration: symptoms, exposure and travel, made through a declaration token
/// or on the kiosk screen.
public struct HealthDeclaration: Sendable, Hashable {
    /// Symptoms a person can declare.
    public enum Symptom: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
        case fever
        case cough
        case shortnessOfBreath = "shortness_of_breath"
        case soreThroat = "sore_throat"
        case lossOfTasteOrSmell = "loss_of_taste_or_smell"
        case other

        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    /// Where the declaration came from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// A signed `QRD1:` token.
        case token
        /// The kiosk screen through the local API.
        case kiosk
    }

    /// Longest free text accepted, in UTF-8 bytes (what is stored and forwarded): about 1,000
    /// letters of plain Latin text, 330–500 of Vietnamese with its diacritics, 250 emoji.
    public static let maxFreeTextBytes = 1000

    /// Whether `text` fits the free-text limit (counted in UTF-8 bytes, never in characters:
    /// one "character" can be a cluster of dozens of bytes).
    public static func freeTextFits(_ text: String) -> Bool {
        text.utf8.count <= maxFreeTextBytes
    }

    /// Declared symptoms (empty: none).
    public var symptoms: Set<Symptom>
    /// Contact with a confirmed case.
    public var contactWithConfirmedCase: Bool
    /// Travel in the last 14 days.
    public var travelledLast14Days: Bool
    /// Bounded free text.
    public var freeText: String?
    /// When it was submitted (seconds since 1970, UTC).
    public var submittedAt: Double
    /// Where it came from.
    public var source: Source

    /// Creates a declaration; free text must fit ``maxFreeTextBytes`` (its parsers check).
    public init(
        symptoms: Set<Symptom> = [],
        contactWithConfirmedCase: Bool = false,
        travelledLast14Days: Bool = false,
        freeText: String? = nil,
        submittedAt: Double,
        source: Source
    ) {
        self.symptoms = symptoms
        self.contactWithConfirmedCase = contactWithConfirmedCase
        self.travelledLast14Days = travelledLast14Days
        self.freeText = freeText
        self.submittedAt = submittedAt
        self.source = source
    }

    /// Whether anything declared calls for medical staff.
    public var needsMedicalReferral: Bool { !symptoms.isEmpty || contactWithConfirmedCase }
}
