import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// Every health format reaches the country's rules as a payload in the DCC data model.
@Suite struct HealthEvidenceTests {
    static let holder = InspectionReport.Holder(familyName: "Nguyễn", givenName: "Thị Đào", birthDate: "1990-01-15")

    @Test func aMappedVaccinationIsADCCVaccinationEntry() {
        let mapped = HealthEvidence.euProduct(cvx: "208")
        let evidence = HealthEvidence(
            format: .smartHealthCard, holder: Self.holder,
            vaccinations: [
                HealthEvidence.Vaccination(
                    vaccine: mapped?.vaccine, product: mapped?.product, doseNumber: 2, seriesDoses: 2, date: "2021-06-01",
                    issuer: "https://example.org")
            ])
        let payload = evidence.payload
        #expect(payload["nam"]?["fn"]?.stringValue == "Nguyễn")
        #expect(payload["nam"]?["fnt"]?.stringValue == "NGUYEN")
        #expect(payload["nam"]?["gnt"]?.stringValue == "THI<DAO")
        #expect(payload["dob"]?.stringValue == "1990-01-15")
        let entry = payload["v"]?.arrayValue?.first
        #expect(entry?["tg"]?.stringValue == HealthEvidence.covid19)
        #expect(entry?["mp"]?.stringValue == "EU/1/20/1528")
        #expect(entry?["vp"]?.stringValue == "1119349007")
        #expect(entry?["dn"]?.numberValue == 2)
        #expect(entry?["sd"]?.numberValue == 2)
        #expect(entry?["dt"]?.stringValue == "2021-06-01")
        #expect(entry?["co"] == nil, "a field the format does not carry stays absent")
        #expect(payload["t"] == nil && payload["r"] == nil)
        #expect(evidence.certifiesAnything)
    }

    @Test func aMappedTestIsADCCTestEntry() {
        let evidence = HealthEvidence(
            format: .smartHealthCard, holder: InspectionReport.Holder(name: "MANDEL", birthDate: "1982-10-26"),
            tests: [HealthEvidence.Test(type: "LP6464-4", result: HealthEvidence.notDetected, sampleTime: "2021-05-04T10:00:00Z")])
        #expect(evidence.payload["nam"]?["fnt"]?.stringValue == "MANDEL", "one name field is the family name")
        let entry = evidence.payload["t"]?.arrayValue?.first
        #expect(entry?["tr"]?.stringValue == "260415000")
        #expect(entry?["tt"]?.stringValue == "LP6464-4")
        #expect(entry?["sc"]?.stringValue == "2021-05-04T10:00:00Z")
    }

    @Test func anUnknownVaccineCodeMapsToNothing() {
        #expect(HealthEvidence.euProduct(cvx: "999") == nil)
        #expect(HealthEvidence.euProduct(cvx: "212")?.product == "EU/1/20/1525")
    }

    /// A rule of the kind countries publish ("full series": dn ≥ sd), written against the DCC
    /// model, decides a mapped credential as it decides an EU DCC.
    @Test(arguments: [(2, 2, true), (1, 2, false)])
    func aCountryRuleReadsAMappedPayload(dose: Int, series: Int, passes: Bool) throws {
        let evidence = HealthEvidence(
            format: .icaoVDSNC, holder: Self.holder,
            vaccinations: [HealthEvidence.Vaccination(doseNumber: dose, seriesDoses: series, date: "2021-06-01")])
        let rule = try JSONValue(parsing: Array(#"{">=": [{"var": "payload.v.0.dn"}, {"var": "payload.v.0.sd"}]}"#.utf8))
        let result = try CertLogicExpression(json: rule).evaluate(data: .object(["payload": evidence.payload]))
        #expect(result.jsonValue == .bool(passes))
    }

    @Test func anEUDCCCarriesItsPayloadAsEvidence() throws {
        let issuer = try TestDCCIssuer()
        let now = Date()
        let payload = TestDCCIssuer.vaccination()
        let text = try issuer.issue(payload, issuedAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(3600))
        let trust = TrustStore(certificates: [try SignerCertificate(derEncoded: issuer.certificateDER)])
        let report = CredentialInspector.inspect(text: text, trust: trust, at: now)
        #expect(report.healthEvidence?.format == .euDCC)
        #expect(report.healthEvidence?.payload == report.payload)
        #expect(report.healthEvidence?.expiresAt == report.claims?.expiresAt)
    }
}
