import Foundation

extension CitizenIDCard {
    /// Parses the text of a citizen-ID card QR.
    ///
    /// Tolerated: whitespace and a byte-order mark around the text and around each field;
    /// trailing `|` separators; NFC or NFD (decomposed) Vietnamese diacritics, and any case of
    /// the sex value ("Nam", "NỮ", "Nu"). The result is NFC. Rejected with a ``CitizenIDError``
    /// naming the field: a field count other than 7 or 6 (the 6-field form has no issue date),
    /// an ID number that is not 12 digits, an old ID number that is neither empty nor 9 digits,
    /// an empty name, a date that is not `DDMMYYYY` or not a real day (`31022000`), a year
    /// outside 1900–2099, an unknown sex value, an issue date before the birth date, a control character in any field.
    public init(parsing text: String) throws(CitizenIDError) {
        let normalized = text.precomposedStringWithCanonicalMapping
        let trimmed = Self.trim(Substring(normalized))
        guard !trimmed.isEmpty else {
            throw CitizenIDError(
                code: .emptyInput, message: "the QR text is empty; scan the citizen-ID card's QR code again")
        }
        var fields = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { Self.trim($0) }
        // A printed card carries no control characters; one inside a field (a NUL that SQLite
        // would cut the text at, a line break that forges a log line) marks a crafted code.
        if let index = fields.firstIndex(where: { $0.unicodeScalars.contains(where: TextSafety.isControl) }) {
            throw CitizenIDError(
                code: .controlCharacter,
                message:
                    "field \(index + 1) holds a control character, which no citizen-ID card has; the QR was crafted or damaged, check the card by eye",
                field: index + 1)
        }
        while fields.count > 6, fields.last?.isEmpty == true {
            fields.removeLast()
        }
        guard fields.count == 7 || fields.count == 6 else {
            throw CitizenIDError(
                code: .wrongFieldCount,
                message: "found \(fields.count) field\(fields.count == 1 ? "" : "s") separated by '|', but a "
                    + "citizen-ID QR has 7 (ID number|old ID number|full name|birth date|sex|address|issue date) "
                    + "or 6 (without issue date); check that this is the QR on a Vietnamese citizen-ID card")
        }

        let id = fields[0]
        guard id.utf8.count == 12, Self.isASCIIDigits(id) else {
            throw CitizenIDError(
                code: .invalidIDNumber,
                message: "field 1 (ID number) has \(id.count) character\(id.count == 1 ? "" : "s")"
                    + (Self.isASCIIDigits(id) ? "" : " including non-digits")
                    + "; a citizen ID number is exactly 12 digits 0-9; check the card or enter the number by hand",
                field: 1)
        }

        let old = fields[1]
        guard old.isEmpty || (old.utf8.count == 9 && Self.isASCIIDigits(old)) else {
            throw CitizenIDError(
                code: .invalidOldIDNumber,
                message: "field 2 (old ID number) has \(old.count) character\(old.count == 1 ? "" : "s")"
                    + (Self.isASCIIDigits(old) ? "" : " including non-digits")
                    + "; it must be empty or exactly 9 digits; check the card",
                field: 2)
        }

        let name = fields[2]
        guard !name.isEmpty else {
            throw CitizenIDError(
                code: .missingFullName,
                message: "field 3 (full name) is empty; the card's QR must carry the holder's name, check the card",
                field: 3)
        }

        let birth = try Self.parseDate(fields[3], field: 4, label: "birth date", code: .invalidBirthDate)
        let sex = try Self.parseSex(fields[4])
        let address = fields[5]

        var issue: CalendarDay?
        if fields.count == 7 {
            let parsed = try Self.parseDate(fields[6], field: 7, label: "issue date", code: .invalidIssueDate)
            guard parsed >= birth else {
                throw CitizenIDError(
                    code: .issueDateBeforeBirthDate,
                    message: "field 7 (issue date \(parsed.iso8601)) lies before field 4 (birth date "
                        + "\(birth.iso8601)); the QR data is inconsistent, check the card",
                    field: 7)
            }
            issue = parsed
        }

        self.init(
            idNumber: String(id), oldIDNumber: old.isEmpty ? nil : String(old), fullName: String(name),
            birthDate: birth, sex: sex, address: String(address), issueDate: issue)
    }

