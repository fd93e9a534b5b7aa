import Foundation
import QRGateCore
import Testing

/// Locates `Tests/Fixtures` from this source file, so tests need nothing outside the clone.
enum SchemaFixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    struct Case: Sendable, CustomTestStringConvertible {
        var relativePath: String
        var expectValid: Bool
        var testDescription: String { relativePath }
    }

    /// Every example and test payload of `Fixtures/dcc-schema`, with its expected validity:
    /// `examples/**` and `test/valid` must validate, `test/invalid` must not.
    static func dccSchemaCases() -> [Case] {
        let base = root.appendingPathComponent("dcc-schema")
        var cases: [Case] = []
        let folders = [
            ("examples/vaccination", true), ("examples/test", true), ("examples/recovery", true),
            ("test/valid", true), ("test/invalid", false),
        ]
        for (folder, valid) in folders {
            let names =
                (try? FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent(folder).path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") {
                cases.append(Case(relativePath: "dcc-schema/\(folder)/\(name)", expectValid: valid))
            }
        }
        return cases
    }

    static func load(_ relativePath: String) throws -> JSONValue {
        let data = try Data(contentsOf: root.appendingPathComponent(relativePath))
        return try JSONValue(parsing: data)
    }
}
