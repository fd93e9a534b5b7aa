import Foundation
import QRGateCore
import QRGateFiles
import Testing

/// SMART Health Cards: every vector of credentials-world/shc against its trust folder, and the
/// layers one by one (chunks, numeric mode, raw DEFLATE, issuer keys, revocation).
@Suite struct SmartHealthCardTests {
    static let vectors = CredentialsWorldVectors.files("shc")

    @Test("shc vector", arguments: vectors)
    func vector(_ path: String) throws {
        let vector = try CredentialsWorldVectors.load(path)
        let expected = try #require(vector["expected"])
        let report = CredentialInspector.inspect(
            text: CredentialsWorldVectors.text(of: vector), trust: try CredentialsWorldVectors.trust(of: vector),
            at: CredentialsWorldVectors.at(vector))
        let json = report.json()
        #expect(json["format"] == vector["format"])
        #expect(json["verdict"] == expected["verdict"], "\(report.errors)")
        let failed = CredentialsWorldVectors.firstFailure(report, order: InspectionReport.Check.smartHealthCardChecks)
        #expect(failed == expected["failed_check"]?.stringValue, "\(report.errors)")
        if let reason = expected["reason"]?.stringValue, let failed {
            #expect(report.errors.first { $0.check.rawValue == failed }?.code == reason)
        }
        // Every check of the format is reported, as the reference saw it.
        for (name, status) in vector["checks"]?.objectValue ?? [:] {
            #expect(json["checks"]?[name] == status, "\(name)")
        }
        guard let subject = expected["subject"], !subject.isNull else {
            #expect(report.payload == nil)
            return
        }
        #expect(CredentialsWorldVectors.missingSubjectParts(subject, payload: report.payload).isEmpty)
        #expect(json["subject"]?["family_name"] == subject["family_name"])
        #expect(json["subject"]?["given_name"] == subject["given_name"])
        #expect(json["subject"]?["birth_date"] == subject["birth_date"])
        let facts = expected["facts"] ?? .null
        #expect(json["claims"]?["iss"] == facts["issuer"])
        // What the kiosk reads: the doses and tests in the DCC data model.
        let evidence = try #require(report.healthEvidence)
        #expect(evidence.payload["nam"]?["fn"] == subject["family_name"])
        #expect(evidence.payload["dob"] == subject["birth_date"])
        if let doses = facts["doses"]?.numberValue, doses > 0 {
            #expect(evidence.payload["v"]?.arrayValue?.count == Int(doses))
        }
        if let first = facts["observations"]?.arrayValue?.first, first["result"]?.stringValue != nil, facts["doses"] == 0 {
            let test = try #require(evidence.payload["t"]?.arrayValue?.first)
            #expect(test["sc"] == first["date"])
            #expect(test["tr"]?.stringValue == HealthEvidence.notDetected || test["tr"]?.stringValue == HealthEvidence.detected)
        } else if facts["doses"] == 0 {
            // Lab values without a coded result (a blood count) certify no test.
            #expect(evidence.payload["t"] == nil)
        }
    }

    @Test func everySHCVectorIsRun() {
        #expect(Self.vectors.count == 16)
    }

    // MARK: - Layers

    static func vectorText(_ name: String) throws -> (text: String, vector: JSONValue) {
        let vector = try CredentialsWorldVectors.load("shc/\(name).json")
        return (CredentialsWorldVectors.text(of: vector), vector)
    }

    @Test func chunksAreAssembledInAnyOrderAndRefusedWhenIncompleteDuplicatedOrMixed() throws {
        let (text, vector) = try Self.vectorText("shc-gen-valid-multi-chunk")
        let chunks = text.split(separator: "\n").map(String.init)
        #expect(chunks.count == 3)
        let trust = try CredentialsWorldVectors.trust(of: vector)
        let at = CredentialsWorldVectors.at(vector)
        func inspect(_ codes: [String]) -> InspectionReport {
            SmartHealthCardFormatInspector.inspect(codes: codes, issuers: trust.healthCardIssuers, at: at)
        }
        #expect(inspect([chunks[2], chunks[0], chunks[1]]).isValid)
        #expect(inspect([chunks[0], chunks[2]]).errors.first?.code == "missing_chunk")
        #expect(inspect([chunks[0], chunks[1], chunks[1], chunks[2]]).errors.first?.code == "duplicate_chunk")
        let otherCount = chunks[1].replacingOccurrences(of: "shc:/2/3/", with: "shc:/2/4/")
        #expect(inspect([chunks[0], otherCount, chunks[2]]).errors.first?.code == "chunk_count_mismatch")
        #expect(inspect([chunks[0].replacingOccurrences(of: "shc:/1/3/", with: "shc:/0/3/")]).errors.first?.code == "bad_chunk_header")
        #expect(inspect([chunks[0].replacingOccurrences(of: "shc:/1/3/", with: "shc:/1/99/")]).errors.first?.code == "bad_chunk_header")
    }

