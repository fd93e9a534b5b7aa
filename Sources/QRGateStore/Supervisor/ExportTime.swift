/// Fast UTC timestamps for exports, without a formatter per row:
/// `2026-11-21T09:30:05.123Z`.
public enum ExportTime {
    /// ISO 8601 UTC with milliseconds for Unix milliseconds `milliseconds`.
    public static func iso8601(milliseconds: Int64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        append(milliseconds: milliseconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the ISO 8601 form of `milliseconds` to `bytes`.
    public static func append(milliseconds: Int64, to bytes: inout [UInt8]) {
        let totalSeconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let millis = Int(milliseconds - totalSeconds * 1000)
        var days = totalSeconds >= 0 ? totalSeconds / 86_400 : (totalSeconds - 86_399) / 86_400
        let secondsOfDay = Int(totalSeconds - days * 86_400)
        // Civil date from days since 1970-01-01 (proleptic Gregorian).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
        digits(year, count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(day, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        digits(secondsOfDay / 3600, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(secondsOfDay / 60 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(secondsOfDay % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        digits(millis, count: 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    private static func digits(_ value: Int, count: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = max(0, value)
        if rest >= divisor * 10 { rest %= divisor * 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
