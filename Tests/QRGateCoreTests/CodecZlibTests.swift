import QRGateCore
import Testing

@Suite struct CodecZlibTests {
    static let logText = (0..<200).map { "line \($0) of the qrgate checkpoint log\n" }.joined()

    /// Streams made with Python's zlib (reference implementation): fixed Huffman, stored,
    /// empty, and a dynamic-Huffman block.
    static let streams: [(String, String)] = [
        ("78dacb48cdc9c9d751c840a2140a8bd2134b52017dc70979", "hello, hello, hello qrgate"),
        ("7801010c00f3ff73746f72656420626c6f636b1f8004bd", "stored block"),
        ("78da030000000001", ""),
        (
            "78da8dd9cd6d1b311485d17daa981278f9cf720243960d0b5612a87f04a92067ff5607030ebfc7c7e7f7ed2ad7f3fd7a7ddcaedf7fee3f5fb7ebede3f6f6f5ebf9f9fdba1ecffb8fc7bf99c04c859906331d6606cc4c985930b361e68821418b74843a621dc18e6847b823de11f0887815f14adfb6885711af225e45bc8a7815f12ae255c49b8837116f749c887813f126e24dc49b8837116f22de45bc8b7817f14e27b8887711ef22de45bc8b7817f121e243c487880f111ff4d314f121e243c487880f119f223e457c8af814f129e293ee29223e457c8af814f125e24bc497882f115f22be447cd1d550c497882f11df22be457c8bf816f12de25bc4b7886fba8d8bf816f123e247c48f881f113f227e44fc88f811f143016405440954a8810a4550a10a2a9441853aa85008152aa1422954c81ef393ec2d40ad402d41ad412d42ad422d43a94343219a6aed4ff6d4a2a1180dd5682847433d1a0ad25091869234d4a469b678217bcad2509786c23454a6a1340db569284e43751acad374db7a913d156a2851438d1a8ad450a5863235d4a9a1500d956a86ad1cc99e623554aba15c0df56a285843c51a4ad650b386a235d3f6bd644fdd1a0ad750b986d235d4aea1780dd56b285f43fd9a65cb76b2a7840d356c286243151bcad850c786423654b2a194cdb6970eb2a79a0de56ca86743411b2ada50d2869a3614b5a1aacdb167a6ffd8ff05b9a12013",
            logText
        ),
    ]

    @Test(arguments: streams)
    func inflateKnownStreams(hex: String, text: String) throws {
        #expect(try Zlib.inflate(DCCTestVectors.hex(hex)!) == Array(text.utf8))
    }

    /// A dynamic/fixed block, an empty stored block from Z_SYNC_FLUSH, then a stored block of
    /// random bytes (Python zlib level 9): exercises read-ahead across block boundaries.
    @Test func inflateMultipleBlocks() throws {
        let stream =
            "78da4a4c4a4e0423858cd49c9c7c0899382a38980401000000ffff012c01d3fe2291d8cdc310411e7ec27378a661c935187c07e4d5636e9bc3c400b27244b8cd3a97f11ae651070506a68a02f0e161af37f86cb9078738c370f07e8d3b583bad38c275f34aed056ad6ea8eeca4192fa1feb9dc4b1ebe55e5b8f9b680eff76c81d4e9ab304d4896f9e17fd8f0816496da087a3ebecc676aaa2c5d8ce1b3c6acbc5f1670a9821bc72985d7645e7dbb07780b4eb4d9fb9d979464a52b2b803afb03c5338aebdc8c3b678358f3d8935a75e844a88c9bf5ba0162c8dbd2f4e2f0bd83cf2184c78f346df30e7bde5d918d33f081697cd05b6a5800898a9fc99c54759907cd3aa22d8c952edc17cc8dccd9d1ee4108d7f1ac1215de047303c1c1473f441ccc9f2f584a112a284187f32ba845a5b64b74b3527f791d064f62576bcb30421b40e6ba82fa35f79b6ed1f9ea54388b"
        let plain =
            "6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f6162636162636162632068656c6c6f2068656c6c6f2291d8cdc310411e7ec27378a661c935187c07e4d5636e9bc3c400b27244b8cd3a97f11ae651070506a68a02f0e161af37f86cb9078738c370f07e8d3b583bad38c275f34aed056ad6ea8eeca4192fa1feb9dc4b1ebe55e5b8f9b680eff76c81d4e9ab304d4896f9e17fd8f0816496da087a3ebecc676aaa2c5d8ce1b3c6acbc5f1670a9821bc72985d7645e7dbb07780b4eb4d9fb9d979464a52b2b803afb03c5338aebdc8c3b678358f3d8935a75e844a88c9bf5ba0162c8dbd2f4e2f0bd83cf2184c78f346df30e7bde5d918d33f081697cd05b6a5800898a9fc99c54759907cd3aa22d8c952edc17cc8dccd9d1ee4108d7f1ac1215de047303c1c1473f441ccc9f2f584a112a284187f32ba845a5b64b74b3527f791d064f62576bcb30421b40e6ba82fa35f79b6ed1f9"
        #expect(try Zlib.inflate(DCCTestVectors.hex(stream)!) == DCCTestVectors.hex(plain)!)
    }

