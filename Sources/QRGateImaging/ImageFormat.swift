/// Image file formats we can read, recognised by their first bytes (not the file name).
public enum ImageFormat: String, Sendable, CaseIterable {
    /// Portable Network Graphics.
    case png
    /// JPEG (JFIF/Exif).
    case jpeg
    /// Portable GreyMap, binary (P5) or plain text (P2).
    case pgm

    /// Recognises the format from the leading bytes, or nil.
    public static func detect<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> ImageFormat? {
        let head = Array(bytes.prefix(8))
        if head.count >= 8, head == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return .png }
        if head.count >= 3, head[0] == 0xFF, head[1] == 0xD8, head[2] == 0xFF { return .jpeg }
        if head.count >= 2, head[0] == UInt8(ascii: "P"), head[1] == UInt8(ascii: "5") || head[1] == UInt8(ascii: "2") {
            return .pgm
        }
        return nil
    }

    /// A name for a few well-known formats we do not read, for clearer messages.
    static func describeUnsupported(_ bytes: [UInt8]) -> String? {
        func starts(_ prefix: String) -> Bool { bytes.starts(with: Array(prefix.utf8)) }
        if starts("GIF8") { return "GIF" }
        if starts("BM") { return "BMP" }
        if starts("RIFF"), bytes.count >= 12, Array(bytes[8..<12]) == Array("WEBP".utf8) { return "WebP" }
        if starts("II*\u{0}") || starts("MM\u{0}*") { return "TIFF" }
        if starts("%PDF") { return "PDF" }
        if starts("P1") || starts("P4") { return "PBM" }
        if starts("P3") || starts("P6") { return "PPM" }
        if bytes.count >= 12, Array(bytes[4..<8]) == Array("ftyp".utf8) { return "HEIF/AVIF" }
        return nil
    }
}
