import Crypto
import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// `qrgate trust import` and `qrgate inspect --revocation` through the built binary, as an
/// operator runs them.
@Suite struct TrustImportCommandTests {
    @Test func aGatewayListIsImportedIntoATrustFolderThatVerifiesItsCertificates() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let vn = try TestCountrySigner("VN")
        let dsc = try vn.issuer()
        let forged = try vn.issuer(signedBy: P256.Signing.PrivateKey())
        func entry(_ der: [UInt8], _ type: String) -> JSONValue {
            .object([
                "kid": .string(Data(SignerCertificate.keyIdentifier(der: der)).base64EncodedString()), "country": "VN",
                "certificateType": .string(type), "rawData": .string(Data(der).base64EncodedString()),
            ])
        }
        let list = folder.url.appendingPathComponent("gateway.json")
        try Data(
            JSONValue.array([entry(vn.cscaDER, "CSCA"), entry(dsc.certificateDER, "DSC"), entry(forged.certificateDER, "DSC")]).serialized().utf8
        )
        .write(to: list)
        let trust = folder.url.appendingPathComponent("trust")
        let published = folder.url.appendingPathComponent("trust-list.json")
        let result = try QRGateBinary.run(["trust", "import", list.path, "--out", trust.path, "--trust-list", published.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONValue(parsing: result.stdout)
        let kidHex = SignerCertificate.keyIdentifier(der: dsc.certificateDER).map { String(format: "%02x", $0) }.joined()
        #expect(report["taken"] == .array([.string("VN_\(kidHex).pem")]))
        #expect(report["refused"]?.arrayValue?.map { $0["code"] } == ["csca_signature"])

        // The folder and the published list both verify a DCC of the imported signer, and not the forged one's.
        let now = Date()
        let good = try dsc.issue(TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(3600))
        let bad = try forged.issue(TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(3600))
        for source in [trust.path, published.path] {
            #expect(try QRGateBinary.run(["inspect", "--trust", source, good]).status == 0)
            #expect(try QRGateBinary.run(["inspect", "--trust", source, bad]).status == 1)
        }
        // Nothing usable: exit 1, the reason on stdout.
        try Data(JSONValue.array([entry(forged.certificateDER, "DSC"), entry(vn.cscaDER, "CSCA")]).serialized().utf8).write(to: list)
        let none = try QRGateBinary.run(["trust", "import", list.path, "--out", trust.path])
        #expect(none.status == 1)
        #expect(none.stdout.contains("csca_signature"))
    }

    @Test func inspectChecksACertificateAgainstARevocationListFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let issuer = try TestDCCIssuer()
        let now = Date()
        let revoked = try issuer.issue(TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(3600))
        let signature = try #require(try DCCRevocationHashes(hc1: revoked).signature)
        let list = folder.url.appendingPathComponent("revocation.json")
        try Data(DCCRevocationResource.encode([(issuer.keyIdentifier, .signature, [signature])])).write(to: list)
        try Data(issuer.certificateDER).write(to: folder.url.appendingPathComponent("dsc.der"))
        let trust = folder.url.appendingPathComponent("dsc.der").path

        let checked = try QRGateBinary.run(["inspect", "--json", "--trust", trust, "--revocation", list.path, revoked])
        #expect(checked.status == 1)
        let report = try JSONValue(parsing: checked.stdout)
        #expect(report["checks"]?["revocation"] == "fail")
        #expect(report["errors"]?.arrayValue?.first?["code"] == "revoked")
        let plain = try QRGateBinary.run(["inspect", "--json", "--trust", trust, revoked])
        #expect(plain.status == 0)
        #expect(try JSONValue(parsing: plain.stdout)["checks"]?["revocation"] == nil, "no list given: no check")
        try Data("{}".utf8).write(to: list)
        let damaged = try QRGateBinary.run(["inspect", "--revocation", list.path, revoked])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("invalid_revocation_list"))
    }
}
