import Crypto
import Foundation
import QRGateCore
import QRGateFiles
import QRGateTestSupport
import Testing

@Suite struct TrustStoreTests {
    static func certificateBase64(_ path: String) throws -> String {
        try DCCTestVectors.load(path)["TESTCTX"]!["CERTIFICATE"]!.stringValue!
    }

    static func der(_ path: String) throws -> [UInt8] {
        Array(Data(base64Encoded: try certificateBase64(path))!)
    }

    @Test func keyIdentifierIsSHA256Prefix() throws {
        let cert = try SignerCertificate(derEncoded: Self.der("AT/2DCode/raw/1.json"))
        #expect(cert.keyIdentifier.count == 8)
        #expect(cert.keyIdentifier == SignerCertificate.keyIdentifier(der: cert.der))
        #expect(cert.country == "AT")
        #expect(!cert.parsedLeniently)
    }

    /// DE's test DSC is refused by swift-certificates' strict parse; key, validity and EKU are read leniently.
    @Test func lenientCertificateIsFlagged() throws {
        let cert = try SignerCertificate(derEncoded: Self.der("DE/2DCode/raw/1.json"))
        #expect(cert.parsedLeniently)
        #expect(cert.notBefore < cert.notAfter)
        #expect(cert.country == "DE")
    }

    /// IS/3's DSC lists only an unrelated (ICAO) OID: only the DCC OIDs restrict, so it may sign
    /// every type (the DCC specification's reading, and the Corona-Warn-App's).
    @Test func unrelatedExtendedKeyUsageDoesNotRestrict() throws {
        let cert = try SignerCertificate(derEncoded: Self.der("IS/2DCode/raw/3.json"))
        #expect(cert.extendedKeyUsage == ["2.23.136.1.1.14.2"])
        #expect(cert.allowedTypes == Set(DCCCertificateType.allCases))
    }

    @Test(arguments: [
        ("1.3.6.1.4.1.1847.2021.1.1", DCCCertificateType.test),
        ("1.3.6.1.4.1.1847.2021.1.2", .vaccination),
        ("1.3.6.1.4.1.1847.2021.1.3", .recovery),
        ("1.3.6.1.4.1.0.1847.2021.1.1", .test),
        ("1.3.6.1.4.1.0.1847.2021.1.3", .recovery),
    ])
    func keyUsageOIDs(oid: String, type: DCCCertificateType) {
        #expect(DCCCertificateType(keyUsageOID: oid) == type)
    }

    @Test func unrelatedOIDs() {
        #expect(DCCCertificateType(keyUsageOID: "2.23.136.1.1.14.2") == nil)
        #expect(DCCCertificateType(keyUsageOID: "1.3.6.1.4.1.1847.2021.1.4") == nil)
    }

    @Test func loadsEveryFileFormatFromAFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let at = try Self.certificateBase64("AT/2DCode/raw/1.json")
        let pemBody = stride(from: 0, to: at.count, by: 64).map { offset -> String in
            let start = at.index(at.startIndex, offsetBy: offset)
            return String(at[start..<(at.index(start, offsetBy: 64, limitedBy: at.endIndex) ?? at.endIndex)])
        }.joined(separator: "\n")
        try "-----BEGIN CERTIFICATE-----\n\(pemBody)\n-----END CERTIFICATE-----\n".write(
            to: folder.appendingPathComponent("at.pem"), atomically: true, encoding: .utf8)
        try (Self.certificateBase64("BE/2DCode/raw/1.json") + "\n").write(
            to: folder.appendingPathComponent("be.b64"), atomically: true, encoding: .utf8)
        try Data(Self.der("CH/2DCode/raw/1.json")).write(to: folder.appendingPathComponent("ch.der"))
        let list: JSONValue = [
            "version": 1,
            "certificates": [
                [
                    "kid": .string(Data(SignerCertificate.keyIdentifier(der: try Self.der("FI/2DCode/raw/1.json"))).base64EncodedString()),
                    "country": "FI", "certificate": .string(try Self.certificateBase64("FI/2DCode/raw/1.json")),
                ],
                ["certificate": .string(try Self.certificateBase64("DE/2DCode/raw/1.json")), "types": ["v"]],
            ],
        ]
        try list.serialized().write(to: folder.appendingPathComponent("list.json"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent(".hidden"), atomically: true, encoding: .utf8)

        let store = try TrustStore.load(path: folder.path)
        #expect(store.count == 5)
        #expect(Set(store.entries.compactMap(\.country)) == ["AT", "BE", "CH", "FI", "DE"])
        let de = try SignerCertificate(derEncoded: Self.der("DE/2DCode/raw/1.json"))
        #expect(store.signers(forKeyIdentifier: de.keyIdentifier).first?.allowedTypes == [.vaccination])
        #expect(store.signers(forKeyIdentifier: de.keyIdentifier).first?.certificate.parsedLeniently == true)

        let single = try TrustStore.load(path: folder.appendingPathComponent("at.pem").path)
        #expect(single.count == 1)
    }

    @Test func rejectsUnknownContent() {
        #expect {
            try TrustStore.entries(fromFileContents: Array("not a certificate!".utf8), fileName: "x.txt")
        } throws: { error in
            (error as? TrustStoreError)?.code == .unrecognizedFormat
        }
        #expect {
            try TrustStore.entries(fromFileContents: Array("{\"version\":1}".utf8), fileName: "x.json")
        } throws: { error in
            (error as? TrustStoreError)?.code == .invalidTrustList
        }
        #expect {
            try TrustStore.load(path: "/nonexistent/trust")
        } throws: { error in
            (error as? TrustStoreError)?.code == .unreadable
        }
    }
}

