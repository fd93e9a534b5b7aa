import QRGateImaging
import QRGateScanner
import Testing

@Suite struct ScannerTests {
    static let vietnamese = [
        "Nguyễn Thị Minh Khai, Quận 1, TP. Hồ Chí Minh",
        "Đặng Văn Lâm — Hà Nội",
        "079203001234||Trần Thị Ngọc Ánh|01021990|Nữ|Số 12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội|15082021",
    ]

    @Test(arguments: vietnamese)
    func vietnameseUTF8RoundTripsWithoutECI(_ text: String) throws {
        let frame = try #require(QRRendering.render8bit(text))
        let symbols = ImageScanner().scan(frame)
        #expect(symbols.map(\.text) == [text])
        #expect(symbols.first?.bytes == Array(text.utf8))
    }

    @Test(arguments: vietnamese)
    func vietnameseUTF8RoundTripsWithECI26(_ text: String) throws {
        let frame = try #require(QRRendering.render(Array(text.utf8), eci: 26))
        let symbols = ImageScanner().scan(frame)
        #expect(symbols.map(\.text) == [text])
    }

    @Test func bytesAreNotCutAtNUL() throws {
        let payload: [UInt8] = [0x41, 0x00, 0x42, 0xFF, 0x00]
        let frame = try #require(QRRendering.render(payload))
        #expect(ImageScanner().scan(frame).first?.bytes == payload)
    }

    @Test func darkModeCodeIsRead() throws {
        let frame = try #require(QRRendering.render8bit("QRG1:dark-mode"))
        let inverted = frame.inverted()
        #expect(ImageScanner().scan(inverted).map(\.text) == ["QRG1:dark-mode"])
        var plain = ScanConfiguration.plain
        plain.testInverted = false
        #expect(ImageScanner(configuration: plain).scan(inverted).isEmpty)
    }

    @Test func frameWithoutCodeGivesNothing() {
        #expect(ImageScanner().scan(GreyFrame(width: 640, height: 480, filledWith: 200)).isEmpty)
        #expect(ImageScanner().scan(GreyFrame(width: 0, height: 0, pixels: [])).isEmpty)
        #expect(ImageScanner().scan(GreyFrame(width: 1, height: 1, filledWith: 0)).isEmpty)
    }

    @Test func cascadeReadsACodeTooSmallForPlainZbar() throws {
        // One pixel per module: plain zbar misses it, enlarging finds it.
        let frame = try #require(QRRendering.render8bit("small code", moduleSize: 1))
        #expect(ImageScanner(configuration: .plain).scan(frame).isEmpty)
        let outcome = ImageScanner(configuration: .files).scanWithDetails(frame)
        #expect(outcome.symbols.map(\.text) == ["small code"], "\(outcome.attempts) attempts")
    }

    @Test func cascadeRespectsItsBudget() {
        var configuration = ScanConfiguration()
        configuration.cascadeTimeBudget = .zero
        let outcome = ImageScanner(configuration: configuration).scanWithDetails(GreyFrame(width: 320, height: 240, filledWith: 90))
        #expect(outcome.attempts == 1)
        configuration.cascadeTimeBudget = .seconds(10)
        configuration.cascadeMaxAttempts = 3
        let limited = ImageScanner(configuration: configuration).scanWithDetails(GreyFrame(width: 320, height: 240, filledWith: 90))
        #expect(limited.attempts == 4)
    }

    @Test func cascadeResumesAcrossCameraFrames() throws {
        // One cascade step per frame: consecutive frames try the next steps in turn.
        let frame = try #require(QRRendering.render8bit("small code", moduleSize: 1))
        var configuration = ScanConfiguration()
        configuration.cascadeTimeBudget = .seconds(10)
        configuration.cascadeMaxAttempts = 1
        configuration.cascade = [.blur, .sharpen, .scale(0.5), .scale(3), .chain(.pad(0.2), .scale(3)), .scale(4)]
        let resuming = ImageScanner(configuration: configuration)
        let framesNeeded = (1...configuration.cascade.count).first { _ in !resuming.scan(frame).isEmpty }
        #expect(framesNeeded != nil)
        #expect(!resuming.scan(frame).isEmpty, "the next frame starts with the step that worked")

        configuration.resumeCascadeAcrossFrames = false
        let restarting = ImageScanner(configuration: configuration)
        #expect((1...configuration.cascade.count).allSatisfy { _ in restarting.scan(frame).isEmpty })
    }

    @Test func scanFileReadsPNGAndJPEGAndPGM() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let frame = try #require(QRRendering.render8bit("HC1:TEST"))
        try PNGWriter(depth: .blackAndWhite1).write(frame, to: folder.file("code.png"))
        try JPEGWriter(quality: 85).write(frame, to: folder.file("code.jpg"))
        let pgm = Array("P5 \(frame.width) \(frame.height) 255\n".utf8) + frame.pixels
        try #require(FileWriter.write(pgm, to: folder.file("code.pgm")))
        for name in ["code.png", "code.jpg", "code.pgm"] {
            #expect(try ImageScanner.scanFile(path: folder.file(name)).map(\.text) == ["HC1:TEST"], "\(name)")
        }
    }
}

/// Writes test files without Foundation in the test body.
enum FileWriter {
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        defer { fclose(file) }
        return fwrite(bytes, 1, bytes.count, file) == bytes.count
    }
}

#if canImport(Glibc)
import Glibc
#endif
