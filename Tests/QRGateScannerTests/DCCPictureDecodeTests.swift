import Foundation
import QRGateImaging
import QRGateScanner
import Testing

/// EXPECTEDPICTUREDECODE of the EU DCC test vectors: the PNG in `2DCODE` decodes with zbar
/// (through our scanner) to exactly `PREFIX`, or, for `false`, to nothing that equals it.
@Suite struct DCCPictureDecodeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/dcc")

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let png: [UInt8]
        let prefix: String?
        let expected: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var cases: [Case] = []
        for case let relative as String in walker where relative.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let expectations = object["EXPECTEDRESULTS"] as? [String: Any],
                let expected = expectations["EXPECTEDPICTUREDECODE"] as? Bool,
                let picture = object["2DCODE"] as? String,
                let png = Data(base64Encoded: picture, options: .ignoreUnknownCharacters)
            else { continue }
            cases.append(Case(name: relative, png: Array(png), prefix: object["PREFIX"] as? String, expected: expected))
        }
        return cases.sorted { $0.name < $1.name }
    }()

    @Test func theVectorsAreThere() {
        #expect(Self.cases.count >= 380)
    }

    @Test(arguments: cases)
    func pictureDecodesToThePrefix(_ vector: Case) throws {
        let scanner = ImageScanner(configuration: .files)
        let texts: [String]
        do {
            texts = scanner.scan(try ImageReader().decode(vector.png, name: vector.name)).map(\.text)
        } catch {
            #expect(!vector.expected, "\(vector.name): the picture could not be read: \(error)")
            return
        }
        if vector.expected {
            #expect(texts.contains(vector.prefix ?? ""), "\(vector.name): read \(texts)")
        } else {
            #expect(!texts.contains(vector.prefix ?? "\u{0}"))
        }
    }
}
