import Foundation
import QRGateCore
import QRGateTestSupport
import Testing

/// #18 item 2, first step: the three revocation hashes of an EU DCC, as the eHealth Network's
/// scheme defines them, against every published vector; and the list lookup.
@Suite struct DCCRevocationTests {
    static func hex(_ bytes: [UInt8]?) -> String? { bytes.map { $0.map { String(format: "%02x", $0) }.joined() } }

    /// Every vector of `revocation/revocation-hashes.json` (3 independent, from the Corona-Warn-App
    /// test data; 11 German DCCs computed by the shared set's reference).
    static let vectors: [JSONValue] = (try? CredentialsWorldVectors.load("revocation/revocation-hashes.json").arrayValue) ?? []

    @Test(arguments: vectors.indices)
    func theThreeHashesOfEveryVector(index: Int) throws {
        let vector = Self.vectors[index]
        let id = vector["id"]?.stringValue ?? "?"
        let hashes = try DCCRevocationHashes(hc1: try #require(vector["qr"]?.stringValue))
        #expect(Self.hex(hashes.uci) == vector["expected"]?["UCI"]?.stringValue, "\(id): UCI")
        #expect(Self.hex(hashes.countryCodeUCI) == vector["expected"]?["COUNTRYCODEUCI"]?.stringValue, "\(id): COUNTRYCODEUCI")
        #expect(Self.hex(hashes.signature) == vector["expected"]?["SIGNATURE"]?.stringValue, "\(id): SIGNATURE (\(vector["alg"] ?? .null))")
    }

    @Test func theVectorsAreAllThere() {
        #expect(Self.vectors.count == 14)
        #expect(Self.vectors.filter { $0["alg"] == "PS256" }.count >= 1, "the RSA case (whole signature) is covered")
    }

    /// The Corona-Warn-App's own file, as its app reads it.
    @Test func theCoronaWarnAppSamples() throws {
        let samples = try #require(try CredentialsWorldVectors.load("revocation/RevocationCalculationSampleData.json").arrayValue)
        #expect(samples.count == 3)
        for sample in samples {
            let hashes = try DCCRevocationHashes(hc1: try #require(sample["barcodeData"]?.stringValue))
            #expect(Self.hex(hashes.uci) == sample["expUCI"]?.stringValue)
            #expect(Self.hex(hashes.countryCodeUCI) == sample["expCOUNTRYCODEUCI"]?.stringValue)
            #expect(Self.hex(hashes.signature) == sample["expSIGNATURE"]?.stringValue)
        }
    }

    @Test func aListRevokesWhatItNamesAndNothingElse() throws {
        let issuer = try TestDCCIssuer()
        let now = Date()
        let revoked = try DCCRevocationHashes(
            hc1: try issuer.issue(TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(3600)))
        var other = TestDCCIssuer.vaccination(family: "Trần", familyT: "TRAN", given: "Thị Bình", givenT: "THI<BINH")
        other = .object(
            (other.objectValue ?? [:]).merging(
                ["v": [["ci": "URN:UVCI:01:VN:QRGATE0000000002#U", "tg": "840539006", "dn": 2, "sd": 2]]], uniquingKeysWith: { $1 }))
        let kept = try DCCRevocationHashes(
            hc1: try issuer.issue(other, issuedAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(3600)))
        var noise = SystemRandomNumberGenerator()
        let filler = (0..<10_000).map { _ in (0..<16).map { _ in UInt8.random(in: 0...255, using: &noise) } }
        for kind in DCCRevocationHashes.Kind.allCases {
            let list = try DCCRevocationList(kind: kind, hashes: filler + [try #require(revoked.hash(kind)), try #require(revoked.hash(kind))])
            #expect(list.count == 10_001, "\(kind): a repeated entry is kept once")
            #expect(list.revokes(revoked), "\(kind)")
            #expect(!list.revokes(kept), "\(kind): a certificate the list does not name")
            #expect(filler.prefix(100).allSatisfy(list.contains), "\(kind)")
        }
        // Same UVCI, the signature list still tells the two certificates apart.
        #expect(revoked.signature != kept.signature)
    }

    @Test func aDamagedListIsRefusedClearly() {
        #expect(throws: DCCRevocationError("entry_length", "")) {
            try DCCRevocationList(kind: .uci, hashes: [[UInt8](repeating: 1, count: 16), [1, 2, 3]])
        }
        #expect(throws: DCCRevocationError("prefix", "")) { try DCCRevocationHashes(hc1: "NOT-A-DCC") }
    }
}
