import Foundation

/// A health credential of any format in the one shape the admission policy and the country's
/// rules read: the EU DCC data model. CertLogic rules are written against a DCC payload (`nam`,
/// `dob`, exactly one of `v`/`t`/`r`), so every format's inspector maps what its credential
/// certifies into that shape once, and nothing downstream asks which format it came from.
///
/// What a mapped payload can and cannot carry (docs/credentials.md, "Rules and formats"): the
/// fields a format has no counterpart for are absent, so a rule that reads one of them is not
/// satisfied by that format (it fails closed), never guessed.
public struct HealthEvidence: Sendable, Hashable {
    /// One vaccination event (a DCC `v` entry).
    public struct Vaccination: Sendable, Hashable {
        /// Disease targeted (SNOMED CT; COVID-19 is `840539006`).
        public var disease: String
        /// Vaccine or prophylaxis (`vp`), when the format says or it follows from the product.
        public var vaccine: String?
        /// Medicinal product (`mp`): an EU product code where the format's code maps to one, else the
        /// format's own code written `system#code` (e.g. `http://hl7.org/fhir/sid/cvx#208`).
        public var product: String?
        /// Marketing authorisation holder (`ma`), when known.
        public var manufacturer: String?
        /// Dose number (`dn`).
        public var doseNumber: Int
        /// Doses in the series (`sd`), when stated.
        public var seriesDoses: Int?
        /// Date of vaccination, `YYYY-MM-DD` (`dt`).
        public var date: String
        /// Country of vaccination (`co`), ISO 3166 alpha-2 when known.
        public var country: String?
        /// Who issued the credential (`is`).
        public var issuer: String?

        /// Creates a vaccination.
        public init(
            disease: String = HealthEvidence.covid19, vaccine: String? = nil, product: String? = nil, manufacturer: String? = nil,
            doseNumber: Int, seriesDoses: Int? = nil, date: String, country: String? = nil, issuer: String? = nil
        ) {
            self.disease = disease
            self.vaccine = vaccine
            self.product = product
            self.manufacturer = manufacturer
            self.doseNumber = doseNumber
            self.seriesDoses = seriesDoses
            self.date = date
            self.country = country
            self.issuer = issuer
        }
    }

    /// One test (a DCC `t` entry).
    public struct Test: Sendable, Hashable {
        /// Disease targeted.
        public var disease: String
        /// Type of test (`tt`): `LP6464-4` NAAT/PCR, `LP217198-3` rapid antigen; nil when unknown.
        public var type: String?
        /// Result (`tr`): `260415000` not detected, `260373001` detected.
        public var result: String
        /// When the sample was taken (`sc`), ISO 8601 with a time.
        public var sampleTime: String
        /// Country of the test (`co`).
        public var country: String?
        /// Who issued the credential (`is`).
        public var issuer: String?

        /// Creates a test.
        public init(
            disease: String = HealthEvidence.covid19, type: String?, result: String, sampleTime: String, country: String? = nil,
            issuer: String? = nil
        ) {
            self.disease = disease
            self.type = type
            self.result = result
            self.sampleTime = sampleTime
            self.country = country
            self.issuer = issuer
        }
    }

    /// SNOMED CT code of COVID-19.
    public static let covid19 = "840539006"
    /// SNOMED CT code of a test result "not detected".
    public static let notDetected = "260415000"
    /// SNOMED CT code of a test result "detected".
    public static let detected = "260373001"

    /// The format the credential came in.
    public var format: InspectionReport.Format
    /// The DCC-shaped payload the country's rules are evaluated on.
    public var payload: JSONValue
    /// When the credential was issued, if it says.
    public var issuedAt: Date?
    /// Until when the credential is valid, if it says.
    public var expiresAt: Date?

    /// Evidence whose payload is already in the DCC data model (an EU DCC, a WHO DDCC mapped by its inspector).
    public init(format: InspectionReport.Format, payload: JSONValue, issuedAt: Date? = nil, expiresAt: Date? = nil) {
        self.format = format
        self.payload = payload
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }

