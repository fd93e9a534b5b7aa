import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// `qrgate inspect` through the built binary, as operators and the hidden conformance runs use it.
@Suite struct InspectCommandTests {
    static let vectors = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/dcc/common/2DCode/raw")

    struct Vector {
        let prefix: String
        let certificate: Data
        let clock: String
    }

    func vector(_ name: String) throws -> Vector {
        let json = try JSONValue(parsing: Data(contentsOf: Self.vectors.appendingPathComponent(name + ".json")))
        return Vector(
            prefix: json["PREFIX"]?.stringValue ?? "",
            certificate: Data(base64Encoded: json["TESTCTX"]?["CERTIFICATE"]?.stringValue ?? "") ?? Data(),
            clock: json["TESTCTX"]?["VALIDATIONCLOCK"]?.stringValue ?? ""
        )
    }

    func inspect(_ vector: Vector, trust: Data? = nil) throws -> (status: Int32, report: JSONValue) {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let trustFile = temporary.url.appendingPathComponent("dsc.der")
        try (trust ?? vector.certificate).write(to: trustFile)
        let result = try QRGateBinary.run(["inspect", "--json", "--trust", trustFile.path, "--at", vector.clock, vector.prefix])
        return (result.status, try JSONValue(parsing: result.stdout))
    }

    @Test func validCertificatePassesEveryCheckAndExits0() throws {
        let (status, report) = try inspect(try vector("CO1"))
        #expect(status == 0)
        #expect(report["verdict"] == "valid")
        let checks = try #require(report["checks"]?.objectValue)
        #expect(Set(checks.keys) == ["prefix", "base45", "zlib", "cose", "cbor", "schema", "signature", "key_usage", "validity"])
        #expect(checks.values.allSatisfy { $0 == "pass" })
        #expect(report["format"] == "eu-dcc")
        #expect(report["claims"]?["iat"]?.stringValue?.hasSuffix("Z") == true)
    }

    @Test func badSignatureFailsSignatureButStillChecksTheRest() throws {
        let (status, report) = try inspect(try vector("CO5"))
        #expect(status == 1)
        #expect(report["verdict"] == "invalid")
        #expect(report["checks"]?["signature"] == "fail")
        #expect(report["checks"]?["schema"] == "pass")
        #expect(report["payload"]?["ver"] != nil)
    }

    @Test func unknownKidFailsSignatureWithItsCodeAndSkipsKeyUsage() throws {
        let valid = try vector("CO1")
        // Trust a different certificate than the one that signed.
        let trust = try vector("CO17").certificate
        try #require(trust != valid.certificate)
        let (status, report) = try inspect(valid, trust: trust)
        #expect(status == 1)
        #expect(report["checks"]?["signature"] == "fail")
        #expect(report["checks"]?["key_usage"] == "skip")
        #expect(report["errors"]?.arrayValue?.contains { $0["code"] == "unknown_kid" } == true)
    }

    @Test func citizenIDCardReportsItsFieldsAndOnlyTheFormatCheck() throws {
        let result = try QRGateBinary.run(["inspect", "--json", "001090000001|012345678|Nguyễn Văn An|15011990|Nam|Số 1, Hà Nội|01012021"])
        #expect(result.status == 0)
        let report = try JSONValue(parsing: result.stdout)
        #expect(report["format"] == "vn-citizen-id")
        #expect(report["checks"] == ["format": "pass"])
        #expect(report["payload"]?["full_name"] == "Nguyễn Văn An")
        #expect(report["payload"]?["birth_date"] == "1990-01-15")
        #expect(report["payload"]?["sex"] == "male")
        #expect(report["subject"] == ["family_name": "Nguyễn", "given_name": "Văn An", "name": "Nguyễn Văn An", "birth_date": "1990-01-15"])
    }

    /// A junk file in the trust folder is reported on stderr with its name and skipped; the good
    /// certificate next to it still verifies (issue 18, item 8).
    @Test func aJunkTrustFileIsAWarningNotAFailure() throws {
        let valid = try vector("CO1")
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        try valid.certificate.write(to: temporary.url.appendingPathComponent("dsc.der"))
        try Data("not a certificate".utf8).write(to: temporary.url.appendingPathComponent("junk.txt"))
        let result = try QRGateBinary.run(["inspect", "--json", "--trust", temporary.url.path, "--at", valid.clock, valid.prefix])
        #expect(result.status == 0)
        #expect(try JSONValue(parsing: result.stdout)["verdict"] == "valid")
        #expect(result.stderr.contains("warning") && result.stderr.contains("junk.txt"), "\(result.stderr)")
    }

    @Test func personalQRReportsItsFieldsAndSubject() throws {
        let result = try QRGateBinary.run([
            "inspect", "--json", "--at", "2025-06-01T00:00:00Z",
            "001090012345|NGUYEN VAN AN|1990-03-15|0|163125478912345600|<1<HN4010112345678<0912345678",
        ])
        #expect(result.status == 0)
        let report = try JSONValue(parsing: result.stdout)
        #expect(report["format"] == "vn-personal-qr")
        #expect(report["checks"] == ["format": "pass"])
        #expect(report["payload"]?["qid"] == "163125478912345600")
        #expect(report["payload"]?["signature_verified"] == false)
        #expect(report["subject"] == ["family_name": "NGUYEN", "given_name": "VAN AN", "name": "NGUYEN VAN AN", "birth_date": "1990-03-15"])
        #expect(report["verdict"] == "valid")
    }

    @Test func garbageIsUnknownAndInvalid() throws {
        let result = try QRGateBinary.run(["inspect", "--json", "hello world"])
        #expect(result.status == 1)
        let report = try JSONValue(parsing: result.stdout)
        #expect(report["format"] == "unknown")
        #expect(report["verdict"] == "invalid")
    }

    @Test func badTimeIsAUsageError() throws {
        #expect(try QRGateBinary.run(["inspect", "--at", "yesterday", "HC1:x"]).status == 2)
    }
}
