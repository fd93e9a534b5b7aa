import Foundation
import QRGateCore

/// Locates and reads the EU DCC test vectors in Tests/Fixtures/dcc (no dependency on
/// anything outside the repository).
enum DCCTestVectors {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/dcc")

    /// Paths of all vector files relative to `root`, sorted.
    static let all: [String] = {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var paths: [String] = []
        while let next = enumerator.nextObject() as? String {
            if next.hasSuffix(".json") { paths.append(next) }
        }
        return paths.sorted()
    }()

    static func load(_ path: String) throws -> JSONValue {
        let data = try Data(contentsOf: root.appendingPathComponent(path))
        return try JSONValue(parsing: Array(data))
    }

    static func hex(_ text: String) -> [UInt8]? { Hex.decode(text) }

    /// JSON equality with order-free maps, tolerant number comparison, and date-times
    /// compared as instants.
    static func semanticallyEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            guard Set(x.keys) == Set(y.keys) else { return false }
            return x.allSatisfy { key, value in semanticallyEqual(value, y[key]!) }
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { semanticallyEqual($0, $1) }
        case (.number(let x), .number(let y)):
            return x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y))
        case (.string(let x), .string(let y)):
            if x == y { return true }
            guard x.contains("T") || y.contains("T"), let dx = ISO8601Timestamp.parse(x), let dy = ISO8601Timestamp.parse(y) else { return false }
            return abs(dx.timeIntervalSince1970 - dy.timeIntervalSince1970) < 0.0005
        default:
            return a == b
        }
    }
}
