import Foundation
import QRGateCore
import QRGateFiles
import Testing

/// WHO DDCCs and DIVOC credentials in the kiosk pipeline: mapped to the DCC data model
/// (``HealthEvidence``), summarised for the record, and read by a country rule as an EU DCC is.
@Suite struct WorldCredentialAssessmentTests {
    static func trust(_ folder: String) throws -> TrustStore { try CredentialsWorldVectors.trust(folder: folder) }

    static func assessor(_ trust: TrustStore) -> CredentialAssessor {
        CredentialAssessor(
            trust: trust, rules: nil, country: "VN", site: "site-a", keyring: ES256Keyring(),
            personalKeys: PersonalKeys(siteSecret: Array(repeating: 1, count: 32), gateSecret: Array(repeating: 2, count: 32)))
    }

    static func vector(_ path: String) throws -> (text: String, at: Date) {
        let vector = try CredentialsWorldVectors.load(path)
        return (CredentialsWorldVectors.text(of: vector), CredentialsWorldVectors.at(vector))
    }

    @Test func aDDCCVaccinationIsADCCVaccination() throws {
        let (text, at) = try Self.vector("who-ddcc/who-real-ddcc-vs-1.json")
        let report = CredentialInspector.inspect(text: text, trust: try Self.trust("trust/who-ddcc"), at: at)
        let payload = try #require(report.healthEvidence?.payload)
        #expect(report.healthEvidence?.format == .whoDDCC)
        #expect(payload["nam"]?["fnt"]?.stringValue == "EDDIE<MURPHY")
        #expect(payload["dob"]?.stringValue == "1986-09-19")
        let v = try #require(payload["v"]?.arrayValue?.first)
        #expect(v["tg"]?.stringValue == "840539006")
        #expect(v["vp"]?.stringValue == "1119349007")
        #expect(v["dn"]?.numberValue == 1)
        #expect(v["sd"]?.numberValue == 2)
        #expect(v["dt"]?.stringValue == "2021-07-08")
        #expect(v["co"] == nil, "USA is alpha-3; the DCC's co is alpha-2, so it stays absent")
        #expect(v["mp"]?.stringValue?.hasSuffix("#TEST") == true)

        let assessment = Self.assessor(try Self.trust("trust/who-ddcc")).assess([text], at: at)
        let certificate = try #require(assessment.evidence.certificate)
        #expect(certificate.verified)
        #expect(certificate.failedChecks.isEmpty)
        #expect(assessment.credential.kind == .vaccination)
        #expect(assessment.credential.doses == "1/2")
        #expect(assessment.credential.eventDate == "2021-07-08")
    }

    @Test func aDDCCTestResultIsADCCTest() throws {
        let (text, at) = try Self.vector("who-ddcc/who-real-sg-pcr.json")
        let report = CredentialInspector.inspect(text: text, trust: try Self.trust("trust/who-ddcc"), at: at)
        let t = try #require(report.healthEvidence?.payload["t"]?.arrayValue?.first)
        #expect(t["tt"]?.stringValue == "LP6464-4")
        #expect(t["tr"]?.stringValue == HealthEvidence.notDetected)
        #expect(t["sc"]?.stringValue == "2022-07-27T06:15:00Z")
        let assessment = Self.assessor(try Self.trust("trust/who-ddcc")).assess([text], at: at)
        #expect(assessment.credential.kind == .test)
        #expect(assessment.evidence.certificate?.verified == true)
    }

    @Test(arguments: [
        ("divoc/divoc-real-india-rsa.json", 1, 2, "2021-03-03", "COVISHIELD", "IN"),
        ("divoc/divoc-real-indonesia-ed25519.json", 3, 3, "2022-03-05", "COVID-19 Vaccine Pfizer", nil),
    ])
    func aDIVOCVaccinationIsADCCVaccination(path: String, dose: Int, series: Int, date: String, product: String, country: String?) throws {
        let (text, at) = try Self.vector(path)
        let trust = try Self.trust("trust/divoc")
        let report = CredentialInspector.inspect(text: text, trust: trust, at: at)
        let v = try #require(report.healthEvidence?.payload["v"]?.arrayValue?.first)
        #expect(report.healthEvidence?.format == .divoc)
        #expect(v["dn"]?.numberValue == Double(dose))
        #expect(v["sd"]?.numberValue == Double(series))
        #expect(v["dt"]?.stringValue == date)
        #expect(v["mp"]?.stringValue == product)
        #expect(v["co"]?.stringValue == country)
        let assessment = Self.assessor(trust).assess([text], at: at)
        #expect(assessment.evidence.certificate?.verified == true)
        #expect(assessment.credential.kind == .vaccination)
        #expect(assessment.credential.doses == "\(dose)/\(series)")
    }

    /// Without the issuer's key the DIVOC credential is still a certificate shown, refused as
    /// unverified with the reason, never "nothing shown".
    @Test func anUnknownDIVOCIssuerIsAnUnverifiedCertificate() throws {
        let (text, at) = try Self.vector("divoc/divoc-real-india-rsa.json")
        let assessment = Self.assessor(TrustStore()).assess([text], at: at)
        let certificate = try #require(assessment.evidence.certificate)
        #expect(!certificate.verified)
        #expect(certificate.failedChecks == ["signature: unknown_issuer"])
        let decided = AdmissionPolicy().decide(assessment.evidence, direction: .entry, now: at)
        #expect(decided.decision.outcome == .refuse)
    }

    /// "Full series" written against the DCC model decides a DIVOC credential as an EU DCC.
    @Test func aCountryRuleReadsTheMappedDIVOCPayload() throws {
        let (text, at) = try Self.vector("divoc/divoc-real-india-rsa.json")
        let report = CredentialInspector.inspect(text: text, trust: try Self.trust("trust/divoc"), at: at)
        let rule = try JSONValue(parsing: Array(#"{">=": [{"var": "payload.v.0.dn"}, {"var": "payload.v.0.sd"}]}"#.utf8))
        let payload = try #require(report.healthEvidence?.payload)
        #expect(try CertLogicExpression(json: rule).evaluate(data: .object(["payload": payload])).jsonValue == .bool(false))
    }
}
