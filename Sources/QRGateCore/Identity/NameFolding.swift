import Foundation

/// Folds personal names so that a citizen-ID card's Vietnamese spelling ("Nguyễn Văn An") and a
/// DCC's ICAO 9303 transliteration (`NGUYEN<VAN<AN`) compare equal.
///
/// Steps: `đ`/`Đ` → `d` (and the other letters NFD cannot split: `ø` → `o`, `ł` → `l`,
/// `ß` → `ss`, `æ` → `ae`, `œ` → `oe`, `þ` → `th`, `ð` → `d`, `ı` → `i`); decompose (NFD) and drop
/// combining marks; lower-case; drop apostrophes (ICAO omits them: d'Arsøns → DARSONS); turn `<`
/// (the ICAO filler), hyphens and every other non-alphanumeric character into a space; collapse
/// runs of spaces and trim.
public enum NameFolding {
    /// The folded form, e.g. "  Nguyễn  Văn-An " → "nguyen van an", "NGUYEN<VAN<AN" → "nguyen van an".
    public static func fold(_ name: String) -> String {
        tokens(name).joined(separator: " ")
    }

    /// The folded words, e.g. "Trần Thị Bích Ngọc" → ["tran", "thi", "bich", "ngoc"].
    public static func tokens(_ name: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format:
                continue
            default:
                break
            }
            if let replacement = special[scalar] {
                current.append(contentsOf: replacement.unicodeScalars)
                continue
            }
            if apostrophes.contains(scalar) { continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "`", "\u{02BC}", "\u{00B4}"]

    private static let special: [Unicode.Scalar: String] = [
        "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss", "ẞ": "ss",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ı": "i",
    ]
}
