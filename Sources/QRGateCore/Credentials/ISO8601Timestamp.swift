import Foundation

/// Reads and writes the ISO 8601 timestamps of the command line (`--at`), of test vectors
/// (`VALIDATIONCLOCK`) and of DCC payloads.
///
/// Accepted: `YYYY-MM-DD`, optionally followed by `T` (or a space) and `hh:mm`, `:ss`, up to
/// 9 fractional digits, and a zone `Z`, `±hh:mm`, `±hhmm` or `±hh`. No zone means UTC.
public enum ISO8601Timestamp {
    /// Parses `text`; `nil` when it is not such a timestamp.
    public static func parse(_ text: some StringProtocol) -> Date? {
        let b = Array(text.utf8)
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var n = 0
            for k in i..<i + count {
                guard b[k] >= 48, b[k] <= 57 else { return nil }
                n = n * 10 + Int(b[k] - 48)
            }
            i += count
            return n
        }
        func expect(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var nanos = 0
        var offset = 0
        if i < b.count {
            guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ") else { return nil }
            i += 1
            guard let h = digits(2), expect(":"), let m = digits(2), h < 24, m < 60 else { return nil }
            hour = h
            minute = m
            if expect(":") {
                guard let s = digits(2), s < 61 else { return nil }
                second = min(s, 59)
                if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                    i += 1
                    var count = 0
                    while i < b.count, b[i] >= 48, b[i] <= 57 {
                        guard count < 9 else { return nil }
                        nanos = nanos * 10 + Int(b[i] - 48)
                        count += 1
                        i += 1
                    }
                    guard count > 0 else { return nil }
                    for _ in count..<9 { nanos *= 10 }
                }
            }
            if i < b.count {
                if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                    i += 1
                } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                    i += 1
                    guard let oh = digits(2), oh < 24 else { return nil }
                    var om = 0
                    if i < b.count {
                        _ = expect(":")
                        guard let m = digits(2), m < 60 else { return nil }
                        om = m
                    }
                    offset = sign * (oh * 3600 + om * 60)
                } else {
                    return nil
                }
            }
            guard i == b.count else { return nil }
        }
        let seconds = epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second) - offset
        return Date(timeIntervalSince1970: Double(seconds) + Double(nanos) / 1e9)
    }

    /// Earliest instant ``format(_:)`` writes: 0001-01-01T00:00:00Z.
    static let earliest = -62_135_596_800.0
    /// Latest instant ``format(_:)`` writes: 9999-12-31T23:59:59Z.
    static let latest = 253_402_300_799.0

    /// `date` as `YYYY-MM-DDThh:mm:ssZ` in UTC; milliseconds are added when the instant has a
    /// fraction. Instants outside years 1–9999 (hostile claims such as `exp = 1e300`) are
    /// written as the nearest of those bounds.
    public static func format(_ date: Date) -> String {
        var interval = date.timeIntervalSince1970
        if !(interval >= earliest) { interval = earliest }  // also catches NaN
        if interval > latest { interval = latest }
        var whole = Int(interval.rounded(.down))
        var millis = Int(((interval - Double(whole)) * 1000).rounded())
        if millis == 1000 {
            whole += 1
            millis = 0
        }
        var days = whole / 86400
        var rest = whole % 86400
        if rest < 0 {
            rest += 86400
            days -= 1
        }
        let (year, month, day) = civil(fromDays: days)
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2))"
        if millis != 0 { text += "." + pad(millis, 3) }
        return text + "Z"
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * m + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int {
        days(year: year, month: month, day: day) * 86400 + hour * 3600 + minute * 60 + second
    }
}
