import QRGateCore

/// JSON text for scan reports: strings through the one ``JSONWriter``, and durations.
enum JSONText {
    static func appendString(_ string: String, to json: inout String) {
        JSONValue.writeString(string, to: &json)
    }

    /// A non-negative duration with at most 3 decimals, e.g. `12.345` or `3`.
    static func number(_ value: Double) -> String {
        guard value.isFinite, value >= 0 else { return "0" }
        let thousandths = Int((value * 1000).rounded())
        let whole = thousandths / 1000, fraction = thousandths % 1000
        if fraction == 0 { return "\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}
