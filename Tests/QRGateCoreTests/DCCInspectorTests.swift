import Foundation
import QRGateCore
import Testing

@Suite struct DCCInspectorTests {
    struct Case {
        var text: String
        var trust: TrustStore
        var clock: Date
    }

    static func load(_ path: String) throws -> Case {
        let vector = try DCCTestVectors.load(path)
        let der = Array(Data(base64Encoded: vector["TESTCTX"]!["CERTIFICATE"]!.stringValue!)!)
        return Case(
            text: vector["PREFIX"]!.stringValue!,
            trust: TrustStore(certificates: [try SignerCertificate(derEncoded: der)]),
            clock: ISO8601Timestamp.parse(vector["TESTCTX"]!["VALIDATIONCLOCK"]!.stringValue!)!)
    }

    static let checkNames: Set<String> = ["prefix", "base45", "zlib", "cose", "cbor", "schema", "signature", "key_usage", "validity"]

    @Test func validCertificateReport() throws {
        let c = try Self.load("common/2DCode/raw/CO28.json")
        let report = CredentialInspector.inspect(text: c.text, trust: c.trust, at: c.clock)
        #expect(report.isValid, "\(report.errors)")
        let json = report.json()
        #expect(Set(json.objectValue!.keys) == ["format", "checks", "errors", "kid", "claims", "payload", "subject", "verdict"])
        #expect(json["format"] == "eu-dcc")
        // The holder in the shape every format reports: names as written, the birth date normalised.
        let nam = report.payload?["nam"]
        #expect(json["subject"]?["family_name"] == (nam?["fn"] ?? nam?["fnt"]))
        #expect(json["subject"]?["given_name"] == (nam?["gn"] ?? nam?["gnt"]))
        #expect(json["subject"]?["name"] == .null)
        #expect(json["subject"]?["birth_date"] == report.payload?["dob"])
        #expect(json["verdict"] == "valid")
        #expect(Set(json["checks"]!.objectValue!.keys) == Self.checkNames)
        #expect(json["checks"]!.objectValue!.values.allSatisfy { $0 == "pass" })
        #expect(json["errors"] == [])
        #expect(json["kid"]?.stringValue.flatMap { Data(base64Encoded: $0) }.map(Array.init) == c.trust.entries[0].keyIdentifier)
        let claims = json["claims"]!
        #expect(Set(claims.objectValue!.keys) == ["iss", "iat", "exp"])
        #expect(claims["iat"]?.stringValue.flatMap(ISO8601Timestamp.parse) != nil)
        #expect(claims["exp"]?.stringValue?.hasSuffix("Z") == true)
        #expect(json["payload"]?["ver"] != nil)
    }

    @Test func unknownKidFailsSignatureAndSkipsKeyUsage() throws {
        let c = try Self.load("common/2DCode/raw/CO28.json")
        let report = CredentialInspector.inspect(text: c.text, trust: TrustStore(), at: c.clock)
        #expect(report.status(.signature) == .fail)
        #expect(report.errors.contains { $0.check == .signature && $0.code == "unknown_kid" })
        #expect(report.status(.keyUsage) == .skip)
        #expect(report.status(.schema) == .pass)
        #expect(report.status(.validity) == .pass)
        #expect(report.json()["verdict"] == "invalid")
    }

    @Test func badSignatureStillRunsLaterChecks() throws {
        let c = try Self.load("common/2DCode/raw/CO5.json")
        let report = CredentialInspector.inspect(text: c.text, trust: c.trust, at: c.clock)
        #expect(report.status(.signature) == .fail)
        #expect(report.errors.first { $0.check == .signature }?.code == "bad_signature")
        #expect(report.status(.cbor) == .pass)
        #expect(report.status(.schema) != .skip)
        #expect(report.status(.validity) != .skip)
        #expect(report.status(.keyUsage) != .skip)
    }

    @Test func expiredCertificate() throws {
        let c = try Self.load("common/2DCode/raw/CO17.json")
        let report = CredentialInspector.inspect(text: c.text, trust: c.trust, at: c.clock)
        #expect(report.status(.validity) == .fail)
        #expect(report.errors.contains { $0.code == "expired" })
    }

    /// CO6: the DSC's EKU names only the test OID, the DCC is a vaccination.
    @Test func keyUsageRefused() throws {
        let c = try Self.load("common/2DCode/raw/CO6.json")
        let report = CredentialInspector.inspect(text: c.text, trust: c.trust, at: c.clock)
        #expect(report.status(.signature) == .pass)
        #expect(report.status(.keyUsage) == .fail)
        #expect(report.errors.contains { $0.code == "key_usage_not_allowed" })
    }

    /// IS/3: the DSC's EKU names only an ICAO OID, which does not restrict (issue 18, item 9).
    @Test func unrelatedKeyUsageDoesNotRestrict() throws {
        let c = try Self.load("IS/2DCode/raw/3.json")
        let report = CredentialInspector.inspect(text: c.text, trust: c.trust, at: c.clock)
        #expect(report.status(.signature) == .pass)
        #expect(report.status(.keyUsage) == .pass)
    }

