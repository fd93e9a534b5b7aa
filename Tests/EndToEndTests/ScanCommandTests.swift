import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// `qrgate scan --json` as the contract describes it.
@Suite struct ScanCommandTests {
    static let photos = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/qr-photos")

    @Test func ndjsonInInputOrderWithErrorsInlineAndExit1() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let notAnImage = temporary.url.appendingPathComponent("notes.png")
        try Data("hello".utf8).write(to: notAnImage)
        let first = Self.photos.appendingPathComponent("qrcode-1/1.png").path
        let files = [first, "missing.png", notAnImage.path, first]
        let result = try QRGateBinary.run(["scan", "--json"] + files)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map { try? JSONValue(parsing: String($0)) }
        #expect(lines.count == 4)
        #expect(lines.map { $0?["file"]?.stringValue } == files)
        let expected = try String(contentsOfFile: Self.photos.appendingPathComponent("qrcode-1/1.txt").path, encoding: .utf8)
        #expect(lines[0]?["symbols"]?.arrayValue?.first?["text"]?.stringValue == expected)
        #expect(lines[0]?["ms"]?.numberValue != nil)
        #expect(lines[1]?["error"]?["code"] == "file_not_found")
        #expect(lines[2]?["error"]?["code"]?.stringValue != nil)
        #expect(
            lines[3] == lines[0].map { value -> JSONValue? in
                guard case .object(var o) = value else { return nil }
                o["ms"] = lines[3]?["ms"]
                return .object(o)
            } ?? nil)
        #expect(result.stderr.split(separator: "\n").count == 2)
    }

    @Test func imageWithoutACodeHasEmptySymbolsAndExits0() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let blank = temporary.url.appendingPathComponent("blank.pgm")
        try Data("P5\n64 64\n255\n".utf8 + [UInt8](repeating: 200, count: 64 * 64)).write(to: blank)
        let result = try QRGateBinary.run(["scan", "--json", blank.path])
        #expect(result.status == 0)
        #expect(try JSONValue(parsing: result.stdout)["symbols"] == [])
    }
}
