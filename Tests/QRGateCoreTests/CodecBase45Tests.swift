import QRGateCore
import Testing

@Suite struct CodecBase45Tests {
    /// RFC 9285 §4.3 and §4.4 examples.
    @Test(arguments: [("AB", "BB8"), ("Hello!!", "%69 VD92EX0"), ("base-45", "UJCLQE7W581"), ("ietf!", "QED8WEX0")])
    func rfcExamples(plain: String, encoded: String) throws {
        #expect(Base45.encode(Array(plain.utf8)) == encoded)
        #expect(try Base45.decode(encoded) == Array(plain.utf8))
    }

    @Test func emptyRoundTrip() throws {
        #expect(Base45.encode([]) == "")
        #expect(try Base45.decode("") == [])
    }

    @Test(arguments: [
        ("GGW", Base45Error.Code.valueOverflow),  // 65536 does not fit two bytes
        (":::", Base45Error.Code.valueOverflow),
        ("::", Base45Error.Code.valueOverflow),  // 2024 does not fit one byte
        ("A", Base45Error.Code.invalidLength),
        ("ABCD", Base45Error.Code.invalidLength),
        ("ab8", Base45Error.Code.invalidCharacter),  // lower case is outside the alphabet
        ("B_8", Base45Error.Code.invalidCharacter),
    ])
    func invalid(text: String, code: Base45Error.Code) {
        #expect {
            try Base45.decode(text)
        } throws: { error in
            (error as? Base45Error)?.code == code
        }
    }

    @Test func allByteValuesRoundTrip() throws {
        let bytes = (0...255).map(UInt8.init) + [0xFF, 0xFF, 0x00]
        #expect(try Base45.decode(Base45.encode(bytes)) == bytes)
    }
}
