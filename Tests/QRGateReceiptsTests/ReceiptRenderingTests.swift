import Crypto
import Foundation
import QRGateCore
import QRGateImaging
import QRGateReceipts
import QRGateScanner
import QRGateTestSupport
import Testing

/// Every renderer's output decodes back with zbar to the exact token.
@Suite struct ReceiptRenderingTests {
    let key = P256.Signing.PrivateKey()
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func token() throws -> String {
        let claims = ReceiptClaims(
            checkInID: UUIDv7.make(at: now), site: "bv-bach-mai", gate: "cong-so-1", direction: .entry,
            decision: .admit, issuedAt: now, validUntil: now.addingTimeInterval(12 * 3600))
        return try ReceiptToken.issue(claims, key: key)
    }

    func decode(_ frame: GreyFrame) throws -> [String] {
        let scanner = ImageScanner(configuration: .files)
        return scanner.scan(frame).map(\.text)
    }

    @Test func pngDecodesToTheToken() throws {
        let token = try token()
        let matrix = try QRCodeEncoder().encode(token)
        let png = try PNGRenderer(scale: 4).render(matrix)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let file = temporary.url.appendingPathComponent("receipt.png")
        try Data(png).write(to: file)
        let frame = try ImageReader().read(path: file.path)
        #expect(try decode(frame) == [token])
    }

    @Test func svgDecodesToTheToken() throws {
        let token = try token()
        let matrix = try QRCodeEncoder().encode(token)
        let svg = SVGRenderer(moduleSize: 4).render(matrix)
        #expect(svg.hasPrefix("<?xml"))
        // Rasterise the SVG's own path data (runs of "M x y h w v1 h-w z") back into pixels.
        let frame = try Self.rasterise(svg: svg, scale: 4)
        #expect(try decode(frame) == [token])
    }

    @Test func terminalHalfBlocksDecodeToTheToken() throws {
        let token = try token()
        let matrix = try QRCodeEncoder().encode(token)
        let text = TerminalRenderer().render(matrix)
        let lines = text.split(separator: "\n").map { Array($0) }
        let scale = 4
        let width = lines[0].count * scale
        let height = lines.count * 2 * scale
        var frame = GreyFrame(width: width, height: height, filledWith: 0)
        for (row, line) in lines.enumerated() {
            for (column, character) in line.enumerated() {
                let (topLight, bottomLight): (Bool, Bool) =
                    switch character {
                    case "█": (true, true)
                    case "▀": (true, false)
                    case "▄": (false, true)
                    default: (false, false)
                    }
                for dy in 0..<(2 * scale) {
                    let light = dy < scale ? topLight : bottomLight
                    for dx in 0..<scale where light { frame[column * scale + dx, row * 2 * scale + dy] = 255 }
                }
            }
        }
        #expect(try decode(frame) == [token])
    }

    @Test(arguments: ESCPOSRenderer.Paper.allCases)
    func escposRasterDecodesToTheToken(paper: ESCPOSRenderer.Paper) throws {
        let token = try token()
        let matrix = try QRCodeEncoder().encode(token)
        let bytes = ESCPOSRenderer(paper: paper).render(matrix, lines: ["Cổng số 1 — 12:00", "VÀO / ENTRY: ĐƯỢC PHÉP"])
        #expect(bytes.starts(with: [0x1B, 0x40]))
        // The header text is printable ASCII with Vietnamese diacritics folded away.
        #expect(String(decoding: bytes, as: UTF8.self).contains("VAO / ENTRY: DUOC PHEP"))
        // Find GS v 0 and turn its raster into an image, as the printer would.
        let start = try #require((0..<(bytes.count - 3)).first { bytes[$0] == 0x1D && bytes[$0 + 1] == 0x76 && bytes[$0 + 2] == 0x30 })
        let bytesPerRow = Int(bytes[start + 4]) | Int(bytes[start + 5]) << 8
        let rows = Int(bytes[start + 6]) | Int(bytes[start + 7]) << 8
        #expect(bytesPerRow * 8 <= paper.dots)
        var frame = GreyFrame(width: bytesPerRow * 8, height: rows, filledWith: 255)
        for y in 0..<rows {
            for x in 0..<(bytesPerRow * 8) {
                let byte = bytes[start + 8 + y * bytesPerRow + x / 8]
                if byte & (0x80 >> UInt8(x % 8)) != 0 { frame[x, y] = 0 }
            }
        }
        #expect(try decode(frame) == [token])
    }

    @Test func vietnameseTextRoundTripsThroughECI26() throws {
        let text = "Nguyễn Thị Hằng — Đà Nẵng"
        let frame = PNGRenderer(scale: 4).frame(try QRCodeEncoder().encode(text))
        #expect(try decode(frame) == [text])
    }

    @Test func payloadTooLongForAnyVersionIsATypedError() {
        let huge = [UInt8](repeating: 0x41, count: 3_000)
        #expect {
            try QRCodeEncoder(level: .high).encode(bytes: huge)
        } throws: { error in
            (error as? QREncodeError)?.code == .payloadTooLong
        }
    }

    @Test func caseIsPreserved() throws {
        let frame = PNGRenderer(scale: 4).frame(try QRCodeEncoder(utf8ECI: false).encode("MixedCase-abcXYZ"))
        #expect(try decode(frame) == ["MixedCase-abcXYZ"])
    }

    /// Paints the SVG's horizontal runs (as SVGRenderer writes them) into a frame.
    static func rasterise(svg: String, scale: Int) throws -> GreyFrame {
        guard let viewBox = svg.range(of: "viewBox=\"0 0 ") else { throw CancellationError() }
        let sizeText = svg[viewBox.upperBound...].prefix { $0.isNumber }
        let size = try #require(Int(sizeText))
        var frame = GreyFrame(width: size * scale, height: size * scale, filledWith: 255)
        guard let d = svg.range(of: " d=\"") else { throw CancellationError() }
        let path = svg[d.upperBound...].prefix { $0 != "\"" }
        for run in path.split(separator: "z") {
            // M<x> <y>h<w>v1h-<w>
            let numbers = run.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard numbers.count >= 3 else { continue }
            let (x, y, w) = (numbers[0], numbers[1], numbers[2])
            for px in (x * scale)..<((x + w) * scale) {
                for py in (y * scale)..<((y + 1) * scale) { frame[px, py] = 0 }
            }
        }
        return frame
    }
}
