extension VietnamPersonalQR {
    /// The most characters a personal QR is read from: the real ones are well under 300; a text
    /// beyond this is refused before any field is looked at.
    public static let maximumLength = 4096

    /// Parses the text of a personal QR, checking the birth date against `today` (nil: no upper
    /// bound; the inspector passes the verification day, UTC).
    ///
    /// Tolerated: whitespace, byte-order marks and NULs around the whole text, and spaces around
    /// each field. Rejected with a ``VietnamPersonalQRError`` whose code names the field: a field
    /// count other than 6 (`field_count`); an ID number that is not 9 digits (CMND), 12 digits
    /// (CCCD) or a letter and 7 digits (passport), masked or not (`id_number`); a name that is
    /// not upper-case A–Z words separated by one space (`name`); a birth date that is not a real
    /// `YYYY-MM-DD` day or the masked `YYYY-**-**`, before 1900 or after `today` (`birth_date`);
    /// a flag other than `0`/`1` (`flag`); a QID that is empty or not digits (`qid`); extras whose
    /// proxy QID is missing for a proxy declaration or not digits (`ext_proxy_qid`), whose sex is
    /// not `0`/`1`/`2` (`ext_sex`), whose health-insurance number or phone holds other characters
    /// (`ext_health_insurance`, `ext_phone`); a control character anywhere (`control_character`).
    public init(parsing text: String, today: CitizenIDCard.CalendarDay? = nil) throws(VietnamPersonalQRError) {
        guard text.utf8.count <= Self.maximumLength else {
            throw VietnamPersonalQRError(
                code: .fieldCount,
                message: "the QR text has \(text.utf8.count) bytes; a personal QR has well under \(Self.maximumLength); "
                    + "this is not a personal QR from PC-COVID or VNeID, ask for an ID document")
        }
        let trimmed = Self.trim(Substring(text))
        guard !trimmed.isEmpty else {
            throw VietnamPersonalQRError(
                code: .emptyInput, message: "the QR text is empty; scan the personal QR again")
        }
        if trimmed.unicodeScalars.contains(where: TextSafety.isControl) {
            throw VietnamPersonalQRError(
                code: .controlCharacter,
                message: "the QR text holds a control character, which no personal QR has; the QR was crafted "
                    + "or damaged, check the person's ID document")
        }
        let fields = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { Self.trimSpaces($0) }
        guard fields.count == 6 else {
            throw VietnamPersonalQRError(
                code: .fieldCount,
                message: "found \(fields.count) field\(fields.count == 1 ? "" : "s") separated by '|', but a personal QR "
                    + "(v1.1) has exactly 6: ID number|name|birth date|0 or 1|QID|extras; ask the person to open "
                    + "the QR again in PC-COVID or VNeID, or check their ID document")
        }
        let (idKind, idMasked) = try Self.parseIDNumber(fields[0])
        let name = try Self.parseName(fields[1])
        let birthDate = try Self.parseBirthDate(fields[2], today: today)
        let onBehalf: Bool
        switch fields[3] {
        case "0": onBehalf = false
        case "1": onBehalf = true
        default:
            throw VietnamPersonalQRError(
                code: .flag,
                message: "field 4 is \"\(Self.shown(fields[3]))\", but it must be 0 (declared by the person) or 1 "
                    + "(declared on their behalf); check the person's ID document",
                field: 4)
        }
        let qid = fields[4]
        guard !qid.isEmpty, Self.isASCIIDigits(qid) else {
            throw VietnamPersonalQRError(
                code: .qid,
                message: qid.isEmpty
                    ? "field 5 (QID, the national QR user id) is empty; the QR is incomplete, ask the person to open it again"
                    : "field 5 (QID, the national QR user id) must be digits only, found \"\(Self.shown(qid))\"; "
                        + "the QR was altered or damaged, check the person's ID document",
                field: 5)
        }
        let parts = fields[5].split(separator: "<", omittingEmptySubsequences: false).map { Self.trimSpaces($0) }
        func part(_ index: Int) -> Substring? {
            index < parts.count && !parts[index].isEmpty ? parts[index] : nil
        }
        let proxyQID = part(0)
        if let proxyQID, !Self.isASCIIDigits(proxyQID) {
            throw VietnamPersonalQRError(
                code: .extProxyQID,
                message: "the extras' first part (the QID of who declared on the person's behalf) must be digits, "
                    + "found \"\(Self.shown(proxyQID))\"; check the person's ID document",
                field: 6)
        }
        if onBehalf && proxyQID == nil {
            throw VietnamPersonalQRError(
                code: .extProxyQID,
                message: "field 4 says the QR was declared on the person's behalf (1), but the extras name no QID of "
                    + "who declared it; the QR is incomplete, check the person's ID document",
                field: 6)
        }
        let sex: Sex
        switch part(1) {
        case nil, "0": sex = .unknown
        case "1": sex = .male
        case "2": sex = .female
        case let other?:
            throw VietnamPersonalQRError(
                code: .extSex,
                message: "the extras' sex part is \"\(Self.shown(other))\", but it must be 0 (unknown), 1 (male) or "
                    + "2 (female); check the person's ID document",
                field: 6)
        }
        let insurance = part(2)
        if let insurance, !insurance.utf8.allSatisfy({ Self.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "*") }) {
            throw VietnamPersonalQRError(
                code: .extHealthInsurance,
                message: "the extras' health-insurance number \"\(Self.shown(insurance))\" holds characters other than "
                    + "letters, digits and the mask '*'; check the person's insurance card",
                field: 6)
        }
        let phone = part(3)
        if let phone, !Self.isPhone(phone) {
            throw VietnamPersonalQRError(
                code: .extPhone,
                message: "the extras' phone number \"\(Self.shown(phone))\" holds characters other than digits, a "
                    + "leading '+' and the mask '*'; check the person's ID document",
                field: 6)
        }
        let extra = parts.count > 4 ? parts[4...].joined(separator: "<") : ""
        self.init(
            idNumber: String(fields[0]), idKind: idKind, idMasked: idMasked, name: String(name), birthDate: birthDate,
            declaredOnBehalf: onBehalf, qid: String(qid), proxyQID: proxyQID.map(String.init), sex: sex,
            healthInsurance: insurance.map(String.init), phone: phone.map(String.init),
            extExtra: extra.isEmpty ? nil : extra)
    }

    // MARK: - Fields

    private static func parseIDNumber(_ id: Substring) throws(VietnamPersonalQRError) -> (IDKind, Bool) {
        let bytes = Array(id.utf8)
        let masked = bytes.count > 6 && bytes.prefix(6).allSatisfy { $0 == UInt8(ascii: "*") }
        let visible = masked ? bytes.dropFirst(6) : bytes[...]
        let digits = visible.allSatisfy(isDigit)
        switch bytes.count {
        case 9 where digits: return (.cmnd, masked)
        case 12 where digits: return (.cccd, masked)
        case 8 where masked && digits: return (.passport, true)
        case 8 where !masked && isUpperASCII(bytes[0]) && bytes.dropFirst().allSatisfy(isDigit): return (.passport, false)
        default:
            throw VietnamPersonalQRError(
                code: .idNumber,
                message: "field 1 (ID number) is \"\(shown(id))\" (\(id.count) character\(id.count == 1 ? "" : "s")); it must "
                    + "be a CMND number (9 digits), a CCCD number (12 digits) or a passport number (a letter and 7 "
                    + "digits), with at most its first 6 characters masked by '*'; check the person's ID document",
                field: 1)
        }
    }

    private static func parseName(_ name: Substring) throws(VietnamPersonalQRError) -> Substring {
        let bytes = Array(name.utf8)
        var valid = !bytes.isEmpty && bytes.first != UInt8(ascii: " ") && bytes.last != UInt8(ascii: " ")
        for (index, byte) in bytes.enumerated() where valid {
            if byte == UInt8(ascii: " ") {
                valid = bytes[index - 1] != UInt8(ascii: " ")
            } else {
                valid = isUpperASCII(byte)
            }
        }
        guard valid else {
            throw VietnamPersonalQRError(
                code: .name,
                message: name.isEmpty
                    ? "field 2 (name) is empty; the personal QR must carry the person's name, check their ID document"
                    : "field 2 (name) is \"\(shown(name))\"; a personal QR writes the name in capitals A-Z without "
                        + "diacritics (Đ as D), words separated by one space; the QR was altered or not made by "
                        + "PC-COVID/VNeID, check the person's ID document",
                field: 2)
        }
        return name
    }

    private static func parseBirthDate(
        _ text: Substring, today: CitizenIDCard.CalendarDay?
    ) throws(VietnamPersonalQRError) -> BirthDate {
        func failure(_ reason: String) -> VietnamPersonalQRError {
            VietnamPersonalQRError(
                code: .birthDate,
                message: "field 3 (birth date) \"\(shown(text))\" \(reason); the personal QR writes YYYY-MM-DD (or "
                    + "YYYY-**-** when masked); check the person's ID document",
                field: 3)
        }
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[0..<4].allSatisfy(isDigit) else {
            throw failure("is not a date in the form YYYY-MM-DD")
        }
        func number(_ range: Range<Int>) -> Int { b[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let year = number(0..<4)
        guard year >= 1900 else { throw failure("lies before 1900") }
        if b[5..<7].allSatisfy({ $0 == UInt8(ascii: "*") }) && b[8..<10].allSatisfy({ $0 == UInt8(ascii: "*") }) {
            if let today, year > today.year { throw failure("lies in the future") }
            return .year(year)
        }
        guard b[5..<7].allSatisfy(isDigit), b[8..<10].allSatisfy(isDigit) else {
            throw failure("is not a date in the form YYYY-MM-DD")
        }
        guard let day = CitizenIDCard.CalendarDay(year: year, month: number(5..<7), day: number(8..<10)) else {
            throw failure("names no real day")
        }
        if let today, day > today { throw failure("lies in the future") }
        return .day(day)
    }

    // MARK: - Helpers

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isUpperASCII(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || isUpperASCII(byte) || (byte >= 0x61 && byte <= 0x7A)
    }
    private static func isASCIIDigits(_ s: Substring) -> Bool { s.utf8.allSatisfy(isDigit) }

    private static func isPhone(_ s: Substring) -> Bool {
        let bytes = Array(s.utf8)
        for (index, byte) in bytes.enumerated() {
            guard isDigit(byte) || byte == UInt8(ascii: "*") || (index == 0 && byte == UInt8(ascii: "+")) else { return false }
        }
        return bytes != [UInt8(ascii: "+")]
    }

    /// A field as quoted in a message: at most 40 characters.
    private static func shown(_ s: Substring) -> String {
        s.count > 40 ? String(s.prefix(40)) + "…" : String(s)
    }

    private static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\0"
    }

    private static func trim(_ s: Substring) -> Substring {
        var s = s
        while let first = s.unicodeScalars.first, isTrimmable(first) { s = Substring(s.unicodeScalars.dropFirst()) }
        while let last = s.unicodeScalars.last, isTrimmable(last) { s = Substring(s.unicodeScalars.dropLast()) }
        return s
    }

    private static func trimSpaces(_ s: Substring) -> Substring {
        var s = s
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