    /// True for text shaped like a citizen-ID QR: after leading whitespace, a run of 1–20 ASCII
    /// digits, optional whitespace, `|`, and at least 4 `|` in all. It is meant for format detection,
    /// so it is looser than ``init(parsing:)``: a QR with a mistyped ID number still counts as a
    /// citizen-ID QR and parsing it then gives the precise error.
    public static func looksLike(_ text: String) -> Bool {
        var digits = 0
        var pipes = 0
        var state = 0  // 0 leading space, 1 digits, 2 spaces after digits, 3 rest
        for scalar in text.unicodeScalars {
            switch state {
            case 0:
                if isTrimmable(scalar) { continue }
                guard scalar.isASCII, ("0"..."9").contains(scalar) else { return false }
                digits = 1
                state = 1
            case 1:
                if scalar.isASCII, ("0"..."9").contains(scalar) {
                    digits += 1
                    if digits > 20 { return false }
                } else if scalar == "|" {
                    pipes = 1
                    state = 3
                } else if isTrimmable(scalar) {
                    state = 2
                } else {
                    return false
                }
            case 2:
                if scalar == "|" {
                    pipes = 1
                    state = 3
                } else if !isTrimmable(scalar) {
                    return false
                }
            default:
                if scalar == "|" {
                    pipes += 1
                    if pipes >= 4 { return true }
                }
            }
        }
        return false
    }

    // MARK: - Helpers

    /// Whitespace, byte-order marks and NULs (padding seen from some scanners) around fields.
    private static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\0"
    }

    private static func trim(_ s: Substring) -> Substring {
        var s = s
        while let first = s.unicodeScalars.first, isTrimmable(first) {
            s = Substring(s.unicodeScalars.dropFirst())
        }
        while let last = s.unicodeScalars.last, isTrimmable(last) {
            s = Substring(s.unicodeScalars.dropLast())
        }
        return s
    }

    private static func isASCIIDigits(_ s: Substring) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func parseDate(
        _ text: Substring, field: Int, label: String, code: CitizenIDError.Code
    ) throws(CitizenIDError) -> CalendarDay {
        let bytes = Array(text.utf8)
        guard bytes.count == 8, isASCIIDigits(text) else {
            throw CitizenIDError(
                code: code,
                message: "field \(field) (\(label)) must be 8 digits DDMMYYYY (e.g. 17051990), found \(text.count) "
                    + "character\(text.count == 1 ? "" : "s")\(isASCIIDigits(text) ? "" : " including non-digits"); "
                    + "check the card",
                field: field)
        }
        func number(_ from: Int, _ count: Int) -> Int {
            bytes[from..<from + count].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        let day = number(0, 2)
        let month = number(2, 2)
        let year = number(4, 4)
        guard (1900...2099).contains(year) else {
            throw CitizenIDError(
                code: code,
                message: "field \(field) (\(label)) has year \(year); years 1900-2099 are expected on a "
                    + "citizen-ID card (format DDMMYYYY); check the card",
                field: field)
        }
        guard let date = CalendarDay(year: year, month: month, day: day) else {
            let reason =
                (1...12).contains(month)
                ? "day \(day) does not exist in month \(month) of \(year)" : "month \(month) does not exist"
            throw CitizenIDError(
                code: code,
                message: "field \(field) (\(label)) is not a real date: \(reason) (format DDMMYYYY); check the card",
                field: field)
        }
        return date
    }

    private static func parseSex(_ text: Substring) throws(CitizenIDError) -> Sex {
        // Fold: NFD, drop combining marks, lower-case ASCII.
        var folded = ""
        for scalar in String(text).decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            folded.unicodeScalars.append(scalar)
        }
        switch folded.lowercased() {
        case "nam", "male", "m": return .male
        case "nu", "female", "f": return .female
        default:
            throw CitizenIDError(
                code: .unknownSex,
                message: "field 5 (sex) is \"\(text.prefix(20))\", expected \"Nam\" (male) or \"Nữ\" (female); "
                    + "check the card",
                field: 5)
        }
    }
}

/// True for text shaped like a Vietnamese citizen-ID card QR (see ``CitizenIDCard/looksLike(_:)``).
public func looksLikeCitizenID(_ text: String) -> Bool {
    CitizenIDCard.looksLike(text)
}
