import Foundation
import QRGateCore
import QRGateFiles
import QRGateTestSupport
import Testing

/// The real-world EU DCCs of credentials-world/eu-dcc-world (DE, ID, IT acceptance, UY, VN)
/// against their trust folder, and the key-usage reading of the DCC specification: only the DCC
/// OIDs restrict a signer.
@Suite struct EUDCCWorldTests {
    static let vectors = CredentialsWorldVectors.files("eu-dcc-world", format: "eu-dcc")

    @Test("eu-dcc-world vector", arguments: vectors)
    func vector(_ path: String) throws {
        let vector = try CredentialsWorldVectors.load(path)
        let expected = try #require(vector["expected"])
        var trust = TrustStore()
        if let folder = vector["trust"]?.stringValue {
            let loaded = try TrustStore.loadReporting(path: CredentialsWorldVectors.root.appendingPathComponent(folder).path)
            #expect(loaded.skipped.isEmpty, "\(loaded.skipped)")
            trust = loaded.store
        }
        let report = CredentialInspector.inspect(
            text: CredentialsWorldVectors.text(of: vector), trust: trust, at: CredentialsWorldVectors.at(vector))
        let json = report.json()
        #expect(json["format"] == vector["format"])
        #expect(json["verdict"] == expected["verdict"], "\(report.errors)")
        let failed = CredentialsWorldVectors.firstFailure(report, order: InspectionReport.Check.dccChecks)
        #expect(failed == expected["failed_check"]?.stringValue, "\(report.errors)")
        if let reason = expected["reason"]?.stringValue, let failed {
            #expect(report.errors.first { $0.check.rawValue == failed }?.code == reason)
        }
        if let subject = expected["subject"], !subject.isNull {
            #expect(CredentialsWorldVectors.missingSubjectParts(subject, payload: report.payload).isEmpty)
            #expect(json["subject"]?["family_name"] == subject["family_name"])
            #expect(json["subject"]?["given_name"] == subject["given_name"])
            #expect(json["subject"]?["birth_date"] == subject["birth_date"])
        }
        let facts = expected["facts"] ?? .null
        #expect(json["kid"] == facts["kid"])
        #expect(json["claims"]?["iss"] == facts["issuer_country"])
        #expect(json["claims"]?["iat"] == facts["iat"])
        #expect(report.payload?["ver"] == facts["schema_version"])
        let group = report.payload?[facts["type"]?.stringValue ?? "v"]?.arrayValue?.first
        #expect(group?["ci"] == facts["uvci"])
        #expect(group?["dn"] == facts["dose"])
        #expect(group?["sd"] == facts["doses_in_series"])
        #expect(group?["dt"] == facts["date"])
        #expect(report.payload?["nam"]?["fnt"] == facts["standardised_names"]?["fnt"])
    }

    @Test func everyEUDCCVectorIsRun() {
        #expect(Self.vectors.count == 5)
    }

    // MARK: - Key usage (issue 18, item 9)

    static let clientAuth = "1.3.6.1.5.5.7.3.2"

    func inspectVaccination(signedBy issuer: TestDCCIssuer) throws -> InspectionReport {
        let now = Date()
        let text = try issuer.issue(TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(3600))
        let trust = TrustStore(certificates: [try SignerCertificate(derEncoded: issuer.certificateDER)])
        return CredentialInspector.inspect(text: text, trust: trust, at: now)
    }

    /// A DSC whose EKU lists only clientAuth (as Uruguay's real signer does) may sign every type.
    @Test func aSignerWithOnlyOtherUsagesMaySignEveryType() throws {
        let issuer = try TestDCCIssuer(extendedKeyUsage: [Self.clientAuth])
        let certificate = try SignerCertificate(derEncoded: issuer.certificateDER)
        #expect(certificate.extendedKeyUsage == [Self.clientAuth])
        #expect(certificate.allowedTypes == [.test, .vaccination, .recovery])
        let report = try inspectVaccination(signedBy: issuer)
        #expect(report.status(.keyUsage) == .pass)
        #expect(report.isValid, "\(report.errors)")
    }

    /// Next to other usages, a DCC OID restricts: clientAuth + test-only refuses a vaccination.
    @Test func aDCCUsageNextToOtherUsagesStillRestricts() throws {
        let issuer = try TestDCCIssuer(extendedKeyUsage: [Self.clientAuth, "1.3.6.1.4.1.1847.2021.1.1"])
        let report = try inspectVaccination(signedBy: issuer)
        #expect(report.status(.keyUsage) == .fail)
        #expect(report.errors.contains { $0.code == "key_usage_not_allowed" && $0.message.contains("may sign test certificates") })
    }

    @Test(arguments: ["1.3.6.1.4.1.1847.2021.1.2", "1.3.6.1.4.1.0.1847.2021.1.2"])
    func theVaccinationUsageAllowsAVaccination(oid: String) throws {
        let report = try inspectVaccination(signedBy: try TestDCCIssuer(extendedKeyUsage: [oid, Self.clientAuth]))
        #expect(report.status(.keyUsage) == .pass)
    }
}
