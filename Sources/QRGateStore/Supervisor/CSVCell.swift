/// One CSV cell that is safe in every spreadsheet, whatever separator it splits on.
///
/// The cell is always quoted (RFC 4180: quotes doubled, so commas, CR and LF stay inside it).
/// Quoting alone is not enough: a spreadsheet set to another list separator (`;` in vi-VN and
/// most of Europe, tab, `|`, space) or one that ignores quotes splits the cell again, and every
/// piece it makes starts a new cell that it may run as a formula. So a formula trigger (`=`,
/// `+`, `-`, `@`, tab, CR, and their full-width forms `＝ ＋ － ＠`) gets a leading `'` wherever
/// a piece can start: at the start of the cell and after any character a spreadsheet may split
/// or trim on — `,` `;` `|` `"`, any white space or line break (ASCII and Unicode, including
/// no-break and zero-width spaces and the byte-order mark), and any byte that is not valid
/// UTF-8 (an importer may drop it). Everything else, Vietnamese text included, is copied
/// byte for byte.
public enum CSVCell {
    /// `"`.
    public static let quote = UInt8(ascii: "\"")
    /// `'`, the prefix that makes a spreadsheet read a cell as text.
    public static let neutraliser = UInt8(ascii: "'")

    /// Appends `text` (UTF-8) as one quoted, neutralised cell.
    public static func append(_ text: some Collection<UInt8>, into bytes: inout [UInt8]) {
        let appended: Void? = text.withContiguousStorageIfAvailable { append(UnsafeRawBufferPointer($0), into: &bytes) }
        if appended == nil { Array(text).withUnsafeBytes { append($0, into: &bytes) } }
    }

    /// Appends the UTF-8 bytes in `text` as one quoted, neutralised cell.
    public static func append(_ text: UnsafeRawBufferPointer, into bytes: inout [UInt8]) {
        bytes.append(quote)
        var atPieceStart = true
        var index = 0
        while index < text.count {
            let length = scalarLength(text, at: index)
            if atPieceStart, isTrigger(text, at: index, length: length) { bytes.append(neutraliser) }
            atPieceStart = isSplitPoint(text, at: index, length: length)
            for offset in index..<(index + length) {
                let byte = text[offset]
                if byte == quote { bytes.append(quote) }
                bytes.append(byte)
            }
            index += length
        }
        bytes.append(quote)
    }

    /// The length of the UTF-8 sequence at `index`: 2–4 for a well-formed multi-byte
    /// scalar, else 1 (ASCII, or a stray byte, which ``isSplitPoint(_:at:length:)`` treats as a split).
    static func scalarLength(_ text: UnsafeRawBufferPointer, at index: Int) -> Int {
        let lead = text[index]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 1
        }
        guard index + length <= text.count else { return 1 }
        for offset in 1..<length where text[index + offset] & 0xC0 != 0x80 { return 1 }
        return length
    }

    /// `=`, `+`, `-`, `@`, tab, CR, or a full-width `＝ ＋ － ＠` (U+FF1D, U+FF0B, U+FF0D, U+FF20).
    static func isTrigger(_ text: UnsafeRawBufferPointer, at index: Int, length: Int) -> Bool {
        let lead = text[index]
        switch length {
        case 1:
            return lead == UInt8(ascii: "=") || lead == UInt8(ascii: "+") || lead == UInt8(ascii: "-")
                || lead == UInt8(ascii: "@") || lead == 0x09 || lead == 0x0D
        case 3:
            guard lead == 0xEF, text[index + 1] == 0xBC else { return false }
            let last = text[index + 2]
            return last == 0x9D || last == 0x8B || last == 0x8D || last == 0xA0
        default:
            return false
        }
    }

    /// Whether a spreadsheet may start a new cell (or trim up to a new start) after this scalar.
    static func isSplitPoint(_ text: UnsafeRawBufferPointer, at index: Int, length: Int) -> Bool {
        let lead = text[index]
        switch length {
        case 1:
            switch lead {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "\""), UInt8(ascii: " "),
                0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x00:
                return true
            default:
                return lead >= 0x80  // a stray byte of broken UTF-8
            }
        case 2:
            // U+0085 next line, U+00A0 no-break space.
            return lead == 0xC2 && (text[index + 1] == 0x85 || text[index + 1] == 0xA0)
        case 3:
            let second = text[index + 1]
            let third = text[index + 2]
            switch (lead, second) {
            case (0xE1, 0x9A): return third == 0x80  // U+1680 ogham space
            case (0xE2, 0x80):  // U+2000–U+200B spaces, U+2028/U+2029 line/paragraph separators, U+202F
                return third <= 0x8B || third == 0xA8 || third == 0xA9 || third == 0xAF
            case (0xE2, 0x81): return third == 0x9F || third == 0xA0  // U+205F, U+2060 word joiner
            case (0xE3, 0x80): return third == 0x80  // U+3000 ideographic space
            case (0xEF, 0xBB): return third == 0xBF  // U+FEFF byte-order mark
            default: return false
            }
        default:
            return false
        }
    }
}
