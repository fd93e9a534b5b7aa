/// Vietnam's national personal QR, version 1.1 (Decision 1405/QĐ-BTTTT of 2021-09-11; the QR of
/// PC-COVID and VNeID): `ID|NAME|BIRTH-DATE|FLAG|QID|EXT`.
///
/// The QR is unsigned plain text as far as anyone can check: the Decision reserves a place for an
/// e-signature in the extras, but no key to verify it is published. A personal QR is therefore an
/// unverified identity, like the citizen-ID card QR (``isSignatureVerified`` is always false).
public struct VietnamPersonalQR: Sendable, Hashable {
    /// What kind of document the ID number belongs to, told by its shape.
    public enum IDKind: String, Sendable, Hashable {
        /// Old identity card (CMND): 9 digits.
        case cmnd
        /// Citizen identity card (CCCD): 12 digits.
        case cccd
        /// Passport: one letter and 7 digits.
        case passport
    }

    /// Sex as the extras state it (`0`, `1`, `2`).
    public enum Sex: String, Sendable, Hashable {
        /// `0`, or the part absent.
        case unknown
        /// `1`.
        case male
        /// `2`.
        case female
    }

    /// The birth date: a whole day, or only the year when the QR shows the masked form `YYYY-**-**`.
    public enum BirthDate: Sendable, Hashable {
        /// `YYYY-MM-DD`.
        case day(CitizenIDCard.CalendarDay)
        /// `YYYY-**-**` (day and month masked).
        case year(Int)

        /// The year.
        public var year: Int {
            switch self {
            case .day(let day): day.year
            case .year(let year): year
            }
        }

        /// The normalised form: `YYYY-MM-DD`, or `YYYY` when masked (a partial date, as DCCs have).
        public var normalized: String {
            switch self {
            case .day(let day): day.iso8601
            case .year(let year): CitizenIDCard.CalendarDay.pad(year, 4)
            }
        }

        /// As written in the QR: `YYYY-MM-DD` or `YYYY-**-**`.
        public var asWritten: String {
            switch self {
            case .day(let day): day.iso8601
            case .year(let year): CitizenIDCard.CalendarDay.pad(year, 4) + "-**-**"
            }
        }
    }

    /// Field 1: the ID number as written (CMND, CCCD or passport), possibly with its first 6
    /// characters masked by `*`.
    public var idNumber: String
    /// The document the ID number belongs to.
    public var idKind: IDKind
    /// True when the first 6 characters of the ID number are masked (`******012345`).
    public var idMasked: Bool
    /// Field 2: the name, upper case without diacritics, family name first ("NGUYEN VAN AN").
    public var name: String
    /// Field 3: the birth date.
    public var birthDate: BirthDate
    /// Field 4: true when the QR was declared on the person's behalf (`1`), false for the person (`0`).
    public var declaredOnBehalf: Bool
    /// Field 5: the national QR user id (digits).
    public var qid: String
    /// Extras, part 1: the QID of the person who declared on this person's behalf.
    public var proxyQID: String?
    /// Extras, part 2: sex.
    public var sex: Sex
    /// Extras, part 3: the health-insurance number (may be masked with `*`).
    public var healthInsurance: String?
    /// Extras, part 4: the phone number (may be masked with `*`).
    public var phone: String?
    /// Extras, part 5 and anything after it (the e-signature), as written; nil when absent.
    public var extExtra: String?

    /// Creates a personal QR from its parts.
    public init(
        idNumber: String, idKind: IDKind, idMasked: Bool, name: String, birthDate: BirthDate, declaredOnBehalf: Bool,
        qid: String, proxyQID: String? = nil, sex: Sex = .unknown, healthInsurance: String? = nil, phone: String? = nil,
        extExtra: String? = nil
    ) {
        self.idNumber = idNumber
        self.idKind = idKind
        self.idMasked = idMasked
        self.name = name
        self.birthDate = birthDate
        self.declaredOnBehalf = declaredOnBehalf
        self.qid = qid
        self.proxyQID = proxyQID
        self.sex = sex
        self.healthInsurance = healthInsurance
        self.phone = phone
        self.extExtra = extExtra
    }

    /// Never true: no verification key for the personal QR's e-signature is published, so a
    /// signature part, when present, cannot be checked and the QR counts as unsigned.
    public var isSignatureVerified: Bool { false }

    /// The ID number when it is whole (not masked): the one usable to recognise a person.
    public var usableIDNumber: String? { idMasked ? nil : idNumber }

    /// The name's words: family name first, then middle and given names.
    public var nameWords: [Substring] { name.split(separator: " ") }

    /// The `inspect --json` payload: `id_number`, `id_kind` (`cmnd`/`cccd`/`passport`),
    /// `id_masked`, `name`, `birth_date` (as written), `birth_date_masked`, `proxy`, `qid`,
    /// `proxy_qid`, `sex` (`unknown`/`male`/`female`), `health_insurance`, `phone`, `ext_extra`
    /// (the signature part and beyond, as written) and `signature_verified` (always false).
    public func json() -> JSONValue {
        let masked: Bool
        if case .year = birthDate { masked = true } else { masked = false }
        return .object([
            "id_number": .string(idNumber),
            "id_kind": .string(idKind.rawValue),
            "id_masked": .bool(idMasked),
            "name": .string(name),
            "birth_date": .string(birthDate.asWritten),
            "birth_date_masked": .bool(masked),
            "proxy": .bool(declaredOnBehalf),
            "qid": .string(qid),
            "proxy_qid": proxyQID.map(JSONValue.string) ?? .null,
            "sex": .string(sex.rawValue),
            "health_insurance": healthInsurance.map(JSONValue.string) ?? .null,
            "phone": phone.map(JSONValue.string) ?? .null,
            "ext_extra": extExtra.map(JSONValue.string) ?? .null,
            "signature_verified": .bool(isSignatureVerified),
        ])
    }
}
