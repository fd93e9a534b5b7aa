/// A CertLogic date-time: an instant with millisecond precision on the proleptic
/// Gregorian calendar in UTC, years 0000–9999.
///
/// CertLogic can only make date-times with `plusTime` and `dccDateOfBirth`; this type
/// implements their parsing and arithmetic with fixed-UTC calendar math (no time zones,
/// no DST, no leap seconds), following the JavaScript `Date.setUTC…` semantics the
/// specification prescribes: adding months or years keeps the day of the month and lets
/// it overflow into the next month (2021-01-31 + 1 month = 2021-03-03,
/// 2020-02-29 + 1 year = 2021-03-01).
public struct CertLogicDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00.000Z.
    public let millisecondsSinceEpoch: Int64

    /// The unit of a `plusTime` offset.
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        /// Calendar years (the day of the month may overflow, e.g. on 29 February).
        case year
        /// Calendar months (the day of the month may overflow into the next month).
        case month
        /// Days of 24 hours.
        case day
        /// Hours.
        case hour
    }

    static let millisecondsPerDay: Int64 = 86_400_000
    static let minimumMilliseconds = Int64(CertLogicDateTime.daysFromCivil(year: 0, month: 1, day: 1)) * millisecondsPerDay
    static let maximumMilliseconds =
        Int64(CertLogicDateTime.daysFromCivil(year: 10_000, month: 1, day: 1)) * millisecondsPerDay - 1

    /// Creates a date-time from milliseconds since the Unix epoch; throws outside years 0000–9999.
    public init(millisecondsSinceEpoch: Int64) throws(CertLogicError) {
        guard millisecondsSinceEpoch >= Self.minimumMilliseconds, millisecondsSinceEpoch <= Self.maximumMilliseconds
        else {
            throw CertLogicError(
                .dateOutOfRange,
                "date-time is outside the years 0000–9999 that CertLogic date-times support"
            )
        }
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    private init(unchecked milliseconds: Int64) {
        self.millisecondsSinceEpoch = milliseconds
    }

    /// Orders by instant.
    public static func < (lhs: CertLogicDateTime, rhs: CertLogicDateTime) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// ISO 8601 in UTC with milliseconds, e.g. `2021-06-01T00:00:00.000Z`.
    public var description: String { iso8601 }

    /// ISO 8601 in UTC with milliseconds, e.g. `2021-06-01T00:00:00.000Z`.
    public var iso8601: String {
        let parts = components
        var out = ""
        out.reserveCapacity(24)
        func pad(_ value: Int, _ width: Int) {
            let digits = String(value)
            if digits.count < width { out += String(repeating: "0", count: width - digits.count) }
            out += digits
        }
        pad(parts.year, 4)
        out += "-"
        pad(parts.month, 2)
        out += "-"
        pad(parts.day, 2)
        out += "T"
        pad(parts.millisecondOfDay / 3_600_000, 2)
        out += ":"
        pad(parts.millisecondOfDay / 60_000 % 60, 2)
        out += ":"
        pad(parts.millisecondOfDay / 1000 % 60, 2)
        out += "."
        pad(parts.millisecondOfDay % 1000, 3)
        out += "Z"
        return out
    }

    // MARK: Calendar

    struct Components {
        var year: Int
        var month: Int  // 1...12
        var day: Int  // 1...31
        var millisecondOfDay: Int
    }

    var components: Components {
        let ms = millisecondsSinceEpoch
        var days = ms / Self.millisecondsPerDay
        var rest = ms % Self.millisecondsPerDay
        if rest < 0 {
            rest += Self.millisecondsPerDay
            days -= 1
        }
        let (year, month, day) = Self.civilFromDays(Int(days))
        return Components(year: year, month: month, day: day, millisecondOfDay: Int(rest))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (month 1...12, day 1...31).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        // Count from 1 March of year 0 so that the leap day is the last day of a counting year.
        let countingYear = month <= 2 ? year - 1 : year
        let cycle = (countingYear >= 0 ? countingYear : countingYear - 399) / 400  // 400-year cycles
        let yearOfCycle = countingYear - cycle * 400  // 0...399
        let monthFromMarch = (month + 9) % 12  // March = 0 ... February = 11
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1  // 0...365
        let dayOfCycle = yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYear
        return cycle * 146_097 + dayOfCycle - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468  // days since 0000-03-01
        let cycle = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfCycle = shifted - cycle * 146_097  // 0...146096
        let yearOfCycle = (dayOfCycle - dayOfCycle / 1460 + dayOfCycle / 36_524 - dayOfCycle / 146_096) / 365
        let dayOfYear = dayOfCycle - (365 * yearOfCycle + yearOfCycle / 4 - yearOfCycle / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfCycle + cycle * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// JavaScript's MakeDay: the month may be any integer and the day may overflow.
    private static func makeDay(year: Int, monthIndex: Int, day: Int) throws(CertLogicError) -> Int64 {
        let yearShift = monthIndex >= 0 ? monthIndex / 12 : -((-monthIndex + 11) / 12)
        let normalisedMonth = monthIndex - yearShift * 12  // 0...11
        let (fullYear, overflow) = year.addingReportingOverflow(yearShift)
        // Allow one year of slack on both sides: the day may still overflow back into range.
        guard !overflow, fullYear >= -1, fullYear <= 10_000 else { throw outOfRange() }
        return Int64(daysFromCivil(year: fullYear, month: normalisedMonth + 1, day: 1) + day - 1)
    }

    private static func outOfRange() -> CertLogicError {
        CertLogicError(.dateOutOfRange, "plusTime result is outside the years 0000–9999 that CertLogic supports")
    }

    // MARK: plusTime

    /// The date-time `amount` units after (or, negative, before) this one.
    public func adding(_ amount: Int, _ unit: Unit) throws(CertLogicError) -> CertLogicDateTime {
        if amount == 0 { return self }
        let result: Int64
        switch unit {
        case .hour, .day:
            let factor: Int64 = unit == .hour ? 3_600_000 : Self.millisecondsPerDay
            let (delta, overflow1) = Int64(amount).multipliedReportingOverflow(by: factor)
            let (sum, overflow2) = millisecondsSinceEpoch.addingReportingOverflow(delta)
            guard !overflow1, !overflow2 else { throw Self.outOfRange() }
            result = sum
        case .month, .year:
            let parts = components
            let days: Int64
            if unit == .month {
                let (monthIndex, overflow) = (parts.month - 1).addingReportingOverflow(amount)
                guard !overflow else { throw Self.outOfRange() }
                days = try Self.makeDay(year: parts.year, monthIndex: monthIndex, day: parts.day)
            } else {
                let (year, overflow) = parts.year.addingReportingOverflow(amount)
                guard !overflow else { throw Self.outOfRange() }
                days = try Self.makeDay(year: year, monthIndex: parts.month - 1, day: parts.day)
            }
            result = days * Self.millisecondsPerDay + Int64(parts.millisecondOfDay)
        }
        guard result >= Self.minimumMilliseconds, result <= Self.maximumMilliseconds else { throw Self.outOfRange() }
        return CertLogicDateTime(unchecked: result)
    }

    // MARK: Parsing

    /// Parses a date or date-time in one of the formats `plusTime` accepts:
    /// `YYYY`, `YYYY-MM` (both as by ``init(dccDateOfBirth:)``), `YYYY-MM-DD`, and
    /// `YYYY-MM-DDThh:mm:ss` with optional fraction (any number of digits, truncated to
    /// milliseconds) and optional offset `Z`, `±h`, `±hh`, `±hmm`, `±hhmm`, `±h:mm`, `±hh:mm`
    /// (missing offset = UTC). Impossible dates such as `2021-02-30` are rejected.
    public init(parsing text: String) throws(CertLogicError) {
        var scanner = DateScanner(text: text)
        self = try scanner.parseDateTime()
    }

    /// Interprets a DCC date of birth (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) as the last
    /// instant-at-midnight consistent with it: `YYYY` → 31 December, `YYYY-MM` → the last
    /// day of that month.
    public init(dccDateOfBirth text: String) throws(CertLogicError) {
        var scanner = DateScanner(text: text)
        self = try scanner.parseDateOfBirth()
    }

    private struct DateScanner {
        let text: String
        let bytes: [UInt8]
        var index = 0

        init(text: String) {
            self.text = text
            self.bytes = Array(text.utf8)
        }

        func fail(_ why: String) -> CertLogicError {
            // The text itself stays out of the message: it may be a birth date.
            CertLogicError(
                .invalidDate,
                "a \(text.utf8.count)-character string is not a valid CertLogic date or date-time: \(why); "
                    + "use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.S][Z|±hh:mm]"
            )
        }

        var atEnd: Bool { index == bytes.count }

        mutating func digits(_ count: Int, _ what: String) throws(CertLogicError) -> Int {
            guard index + count <= bytes.count else { throw fail("expected \(count) digits for the \(what)") }
            var value = 0
            for _ in 0..<count {
                let b = bytes[index]
                guard b >= 0x30, b <= 0x39 else { throw fail("expected \(count) digits for the \(what)") }
                value = value * 10 + Int(b - 0x30)
                index += 1
            }
            return value
        }

        mutating func expect(_ ascii: UInt8, _ what: String) throws(CertLogicError) {
            guard index < bytes.count, bytes[index] == ascii else { throw fail("expected \(what)") }
            index += 1
        }

        func isDigit(at i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }

        mutating func yearMonth() throws(CertLogicError) -> (year: Int, month: Int?) {
            let year = try digits(4, "year")
            if atEnd { return (year, nil) }
            try expect(UInt8(ascii: "-"), "'-' after the year")
            let month = try digits(2, "month")
            guard (1...12).contains(month) else { throw fail("month \(month) does not exist") }
            return (year, month)
        }

        mutating func day(year: Int, month: Int) throws(CertLogicError) -> Int {
            try expect(UInt8(ascii: "-"), "'-' after the month")
            let day = try digits(2, "day")
            guard day >= 1, day <= CertLogicDateTime.daysInMonth(year: year, month: month) else {
                throw fail("that day does not exist in that month")
            }
            return day
        }

        mutating func parseDateOfBirth() throws(CertLogicError) -> CertLogicDateTime {
            let (year, month) = try yearMonth()
            guard let month else {
                return Self.midnight(year: year, month: 12, day: 31)
            }
            if atEnd {
                return Self.midnight(year: year, month: month, day: CertLogicDateTime.daysInMonth(year: year, month: month))
            }
            let day = try day(year: year, month: month)
            guard atEnd else { throw fail("a date of birth is YYYY, YYYY-MM or YYYY-MM-DD") }
            return Self.midnight(year: year, month: month, day: day)
        }

        static func midnight(year: Int, month: Int, day: Int) -> CertLogicDateTime {
            CertLogicDateTime(
                unchecked: Int64(CertLogicDateTime.daysFromCivil(year: year, month: month, day: day))
                    * CertLogicDateTime.millisecondsPerDay
            )
        }

        mutating func parseDateTime() throws(CertLogicError) -> CertLogicDateTime {
            let (year, monthOrNil) = try yearMonth()
            guard let month = monthOrNil else { return Self.midnight(year: year, month: 12, day: 31) }
            if atEnd {
                return Self.midnight(year: year, month: month, day: CertLogicDateTime.daysInMonth(year: year, month: month))
            }
            let day = try day(year: year, month: month)
            let midnight = Self.midnight(year: year, month: month, day: day).millisecondsSinceEpoch
            if atEnd { return CertLogicDateTime(unchecked: midnight) }
            try expect(UInt8(ascii: "T"), "'T' between date and time")
            let hour = try digits(2, "hour")
            try expect(UInt8(ascii: ":"), "':' after the hour")
            let minute = try digits(2, "minute")
            try expect(UInt8(ascii: ":"), "':' after the minutes")
            let second = try digits(2, "second")
            guard hour <= 23 else { throw fail("hour \(hour) does not exist") }
            guard minute <= 59 else { throw fail("minute \(minute) does not exist") }
            guard second <= 59 else { throw fail("second \(second) does not exist (no leap seconds)") }
            var millisecond = 0
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard isDigit(at: index) else { throw fail("expected digits after '.'") }
                var place = 100
                while isDigit(at: index) {
                    millisecond += Int(bytes[index] - 0x30) * place  // digits past the third are dropped
                    place /= 10
                    index += 1
                }
            }
            var offsetMinutes = 0
            if !atEnd {
                let sign = bytes[index]
                if sign == UInt8(ascii: "Z") {
                    index += 1
                } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                    index += 1
                    offsetMinutes = try offset()
                    if sign == UInt8(ascii: "-") { offsetMinutes = -offsetMinutes }
                } else {
                    throw fail("expected 'Z', '+' or '-' for the offset")
                }
            }
            guard atEnd else { throw fail("unexpected text after the date-time") }
            let local = midnight + Int64(((hour * 60 + minute) * 60 + second) * 1000 + millisecond)
            return try CertLogicDateTime(millisecondsSinceEpoch: local - Int64(offsetMinutes) * 60_000)
        }

        /// `h`, `hh`, `hmm`, `hhmm`, `h:mm` or `hh:mm`.
        mutating func offset() throws(CertLogicError) -> Int {
            var count = 0
            while isDigit(at: index + count) { count += 1 }
            let hours: Int
            var minutes = 0
            switch count {
            case 1, 2:
                hours = try digits(count, "offset hours")
                if !atEnd {
                    try expect(UInt8(ascii: ":"), "':' in the offset")
                    guard isDigit(at: index), isDigit(at: index + 1), index + 2 == bytes.count else {
                        throw fail("expected two digits of offset minutes")
                    }
                    minutes = try digits(2, "offset minutes")
                }
            case 3, 4:
                hours = try digits(count - 2, "offset hours")
                minutes = try digits(2, "offset minutes")
            default:
                throw fail("the offset must be h, hh, hmm, hhmm, h:mm or hh:mm")
            }
            guard hours <= 23, minutes <= 59 else { throw fail("offset out of range") }
            return hours * 60 + minutes
        }
    }
}
