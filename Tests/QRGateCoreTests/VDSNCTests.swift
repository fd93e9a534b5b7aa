import Foundation
import QRGateCore
import QRGateFiles
import QRGateTestSupport
import Testing

/// ICAO VDS-NC: every vector of credentials-world/icao-vds-nc against its trust folder, and the
/// RFC 8785 canonical form the signature covers.
@Suite struct VDSNCTests {
    static let vectors = CredentialsWorldVectors.files("icao-vds-nc")

    @Test("icao-vds-nc vector", arguments: vectors)
    func vector(_ path: String) throws {
        let vector = try CredentialsWorldVectors.load(path)
        let expected = try #require(vector["expected"])
        var trust = TrustStore()
        if let folder = vector["trust"]?.stringValue {
            let loaded = try TrustStore.loadReporting(path: CredentialsWorldVectors.root.appendingPathComponent(folder).path)
            #expect(loaded.skipped.isEmpty, "\(loaded.skipped)")
            #expect(loaded.store.countrySigningAuthorities.count == 1)
            #expect(loaded.store.countrySigningAuthorities.authorities.first?.revocationList != nil)
            trust = loaded.store
        }
        let report = CredentialInspector.inspect(
            text: CredentialsWorldVectors.text(of: vector), trust: trust, at: CredentialsWorldVectors.at(vector))
        let json = report.json()
        #expect(json["format"] == vector["format"])
        #expect(json["verdict"] == expected["verdict"], "\(report.errors)")
        let order = report.format == .icaoVDSNC ? InspectionReport.Check.vdsNCChecks : InspectionReport.Check.dccChecks
        #expect(CredentialsWorldVectors.firstFailure(report, order: order) == expected["failed_check"]?.stringValue, "\(report.errors)")
        if let reason = expected["reason"]?.stringValue, let failed = expected["failed_check"]?.stringValue {
            #expect(report.errors.first { $0.check.rawValue == failed }?.code == reason)
        }
        guard let subject = expected["subject"], !subject.isNull else { return }
        #expect(CredentialsWorldVectors.missingSubjectParts(subject, payload: report.payload).isEmpty)
        #expect(json["subject"]?["name"] == subject["name"])
        #expect(json["subject"]?["birth_date"] == subject["birth_date"])
        let facts = expected["facts"] ?? .null
        #expect(json["claims"]?["iss"] == facts["issuing_country"])
        let vaccinations = report.healthEvidence?.payload["v"]?.arrayValue ?? []
        #expect(vaccinations.count == Int(facts["doses"]?.numberValue ?? -1))
        #expect(vaccinations.first?["dt"] == facts["vaccinations"]?.arrayValue?.first?["doses"]?.arrayValue?.first?["date"])
    }

    @Test func everyVDSNCVectorIsRun() {
        #expect(Self.vectors.count == 3)
    }

    /// RFC 8785: members sorted by UTF-16 code units, numbers as ECMAScript prints them, only the
    /// required escapes (DEL and U+2028 stay as they are).
    @Test func theCanonicalFormIsRFC8785() throws {
        let input = #"{"b":[1.0,1e21,0.000001,-0,"\u007f\u2028\n\u0001"],"a":{"€":1,"\ud83d\ude00":2,"z":true},"c":null}"#
        let value = try JSONValue(parsing: input)
        let canonical = String(decoding: JSONWriter.canonicalBytes(value), as: UTF8.self)
        #expect(canonical == "{\"a\":{\"z\":true,\"€\":1,\"😀\":2},\"b\":[1,1e+21,0.000001,0,\"\u{7f}\u{2028}\\n\\u0001\"],\"c\":null}")
    }

    /// The tampered test seal verifies once the name is set back: the signature covers the
    /// canonical form, not the spacing or member order of the text.
    @Test func memberOrderAndSpacingDoNotMatter() throws {
        let vector = try CredentialsWorldVectors.load("icao-vds-nc/icao-real-au-vax.json")
        let text = CredentialsWorldVectors.text(of: vector)
        let value = try JSONValue(parsing: text)
        var pretty = JSONWriter()
        pretty.value(value)  // keys in Swift's order, not the issuer's
        let respaced = pretty.text.replacingOccurrences(of: ",\"", with: ",\n  \"")
        let loaded = try TrustStore.loadReporting(path: CredentialsWorldVectors.root.appendingPathComponent("trust/icao-vds-nc").path)
        let report = CredentialInspector.inspect(text: respaced, trust: loaded.store, at: CredentialsWorldVectors.at(vector))
        #expect(report.isValid, "\(report.errors)")
        // Without the CSCA the chain fails but the seal is still read.
        let untrusted = CredentialInspector.inspect(text: text, trust: TrustStore(), at: CredentialsWorldVectors.at(vector))
        #expect(untrusted.errors.first?.code == "untrusted_signer")
        #expect(untrusted.status(.signature) == .pass)
        #expect(untrusted.holder?.birthDate == "1961-05-15")
        // Outside the signer certificate's validity.
        let late = CredentialInspector.inspect(text: text, trust: loaded.store, at: ISO8601Timestamp.parse("2032-01-01T00:00:00Z")!)
        #expect(late.errors.map(\.code) == ["expired"])
    }

