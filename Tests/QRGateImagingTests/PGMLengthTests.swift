import Foundation
import QRGateImaging
import Testing

/// A PGM whose header claims far more pixels than the file holds is refused from its length,
/// before anything is allocated for the claimed size.
@Suite struct PGMLengthTests {
    /// Peak resident memory of this process so far, kB (VmHWM).
    func peakKilobytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "0") ?? 0
    }

    @Test(arguments: ["P5", "P2"])
    func aPGMHeaderClaiming60000x60000With10BytesOfDataIsRefusedBeforeAllocating(magic: String) {
        let bytes = Array("\(magic)\n60000 60000\n255\n".utf8) + Array(repeating: UInt8(ascii: "7"), count: 10)
        // The default pixel limit refuses it from the header alone.
        do {
            _ = try ImageReader().decode(bytes, name: "huge.pgm")
            Issue.record("accepted")
        } catch {
            #expect(error.code == .tooLarge, "\(error)")
        }
        // With the pixel limit lifted (a trusting configuration), the length check still holds:
        // 3.6 GB would be allocated (and zeroed) for the pixels without it.
        var configuration = ImageReader.Configuration()
        configuration.maxPixels = Int.max
        let before = peakKilobytes()
        do {
            _ = try ImageReader(configuration: configuration).decode(bytes, name: "huge.pgm")
            Issue.record("accepted")
        } catch {
            #expect(error.code == .truncated, "\(error)")
            #expect(error.message.contains("huge.pgm") && error.message.contains("cut short"), "\(error.message)")
        }
        let grown = peakKilobytes() - before
        #expect(grown < 512 * 1024, "peak memory grew by \(grown) kB")
    }

    @Test func validPGMsStillDecode() throws {
        let binary = try ImageReader().decode(Array("P5 2 2 255\n".utf8) + [0, 64, 128, 255], name: "ok.pgm")
        #expect(binary.pixels == [0, 64, 128, 255])
        let plain = try ImageReader().decode(Array("P2\n2 1\n255\n7 9".utf8), name: "ok.pgm")
        #expect(plain.pixels == [7, 9])
        let wide = try ImageReader().decode(Array("P5 1 1 65535\n".utf8) + [0xFF, 0xFF], name: "ok.pgm")
        #expect(wide.pixels == [255])
    }
}
