import Foundation
import Logging
import QRGateCore
import QRGateFiles
import QRGateStore
import QRGateTestSupport
import Synchronization
import Testing

@testable import QRGateCheckIn

/// A chunked SMART Health Card (`shc:/C/N/…`) is shown as several codes: the kiosk holds them in
/// one presentation until the card is whole, shows the progress meanwhile, and decides an
/// incomplete card as invalid when the window ends.
@Suite struct HealthCardPresentationTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/credentials-world")

    /// The three chunks of the generated multi-chunk card (spec example issuer, no expiry).
    static func chunks() throws -> [String] {
        let vector = try JSONValue(parsing: Data(contentsOf: fixtures.appendingPathComponent("shc/shc-gen-valid-multi-chunk.json")))
        let chunks = vector["qr"]?.arrayValue?.compactMap(\.stringValue) ?? []
        try #require(chunks.count == 3)
        return chunks
    }

    /// An intake with presentations on, on a clock that only moves when the intake sleeps (the
    /// window's end comes at once, without waiting for it in real time).
    func intake(in temporary: TemporaryDirectory, windowEnds: Bool = false) throws -> (ScanIntake, CheckInStore) {
        var (pipeline, store, _) = try CheckInPipelineTests().pipeline(in: temporary)
        pipeline.configuration.duplicateWindow = .seconds(5)
        pipeline.configuration.presentationWindow = .seconds(20)
        pipeline.assessor.trust = try TrustStore.loadReporting(path: Self.fixtures.appendingPathComponent("trust/shc").path).store
        let start = ContinuousClock.now
        let elapsed = Mutex(Duration.zero)
        let intake = ScanIntake(
            pipeline: pipeline, now: { start + elapsed.withLock { $0 } },
            sleep: { duration in
                if windowEnds {
                    elapsed.withLock { $0 += duration }
                } else {
                    try? await Task.sleep(for: .seconds(3600))
                }
            })
        return (intake, store)
    }

    @Test func theChunksOfOneCardAreOnePresentationDecidedWhenTheCardIsWhole() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (intake, store) = try intake(in: temporary)
        let chunks = try Self.chunks()
        guard case .waiting(let first) = await intake.submit([chunks[2]], origin: "camera") else {
            Issue.record("one chunk of three was decided")
            return
        }
        #expect(first.have == [.certificatePart])
        #expect(first.needed == [.certificateChunks])
        #expect(ScreenView.waiting(first).json["needed"]?.arrayValue?.first?["code"] == "certificate_chunks")
        // The next chunk is the same person's card, not another certificate: the same presentation.
        guard case .waiting(let second) = await intake.submit([chunks[0]], origin: "camera") else {
            Issue.record("the second chunk was decided")
            return
        }
        #expect(second.id == first.id)
        #expect(try await store.all().isEmpty, "nothing is recorded while the card is incomplete")
        guard case .processed(.recorded(let stored, _)) = await intake.submit([chunks[1]], origin: "camera") else {
            Issue.record("the last chunk did not complete the presentation")
            return
        }
        // The card verified (its content, a blood count, certifies no vaccination or test).
        #expect(!stored.decision.reasons.contains { $0.code == DecisionReason.certificateMissing.code })
        #expect(!stored.decision.reasons.contains { $0.code.hasPrefix("certificate_invalid") }, "\(stored.decision.reasons.map(\.code))")
        #expect(try await store.all().count == 1)
    }

    @Test func anIncompleteCardIsDecidedAsInvalidWhenTheWindowEnds() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (intake, store) = try intake(in: temporary, windowEnds: true)
        let decisions = intake.outcomes.subscribe()
        let chunks = try Self.chunks()
        guard case .waiting = await intake.submit([chunks[0]], origin: "camera") else {
            Issue.record("not a presentation")
            return
        }
        var announced = decisions.makeAsyncIterator()
        guard case .recorded(let stored, _)? = await announced.next()?.outcome else {
            Issue.record("the window's end announced no decision")
            return
        }
        #expect(stored.decision.outcome == .refuse)
        #expect(stored.decision.reasons.contains { $0.code == DecisionReason.certificateInvalid("").code }, "\(stored.decision.reasons)")
        #expect(try await store.all().count == 1)
    }

    /// The daemon's verification data keeps the trust folder's issuer keys and country signing CAs,
    /// also when a synced trust list replaces the signers.
    @Test func theDaemonsTrustKeepsIssuersAndCountrySigningCAsAcrossATrustListSync() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let data = try VerificationData.load(
            trustPath: Self.fixtures.appendingPathComponent("trust/shc").path, rulesDirectory: VerificationDataTests.rules,
            syncedDirectory: temporary.url.appendingPathComponent("central").path, country: "VN", logger: Logger(label: "test"),
            extraTrustPaths: [Self.fixtures.appendingPathComponent("trust/icao-vds-nc").path])
        #expect(data.current.trust.healthCardIssuers.keyCount == 4)
        #expect(data.current.trust.countrySigningAuthorities.count == 1)
        let issuer = try TestDCCIssuer()
        let list: JSONValue = ["certificates": [["certificate": .string(Data(issuer.certificateDER).base64EncodedString())]]]
        try data.prepare(.trustList, data: Data(list.serialized().utf8))()
        #expect(data.current.trust.signers(forKeyIdentifier: try SignerCertificate(derEncoded: issuer.certificateDER).keyIdentifier).count == 1)
        #expect(data.current.trust.healthCardIssuers.keyCount == 4)
        #expect(data.current.trust.countrySigningAuthorities.count == 1)
    }

    @Test func chunksAreJoinedForTheAssessorAndTheirProgressIsCounted() throws {
        let chunks = try Self.chunks()
        #expect(SmartHealthCardQR.joiningChunks(["A", chunks[1], "B", chunks[0]]) == ["A", chunks[1] + "\n" + chunks[0], "B"])
        #expect(SmartHealthCardQR.chunkProgress([chunks[1], "A"]) == .init(have: [2], count: 3))
        #expect(SmartHealthCardQR.continues([chunks[1]], with: [chunks[2]]))
        #expect(!SmartHealthCardQR.continues([chunks[1]], with: [chunks[1]]))
        #expect(!SmartHealthCardQR.continues(chunks, with: ["shc:/1/3/00"]))
        #expect(!SmartHealthCardQR.continues([chunks[1]], with: ["shc:/3/4/00"]))
    }
}
