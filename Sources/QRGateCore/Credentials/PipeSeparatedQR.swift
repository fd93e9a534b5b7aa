/// Tells the two Vietnamese `|`-separated QRs apart: the citizen-ID card's (6 or 7 fields, the
/// fourth a `DDMMYYYY` birth date) and the national personal QR's (everything else with a `|`,
/// valid or not, so that a damaged personal QR is reported as one, with the field at fault).
public enum PipeSeparatedQR {
    /// Which of the two a text is.
    public enum Kind: Sendable, Hashable {
        /// A citizen-ID card QR (format `vn-citizen-id`).
        case citizenIDCard
        /// A national personal QR (format `vn-personal-qr`).
        case personalQR
    }

    /// The kind of `text`, nil when it holds no `|`. Trailing empty fields beyond the sixth are
    /// ignored, as the card parser ignores them; whitespace around the fourth field too.
    public static func kind(of text: String) -> Kind? {
        guard text.utf8.contains(UInt8(ascii: "|")) else { return nil }
        var fields = text.split(separator: "|", omittingEmptySubsequences: false)
        while fields.count > 6, fields.last?.allSatisfy(\.isWhitespace) == true {
            fields.removeLast()
        }
        guard fields.count == 6 || fields.count == 7 else { return .personalQR }
        let birth = fields[3].utf8.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        let isCardDate = birth.count == 8 && birth.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        return isCardDate ? .citizenIDCard : .personalQR
    }
}
