import Crypto
import Foundation
import QRGateCore
import QRGateTestSupport
import SwiftASN1
import Testing
import X509

/// #18 item 10: the trust lists operators get — the EU DCC Gateway download, a DSC-TL, a signed
/// national redistribution — become signers the gate uses, each entry taken or refused with
/// its reason; a DSC must chain to its CSCA when CSCAs are known.
@Suite struct TrustListImportTests {
    static func entry(_ der: [UInt8], type: String = "DSC", country: String, kid: [UInt8]? = nil, thumbprint: String? = nil) -> JSONValue {
        .object([
            "kid": .string(Data(kid ?? SignerCertificate.keyIdentifier(der: der)).base64EncodedString()),
            "timestamp": "2026-11-01T00:00:00Z", "country": .string(country), "certificateType": .string(type),
            "thumbprint": .string(thumbprint ?? SHA256.hash(data: der).map { String(format: "%02x", $0) }.joined()),
            "signature": "MIAGCSqGSIb3DQEHAqCAMIACAQExDTALBglghkgBZQMEAgEwgAYJKoZIhvcNAQcBAACggDCCAcsw",
            "rawData": .string(Data(der).base64EncodedString()),
        ])
    }

    static func bytes(_ value: JSONValue) -> [UInt8] { Array(value.serialized().utf8) }

    @Test func aGatewayDownloadTakesTheDSCsThatChainAndRefusesTheRestWithReasons() throws {
        let vn = try TestCountrySigner("VN")
        let de = try TestCountrySigner("DE")
        let good = try vn.dsc()
        let forged = try vn.dsc(signedBy: P256.Signing.PrivateKey())
        let orphan = try TestCountrySigner("FR").dsc()
        let shadow = try de.dsc()
        let list: JSONValue = .array([
            Self.entry(vn.cscaDER, type: "CSCA", country: "VN"), Self.entry(de.cscaDER, type: "CSCA", country: "DE"),
            Self.entry(good, country: "VN"),
            Self.entry(forged, country: "VN"),
            Self.entry(orphan, country: "FR"),
            Self.entry(shadow, country: "DE", kid: SignerCertificate.keyIdentifier(der: good)),
            Self.entry(try de.dsc(), country: "DE", thumbprint: String(repeating: "0", count: 64)),
            Self.entry(try de.dsc(), country: "VN"),
            Self.entry(try de.dsc(), type: "UPLOAD", country: "DE"),
            .object(["kid": "AAAAAAAAAAA=", "country": "DE", "certificateType": "DSC", "rawData": "bm90IGEgY2VydGlmaWNhdGU="]),
        ])
        let result = try TrustListImport.read(Self.bytes(list))
        #expect(result.format == .gateway)
        #expect(result.cscaCount == 2)
        #expect(result.taken.map(\.certificate.der) == [good])
        #expect(result.taken.first?.country == "VN")
        #expect(
            result.refused.map(\.code) == [
                "csca_signature", "no_csca", "kid_mismatch", "thumbprint_mismatch", "country_mismatch", "invalid_certificate",
            ])
        #expect(result.ignored == 1)
        #expect(result.notes.contains { $0.contains("trust-anchor signatures were not checked") })

        // The taken signer verifies a DCC through the gate's own trust-list format.
        let store = TrustStore(try TrustStore.entries(fromFileContents: result.trustListJSON(), fileName: "imported.json"))
        #expect(store.signers(forKeyIdentifier: SignerCertificate.keyIdentifier(der: good)).count == 1)
    }

    @Test func withoutCSCAsEveryConsistentDSCIsTakenAndCSCAsGivenSeparatelyCount() throws {
        let vn = try TestCountrySigner("VN")
        let good = try vn.dsc()
        let forged = try vn.dsc(signedBy: P256.Signing.PrivateKey())
        let list: JSONValue = ["certificates": [Self.entry(good, country: "VN"), Self.entry(forged, country: "VN")]]
        let open = try TrustListImport.read(Self.bytes(list))
        #expect(open.format == .dscTrustList)
        #expect(open.taken.count == 2, "no CSCA known: nothing to chain to")
        let checked = try TrustListImport.read(Self.bytes(list), cscas: [vn.cscaDER])
        #expect(checked.taken.map(\.certificate.der) == [good])
        #expect(checked.refused.map(\.code) == ["csca_signature"])
    }

    @Test func anExpiredDSCIsTakenWithANote() throws {
        let vn = try TestCountrySigner("VN")
        let result = try TrustListImport.read(Self.bytes(.array([Self.entry(try vn.dsc(expired: true), country: "VN")])))
        #expect(result.taken.count == 1)
        #expect(result.notes.contains { $0.contains("expired") })
    }

    @Test func aSignedRedistributionIsVerifiedWithItsKeyAndRefusedWhenAltered() throws {
        let vn = try TestCountrySigner("VN")
        let publisher = P256.Signing.PrivateKey()
        let body = Self.bytes(["certificates": [Self.entry(try vn.dsc(), country: "VN")]])
        for signature in [try publisher.signature(for: body).derRepresentation, try publisher.signature(for: body).rawRepresentation] {
            let file = Array((signature.base64EncodedString() + "\n").utf8) + body
            let verified = try TrustListImport.read(file, signingKey: publisher.publicKey)
            #expect(verified.format == .signedDSCTrustList)
            #expect(verified.signatureVerified == true)
            #expect(verified.taken.count == 1)
            let unverified = try TrustListImport.read(file)
            #expect(unverified.signatureVerified == false, "read, but reported as not verified")
            var altered = file
            altered[altered.count - 3] ^= 0x01
            #expect(throws: TrustStoreError(.invalidTrustList, "")) { try TrustListImport.read(altered, signingKey: publisher.publicKey) }
            #expect(throws: TrustStoreError(.invalidTrustList, "")) {
                try TrustListImport.read(file, signingKey: P256.Signing.PrivateKey().publicKey)
            }
        }
    }

    @Test(arguments: ["", "just text", "{\"other\":1}", "[1,2", "c2lnbmF0dXJl"])
    func aFileInNoFormatIsRefusedClearly(text: String) {
        #expect(throws: TrustStoreError.self) { try TrustListImport.read(Array(text.utf8)) }
    }
}