    @Test func jsonThatIsNotASealIsUnknownAndDeepJSONIsRefusedQuietly() {
        for text in [
            #"{"data":{}}"#, #"{"isThisAVDS":false}"#, String(repeating: "[", count: 100_000), "{" + String(repeating: "\"a\":{", count: 5000),
        ] {
            let report = CredentialInspector.inspect(text: text, trust: TrustStore(), at: Date())
            #expect(report.format == .unknown)
        }
        let incomplete = CredentialInspector.inspect(text: #"{"data":{"hdr":{}},"sig":{}}"#, trust: TrustStore(), at: Date())
        #expect(incomplete.format == .icaoVDSNC)
        #expect(incomplete.errors.first?.check == .json)
    }
}

/// A seal of a test CSCA of our own (P-384, ES384): the CA's CRL decides the chain, a CRL not
/// signed by the CA is refused, and an ES384 signature verifies over the canonical form.
@Suite struct VDSNCRevocationTests {
    static let data: JSONValue = [
        "hdr": ["is": "VNM", "t": "icao.vacc", "v": 1],
        "msg": ["pid": ["n": "NGUYEN  VAN AN", "dob": "1990-01-15"], "ve": [["des": "XM68M6", "vd": [["dvc": "2021-09-15", "seq": 1]]]]],
    ]

    func trust(_ issuer: TestSealIssuer, crl: [UInt8]?) throws -> TrustStore {
        var store = TrustStore()
        let addedCA = store.countrySigningAuthorities.add(certificateDER: issuer.cscaDER)
        #expect(addedCA)
        let addedSigner = store.countrySigningAuthorities.add(certificateDER: issuer.signerDER)
        #expect(!addedSigner, "a signer is no CA")
        if let crl { try store.countrySigningAuthorities.addRevocationList(crl, source: "test.crl") }
        return store
    }

    @Test func aRevokedSignerFailsTheChainAndAnUnrevokedOnePasses() throws {
        let issuer = try TestSealIssuer()
        let seal = try issuer.seal(Self.data)
        let clean = CredentialInspector.inspect(
            text: seal, trust: try trust(issuer, crl: try issuer.revocationList(revokingSigner: false)), at: Date())
        #expect(clean.format == .icaoVDSNC)
        #expect(clean.isValid, "\(clean.errors)")
        #expect(clean.healthEvidence?.payload["v"]?.arrayValue?.count == 1)
        #expect(clean.holder?.familyName == "NGUYEN")
        let revoked = CredentialInspector.inspect(
            text: seal, trust: try trust(issuer, crl: try issuer.revocationList(revokingSigner: true)), at: Date())
        #expect(revoked.errors.map(\.code) == ["revoked"])
        #expect(revoked.status(.signature) == .pass)
        // Tampered data: the ES384 signature fails.
        let tampered = seal.replacingOccurrences(of: "1990-01-15", with: "1990-01-16")
        #expect(CredentialInspector.inspect(text: tampered, trust: try trust(issuer, crl: nil), at: Date()).errors.map(\.code) == ["bad_signature"])
    }

    @Test func aRevocationListOfAnotherCAIsRefused() throws {
        let issuer = try TestSealIssuer()
        let other = try TestSealIssuer()
        var store = try trust(issuer, crl: nil)
        #expect(throws: TrustStoreError.self) {
            try store.countrySigningAuthorities.addRevocationList(try other.revocationList(revokingSigner: true), source: "other.crl")
        }
        #expect(throws: TrustStoreError.self) {
            try store.countrySigningAuthorities.addRevocationList([0x30, 0x03, 0x02, 0x01, 0x01], source: "junk.crl")
        }
        #expect(CredentialInspector.inspect(text: try issuer.seal(Self.data), trust: store, at: Date()).isValid)
    }
}