    @Test func numericModeRefusesPairsAbove77AndOtherCharacters() throws {
        #expect(throws: SmartHealthCardError.self) { try SmartHealthCardQR.jws(fromNumeric: ["5678"]) }
        #expect(throws: SmartHealthCardError.self) { try SmartHealthCardQR.jws(fromNumeric: ["56a7"]) }
        #expect(try SmartHealthCardQR.jws(fromNumeric: ["000177"]) == "-.z")
        let report = CredentialInspector.inspect(text: "shc:/5678", trust: TrustStore(), at: Date())
        #expect(report.format == .smartHealthCard)
        #expect(report.errors.first?.code == "digit_pair_out_of_range")
    }

    @Test func aHugeNumericStringIsRefusedBeforeDecoding() {
        let text = "shc:/" + String(repeating: "56", count: 100_000)
        let report = CredentialInspector.inspect(text: text, trust: TrustStore(), at: Date())
        #expect(report.status(.chunks) == .fail)
        #expect(report.errors.first?.code == "too_long")
    }

    /// A deflate bomb stops at the payload limit instead of filling memory.
    @Test func aDeflateBombIsCappedAndTrailingBytesAreTolerated() throws {
        let zeros = [UInt8](repeating: 0, count: SmartHealthCard.maxPayloadBytes * 4)
        let zlib = Zlib.deflate(zeros)
        let raw = Array(zlib[2..<(zlib.count - 4)])
        let header: JSONValue = ["zip": "DEF"]
        #expect(throws: SmartHealthCardError.self) { try SmartHealthCard.inflate(raw, header: header) }
        do {
            _ = try SmartHealthCard.inflate(raw, header: header)
        } catch {
            #expect(error.code == .inflateFailed)
            #expect(error.message.contains("output_too_large"))
        }
        let small = Zlib.deflate(Array("{\"a\":1}".utf8))
        let rawSmall = Array(small[2..<(small.count - 4)])
        #expect(try SmartHealthCard.inflate(rawSmall + [1, 2, 3, 4, 5, 6, 7, 8], header: header) == Array("{\"a\":1}".utf8))
        // A zlib stream is not raw DEFLATE.
        #expect(throws: SmartHealthCardError.self) { try SmartHealthCard.inflate(small, header: header) }
    }

    /// A kid is looked up under the card's own issuer only: Senegal's key does not verify a card
    /// that claims the spec issuer, even though both JWKS are trusted.
    @Test func aKeyOfAnotherTrustedIssuerIsNotUsed() throws {
        let (_, vector) = try Self.vectorText("shc-real-senegal-vax")
        let issuers = try CredentialsWorldVectors.trust(of: vector).healthCardIssuers
        #expect(issuers.issuers.count == 3)
        guard case .key = issuers.lookup(issuer: "https://senegal.tbi.ohms.oracle.com", keyIdentifier: "VEccqX9LvPZJXqv11staEs0qPN2OR9bMS_PXEAZODXg")
        else {
            Issue.record("Senegal's key not found under its issuer")
            return
        }
        guard
            case .unknownKeyIdentifier = issuers.lookup(
                issuer: "https://spec.smarthealth.cards/examples/issuer", keyIdentifier: "VEccqX9LvPZJXqv11staEs0qPN2OR9bMS_PXEAZODXg")
        else {
            Issue.record("a kid was found across issuers")
            return
        }
        guard case .untrustedIssuer = issuers.lookup(issuer: "https://example.org", keyIdentifier: "VEccqX9LvPZJXqv11staEs0qPN2OR9bMS_PXEAZODXg")
        else {
            Issue.record("an unknown issuer was trusted")
            return
        }
    }

