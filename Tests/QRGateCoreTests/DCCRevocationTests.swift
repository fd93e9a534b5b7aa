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

    static func index(_ lists: [(kid: [UInt8], kind: DCCRevocationHashes.Kind, hashes: [[UInt8]])]) throws -> DCCRevocationIndex {
        try DCCRevocationIndex(store: InMemoryRevocationKeys(try DCCRevocationResource.keys(of: DCCRevocationResource.encode(lists))))
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
        let kid: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        for kind in DCCRevocationHashes.Kind.allCases {
            let named = try #require(revoked.hash(kind))
            let index = try Self.index([(kid, kind, filler + [named, named])])
            #expect(index.count == 10_001, "\(kind): a repeated entry is kept once")
            #expect(index.revokes(kid: kid, revoked), "\(kind)")
            #expect(!index.revokes(kid: kid, kept), "\(kind): a certificate the list does not name")
            #expect(!index.revokes(kid: [9, 9, 9, 9, 9, 9, 9, 9], revoked), "\(kind): a list names certificates of its own signer only")
            #expect(filler.prefix(100).allSatisfy { index.contains(RevocationKey(kid: kid, kind: kind, hash: $0)) }, "\(kind)")
        }
        // Same UVCI, the signature list still tells the two certificates apart.
        #expect(revoked.signature != kept.signature)
        // A list of one kind does not revoke by another kind's hash.
        let uciOnly = try Self.index([(kid, .uci, [try #require(revoked.uci)])])
        #expect(uciOnly.revokes(kid: kid, revoked))
        #expect(!uciOnly.contains(RevocationKey(kid: kid, kind: .signature, hash: try #require(revoked.uci))))
    }

    /// The index answers exactly as a set of the same keys, for keys in it and keys near them
    /// (same bucket, same fingerprint, differing only in the last byte), at every size that
    /// changes the bucket count.
    @Test(arguments: [0, 1, 7, 100, 5_000, 70_000])
    func theIndexAnswersAsASetWould(size: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let keys = (0..<size).map { _ in RevocationKey(high: generator.next(), low: generator.next()) }
        let index = try DCCRevocationIndex(store: InMemoryRevocationKeys(keys))
        #expect(index.count == Set(keys).count)
        #expect(keys.allSatisfy(index.contains))
        let near = keys.prefix(2_000).map { RevocationKey(high: $0.high, low: $0.low ^ 1) }
        let set = Set(keys)
        #expect(near.allSatisfy { index.contains($0) == set.contains($0) })
        let far = (0..<2_000).map { _ in RevocationKey(high: generator.next(), low: generator.next()) }
        #expect(far.allSatisfy { index.contains($0) == set.contains($0) })
    }

    @Test func tenMillionKeysFitInSixtyFourMegabytes() throws {
        // The index's own bytes for 10 million keys: the offset table and 5-byte fingerprints.
        // Built over a store that computes keys instead of holding them.
        struct Counting: RevocationKeyStore {
            var count: Int
            func key(at index: Int) -> RevocationKey? {
                RevocationKey(high: UInt64(index) &* (UInt64.max / UInt64(count)), low: UInt64(index))
            }
        }
        let index = try DCCRevocationIndex(store: Counting(count: 10_000_000))
        #expect(index.residentBytes <= 64 << 20)
        #expect(index.contains(RevocationKey(high: UInt64(1234) &* (UInt64.max / 10_000_000), low: 1234)))
        #expect(!index.contains(RevocationKey(high: UInt64(1234) &* (UInt64.max / 10_000_000), low: 1235)))
    }

    @Test func aDamagedListIsRefusedClearly() throws {
        #expect(throws: DCCRevocationError("entry_length", "")) {
            try DCCRevocationResource.keys(
                of: Array(#"{"format":"qrgate-revocation-1","lists":[{"kid":"AQID","hash_type":"UCI","hashes":"AQID"}]}"#.utf8))
        }
        for damaged in [
            #"{"format":"qrgate-revocation-1","lists":[{"kid":"AQID","hash_type":"MD5","hashes":""}]}"#,
            #"{"format":"other","lists":[]}"#, "not json", #"{"format":"qrgate-revocation-1","lists":[{"kid":"","hash_type":"UCI","hashes":""}]}"#,
        ] {
            #expect(throws: DCCRevocationError("invalid_revocation_list", "")) { try DCCRevocationResource.keys(of: Array(damaged.utf8)) }
        }
        struct Unsorted: RevocationKeyStore {
            var count: Int { 2 }
            func key(at index: Int) -> RevocationKey? { RevocationKey(high: UInt64(2 - index), low: 0) }
        }
        #expect(throws: DCCRevocationError("unsorted", "")) { try DCCRevocationIndex(store: Unsorted()) }
        #expect(throws: DCCRevocationError("prefix", "")) { try DCCRevocationHashes(hc1: "NOT-A-DCC") }
    }
}
