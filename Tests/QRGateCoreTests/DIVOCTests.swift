import Crypto
import Foundation
import QRGateCore
import QRGateFiles
import Testing

/// The real DIVOC credentials of credentials-world/divoc (India RSA, Indonesia Ed25519) against
/// their trust folder, and what a verifier must refuse: an altered name, an unknown issuer, a
/// context the trust folder does not ship, archives too large to be a credential.
@Suite struct DIVOCTests {
    static let vectors = CredentialsWorldVectors.files("divoc")
    static func trust() throws -> TrustStore { try CredentialsWorldVectors.trust(folder: "trust/divoc") }

    @Test("divoc vector", arguments: vectors)
    func vector(_ path: String) throws {
        let vector = try CredentialsWorldVectors.load(path)
        let expected = try #require(vector["expected"])
        let trust = vector["trust"]?.stringValue == nil ? TrustStore() : try Self.trust()
        let report = CredentialInspector.inspect(text: CredentialsWorldVectors.text(of: vector), trust: trust, at: CredentialsWorldVectors.at(vector))
        let json = report.json()
        #expect(json["format"] == vector["format"])
        #expect(json["verdict"] == expected["verdict"], "\(report.errors)")
        #expect(CredentialsWorldVectors.firstFailure(report, order: DIVOCFormatInspector.checks) == expected["failed_check"]?.stringValue)
        for (name, status) in vector["checks"]?.objectValue ?? [:] {
            #expect(json["checks"]?[name] == status, "check \(name)")
        }
        if let subject = expected["subject"], !subject.isNull {
            #expect(CredentialsWorldVectors.missingSubjectParts(subject, payload: report.payload).isEmpty)
            #expect(json["subject"]?["name"] == subject["name"])
            #expect(json["subject"]?["birth_date"] == subject["birth_date"])
        }
        let facts = expected["facts"] ?? .null
        let evidence = report.payload?["evidence"]?.arrayValue?.first
        #expect(report.payload?["issuer"] == facts["issuer"])
        #expect(report.payload?["proof"]?["verificationMethod"] == facts["verification_method"])
        #expect(report.payload?["proof"]?["type"] == facts["proof_type"])
        #expect(evidence?["vaccine"] == facts["vaccine"])
        #expect(evidence?["dose"] == facts["dose"])
        #expect(evidence?["totalDoses"] == facts["total_doses"])
        #expect(evidence?["certificateId"] == facts["certificate_id"])
    }

    @Test func everyVectorIsRun() {
        #expect(Self.vectors.count == 2)
    }

    // MARK: - What must be refused

    /// The credential JSON of a vector, and a QR carrying `json` the same way (a stored ZIP).
    static func certificate(_ name: String) throws -> JSONValue {
        let vector = try CredentialsWorldVectors.load("divoc/\(name).json")
        let text = CredentialsWorldVectors.text(of: vector)
        let zip = try #require(Data(base64Encoded: String(text.dropFirst(4))))
        return try JSONValue(parsing: try ZipArchive(bytes: Array(zip)).contents(of: "certificate.json"))
    }

    static func qr(_ certificate: JSONValue) -> String {
        "B64:" + Data(StoredZip.archive(["certificate.json": Array(certificate.serialized().utf8)])).base64EncodedString()
    }

    static let at = Date(timeIntervalSince1970: 1_660_000_000)

    /// Re-packed unchanged (stored, not deflated, keys in another order) it still verifies:
    /// the signature covers the canonical RDF, not the bytes.
    @Test(arguments: ["divoc-real-india-rsa", "divoc-real-indonesia-ed25519"])
    func repackedUnchangedStillVerifies(_ name: String) throws {
        let report = CredentialInspector.inspect(text: Self.qr(try Self.certificate(name)), trust: try Self.trust(), at: Self.at)
        #expect(report.isValid, "\(report.errors)")
    }

    @Test(arguments: ["divoc-real-india-rsa", "divoc-real-indonesia-ed25519"])
    func aChangedNameFailsTheSignature(_ name: String) throws {
        guard case .object(var credential) = try Self.certificate(name), case .object(var subject)? = credential["credentialSubject"] else {
            Issue.record("no credential subject")
            return
        }
        subject["name"] = .string("Someone Else")
        credential["credentialSubject"] = .object(subject)
        let report = CredentialInspector.inspect(text: Self.qr(.object(credential)), trust: try Self.trust(), at: Self.at)
        #expect(report.format == .divoc)
        #expect(!report.isValid)
        #expect(report.errors.map(\.code) == ["bad_signature"])
        #expect(report.holder?.name == "Someone Else")
        #expect(report.status(.json) == .pass)
    }

    @Test func anUnknownVerificationMethodIsAnUnknownIssuer() throws {
        let vector = try CredentialsWorldVectors.load("divoc/divoc-real-india-rsa.json")
        var trust = try Self.trust()
        trust.linkedDataKeys.removeValue(forKey: "did_india")
        let report = CredentialInspector.inspect(text: CredentialsWorldVectors.text(of: vector), trust: trust, at: Self.at)
        #expect(report.errors.map(\.code) == [DIVOCFormatInspector.unknownIssuer])
        #expect(report.errors.first?.message.contains("did:india") == true)
        #expect(report.holder?.name == "Third March User One")
        // Without any trust folder: the same, the payload still there.
        let bare = CredentialInspector.inspect(text: CredentialsWorldVectors.text(of: vector), trust: TrustStore(), at: Self.at)
        #expect(bare.errors.map(\.code) == [DIVOCFormatInspector.unknownIssuer])
        #expect(bare.payload?["credentialSubject"]?["name"]?.stringValue == "Third March User One")
    }

