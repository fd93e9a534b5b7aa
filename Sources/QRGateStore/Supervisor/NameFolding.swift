import Foundation
import GRDB

/// Folds a person's name for search: đ/Đ → d, diacritics stripped after canonical
/// decomposition (NFD), case-insensitive, runs of white space collapsed to one space.
/// "  NGUYỄN  Văn Đức " and "nguyen van duc" fold to the same text.
public enum NameFolding {
    /// The folded form of `name`.
    public static func fold(_ name: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "đ", "Đ", "ð", "Ð": result.append("d")
            default:
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { result.append(lower) }
            }
        }
        return String(result)
    }

    /// `qrgate_fold(text)` for SQL: the same folding, so that a filter compares folded names
    /// inside the query while its argument stays a bound parameter.
    static let sqlFunction = DatabaseFunction("qrgate_fold", argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return nil }
        return fold(text)
    }
}
