import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// The credentials-world vectors through the built `qrgate inspect --json`, as the conformance
/// scorer runs it: format, verdict, and the holder's name words and birth date in the payload.
@Suite struct CredentialsWorldCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/credentials-world")

    static let vectors: [String] = ["vn-personal-qr", "eu-dcc-world", "who-ddcc", "divoc"].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
    }

    @Test("inspect --json on a credentials-world vector", arguments: vectors)
    func vector(_ path: String) throws {
        let vector = try JSONValue(parsing: Data(contentsOf: Self.root.appendingPathComponent(path)))
        let expected = try #require(vector["expected"])
        var arguments = ["inspect", "--json", "--at", vector["at"]?.stringValue ?? ""]
        if let trust = vector["trust"]?.stringValue { arguments += ["--trust", Self.root.appendingPathComponent(trust).path] }
        arguments.append(vector["qr"]?.stringValue ?? "")
        let result = try QRGateBinary.run(arguments)
        let report = try JSONValue(parsing: result.stdout)
        #expect(report["format"] == vector["format"])
        #expect(report["verdict"] == expected["verdict"])
        #expect(result.status == (expected["verdict"] == "valid" ? 0 : 1))
        guard let subject = expected["subject"], !subject.isNull else { return }
        let text = (report["payload"] ?? .null).serialized().lowercased()
        let names = ["family_name", "given_name"].compactMap { subject[$0]?.stringValue }
        for word in (names.isEmpty ? [subject["name"]?.stringValue ?? ""] : names).flatMap({ $0.split(separator: " ") }) {
            #expect(text.contains(word.lowercased()), "\(word)")
        }
        let births = [subject["birth_date"]?.stringValue].compactMap { $0 } + (subject["birth_date_alt"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        if !births.isEmpty {  // a DIVOC credential may state only an age
            #expect(births.contains { text.contains($0.lowercased()) }, "\(births)")
        }
    }

    @Test func everyVectorIsRun() {
        #expect(Self.vectors.count == 29)
    }
}
