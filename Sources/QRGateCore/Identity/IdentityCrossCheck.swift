/// A field of a DCC that can disagree with a citizen-ID card.
public enum IdentityField: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `nam.fnt`: standardised surname (family name).
    case familyName = "nam.fnt"
    /// `nam.gnt`: standardised forename(s) (middle and given names).
    case givenName = "nam.gnt"
    /// `dob`: date of birth.
    case dateOfBirth = "dob"

    /// The DCC field path, e.g. `nam.fnt`.
    public var description: String { rawValue }
}

/// The outcome of comparing a citizen-ID card with a DCC.
public enum IdentityMatch: Sendable, Hashable {
    /// Name and date of birth agree.
    case match
    /// These DCC fields disagree with the card (in the order fnt, gnt, dob). Show them to staff:
    /// millions of Vietnamese vaccination records carry mistyped names or dates.
    case mismatch(fields: [IdentityField])
}

/// Cross-checks a citizen-ID card against a DCC payload (`nam.fnt`, `nam.gnt`, `dob`).
///
/// Names are compared after ``NameFolding``. A Vietnamese full name is family, middle(s),
/// given; the DCC splits surname (`fnt`) from forenames (`gnt`), and issuers put middle names in
/// `gnt` ("NGUYEN" + "VAN<AN") or in `fnt` ("NGUYEN<VAN" + "AN"). The name agrees when the card's
/// words equal `fnt` followed by `gnt`, or `gnt` followed by `fnt` (issuers that write the given
/// name first), or the same letters with different spacing. When `fnt`/`gnt` is missing the
/// untransliterated `fn`/`gn` is folded instead. On disagreement `fnt` is named when it is
/// neither the start nor the end of the card's name, `gnt` likewise; when each fits but the whole
/// does not (a middle name missing or repeated), `gnt` is named.
///
/// Dates of birth: the DCC `dob` may be partial: `1990` and `1990-05` agree with any day inside;
/// `00` as month or day means unknown (`1963-00`); a time after the date is ignored. An empty or
/// absent `dob` (allowed by the schema for unknown dates) is not counted as a mismatch.
public enum IdentityCrossCheck {
    /// Compares the card's full name and birth date with the DCC payload.
    public static func compare(_ card: CitizenIDCard, with payload: JSONValue) -> IdentityMatch {
        compare(fullName: card.fullName, birthDate: card.birthDate, with: payload)
    }

    /// Compares a national personal QR's name (capitals without diacritics, family first) and
    /// birth date with the DCC payload; a masked birth date (`YYYY-**-**`) compares its year only.
    public static func compare(_ qr: VietnamPersonalQR, with payload: JSONValue) -> IdentityMatch {
        switch qr.birthDate {
        case .day(let day):
            return compare(fullName: qr.name, birthDate: day, with: payload)
        case .year(let year):
            return compare(fullName: qr.name, payload: payload) { dobAgrees($0, withYear: year) }
        }
    }

    /// Compares a full name (family first) and birth date with the DCC payload.
    public static func compare(
        fullName: String, birthDate: CitizenIDCard.CalendarDay, with payload: JSONValue
    ) -> IdentityMatch {
        compare(fullName: fullName, payload: payload) { dobAgrees($0, with: birthDate) }
    }

    static func compare(fullName: String, payload: JSONValue, dobAgrees: (String) -> Bool) -> IdentityMatch {
        var fields = nameMismatches(fullName: fullName, nam: payload["nam"])
        let dob: String
        switch payload["dob"] {
        case .string(let text)?: dob = text
        case nil, .null?: dob = ""
        default: dob = "not a date"  // a number or object never agrees
        }
        if !dobAgrees(dob) { fields.append(.dateOfBirth) }
        return fields.isEmpty ? .match : .mismatch(fields: fields)
    }

    /// Whether a DCC `dob` (full, partial, or empty) agrees with a birth year (the rest unknown).
    public static func dobAgrees(_ dob: String, withYear year: Int) -> Bool {
        var text = Substring(dob.trimmingASCIISpaces())
        if text.isEmpty { return true }
        if text.count > 10, let t = text.firstIndex(where: { $0 == "T" || $0 == "t" || $0 == " " }) {
            text = text[..<t]
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return false }
        for (i, part) in parts.enumerated() {
            guard part.utf8.count == (i == 0 ? 4 : 2), part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        }
        return Int(parts[0]) == year
    }

    static func nameMismatches(fullName: String, nam: JSONValue?) -> [IdentityField] {
        let card = NameFolding.tokens(fullName)
        let family = NameFolding.tokens(nam?["fnt"]?.stringValue ?? nam?["fn"]?.stringValue ?? "")
        let given = NameFolding.tokens(nam?["gnt"]?.stringValue ?? nam?["gn"]?.stringValue ?? "")
        if family.isEmpty && given.isEmpty { return [.familyName, .givenName] }
        if card == family + given || card == given + family || card.joined() == (family + given).joined() {
            return []
        }
        let familyFits =
            !family.isEmpty && (card.starts(with: family) || card.reversed().starts(with: family.reversed()))
        let givenFits = !given.isEmpty && (card.reversed().starts(with: given.reversed()) || card.starts(with: given))
        var fields: [IdentityField] = []
        if !familyFits { fields.append(.familyName) }
        if !givenFits { fields.append(.givenName) }
        return fields.isEmpty ? [.givenName] : fields
    }

    /// Whether a DCC `dob` (full, partial, or empty) agrees with `day`.
    public static func dobAgrees(_ dob: String, with day: CitizenIDCard.CalendarDay) -> Bool {
        var text = Substring(dob.trimmingASCIISpaces())
        if text.isEmpty { return true }
        if text.count > 10, let t = text.firstIndex(where: { $0 == "T" || $0 == "t" || $0 == " " }) {
            text = text[..<t]
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return false }
        var numbers: [Int] = []
        for (i, part) in parts.enumerated() {
            guard part.utf8.count == (i == 0 ? 4 : 2), part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let n = Int(part)
            else { return false }
            numbers.append(n)
        }
        if numbers[0] != day.year { return false }
        if numbers.count > 1, numbers[1] != 0, numbers[1] != day.month { return false }
        if numbers.count > 2, numbers[2] != 0, numbers[2] != day.day { return false }
        return true
    }
}

extension String {
    fileprivate func trimmingASCIISpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
