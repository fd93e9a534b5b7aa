/// The data of a Vietnamese citizen-ID card (CCCD) QR code.
///
/// The QR carries `|`-separated fields: 12-digit ID number | old 9-digit ID number (may be empty)
/// | full name | birth date DDMMYYYY | sex (Nam/Nữ) | address | issue date DDMMYYYY. A 6-field
/// variant has no issue date. No official specification is public; see ``init(parsing:)`` for
/// what is tolerated.
public struct CitizenIDCard: Sendable, Hashable {
    /// Sex as printed on the card.
    public enum Sex: String, Sendable, Hashable {
        /// "Nam".
        case male
        /// "Nữ".
        case female
    }

    /// A calendar day (proleptic Gregorian, no time zone).
    public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// Year, 1900–2099 on cards.
        public var year: Int
        /// Month 1–12.
        public var month: Int
        /// Day 1–31.
        public var day: Int

        /// Creates a day; nil when it does not exist (e.g. 31 February).
        public init?(year: Int, month: Int, day: Int) {
            guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
                day <= Self.daysIn(month: month, year: year)
            else { return nil }
            self.year = year
            self.month = month
            self.day = day
        }

        /// Days in `month` of `year`.
        public static func daysIn(month: Int, year: Int) -> Int {
            switch month {
            case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }

        /// `YYYY-MM-DD`.
        public var iso8601: String {
            "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
        }

        /// `n` in decimal, left-padded with zeros to `width` digits.
        static func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }

        /// `YYYY-MM-DD`.
        public var description: String { iso8601 }

        /// Chronological order.
        public static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
        }
    }

    /// The 12-digit citizen ID number.
    public var idNumber: String
    /// The old 9-digit ID number (CMND), nil when the card has none.
    public var oldIDNumber: String?
    /// The full name as on the card (family, middle, given), Unicode NFC.
    public var fullName: String
    /// Date of birth.
    public var birthDate: CalendarDay
    /// Sex.
    public var sex: Sex
    /// Permanent address as on the card, NFC.
    public var address: String
    /// Date of issue; nil in the 6-field form.
    public var issueDate: CalendarDay?

    /// Creates a card from its parts.
    public init(
        idNumber: String, oldIDNumber: String?, fullName: String, birthDate: CalendarDay, sex: Sex,
        address: String, issueDate: CalendarDay?
    ) {
        self.idNumber = idNumber
        self.oldIDNumber = oldIDNumber
        self.fullName = fullName
        self.birthDate = birthDate
        self.sex = sex
        self.address = address
        self.issueDate = issueDate
    }

    /// The `inspect --json` payload: exactly `id_number`, `old_id_number` (or null),
    /// `full_name`, `birth_date` (YYYY-MM-DD), `sex` (male/female), `address`, `issue_date`
    /// (YYYY-MM-DD or null).
    public func json() -> JSONValue {
        .object([
            "id_number": .string(idNumber),
            "old_id_number": oldIDNumber.map(JSONValue.string) ?? .null,
            "full_name": .string(fullName),
            "birth_date": .string(birthDate.iso8601),
            "sex": .string(sex.rawValue),
            "address": .string(address),
            "issue_date": issueDate.map { .string($0.iso8601) } ?? .null,
        ])
    }

    /// Whether digits 4–6 of the ID number agree with the birth year and sex (digit 4 encodes
    /// century and sex: 0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s; digits 5–6 are the
    /// last two digits of the birth year). Informative only: parsing never rejects a card for it.
    public var idNumberAgreesWithBirthAndSex: Bool {
        let digits = idNumber.utf8.map { Int($0) - 48 }
        guard digits.count == 12 else { return false }
        let centuryCode = digits[3]
        let century = 1900 + (centuryCode / 2) * 100
        let expectedSex: Sex = centuryCode % 2 == 0 ? .male : .female
        let year = century + digits[4] * 10 + digits[5]
        return year == birthDate.year && expectedSex == sex
    }
}
