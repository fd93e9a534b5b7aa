/// The `date` and `date-time` formats of RFC 3339, checked byte by byte (no Foundation
/// formatters: this runs thousands of times per second).
enum SchemaFormatCheck {
    /// `YYYY-MM-DD` naming a real calendar day; unless `strict`, optionally followed by
    /// `T`/`t`/space and a time as accepted by ``isDateTime(_:strict:)``.
    static func isDate(_ text: String, strict: Bool) -> Bool {
        let utf8 = Array(text.utf8)
        if utf8.count == 10 { return fullDate(utf8, 0) }
        guard !strict, utf8.count > 10, fullDate(utf8, 0) else { return false }
        return timePart(utf8, from: 10, requireOffset: false)
    }

    /// `full-date "T" full-time` (RFC 3339 section 5.6, `T` and `Z` case-insensitive, fraction of
    /// any length). Unless `strict`, the offset may be missing (read as UTC by the caller) or
    /// written `+hhmm`.
    static func isDateTime(_ text: String, strict: Bool) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count > 10, fullDate(utf8, 0) else { return false }
        return timePart(utf8, from: 10, requireOffset: strict, allowCompactOffset: !strict)
    }

    private static func digits(_ b: [UInt8], _ at: Int, _ count: Int) -> Int? {
        guard at + count <= b.count else { return nil }
        var value = 0
        for i in at..<at + count {
            let d = b[i] &- 0x30
            guard d <= 9 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }

    private static func fullDate(_ b: [UInt8], _ at: Int) -> Bool {
        guard let year = digits(b, at, 4), b.count >= at + 10, b[at + 4] == UInt8(ascii: "-"),
            let month = digits(b, at + 5, 2), b[at + 7] == UInt8(ascii: "-"), let day = digits(b, at + 8, 2)
        else { return false }
        return (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// Days in a month of the proleptic Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func timePart(
        _ b: [UInt8], from start: Int, requireOffset: Bool, allowCompactOffset: Bool = true
    ) -> Bool {
        var i = start
        guard i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ")
        else { return false }
        i += 1
        guard let hour = digits(b, i, 2), i + 8 <= b.count, b[i + 2] == UInt8(ascii: ":"),
            let minute = digits(b, i + 3, 2), b[i + 5] == UInt8(ascii: ":"), let second = digits(b, i + 6, 2),
            hour <= 23, minute <= 59, second <= 60
        else { return false }
        i += 8
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < b.count, b[i] &- 0x30 <= 9 { i += 1 }
            guard i > fractionStart else { return false }
        }
        if i == b.count { return !requireOffset }
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return i + 1 == b.count
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let h = digits(b, i + 1, 2), h <= 23 else { return false }
            if i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"), let m = digits(b, i + 4, 2), m <= 59 {
                return true
            }
            if allowCompactOffset, i + 5 == b.count, let m = digits(b, i + 3, 2), m <= 59 { return true }
            if allowCompactOffset, i + 3 == b.count { return true }
            return false
        default:
            return false
        }
    }
}
