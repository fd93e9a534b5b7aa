import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// The SMART Health Card and ICAO VDS-NC vectors of credentials-world through the built
/// `qrgate inspect --json`, as the conformance scorer runs it (a chunked card's codes one per
/// line on standard input): format, verdict, exit status, the holder in the payload.
@Suite struct HealthCardCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/credentials-world")

    static let vectors: [String] = ["shc", "icao-vds-nc"].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
    }

    @Test("inspect --json on a SMART Health Card or VDS-NC vector", arguments: vectors)
    func vector(_ path: String) throws {
        let vector = try JSONValue(parsing: Data(contentsOf: Self.root.appendingPathComponent(path)))
        let expected = try #require(vector["expected"])
        let input = folder(vector)
        defer { try? FileManager.default.removeItem(at: input) }
        var arguments = ["inspect", "--json", "--at", vector["at"]?.stringValue ?? ""]
        if let trust = vector["trust"]?.stringValue { arguments += ["--trust", Self.root.appendingPathComponent(trust).path] }
        arguments.append("-")
        let result = try Self.run(arguments, standardInput: input)
        let report = try JSONValue(parsing: result.stdout)
        #expect(report["format"] == vector["format"])
        #expect(report["verdict"] == expected["verdict"], "\(result.stdout)")
        #expect(result.status == (expected["verdict"] == "valid" ? 0 : 1))
        guard let subject = expected["subject"], !subject.isNull else { return }
        let text = (report["payload"] ?? .null).serialized().lowercased()
        let names = ["family_name", "given_name"].compactMap { subject[$0]?.stringValue }
        for word in (names.isEmpty ? [subject["name"]?.stringValue ?? ""] : names).flatMap({ $0.split(separator: " ") }) {
            #expect(text.contains(word.lowercased()), "\(word)")
        }
        #expect(text.contains(subject["birth_date"]?.stringValue ?? "?"))
    }

    /// The vector's QR text in a file, chunks joined by newlines.
    func folder(_ vector: JSONValue) -> URL {
        let text =
            vector["qr"]?.arrayValue.map { $0.compactMap(\.stringValue).joined(separator: "\n") } ?? vector["qr"]?.stringValue ?? ""
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).txt")
        try? Data(text.utf8).write(to: file)
        return file
    }

    /// Runs the built `qrgate` with `standardInput` read from a file.
    static func run(_ arguments: [String], standardInput: URL) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = QRGateBinary.url
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: standardInput)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func everyVectorIsRun() {
        #expect(Self.vectors.count == 19)
    }
}
