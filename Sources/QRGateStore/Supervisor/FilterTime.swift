import Foundation

/// Parses the times supervisors type in filters: ISO 8601 with `Z`, `+07:00` or `+0700`
/// offsets or none (= UTC), optional fractional seconds, or a bare date (midnight UTC).
public enum FilterTime {
    /// The instant `text` names, or nil when it is not such a time.
    public static func parse(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.utf8.count <= 40 else { return nil }
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let month = number(5..<7), let day = number(8..<10), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offsetSeconds = 0
        var index = 10
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " "), let h = number(11..<13),
                bytes.count >= 16, bytes[13] == UInt8(ascii: ":"), let m = number(14..<16)
            else { return nil }
            hour = h
            minute = m
            index = 16
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                guard let s = number(17..<19) else { return nil }
                second = s
                index = 19
                if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    var scale = 0.1
                    let start = index
                    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                        fraction += Double(bytes[index] - UInt8(ascii: "0")) * scale
                        scale /= 10
                        index += 1
                    }
                    guard index > start, index - start <= 9 else { return nil }
                }
            }
            if index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                    index += 1
                case UInt8(ascii: "+"), UInt8(ascii: "-"):
                    let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                    guard let oh = number(index + 1..<index + 3) else { return nil }
                    var om = 0
                    if index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ":") {
                        guard let value = number(index + 4..<index + 6) else { return nil }
                        om = value
                        index += 6
                    } else if index + 3 < bytes.count {
                        guard let value = number(index + 3..<index + 5) else { return nil }
                        om = value
                        index += 5
                    } else {
                        index += 3
                    }
                    guard oh <= 18, om < 60 else { return nil }
                    offsetSeconds = sign * (oh * 3600 + om * 60)
                default:
                    return nil
                }
            }
            guard index == bytes.count, hour < 24, minute < 60, second < 61 else { return nil }
        }
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(secondsFromGMT: 0)
        components.year = year
        components.month = month
        components.day = day
        components.hour = hour
        components.minute = minute
        components.second = second
        guard let base = components.date else { return nil }
        let check = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(secondsFromGMT: 0)!, from: base)
        guard check.day == day, check.month == month else { return nil }
        return base.addingTimeInterval(fraction - Double(offsetSeconds))
    }
}