    /// A rid listed with a timestamp revokes only the cards issued before it.
    @Test func aRevocationTimestampRevokesOnlyEarlierCards() throws {
        let (text, vector) = try Self.vectorText("shc-gen-revoked-rid-before-timestamp")
        var trust = try CredentialsWorldVectors.trust(of: vector)
        let at = CredentialsWorldVectors.at(vector)
        #expect(CredentialInspector.inspect(text: text, trust: trust, at: at).errors.first?.code == "revoked")
        var issuers = HealthCardIssuers()
        let jwks = try Data(
            contentsOf: CredentialsWorldVectors.root.appendingPathComponent("trust/shc/spec.smarthealth.cards/examples/issuer/.well-known/jwks.json"))
        try issuers.addKeySet(Array(jwks), issuer: "https://spec.smarthealth.cards/examples/issuer", source: "jwks.json")
        let list = #"{"kid":"3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s","method":"rid","ctr":2,"rids":["vwAjHdarZuc.1000000000"]}"#
        try issuers.addRevocationList(Array(list.utf8), issuer: "https://spec.smarthealth.cards/examples/issuer/", source: "crl.json")
        trust.healthCardIssuers = issuers
        let report = CredentialInspector.inspect(text: text, trust: trust, at: at)
        #expect(report.isValid, "\(report.errors)")
        // Without the list, a card with a rid from a key that has one cannot be cleared.
        var withoutList = HealthCardIssuers()
        try withoutList.addKeySet(Array(jwks), issuer: "https://spec.smarthealth.cards/examples/issuer", source: "jwks.json")
        trust.healthCardIssuers = withoutList
        #expect(CredentialInspector.inspect(text: text, trust: trust, at: at).errors.first?.code == "revocation_list_missing")
    }

    /// JWKS with odd keys: each unusable key is reported, the usable ones stay; a JWKS without
    /// one is an error naming the file.
    @Test func oddKeysInAJWKSAreSkippedWithTheirPosition() throws {
        let jwks = #"""
            {"keys":[{"kty":"RSA","kid":"r","n":"AQAB","e":"AQAB"},{"kty":"EC","crv":"P-384","kid":"p384","x":"AA","y":"AA"},
            {"kty":"EC","crv":"P-256","kid":"bad","x":"AAAA","y":"AAAA"},{"kty":"EC","crv":"P-256"},7,
            {"kty":"EC","kid":"11XvRWy1","use":"sig","alg":"ES256","crv":"P-256","x":"11XvRWy1I2S0EyJlyf_bWfw_TQ5CJJNLw78bHXNxcgw","y":"eZXwxvO1hvCY0KucrPfKo7yAyMT6Ajc3N7OkAB6VYy8"}]}
            """#
        var issuers = HealthCardIssuers()
        let skipped = try issuers.addKeySet(Array(jwks.utf8), issuer: "https://issuer.example", source: "issuer.example/.well-known/jwks.json")
        #expect(skipped.count == 5)
        #expect(skipped.allSatisfy { $0.message.contains("issuer.example/.well-known/jwks.json keys[") })
        #expect(issuers.keyCount == 1)
        #expect(throws: TrustStoreError.self) {
            try issuers.addKeySet(Array(#"{"keys":[{"kty":"oct","k":"AA"}]}"#.utf8), issuer: "https://other.example", source: "other")
        }
        #expect(throws: TrustStoreError.self) { try issuers.addKeySet(Array("[[[[".utf8), issuer: "https://other.example", source: "other") }
    }

    /// A trust folder with a broken JWKS and a broken revocation list: both reported by name and
    /// skipped, the good issuer still verifies.
    @Test func aBrokenIssuerFileIsSkippedWithItsName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shc-trust-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = CredentialsWorldVectors.root.appendingPathComponent("trust/shc")
        try FileManager.default.copyItem(at: source, to: folder)
        let broken = folder.appendingPathComponent("broken.example/.well-known")
        try FileManager.default.createDirectory(at: broken.appendingPathComponent("crl"), withIntermediateDirectories: true)
        try Data("{\"keys\": 5".utf8).write(to: broken.appendingPathComponent("jwks.json"))
        try Data("not json".utf8).write(to: broken.appendingPathComponent("crl/abc.json"))
        let loaded = try TrustStore.loadReporting(path: folder.path)
        #expect(loaded.skipped.count == 2, "\(loaded.skipped)")
        #expect(loaded.skipped.contains { $0.message.contains("broken.example/.well-known/jwks.json") })
        #expect(loaded.skipped.contains { $0.message.contains("broken.example/.well-known/crl/abc.json") })
        let (text, vector) = try Self.vectorText("shc-gen-valid-vax")
        #expect(CredentialInspector.inspect(text: text, trust: loaded.store, at: CredentialsWorldVectors.at(vector)).isValid)
    }
}
