import Foundation
import QRGateCore
import QRGateFiles
import Testing

/// The real WHO DDCCs of credentials-world/who-ddcc (the WHO test key's DDCC:VS, Singapore's
/// PCR test result) against their trust folder, and how a DDCC is told apart from an EU DCC.
@Suite struct WHODDCCTests {
    static let vectors = CredentialsWorldVectors.files("who-ddcc")

    @Test("who-ddcc vector", arguments: vectors)
    func vector(_ path: String) throws {
        let vector = try CredentialsWorldVectors.load(path)
        let expected = try #require(vector["expected"])
        let report = CredentialInspector.inspect(
            text: CredentialsWorldVectors.text(of: vector), trust: try CredentialsWorldVectors.trust(of: vector),
            at: CredentialsWorldVectors.at(vector))
        let json = report.json()
        #expect(json["format"] == vector["format"])
        #expect(json["verdict"] == expected["verdict"], "\(report.errors)")
        #expect(CredentialsWorldVectors.firstFailure(report, order: WHODDCC.checks) == expected["failed_check"]?.stringValue)
        for (name, status) in vector["checks"]?.objectValue ?? [:] {
            #expect(json["checks"]?[name] == status, "check \(name)")
        }
        if let subject = expected["subject"], !subject.isNull {
            #expect(CredentialsWorldVectors.missingSubjectParts(subject, payload: report.payload).isEmpty)
            #expect(json["subject"]?["name"] == subject["name"])
            #expect(json["subject"]?["birth_date"] == subject["birth_date"])
        }
        let facts = expected["facts"] ?? .null
        #expect(json["kid"] == facts["kid"])
        #expect(report.payload?["identifier"] == facts["identifier"])
        #expect(report.payload?["sex"]?["code"] == facts["sex"])
        if facts["kind"]?.stringValue == "vaccination" {
            #expect(report.payload?["dose"] == facts["dose"])
            #expect(report.payload?["total_doses"] == facts["total_doses"])
            #expect(report.payload?["vaccine"]?["code"] == facts["vaccine_code"])
        } else {
            #expect(report.payload?["test"]?["result"]?["code"] == facts["test_result"])
        }
    }

    @Test func everyVectorIsRun() {
        #expect(Self.vectors.count == 2)
    }

    /// Without trust material the DDCC is still decoded and named, and the signature fails as
    /// an unknown signer.
    @Test func withoutTrustTheSignerIsUnknownAndThePayloadStays() throws {
        let vector = try CredentialsWorldVectors.load("who-ddcc/who-real-ddcc-vs-1.json")
        let report = CredentialInspector.inspect(
            text: CredentialsWorldVectors.text(of: vector), trust: TrustStore(), at: CredentialsWorldVectors.at(vector))
        #expect(report.format == .whoDDCC)
        #expect(!report.isValid)
        #expect(report.errors.map(\.code) == ["unknown_kid"])
        #expect(report.holder?.name == "Eddie Murphy")
        #expect(report.payload?["birthDate"]?.stringValue == "1986-09-19")
    }

    /// A changed byte in the signed core data set fails the signature, not the format.
    @Test func aTamperedDDCCFailsItsSignature() throws {
        let vector = try CredentialsWorldVectors.load("who-ddcc/who-real-ddcc-vs-1.json")
        let text = CredentialsWorldVectors.text(of: vector)
        let cose = try Zlib.inflate(try Base45.decode(String(text.dropFirst(4))))
        var tampered = cose
        let name = Array("Eddie".utf8)
        let start = try #require((0...(cose.count - name.count)).first { Array(cose[$0..<$0 + name.count]) == name })
        tampered[start] = UInt8(ascii: "F")
        let report = DCCInspector().inspect(
            .cose(tampered), trust: try CredentialsWorldVectors.trust(of: vector), at: CredentialsWorldVectors.at(vector))
        #expect(report.format == .whoDDCC)
        #expect(report.status(.schema) == .pass)
        #expect(report.errors.map(\.code) == ["bad_signature"])
        #expect(!report.isValid)
    }

    /// The schema wants a holder's name and something to admit on.
    @Test func aCoreDataSetWithoutNameOrEventFailsSchema() {
        let issues = WHODDCC.schemaIssues(.object(["birthDate": .string("1990-01-01"), "identifier": .string("x")]))
        #expect(Set(issues.map(\.code)) == ["missing_name", "certificate_groups"])
        #expect(WHODDCC.schemaIssues(.object(["name": .string("A B"), "test": .object([:])])).isEmpty)
    }

    /// WHO's second sample (WorldHealthOrganization/ddcc-validator,
    /// `test-resources/src/main/resources/WHOQR2Contents.txt`, Apache-2.0) writes absent elements
    /// as null ("total_doses": null, "date": null); WHO's verifier accepts it, and so does qrgate.
    static let whoSecondSample =
        "HC1:6BFOXN*TS0BI$ZD1TH3IK0R4A S6 I-*OK%QIBRM I$WACSQUMGVSPN$K%OKSQ1C%O1$Q$M8WI16YBXN9UP81%LU IY$NO*PB+PDNKTM8AL86H0K54%VB.KBH35UA7UV4WV4S96GZ6WFNPCNQZ6RG8.UKB$K4I98:769PS16S45I:74N4069Q961:6G16IFNM65ZS49R5B:6PW6NY4Y65IQ5OA78L6V EBUA493L3DP.B6/D7MHG.CALBE:FXIE*GR*S5/*GB2PL/IB*0JLTZJJWT0VHH*%CC:HOMOVNVK%80G1QC82/H 9A3LEMN2UK9UF2EN9QRH:PHV-V4PQNXUTULO7REET5QBLJ39ETB6JVP0523HB3MMT03L940+MVEV4$7OX%ISTNH7OS961+3F.582KVS1Q.D8LDA2A6G6Z5LSHPI+Q5LC$VBMEDTJCDIDXXEYB3MHMP7QFFC- 5T0H 85*LPCB597828E:GUA0M21J$GTY351QVVSK24C6YFI1772R*+5S UQ+DZ04K-KJRAQ+1D6WL4WCJRQUMI2TL:MUBW8H6JUULOQXIVYBWB*H.:5ZUFX7F120K5P%4"

    @Test func nullElementsCountAsAbsent() throws {
        let vector = try CredentialsWorldVectors.load("who-ddcc/who-real-ddcc-vs-1.json")
        let report = CredentialInspector.inspect(
            text: Self.whoSecondSample, trust: try CredentialsWorldVectors.trust(of: vector), at: Date(timeIntervalSince1970: 1_630_000_000))
        #expect(report.format == .whoDDCC)
        #expect(report.isValid, "\(report.errors)")
        #expect(report.payload?["total_doses"] == .null)
        #expect(report.holder?.birthDate == "1986-09-19")
        // No vaccination date: nothing for the rules to read, not an invented one.
        #expect(report.healthEvidence?.payload["v"] == nil)
    }
}