    @Test(arguments: ["", "a", "hello, hello, hello qrgate", logText, String(repeating: "\u{1F600}", count: 5000)])
    func deflateRoundTrip(text: String) throws {
        let data = Array(text.utf8)
        #expect(
            try Zlib.inflate(
                Zlib.deflate(data),
                limits: {
                    var l = Zlib.Limits()
                    l.maxOutputBytes = 1 << 22
                    return l
                }()) == data)
    }

    @Test func deflateOfKnownTextMatchesPythonCheck() {
        // Our encoder's output for "hello, hello, hello qrgate" (fixed Huffman + LZ77), which
        // Python's zlib.decompress also accepts.
        let out = Zlib.deflate(Array("hello, hello, hello qrgate".utf8))
        #expect(out.prefix(2) == [0x78, 0x01])
        #expect(out.count < 26 + 6)
    }

    @Test func adler32() {
        #expect(Zlib.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Zlib.adler32([]) == 1)
    }

    @Test(arguments: [
        ("", ZlibError.Code.badHeader),
        ("789c", ZlibError.Code.truncated),
        ("1234", ZlibError.Code.badHeader),
        ("78bb", ZlibError.Code.badHeader),  // FDICT set
        ("78dacb48cdc9c9d751c840a2140a8bd2134b52017dc70978", ZlibError.Code.checksumMismatch),
        ("78dacb48cdc9c9d751c840a2140a8bd2134b52017d", ZlibError.Code.truncated),
        ("7801010c00f3fe73746f72656420626c6f636b1f8004bd", ZlibError.Code.corrupt),  // LEN/NLEN mismatch
        ("78da07", ZlibError.Code.corrupt),  // block type 3
    ])
    func corruptStreams(hex: String, code: ZlibError.Code) {
        #expect {
            try Zlib.inflate(DCCTestVectors.hex(hex)!)
        } throws: { error in
            (error as? ZlibError)?.code == code
        }
    }

    @Test func outputLimit() {
        let bomb = Zlib.deflate([UInt8](repeating: 0, count: 100_000))
        var limits = Zlib.Limits()
        limits.maxOutputBytes = 50_000
        #expect(bomb.count < 2000)
        #expect {
            try Zlib.inflate(bomb, limits: limits)
        } throws: { error in
            (error as? ZlibError)?.code == .outputTooLarge
        }
    }
}

@Suite struct GzipTests {
    @Test func roundTripsAndMatchesTheGzipFormat() throws {
        let text = Array(String(repeating: "{\"id\":\"0192\",\"site\":\"bv-bach-mai\"},", count: 200).utf8)
        let gz = Gzip.compress(text)
        #expect(gz.starts(with: [0x1F, 0x8B, 0x08]))
        #expect(gz.count < text.count / 4)
        #expect(try Gzip.decompress(gz) == text)
        #expect(Gzip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)  // the standard check value
    }

    @Test func corruptOrForeignDataIsATypedError() throws {
        var gz = Gzip.compress(Array("hello gzip".utf8))
        gz[gz.count - 6] ^= 0xFF  // inside the CRC
        #expect(throws: ZlibError.self) { try Gzip.decompress(gz) }
        #expect(throws: ZlibError.self) { try Gzip.decompress(Array("not gzip at all, certainly".utf8)) }
        #expect(throws: ZlibError.self) { try Gzip.decompress(Array(Gzip.compress(Array("x".utf8)).prefix(12))) }
    }
}
