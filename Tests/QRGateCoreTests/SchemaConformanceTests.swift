import Foundation
import Testing

@testable import QRGateCore

/// Cross-checks against the DCC test vectors when they are available: set
/// `QRGATE_DCC_TESTDATA` to the `testdata/dcc` folder. Skipped otherwise, so the suite passes
/// from a fresh clone. Compares each vector's `JSON` payload with `EXPECTEDSCHEMAVALIDATION`
/// (schema of its own `ver`, plus exactly one of v/t/r), leaving out the data errors upstream
/// lists in `known_issues.csv` (NL: all files; BG/1, BG/2: null groups expected valid).
@Suite struct SchemaConformanceTests {
    static let folder = ProcessInfo.processInfo.environment["QRGATE_DCC_TESTDATA"]

    @Test(.enabled(if: folder != nil, "set QRGATE_DCC_TESTDATA to the dcc test-vector folder"))
    func dccVectorsAgreeWithExpectedSchemaValidation() throws {
        let root = URL(fileURLWithPath: try #require(Self.folder))
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var checked = 0
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "json", !url.path.contains("/NL/"),
                !(url.path.contains("/BG/") && ["1.json", "2.json"].contains(url.lastPathComponent)),
                let data = try? Data(contentsOf: url), let vector = try? JSONValue(parsing: data),
                case .bool(let expected)? = vector["EXPECTEDRESULTS"]?["EXPECTEDSCHEMAVALIDATION"],
                let payload = vector["JSON"]
            else { continue }
            let version = payload["ver"]?.stringValue ?? ""
            let violations = try DCCSchemaValidator.validate(payload, version: version)
            let groups = ["v", "t", "r"].filter { payload[$0] != nil }.count
            let valid = violations.isEmpty && groups == 1
            #expect(valid == expected, "\(url.path): \(violations)")
            checked += 1
        }
        #expect(checked > 100)
    }
}

@Suite struct SchemaConcurrencyTests {
    @Test func validatesFromManyTasksAtOnce() async throws {
        let good = SchemaValidatorTests.payload()
        let bad = SchemaValidatorTests.payload { $0["dob"] = "1809-02-28" }
        let results = await withTaskGroup(of: (Int, Int).self) { group in
            for version in DCCSchemaValidator.availableVersions {
                for _ in 0..<20 {
                    group.addTask {
                        let g = (try? DCCSchemaValidator.validate(good, version: version).count) ?? -1
                        let b = (try? DCCSchemaValidator.validate(bad, version: version).count) ?? -1
                        return (g, b)
                    }
                }
            }
            var all: [(Int, Int)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 180)
        #expect(results.allSatisfy { $0.0 == 0 && $0.1 >= 1 })
    }
}
