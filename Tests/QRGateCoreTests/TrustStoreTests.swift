import Foundation
import QRGateCore
import QRGateFiles
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

    /// IS/3's DSC lists only an unrelated (ICAO) OID: it may sign no DCC type.
    @Test func unrelatedExtendedKeyUsageAllowsNothing() throws {
        let cert = try SignerCertificate(derEncoded: Self.der("IS/2DCode/raw/3.json"))
        #expect(cert.extendedKeyUsage?.isEmpty == false)
        #expect(cert.allowedTypes.isEmpty)
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
