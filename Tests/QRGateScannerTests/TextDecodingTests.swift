import QRGateScanner
import Testing

@Suite struct TextDecodingTests {
    @Test func validUTF8IsUTF8() {
        #expect(QRTextDecoder.decode(Array("Müller Đức 日本".utf8)) == "Müller Đức 日本")
    }

    @Test func latin1WithoutECI() {
        // "Müller" in ISO-8859-1: zbar's own guess would garble it.
        #expect(QRTextDecoder.guessCharset([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72]) == .latin1)
        #expect(QRTextDecoder.decode([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72]) == "Müller")
    }

    @Test func shiftJISWithoutECI() {
        // 日本語 in Shift_JIS.
        let bytes: [UInt8] = [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA]
        #expect(QRTextDecoder.guessCharset(bytes) == .shiftJIS)
        #expect(QRTextDecoder.decode(bytes) == "日本語")
    }

    @Test func shiftJISKeepsBackslashAndHalfWidthKatakana() {
        // "ｶﾀｶﾅ\" : half-width katakana stay half-width, 0x5C stays a backslash.
        let bytes: [UInt8] = [0xB6, 0xC0, 0xB6, 0xC5, 0x5C]
        #expect(QRTextDecoder.decode(bytes, as: .shiftJIS) == "ｶﾀｶﾅ\\")
    }

    @Test func controlCharactersSurvive() {
        #expect(QRTextDecoder.decode([0x01, 0x10, 0x41]) == "\u{01}\u{10}A")
    }
}
