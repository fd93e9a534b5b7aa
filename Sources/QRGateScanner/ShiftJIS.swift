/// Shift_JIS decoding: ASCII as ASCII (0x5C stays a backslash, as most readers show it),
/// half-width katakana as half-width, double bytes through the C library's iconv.
enum ShiftJIS {
    static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var index = 0
        var converter: IconvConverter?
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                scalars.append(Unicode.Scalar(lead))
                index += 1
            } else if (0xA1...0xDF).contains(lead) {
                scalars.append(Unicode.Scalar(0xFF61 + UInt32(lead) - 0xA1)!)
                index += 1
            } else if index + 1 < bytes.count {
                if converter == nil { converter = IconvConverter(from: "SHIFT_JIS") }
                if let text = converter?.convert([lead, bytes[index + 1]]) {
                    scalars.append(contentsOf: text.unicodeScalars)
                } else {
                    scalars.append("\u{FFFD}")
                }
                index += 2
            } else {
                scalars.append("\u{FFFD}")
                index += 1
            }
        }
        return String(scalars)
    }
}
