import Foundation

extension JSONValue {
    /// Compact JSON text with object keys sorted, so equal values print equally (``JSONWriter``).
    public func serialized() -> String {
        var writer = JSONWriter()
        writer.value(self)
        return writer.text
    }

    /// Appends the compact JSON text of this value to `out`.
    public func write(to out: inout String) {
        out += serialized()
    }

    /// A number as JSON, spelled as JavaScript's `JSON.stringify` spells it: integral values
    /// below 1e21 without fraction or exponent, others in shortest round-trip form with a
    /// JavaScript-style exponent (`1e-7`, `1e+21`); non-finite values as `null`.
    public static func format(number n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == n.rounded(), abs(n) < 1e21 {
            if abs(n) < 9e15 { return String(Int64(n)) }
            return String(format: "%.0f", n)
        }
        let text = "\(n)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        var mantissa = String(text[..<e])
        if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
        var exponent = text[text.index(after: e)...]
        var sign = "+"
        if exponent.first == "-" || exponent.first == "+" {
            if exponent.first == "-" { sign = "-" }
            exponent = exponent.dropFirst()
        }
        let digits = exponent.drop { $0 == "0" }
        // JavaScript writes 1e-6 ≤ |n| < 1e-4 in full (`0.00001`), where Swift already uses an exponent.
        if sign == "-", let power = Int(digits), power <= 6 {
            let negative = mantissa.hasPrefix("-")
            let significant = mantissa.filter { $0 != "-" && $0 != "." }
            return (negative ? "-" : "") + "0." + String(repeating: "0", count: power - 1) + significant
        }
        return mantissa + "e" + sign + (digits.isEmpty ? "0" : String(digits))
    }

    /// Writes `s` as a JSON string literal, escaped as ``JSONWriter`` escapes.
    public static func writeString(_ s: String, to out: inout String) {
        var writer = JSONWriter(capacity: s.utf8.count + 2)
        writer.string(s)
        out += writer.text
    }
}