    @Test(arguments: ["HC2:6BFOXN*TS0BI$ZD", "HL0:NCF", "", "hello world", "NCFOXN%TS3DH"])
    func unknownText(text: String) {
        let report = CredentialInspector.inspect(text: text, trust: TrustStore(), at: Date())
        #expect(report.format == .unknown)
        #expect(report.json()["format"] == "unknown")
        #expect(report.status(.prefix) == .fail)
        for check in InspectionReport.Check.dccChecks where check != .prefix {
            #expect(report.status(check) == .skip)
        }
        #expect(report.json()["verdict"] == "invalid")
        #expect(report.json()["kid"] == .null)
        #expect(report.json()["claims"] == .null)
        #expect(report.json()["payload"] == .null)
    }

    @Test func brokenBase45SkipsTheRest() {
        let report = CredentialInspector.inspect(text: "HC1:abc", trust: TrustStore(), at: Date())
        #expect(report.format == .euDCC)
        #expect(report.status(.prefix) == .pass)
        #expect(report.status(.base45) == .fail)
        #expect(report.status(.zlib) == .skip)
        #expect(report.errors.count == 1)
        #expect(report.errors[0].code == "invalid_base45")
    }

    /// DE's DSC needs the lenient certificate path; the report says so for the caller to log.
    @Test func lenientSignerIsNoted() throws {
        let c = try Self.load("DE/2DCode/raw/1.json")
        let report = CredentialInspector.inspect(text: c.text, trust: c.trust, at: c.clock)
        #expect(report.status(.signature) == .pass)
        #expect(report.signer?.certificate.parsedLeniently == true)
        #expect(report.notes.contains { $0.contains("leniently") })
    }

    @Test func newlineAfterTheQRTextIsTolerated() throws {
        let c = try Self.load("common/2DCode/raw/CO28.json")
        #expect(CredentialInspector.inspect(text: c.text + "\n", trust: c.trust, at: c.clock).isValid)
    }

    @Test func multipleGroupsFailSchema() {
        let payload: JSONValue = ["ver": "1.3.0", "nam": ["fnt": "X"], "dob": "1990", "v": [[:]], "t": [[:]]]
        #expect(DCCInspector.schemaIssues(payload).contains { $0.code == "certificate_groups" })
        let nullGroups: JSONValue = ["ver": "1.3.0", "nam": ["fnt": "X"], "dob": "1990", "v": [[:]], "t": nil, "r": nil]
        #expect(!DCCInspector.schemaIssues(nullGroups).contains { $0.code == "certificate_groups" })
    }
}

@Suite struct DCCTimestampTests {
    static let reference = 1_622_570_400.0  // 2021-06-01T18:00:00Z

    @Test(arguments: [
        ("2021-06-01T18:00:00Z", 0.0),
        ("2021-06-01T20:00:00+02:00", 0.0),
        ("2021-06-01T20:00:00+0200", 0.0),
        ("2021-06-01T13:30:00-04:30", 0.0),
        ("2021-06-01T18:00:00", 0.0),
        ("2021-06-01T18:00", 0.0),
        ("2021-06-01 18:00:00Z", 0.0),
        ("2021-06-01T18:00:00.123456789Z", 0.123456789),
        ("2021-06-01T18:00:00.5+00:00", 0.5),
        ("2021-06-01T20:00:00.25+02", 0.25),
        ("2021-06-01", -64800.0),
    ])
    func parses(text: String, offset: Double) throws {
        let date = try #require(ISO8601Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - (Self.reference + offset)) < 1e-6)
    }

    @Test(arguments: [
        "", "2021", "2021-13-01T00:00:00Z", "2021-02-30T00:00:00Z", "2021-06-01T25:00:00Z",
        "2021-06-01T18:00:00.1234567890Z", "2021-06-01T18:00:00X", "2021-06-01T18:00:00+2", "yesterday",
    ])
    func rejects(text: String) {
        #expect(ISO8601Timestamp.parse(text) == nil)
    }

    @Test func formatsUTC() {
        #expect(ISO8601Timestamp.format(Date(timeIntervalSince1970: Self.reference)) == "2021-06-01T18:00:00Z")
        #expect(ISO8601Timestamp.format(Date(timeIntervalSince1970: Self.reference + 0.25)) == "2021-06-01T18:00:00.250Z")
        #expect(ISO8601Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(ISO8601Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(ISO8601Timestamp.format(Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59Z")
        #expect(ISO8601Timestamp.format(Date(timeIntervalSince1970: -1e300)) == "0001-01-01T00:00:00Z")
        #expect(ISO8601Timestamp.format(Date(timeIntervalSince1970: .nan)) == "0001-01-01T00:00:00Z")
    }
}