/// Trust folders as operators fill them (issue 18, item 8): one unusable file is reported and
/// skipped, never fatal; bare PEM public keys verify DCCs under the kid their file name gives.
@Suite struct TrustFolderTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func pem(_ label: String, _ der: [UInt8]) -> String {
        let body = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(body)\n-----END \(label)-----\n"
    }

    static func vaccination(_ issuer: TestDCCIssuer, now: Date) throws -> String {
        try issuer.issue(TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(3600))
    }

    @Test func aJunkFileNextToAGoodCertificateIsSkippedWithItsName() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let issuer = try TestDCCIssuer()
        try Self.pem("CERTIFICATE", issuer.certificateDER).write(to: folder.appendingPathComponent("good.pem"), atomically: true, encoding: .utf8)
        try "this is not a certificate\n".write(to: folder.appendingPathComponent("junk.txt"), atomically: true, encoding: .utf8)
        try Data([0x30, 0x03, 0x02, 0x01, 0x01]).write(to: folder.appendingPathComponent("broken.der"))
        try Self.pem("PRIVATE KEY", [0x30, 0x00]).write(to: folder.appendingPathComponent("key.pem"), atomically: true, encoding: .utf8)
        try "{\"keys\": []}".write(to: folder.appendingPathComponent("jwks.json"), atomically: true, encoding: .utf8)
        try Data([0x30, 0x82, 0x01, 0x00]).write(to: folder.appendingPathComponent("AU_CSCA.crl"))

        let loaded = try TrustStore.loadReporting(path: folder.path)
        #expect(loaded.store.count == 1)
        #expect(loaded.skipped.count == 5)
        for name in ["AU_CSCA.crl", "broken.der", "jwks.json", "junk.txt", "key.pem"] {
            #expect(loaded.skipped.contains { $0.message.contains(name) && $0.message.contains("skipped") }, "\(name): \(loaded.skipped)")
        }
        #expect(loaded.skipped.first { $0.message.contains("key.pem") }?.message.contains("PRIVATE KEY") == true)
        #expect(loaded.skipped.first { $0.message.contains("jwks.json") }?.code == .unsupportedContent)
        #expect(loaded.skipped.first { $0.message.contains("AU_CSCA.crl") }?.code == .unrecognizedFormat)
        // The good certificate still verifies.
        let now = Date()
        let report = CredentialInspector.inspect(text: try Self.vaccination(issuer, now: now), trust: loaded.store, at: now)
        #expect(report.isValid, "\(report.errors)")
        // load(path:) on the folder no longer throws for the junk.
        #expect(try TrustStore.load(path: folder.path).count == 1)
        // A bad file named directly is still an error.
        #expect(throws: TrustStoreError.self) { try TrustStore.load(path: folder.appendingPathComponent("junk.txt").path) }
    }

    @Test func aBarePublicKeyVerifiesUnderTheKidOfItsFileName() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let issuer = try TestDCCIssuer()
        let kidHex = issuer.keyIdentifier.map { String(format: "%02x", $0) }.joined()
        let spki = Array(issuer.key.publicKey.derRepresentation)
        try Self.pem("PUBLIC KEY", spki).write(to: folder.appendingPathComponent("VN-demo_\(kidHex).pem"), atomically: true, encoding: .utf8)

        let store = try TrustStore.load(path: folder.path)
        let entry = store.signers(forKeyIdentifier: issuer.keyIdentifier).first
        #expect(entry?.certificate.isBareKey == true)
        #expect(entry?.allowedTypes == Set(DCCCertificateType.allCases))
        let now = Date()
        let report = CredentialInspector.inspect(text: try Self.vaccination(issuer, now: now), trust: store, at: now)
        #expect(report.status(.signature) == .pass)
        #expect(report.isValid, "\(report.errors)")
    }

    @Test func aBarePublicKeyWithoutAKidInItsNameIsFoundByTheHashOfTheKey() throws {
        let issuer = try TestDCCIssuer()
        let spki = Array(issuer.key.publicKey.derRepresentation)
        let entries = try TrustStore.entries(fromFileContents: Array(Self.pem("PUBLIC KEY", spki).utf8), fileName: "issuer.pem")
        #expect(entries.map(\.keyIdentifier) == [SignerCertificate.keyIdentifier(der: spki)])
    }

    /// The WHO test key of credentials-world: a bare P-256 key, kid "11" from `WHO-test_3131.pem`.
    @Test func theWHOTestKeyLoadsUnderKid3131() throws {
        let folder = CredentialsWorldVectors.root.appendingPathComponent("trust/who-ddcc").path
        let loaded = try TrustStore.loadReporting(path: folder)
        #expect(loaded.skipped.isEmpty)
        #expect(loaded.store.count == 2)
        #expect(loaded.store.signers(forKeyIdentifier: [0x31, 0x31]).first?.certificate.isBareKey == true)
    }

    @Test(arguments: [
        ("WHO-test_3131.pem", [UInt8]?([0x31, 0x31])), ("DE_c9609176987c5c9b.pem", [0xc9, 0x60, 0x91, 0x76, 0x98, 0x7c, 0x5c, 0x9b]),
        ("did_india.pem", nil), ("key_313.pem", nil), ("key.pem", nil), ("x_zz.pem", nil),
    ])
    func kidFromFileName(name: String, kid: [UInt8]?) {
        #expect(TrustStore.keyIdentifier(fromFileName: name) == kid)
    }
}
