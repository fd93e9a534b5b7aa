/// Rules for text that reaches storage, logs and screens from outside: control characters are
/// never stored as they came (SQLite cuts a text at NUL, a line break forges a log line).
public enum TextSafety {
    /// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `text` with every control character replaced by a space (U+0020), so what is stored, what
    /// is hashed and what is shown are the same characters.
    public static func withoutControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isControl(scalar) ? " " : scalar)
        }
        return String(scalars)
    }

    /// `text` cut to at most `maxBytes` UTF-8 bytes, at a character boundary.
    public static func prefix(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            if used + size > maxBytes { break }
            result.append(character)
            used += size
        }
        return result
    }
}