    /// Another issuer's key does not verify (Indonesia's key under India's name).
    @Test func anotherIssuersKeyFailsTheSignature() throws {
        let vector = try CredentialsWorldVectors.load("divoc/divoc-real-indonesia-ed25519.json")
        var trust = try Self.trust()
        let other = try LinkedDataKey(subjectPublicKeyInfo: Array(Curve25519.Signing.PrivateKey().publicKey.derRepresentationForTest))
        trust.linkedDataKeys["did_indonesia"] = other
        let report = CredentialInspector.inspect(text: CredentialsWorldVectors.text(of: vector), trust: trust, at: Self.at)
        #expect(report.errors.map(\.code) == ["bad_signature"])
    }

    @Test func aContextTheTrustFolderDoesNotShipFailsClearly() throws {
        guard case .object(var credential) = try Self.certificate("divoc-real-india-rsa") else { return }
        credential["@context"] = .array([.string("https://www.w3.org/2018/credentials/v1"), .string("https://example.org/not-shipped/v9")])
        let report = CredentialInspector.inspect(text: Self.qr(.object(credential)), trust: try Self.trust(), at: Self.at)
        #expect(report.errors.map(\.code) == ["context_unavailable"])
        #expect(report.errors.first?.message.contains("https://example.org/not-shipped/v9") == true)
        // And with no contexts at all, the first remote context is refused the same way.
        var trust = try Self.trust()
        trust.jsonLDContexts = JSONLDDocumentLoader()
        let vector = try CredentialsWorldVectors.load("divoc/divoc-real-india-rsa.json")
        let none = CredentialInspector.inspect(text: CredentialsWorldVectors.text(of: vector), trust: trust, at: Self.at)
        #expect(none.errors.map(\.code) == ["context_unavailable"])
    }

    @Test func aProofWhoseTypeDoesNotFitTheKeyIsRefused() throws {
        guard case .object(var credential) = try Self.certificate("divoc-real-indonesia-ed25519"), case .object(var proof)? = credential["proof"]
        else { return }
        proof["type"] = .string("RsaSignature2018")
        credential["proof"] = .object(proof)
        let report = CredentialInspector.inspect(text: Self.qr(.object(credential)), trust: try Self.trust(), at: Self.at)
        #expect(report.errors.map(\.code) == ["unsupported_algorithm"])
    }

    @Test func damagedLayersFailTheirOwnCheck() throws {
        let notBase64 = CredentialInspector.inspect(text: "B64:%%%%", trust: TrustStore(), at: Self.at)
        #expect(notBase64.format == .divoc)
        #expect(CredentialsWorldVectors.firstFailure(notBase64, order: DIVOCFormatInspector.checks) == "zip")
        #expect(notBase64.status(.json) == .skip && notBase64.status(.signature) == .skip)
        let noCertificate = CredentialInspector.inspect(
            text: "B64:" + Data(StoredZip.archive(["other.json": Array("{}".utf8)])).base64EncodedString(), trust: TrustStore(), at: Self.at)
        #expect(noCertificate.errors.first?.message.contains("certificate.json") == true)
        let notJSON = CredentialInspector.inspect(
            text: "B64:" + Data(StoredZip.archive(["certificate.json": Array("{\"a\":".utf8)])).base64EncodedString(), trust: TrustStore(),
            at: Self.at)
        #expect(CredentialsWorldVectors.firstFailure(notJSON, order: DIVOCFormatInspector.checks) == "json")
    }

    /// A deep credential is refused by the JSON parser's depth bound, never a stack overflow.
    @Test func aDeeplyNestedCredentialIsRefused() {
        let deep = String(repeating: "{\"a\":", count: 5000) + "1" + String(repeating: "}", count: 5000)
        let report = CredentialInspector.inspect(
            text: "B64:" + Data(StoredZip.archive(["certificate.json": Array(deep.utf8)])).base64EncodedString(), trust: TrustStore(), at: Self.at)
        #expect(CredentialsWorldVectors.firstFailure(report, order: DIVOCFormatInspector.checks) == "json")
    }
}

/// Writes a ZIP archive of stored entries (tests only; qrgate never writes ZIP files).
enum StoredZip {
    /// `deflate`: entries compressed (raw DEFLATE from ``Zlib/deflate(_:)`` without its zlib
    /// header and checksum); `declaredSize`: a false inflated size in the headers.
    static func archive(_ files: [String: [UInt8]], deflate: Bool = false, declaredSize: Int? = nil) -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
        for name in files.keys.sorted() {
            let plain = files[name]!
            let crc = Gzip.crc32(plain)
            let data = deflate ? Array(Zlib.deflate(plain).dropFirst(2).dropLast(4)) : plain
            let method = deflate ? 8 : 0
            let nameBytes = Array(name.utf8)
            let offset = UInt32(out.count)
            let size = UInt32(declaredSize ?? plain.count)
            out += u32(0x0403_4B50) + u16(20) + u16(0) + u16(method) + u16(0) + u16(0) + u32(crc) + u32(UInt32(data.count)) + u32(size)
            out += u16(nameBytes.count) + u16(0) + nameBytes + data
            directory +=
                u32(0x0201_4B50) + u16(20) + u16(20) + u16(0) + u16(method) + u16(0) + u16(0) + u32(crc) + u32(UInt32(data.count)) + u32(size)
            directory += u16(nameBytes.count) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(offset) + nameBytes
        }
        let start = UInt32(out.count)
        out += directory
        out += u32(0x0605_4B50) + u16(0) + u16(0) + u16(files.count) + u16(files.count) + u32(UInt32(directory.count)) + u32(start) + u16(0)
        return out
    }
}

extension Curve25519.Signing.PublicKey {
    /// The key as a DER SubjectPublicKeyInfo.
    var derRepresentationForTest: [UInt8] {
        [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00] + Array(rawRepresentation)
    }
}
