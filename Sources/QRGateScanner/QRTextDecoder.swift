#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the raw bytes of a QR code into text.
///
/// Valid UTF-8 wins. QR codes without an ECI header from Japanese phones and old generators
/// are Shift_JIS or ISO-8859-1; among those the charset is guessed from the byte patterns,
/// the way the widely used ZXing decoder guesses, so our text matches what other readers show.
public enum QRTextDecoder {
    /// The charset a byte string was read as.
    public enum Charset: String, Sendable {
        /// UTF-8 (including plain ASCII).
        case utf8 = "UTF-8"
        /// Shift_JIS (JIS X 0201 single bytes, JIS X 0208 double bytes).
        case shiftJIS = "Shift_JIS"
        /// ISO-8859-1 (Latin-1): every byte is one character.
        case latin1 = "ISO-8859-1"
    }

    /// The text of `bytes` in the guessed charset.
    public static func decode(_ bytes: [UInt8]) -> String {
        decode(bytes, as: guessCharset(bytes))
    }

    /// The text of `bytes` read in `charset`.
    public static func decode(_ bytes: [UInt8], as charset: Charset) -> String {
        switch charset {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .latin1: return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .shiftJIS: return ShiftJIS.decode(bytes)
        }
    }

    /// Guesses the charset of QR bytes that carry no ECI header.
    public static func guessCharset(_ bytes: [UInt8]) -> Charset {
        if bytes.allSatisfy({ $0 < 0x80 }) { return .utf8 }
        if String(validating: bytes, as: UTF8.self) != nil { return .utf8 }

        var stats = LegacyStatistics()
        for byte in bytes { stats.add(byte) }
        stats.finish()

        if stats.canBeShiftJIS, stats.longestKatakanaRun >= 3 || stats.longestDoubleByteRun >= 3 {
            return .shiftJIS
        }
        if stats.canBeLatin1, stats.canBeShiftJIS {
            // Short texts are ambiguous: exactly one pair of katakana, or many Latin-1
            // punctuation-like bytes, point to Shift_JIS; otherwise Latin-1.
            let katakanaPair = stats.longestKatakanaRun == 2 && stats.katakanaCount == 2
            let latinOddities = stats.latin1Unusual * 10 >= bytes.count
            return katakanaPair || latinOddities ? .shiftJIS : .latin1
        }
        if stats.canBeLatin1 { return .latin1 }
        if stats.canBeShiftJIS { return .shiftJIS }
        return .utf8
    }

    /// Byte-pattern statistics for telling Shift_JIS from Latin-1.
    private struct LegacyStatistics {
        var canBeLatin1 = true
        var canBeShiftJIS = true
        var latin1Unusual = 0
        var pendingTrailBytes = 0
        var katakanaCount = 0
        var katakanaRun = 0
        var doubleByteRun = 0
        var longestKatakanaRun = 0
        var longestDoubleByteRun = 0

        mutating func add(_ byte: UInt8) {
            // Latin-1: C1 controls do not appear in text; some symbols are unusual in text.
            if (0x80...0x9F).contains(byte) {
                canBeLatin1 = false
            } else if byte >= 0xA0, byte < 0xC0 || byte == 0xD7 || byte == 0xF7 {
                latin1Unusual += 1
            }
            guard canBeShiftJIS else { return }
            if pendingTrailBytes > 0 {
                if byte < 0x40 || byte == 0x7F || byte > 0xFC {
                    canBeShiftJIS = false
                } else {
                    pendingTrailBytes -= 1
                }
            } else if byte == 0x80 || byte == 0xA0 || byte > 0xEF {
                canBeShiftJIS = false
            } else if byte > 0xA0, byte < 0xE0 {
                katakanaCount += 1
                doubleByteRun = 0
                katakanaRun += 1
                longestKatakanaRun = max(longestKatakanaRun, katakanaRun)
            } else if byte > 0x7F {
                pendingTrailBytes += 1
                katakanaRun = 0
                doubleByteRun += 1
                longestDoubleByteRun = max(longestDoubleByteRun, doubleByteRun)
            } else {
                katakanaRun = 0
                doubleByteRun = 0
            }
        }

        mutating func finish() {
            if pendingTrailBytes > 0 { canBeShiftJIS = false }
        }
    }
}
