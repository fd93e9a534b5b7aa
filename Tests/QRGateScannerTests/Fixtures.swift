import Foundation
import Testing

/// The shared test fixtures (`Tests/Fixtures`), found from this source file's location,
/// so the tests run without anything outside the repository.
enum Fixtures {
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func bytes(_ relativePath: String) -> [UInt8]? {
        (try? Data(contentsOf: URL(fileURLWithPath: root + "/" + relativePath))).map { [UInt8]($0) }
    }
}

/// A fresh folder under the system temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qrgate-scanner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// One picture of the photo set with its expected payload.
struct PhotoCase: CustomTestStringConvertible, Sendable {
    let name: String
    let expected: [UInt8]
    var testDescription: String { name }

    var path: String { Fixtures.root + "/qr-photos/" + name }

    /// Every picture listed in `MANIFEST.tsv`.
    static let all: [PhotoCase] = {
        guard let manifest = Fixtures.bytes("qr-photos/MANIFEST.tsv") else { return [] }
        return String(decoding: manifest, as: UTF8.self).split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count >= 2 else { return nil }
            let name = "\(fields[0])/\(fields[1])"
            let textName = "qr-photos/\(fields[0])/\(fields[1].dropLast(4)).txt"
            return PhotoCase(name: name, expected: Fixtures.bytes(textName) ?? [])
        }
    }()

    /// Pictures our zbar-based scanner does not read as ZXing does, and why.
    static let knownUnreadable: [String: String] = [
        "qrcode-2/13.png":
            "artistic code with photo texture in its modules: zbar decodes it only after a bright global threshold, and then reads 'photography' where ZXing's expected text says 'photograph'",
        "qrcode-2/33.png":
            "tiny clean version-1 code whose payload starts with control bytes 0x01 0x10: zbar 0.23.92's QR decoder rejects it even enlarged and padded",
    ]
}
