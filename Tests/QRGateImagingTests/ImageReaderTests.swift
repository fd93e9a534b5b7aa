import QRGateImaging
import Testing

/// A chequerboard of 8-pixel squares, handy to check pixel-exact round trips.
func chequerboard(width: Int, height: Int) -> GreyFrame {
    var frame = GreyFrame(width: width, height: height, filledWith: 255)
    for y in 0..<height {
        for x in 0..<width where (x / 8 + y / 8) % 2 == 0 {
            frame[x, y] = 0
        }
    }
    return frame
}

@Suite struct ImageReaderTests {
    let reader = ImageReader()

    @Test func readsBinaryPGM() throws {
        let bytes = Array("P5\n# a comment\n3 2\n255\n".utf8) + [0, 128, 255, 1, 2, 3]
        let frame = try reader.decode(bytes, name: "t.pgm")
        #expect(frame.width == 3 && frame.height == 2)
        #expect(frame.pixels == [0, 128, 255, 1, 2, 3])
    }

    @Test func readsPlainPGMAndScalesMaxValue() throws {
        let frame = try reader.decode(Array("P2 2 2 15\n0 15\n# c\n 5 10".utf8), name: "t.pgm")
        #expect(frame.pixels == [0, 255, 85, 170])
    }

    @Test func reads16BitPGM() throws {
        let bytes = Array("P5 2 1 65535\n".utf8) + [0xFF, 0xFF, 0x00, 0x00]
        #expect(try reader.decode(bytes, name: "t.pgm").pixels == [255, 0])
    }

    @Test(arguments: [PNGWriter.Depth.grey8, .blackAndWhite1])
    func pngRoundTrip(depth: PNGWriter.Depth) throws {
        let frame = chequerboard(width: 37, height: 21)
        let bytes = try PNGWriter(depth: depth).encode(frame)
        #expect(ImageFormat.detect(bytes) == .png)
        #expect(try reader.decode(bytes, name: "t.png") == frame)
    }

    @Test(arguments: [PNGWriter.Depth.grey8, .blackAndWhite1])
    func interlacedPNGRoundTrip(depth: PNGWriter.Depth) throws {
        let frame = chequerboard(width: 29, height: 35)
        #expect(try reader.decode(try PNGWriter(depth: depth, interlaced: true).encode(frame), name: "i.png") == frame)
    }

    @Test func pngGreyLevelsSurvive() throws {
        let frame = GreyFrame(width: 256, height: 1, pixels: (0...255).map { UInt8($0) })
        #expect(try reader.decode(try PNGWriter().encode(frame), name: "t.png") == frame)
    }

    @Test func readsColourPhotoPNG() throws {
        let frame = try reader.read(path: Fixtures.root + "/qr-photos/qrcode-1/1.png")
        #expect(frame.width == 640 && frame.height == 480)
        #expect(Set(frame.pixels).count > 100)
    }

    @Test func readsPalettePNG() throws {
        // 1-bit colour-mapped PNG from the photo set; its palette is black and (254, 254, 254).
        let frame = try reader.read(path: Fixtures.root + "/qr-photos/qrcode-2/32.png")
        #expect(frame.width == 65 && frame.height == 65)
        #expect(Set(frame.pixels) == [0, 254])
    }

    @Test func jpegRoundTripKeepsTheImage() throws {
        let frame = chequerboard(width: 64, height: 48)
        let decoded = try reader.decode(try JPEGWriter(quality: 95).encode(frame), name: "t.jpg")
        #expect(decoded.width == 64 && decoded.height == 48)
        let worst = zip(frame.pixels, decoded.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst < 60)
    }

    @Test func writesAndReadsFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let frame = chequerboard(width: 16, height: 16)
        try PNGWriter().write(frame, to: folder.file("a.png"))
        try JPEGWriter().write(frame, to: folder.file("b.jpeg"))
        #expect(try reader.read(path: folder.file("a.png")) == frame)
        #expect(try reader.read(path: folder.file("b.jpeg")).width == 16)
    }

    @Test func invertedIsTheNegative() {
        let frame = GreyFrame(width: 2, height: 1, pixels: [0, 200])
        #expect(frame.inverted().pixels == [255, 55])
    }
}
