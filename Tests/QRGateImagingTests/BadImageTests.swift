import Foundation
import QRGateImaging
import Testing

/// Every kind of bad input gives a typed error naming the file, never a crash.
@Suite struct BadImageTests {
    let reader = ImageReader()

    private func expectError(_ code: ImageError.Code, mentioning name: String, _ body: () throws(ImageError) -> GreyFrame) {
        do {
            let frame = try body()
            Issue.record("expected \(code), got a \(frame.width)x\(frame.height) frame")
        } catch {
            #expect(error.code == code, "\(error)")
            #expect(error.message.contains(name), "\(error.message)")
        }
    }

    /// A PNG signature and IHDR claiming `width` x `height` (CRC and data missing on purpose).
    private func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
        func be32(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8) + be32(width) + be32(height)
            + [8, 0, 0, 0, 0] + [0, 0, 0, 0]
    }

    /// A real JPEG whose frame header (SOF0) is patched to claim `width` x `height`.
    private func jpegClaiming(width: UInt16, height: UInt16) throws -> [UInt8] {
        var bytes = try JPEGWriter().encode(chequerboard(width: 16, height: 16))
        guard let sof = (0..<(bytes.count - 1)).first(where: { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 }) else {
            Issue.record("no SOF0 marker")
            return bytes
        }
        bytes[sof + 5] = UInt8(height >> 8)
        bytes[sof + 6] = UInt8(height & 0xFF)
        bytes[sof + 7] = UInt8(width >> 8)
        bytes[sof + 8] = UInt8(width & 0xFF)
        return bytes
    }

    @Test func missingFile() {
        expectError(.fileNotFound, mentioning: "/nonexistent/x.png") { () throws(ImageError) in
            try reader.read(path: "/nonexistent/x.png")
        }
    }

    @Test func folderIsUnreadable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        expectError(.unreadable, mentioning: folder.path) { () throws(ImageError) in try reader.read(path: folder.path) }
    }

    @Test(.enabled(if: getuid() != 0, "root can read any file"))
    func unreadableFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(try PNGWriter().encode(chequerboard(width: 8, height: 8)), to: "locked.png")
        chmod(path, 0)
        expectError(.unreadable, mentioning: "locked.png") { () throws(ImageError) in try reader.read(path: path) }
    }

    @Test(arguments: [
        ("gif", Array("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8)),
        ("bmp", Array("BM\u{0}\u{0}\u{0}\u{0}".utf8)),
        ("text", Array("hello, not an image".utf8)),
    ])
    func unsupportedFormat(name: String, bytes: [UInt8]) {
        expectError(.unsupportedFormat, mentioning: name) { () throws(ImageError) in try reader.decode(bytes, name: name) }
    }

    @Test func emptyFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write([], to: "empty.png")
        expectError(.truncated, mentioning: "empty.png") { () throws(ImageError) in try reader.read(path: path) }
    }

    @Test func truncatedPNG() throws {
        let whole = try Fixtures.bytes("qr-photos/qrcode-1/1.png")
        for length in [20, 40, 200, whole.count / 2, whole.count - 20] {
            let cut = Array(whole.prefix(length))
            do {
                _ = try reader.decode(cut, name: "cut.png")
                Issue.record("a PNG cut at \(length) bytes decoded")
            } catch {
                #expect([.truncated, .corrupt].contains(error.code), "\(error)")
                #expect(error.message.contains("cut.png"))
            }
        }
    }

    @Test func truncatedJPEG() throws {
        let whole = try JPEGWriter().encode(chequerboard(width: 64, height: 64))
        for length in [4, 100, whole.count / 2, whole.count - 2] {
            do {
                _ = try reader.decode(Array(whole.prefix(length)), name: "cut.jpg")
                Issue.record("a JPEG cut at \(length) bytes decoded")
            } catch {
                #expect([.truncated, .corrupt].contains(error.code), "\(error)")
                #expect(error.message.contains("cut.jpg"))
            }
        }
    }

    @Test func truncatedPGM() {
        expectError(.truncated, mentioning: "cut.pgm") { () throws(ImageError) in
            try reader.decode(Array("P5 4 4 255\n".utf8) + [1, 2, 3], name: "cut.pgm")
        }
        expectError(.truncated, mentioning: "cut.pgm") { () throws(ImageError) in
            try reader.decode(Array("P2 2 2 255 1 2 3".utf8), name: "cut.pgm")
        }
    }

    @Test func corruptPNGData() throws {
        var bytes = try PNGWriter().encode(chequerboard(width: 64, height: 64))
        for index in 40..<(bytes.count - 12) { bytes[index] ^= 0x5A }
        expectError(.corrupt, mentioning: "bad.png") { () throws(ImageError) in try reader.decode(bytes, name: "bad.png") }
    }

    @Test func zeroByZero() throws {
        expectError(.empty, mentioning: "zero.png") { () throws(ImageError) in
            try reader.decode(pngHeader(width: 0, height: 0), name: "zero.png")
        }
        expectError(.empty, mentioning: "zero.pgm") { () throws(ImageError) in
            try reader.decode(Array("P5 0 0 255\n".utf8), name: "zero.pgm")
        }
        let jpeg = try jpegClaiming(width: 0, height: 0)
        do {
            _ = try reader.decode(jpeg, name: "zero.jpg")
            Issue.record("a 0x0 JPEG decoded")
        } catch {
            #expect([.empty, .corrupt].contains(error.code), "\(error)")
        }
    }

    @Test func decompressionBombIsRefusedFromTheHeader() throws {
        expectError(.tooLarge, mentioning: "bomb.png") { () throws(ImageError) in
            try reader.decode(pngHeader(width: 20000, height: 20000), name: "bomb.png")
        }
        let bombJPEG = try jpegClaiming(width: 20000, height: 20000)
        expectError(.tooLarge, mentioning: "bomb.jpg") { () throws(ImageError) in
            try reader.decode(bombJPEG, name: "bomb.jpg")
        }
        expectError(.tooLarge, mentioning: "bomb.pgm") { () throws(ImageError) in
            try reader.decode(Array("P5 20000 20000 255\n".utf8), name: "bomb.pgm")
        }
    }

    @Test func pixelLimitIsConfigurable() throws {
        var configuration = ImageReader.Configuration()
        configuration.maxPixels = 100
        let small = ImageReader(configuration: configuration)
        let bytes = try PNGWriter().encode(chequerboard(width: 11, height: 10))
        #expect(throws: ImageError.self) { try small.decode(bytes, name: "t.png") }
        #expect(try small.decode(try PNGWriter().encode(chequerboard(width: 10, height: 10)), name: "t.png").width == 10)
    }

    @Test func fileSizeLimit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write([UInt8](repeating: 0, count: 2048), to: "big.png")
        var configuration = ImageReader.Configuration()
        configuration.maxFileBytes = 1024
        expectError(.tooLarge, mentioning: "big.png") { () throws(ImageError) in
            try ImageReader(configuration: configuration).read(path: path)
        }
    }
}

/// Damaged files of every format never crash the reader: they decode or throw `ImageError`.
@Suite struct MutatedImageTests {
    /// Deterministic pseudo-random numbers (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test(arguments: ["png", "jpeg", "pgm"])
    func mutatedFilesNeverCrash(format: String) throws {
        let frame = chequerboard(width: 48, height: 40)
        let original: [UInt8] =
            switch format {
            case "png": try PNGWriter().encode(frame)
            case "jpeg": try JPEGWriter().encode(frame)
            default: Array("P5 48 40 255\n".utf8) + frame.pixels
            }
        var random = Random(state: 1234)
        let reader = ImageReader()
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + random.next(8)) {
                let index = random.next(bytes.count)
                switch random.next(3) {
                case 0: bytes[index] = UInt8(random.next(256))
                case 1: bytes.removeSubrange(index..<min(bytes.count, index + random.next(64) + 1))
                default: bytes.insert(UInt8(random.next(256)), at: index)
                }
                if bytes.isEmpty { bytes = original }
            }
            do {
                let decoded = try reader.decode(bytes, name: "mutated.\(format)")
                #expect(decoded.pixels.count == decoded.width * decoded.height)
            } catch {
                #expect(error.message.contains("mutated.\(format)"))
            }
        }
    }
}