    /// Evidence mapped from another format: the holder and what the credential certifies are
    /// written into a DCC payload (`ver` 1.3.0; `fnt`/`gnt` are the names folded to the
    /// ICAO 9303 alphabet, as a DCC issuer would).
    public init(
        format: InspectionReport.Format, holder: InspectionReport.Holder, vaccinations: [Vaccination] = [], tests: [Test] = [],
        issuedAt: Date? = nil, expiresAt: Date? = nil
    ) {
        var name: [String: JSONValue] = [:]
        let family = holder.familyName ?? (holder.givenName == nil ? holder.name : nil)
        if let family {
            name["fn"] = .string(family)
            name["fnt"] = .string(Self.transliterated(family))
        }
        if let given = holder.givenName {
            name["gn"] = .string(given)
            name["gnt"] = .string(Self.transliterated(given))
        }
        var payload: [String: JSONValue] = [
            "ver": .string("1.3.0"),
            "nam": .object(name),
            "dob": .string(holder.birthDate ?? ""),
        ]
        if !vaccinations.isEmpty {
            payload["v"] = .array(vaccinations.map(Self.entry))
        } else if !tests.isEmpty {
            payload["t"] = .array(tests.map(Self.entry))
        }
        self.init(format: format, payload: .object(payload), issuedAt: issuedAt, expiresAt: expiresAt)
    }

    /// Whether the payload certifies anything (a vaccination, test or recovery).
    public var certifiesAnything: Bool {
        ["v", "t", "r"].contains { payload[$0]?.arrayValue?.isEmpty == false }
    }

    private static func entry(_ vaccination: Vaccination) -> JSONValue {
        var entry: [String: JSONValue] = [
            "tg": .string(vaccination.disease),
            "dn": .number(Double(vaccination.doseNumber)),
            "dt": .string(vaccination.date),
        ]
        entry["vp"] = vaccination.vaccine.map(JSONValue.string)
        entry["mp"] = vaccination.product.map(JSONValue.string)
        entry["ma"] = vaccination.manufacturer.map(JSONValue.string)
        entry["sd"] = vaccination.seriesDoses.map { .number(Double($0)) }
        entry["co"] = vaccination.country.map(JSONValue.string)
        entry["is"] = vaccination.issuer.map(JSONValue.string)
        return .object(entry)
    }

    private static func entry(_ test: Test) -> JSONValue {
        var entry: [String: JSONValue] = [
            "tg": .string(test.disease),
            "tr": .string(test.result),
            "sc": .string(test.sampleTime),
        ]
        entry["tt"] = test.type.map(JSONValue.string)
        entry["co"] = test.country.map(JSONValue.string)
        entry["is"] = test.issuer.map(JSONValue.string)
        return .object(entry)
    }

    /// A name in the DCC's transliterated form: upper case A–Z, `<` between words, no diacritics.
    static func transliterated(_ name: String) -> String {
        let folded = name.replacingOccurrences(of: "Đ", with: "D").replacingOccurrences(of: "đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).uppercased()
        var result = ""
        for scalar in folded.unicodeScalars {
            if ("A"..."Z").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, result.last != "<" {
                result.append("<")
            }
        }
        while result.last == "<" { result.removeLast() }
        return result
    }

    /// The EU medicinal product (`mp`) and vaccine type (`vp`) of a CDC CVX code, for the COVID-19
    /// vaccines that have both; nil for the others (the caller then keeps the CVX code itself).
    public static func euProduct(cvx: String) -> (product: String, vaccine: String)? {
        switch cvx {
        case "207", "221": ("EU/1/20/1507", "1119349007")  // Moderna (mRNA)
        case "208", "217", "218", "219": ("EU/1/20/1528", "1119349007")  // Pfizer-BioNTech (mRNA)
        case "210": ("EU/1/21/1529", "J07BX03")  // AstraZeneca
        case "212": ("EU/1/20/1525", "J07BX03")  // Janssen
        case "211": ("EU/1/21/1618", "1119305005")  // Novavax (protein subunit)
        case "502": ("Covaxin", "J07BX03")  // Bharat Biotech
        case "505": ("Sputnik-V", "J07BX03")  // Gamaleya
        case "510": ("BBIBP-CorV", "J07BX03")  // Sinopharm BIBP
        case "511": ("CoronaVac", "J07BX03")  // Sinovac
        default: nil
        }
    }
}
