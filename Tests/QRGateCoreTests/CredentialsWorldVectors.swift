import Foundation
import QRGateCore
import QRGateFiles
import Testing

/// Locates and reads the credentials-world vectors in Tests/Fixtures/credentials-world (copied
/// from the shared conformance data, see its README).
enum CredentialsWorldVectors {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/credentials-world")

    /// The vector files of `folder`, relative to `root`, sorted; with `format`, only those
    /// expected to be reported as that format.
    static func files(_ folder: String, format: String? = nil) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }.filter { path in
            guard let format else { return true }
            return (try? load(path))?["format"]?.stringValue == format
        }
    }

    /// The trust folder `folder` (relative to `root`), every file of it usable.
    static func trust(folder: String) throws -> TrustStore {
        let loaded = try TrustStore.loadReporting(path: root.appendingPathComponent(folder).path)
        #expect(loaded.skipped.isEmpty, "\(loaded.skipped)")
        return loaded.store
    }

    /// The trust folder a vector names (`trust`), or an empty store when it names none.
    static func trust(of vector: JSONValue) throws -> TrustStore {
        guard let folder = vector["trust"]?.stringValue else { return TrustStore() }
        return try trust(folder: folder)
    }

    static func load(_ path: String) throws -> JSONValue {
        try JSONValue(parsing: Array(try Data(contentsOf: root.appendingPathComponent(path))))
    }

    /// The QR text as `check.py` hands it to `inspect` (a chunk list joined by newlines).
    static func text(of vector: JSONValue) -> String {
        if let chunks = vector["qr"]?.arrayValue { return chunks.compactMap(\.stringValue).joined(separator: "\n") }
        return vector["qr"]?.stringValue ?? ""
    }

    /// The first failing check in `order`, nil when none failed.
    static func firstFailure(_ report: InspectionReport, order: [InspectionReport.Check]) -> String? {
        order.first { report.checks[$0] == .fail }?.rawValue
    }

    /// What `check.py` scores for a subject: every word of the family/given names (or `name`) and
    /// the birth date (or one `birth_date_alt`) occur in the JSON text of the payload
    /// (case-insensitive, NFC). Returns the parts that do not, empty when all do.
    static func missingSubjectParts(_ expected: JSONValue, payload: JSONValue?) -> [String] {
        let text = (payload ?? .null).serialized().precomposedStringWithCanonicalMapping.lowercased()
        var missing: [String] = []
        let nameFields = ["family_name", "given_name"].compactMap { expected[$0]?.stringValue }
        let names = nameFields.isEmpty ? [expected["name"]?.stringValue].compactMap { $0 } : nameFields
        for word in names.flatMap({ $0.split(separator: " ") }) {
            let folded = String(word).precomposedStringWithCanonicalMapping.lowercased()
            if !text.contains(folded) { missing.append(String(word)) }
        }
        if let birth = expected["birth_date"]?.stringValue {
            let candidates = [birth] + (expected["birth_date_alt"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            if !candidates.contains(where: { text.contains($0.lowercased()) }) { missing.append(birth) }
        }
        return missing
    }

    /// The date-time of a vector's `at`.
    static func at(_ vector: JSONValue) -> Date {
        vector["at"]?.stringValue.flatMap(ISO8601Timestamp.parse) ?? Date()
    }
}
