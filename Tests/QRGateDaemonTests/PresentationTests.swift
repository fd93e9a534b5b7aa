import Foundation
import QRGateCore
import QRGateStore
import QRGateTestSupport
import Synchronization
import Testing

@testable import QRGateCheckIn

/// Codes shown one after another at one gate form one presentation and one check-in, decided
/// when the policy has what it needs or when the window ends; another person's code starts a new
/// one. Nothing is recorded while a presentation waits.
@Suite struct PresentationTests {
    static let card = "001090000001||Nguyễn Văn An|15011990|Nam|Hà Nội|01012021"
    static let otherCard = "079090000002||Trần Thị Bình|01021985|Nữ|TP. Hồ Chí Minh|01012021"

    /// An intake with presentations on; `sleep` waits out a presentation's window (by default
    /// it does not end during a test, however slow the machine).
    func intake(
        in temporary: TemporaryDirectory, window: Duration = .seconds(20),
        sleep: @escaping @Sendable (Duration) async -> Void = { _ in try? await Task.sleep(for: .seconds(3600)) }
    ) throws -> (ScanIntake, CheckInStore, TestDCCIssuer) {
        var (pipeline, store, issuer) = try CheckInPipelineTests().pipeline(in: temporary)
        pipeline.configuration.duplicateWindow = .seconds(5)
        pipeline.configuration.presentationWindow = window
        return (ScanIntake(pipeline: pipeline, sleep: sleep), store, issuer)
    }

    /// The store's check-ins once there are `count` of them (at most 5 s).
    func recorded(_ store: CheckInStore, count: Int) async throws -> [StoredCheckIn] {
        for _ in 0..<250 {
            let all = try await store.all()
            if all.count >= count { return all }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try await store.all()
    }

    @Test func anIDCardThenACertificateAreOneCheckInDecidedWithBoth() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (intake, store, issuer) = try intake(in: temporary)
        let progress = intake.outcomes.subscribeEvents()
        guard case .waiting(let waiting) = await intake.submit([Self.card], origin: "camera") else {
            Issue.record("an ID card alone was decided; the certificate is still to come")
            return
        }
        #expect(waiting.have == [.identityCard])
        #expect(waiting.needed == [.certificate])
        #expect((19...20).contains(waiting.secondsLeft))
        var updates = progress.makeAsyncIterator()
        guard case .activity(.waiting(let shown))? = await updates.next() else {
            Issue.record("the screen was not told what is still needed")
            return
        }
        #expect(shown == waiting)
        #expect(try await store.all().isEmpty, "nothing is recorded while the presentation waits")
        // The camera sees the card again on the next frames, or again after the duplicate window:
        // still waiting, the same presentation.
        guard case .waiting(let again) = await intake.submit([Self.card], origin: "camera") else {
            Issue.record("the card seen again was not answered with the open presentation")
            return
        }
        #expect(again.id == waiting.id)

        guard case .processed(.recorded(let stored, _)) = await intake.submit([try CheckInPipelineTests().dcc(issuer)], origin: "camera") else {
            Issue.record("the certificate did not complete the presentation")
            return
        }
        #expect(stored.decision.outcome == .admit, "\(stored.decision)")
        // (A slow machine may have seen the card again after the duplicate window: progress again.)
        var next = await updates.next()
        while case .activity(.waiting)? = next { next = await updates.next() }
        guard case .activity(.reading)? = next else {
            Issue.record("the decision was not announced as being read first: \(String(describing: next))")
            return
        }
        guard case .decided(let announced)? = await updates.next(), case .recorded(let shownDecision, _) = announced.outcome else {
            Issue.record("the decision did not follow its reading on the same stream")
            return
        }
        #expect(shownDecision.id == stored.id)
        #expect(stored.subject?.idNumber == "001090000001", "the card's identity is part of the check-in")
        #expect(stored.credential.kind == .vaccination)
        #expect(!stored.flags.contains(.identityMismatch))
        #expect(try await store.all().count == 1)
    }

    @Test func aCertificateOfSomeoneElseAfterTheCardIsCaughtByTheCrossCheck() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (intake, store, issuer) = try intake(in: temporary)
        _ = await intake.submit([Self.card], origin: "camera")
        let stranger = try CheckInPipelineTests().dcc(
            issuer, TestDCCIssuer.vaccination(family: "Lê", familyT: "LE", given: "Cường", givenT: "CUONG", dob: "1970-03-03"))
        guard case .processed(.recorded(let stored, _)) = await intake.submit([stranger], origin: "camera") else {
            Issue.record("the presentation was not decided")
            return
        }
        #expect(stored.flags.contains(.identityMismatch))
        #expect(stored.decision.outcome == .refuse)
        #expect(try await store.all().count == 1)
    }

    @Test func theSameCardShownAgainAfterTheDuplicateWindowIsTheSamePresentation() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        var (pipeline, store, _) = try CheckInPipelineTests().pipeline(in: temporary)
        pipeline.configuration.duplicateWindow = .seconds(5)
        pipeline.configuration.presentationWindow = .seconds(20)
        let start = ContinuousClock.now
        let elapsed = Mutex(Duration.zero)
        let intake = ScanIntake(
            pipeline: pipeline, now: { start + elapsed.withLock { $0 } }, sleep: { _ in try? await Task.sleep(for: .seconds(3600)) })
        guard case .waiting(let first) = await intake.submit([Self.card], origin: "camera") else {
            Issue.record("not a presentation")
            return
        }
        elapsed.withLock { $0 = .seconds(8) }
        guard case .waiting(let again) = await intake.submit([Self.card], origin: "camera") else {
            Issue.record("the card shown again was decided")
            return
        }
        #expect(again.id == first.id)
        #expect(again.secondsLeft == 12, "the window counts from the first code")
        #expect(try await store.all().isEmpty)
    }

    @Test func aDeclarationMadeOnTheScreenJoinsThePresentation() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (intake, store, issuer) = try intake(in: temporary)
        _ = await intake.submit([Self.card], origin: "camera")
        let declaration = HealthDeclaration(symptoms: [.fever], submittedAt: Date().timeIntervalSince1970, source: .kiosk)
        guard case .waiting(let progress) = await intake.submit([], origin: "screen", declaration: declaration) else {
            Issue.record("the declaration decided the presentation before its certificate")
            return
        }
        #expect(progress.have == [.declaration, .identityCard])
        #expect(progress.needed == [.certificate])
        guard case .processed(.recorded(let stored, _)) = await intake.submit([try CheckInPipelineTests().dcc(issuer)], origin: "camera") else {
            Issue.record("not decided")
            return
        }
        #expect(stored.decision.outcome == .refer)
        #expect(stored.decision.reasons.map(\.code).contains(DecisionReason.symptomsDeclared.code))
        #expect(stored.declaration?.source == .kiosk)
        #expect(stored.declaration?.symptoms == [.fever])
        #expect(stored.subject?.idNumber == "001090000001")
        #expect(try await store.all().count == 1)
    }

    @Test func anotherPersonsCardDecidesTheOpenPresentationAndStartsANewOne() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (intake, store, _) = try intake(in: temporary)
        guard case .waiting(let first) = await intake.submit([Self.card], origin: "camera"),
            case .waiting(let second) = await intake.submit([Self.otherCard], origin: "camera")
        else {
            Issue.record("the cards were not presentations")
            return
        }
        #expect(first.id != second.id)
        let all = try await recorded(store, count: 1)
        #expect(all.count == 1, "the first person's presentation is decided, the second still waits")
        #expect(all.first?.subject?.idNumber == "001090000001")
        #expect(all.first?.decision.reasons.map(\.code) == [DecisionReason.certificateMissing.code])
    }

    @Test func theEndOfTheWindowDecidesWithWhatThePresentationHas() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        // The window passes at once.
        let (intake, store, _) = try intake(in: temporary, sleep: { _ in await Task.yield() })
        let decisions = intake.outcomes.subscribe()
        guard case .waiting = await intake.submit([Self.card], origin: "camera") else {
            Issue.record("not a presentation")
            return
        }
        var announced = decisions.makeAsyncIterator()
        guard case .recorded(let stored, _)? = await announced.next()?.outcome else {
            Issue.record("the window's end announced no decision")
            return
        }
        #expect(stored.decision.outcome == .refuse)
        #expect(stored.decision.reasons.map(\.code) == [DecisionReason.certificateMissing.code])
        #expect(try await store.all().count == 1)
    }

    @Test func aDeclarationBeingMadeOnTheScreenHoldsTheWindowOpen() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        // A clock that moves only when the window's timer sleeps; the sleeps are kept.
        let start = ContinuousClock.now
        let clock = Mutex((now: start, sleeps: [Duration]()))
        var (pipeline, store, _) = try CheckInPipelineTests().pipeline(in: temporary)
        pipeline.configuration.duplicateWindow = .seconds(5)
        pipeline.configuration.presentationWindow = .seconds(20)
        let opened = Mutex(false)
        let intake = ScanIntake(
            pipeline: pipeline, now: { clock.withLock { $0.now } },
            sleep: { duration in
                // The first sleep (the window) waits until the hold was asked for.
                while !opened.withLock({ $0 }) { await Task.yield() }
                clock.withLock {
                    $0.sleeps.append(duration)
                    $0.now = $0.now + duration
                }
            })
        #expect(await intake.holdPresentation(for: .seconds(90)) == nil, "nothing is open to hold")
        let decisions = intake.outcomes.subscribe()
        guard case .waiting = await intake.submit([Self.card], origin: "camera") else {
            Issue.record("not a presentation")
            return
        }
        let held = await intake.holdPresentation(for: .seconds(90))
        #expect(held?.secondsLeft == 90)
        opened.withLock { $0 = true }
        var announced = decisions.makeAsyncIterator()
        guard case .recorded(let stored, _)? = await announced.next()?.outcome else {
            Issue.record("the held window's end announced no decision")
            return
        }
        // Decided at the end of the hold, not of the window: 20 s, then the 70 s left.
        #expect(clock.withLock { $0.sleeps } == [.seconds(20), .seconds(70)])
        #expect(stored.decision.reasons.map(\.code) == [DecisionReason.certificateMissing.code])
        #expect(try await store.all().count == 1)
    }

    @Test func aHoldNeverKeepsAPresentationOpenForLong() async throws {
        let desk = PresentationDesk(window: .seconds(20))
        let start = ContinuousClock.now
        let step = await desk.present([Self.card], declaration: nil, origin: "camera", now: start) { _, _ in
            PresentationPreview(kinds: [.identityCard], needs: [.certificate])
        }
        let id = try #require(step.wait?.progress.id)
        #expect(await desk.hold(for: .seconds(90), now: start + .seconds(60))?.secondsLeft == 90)
        // Asked again and again, the hold ends 180 s after the window at the latest (200 s).
        #expect(await desk.hold(for: .seconds(90), now: start + .seconds(150))?.secondsLeft == 50)
        #expect(await desk.hold(for: .seconds(90), now: start + .seconds(600))?.secondsLeft == 0)
        guard case .later(let left) = await desk.expire(id, now: start + .seconds(199)) else {
            Issue.record("expired before the end of the hold")
            return
        }
        #expect(left == .seconds(1))
        guard case .decide = await desk.expire(id, now: start + .seconds(200)) else {
            Issue.record("still held past its cap")
            return
        }
        guard case .gone = await desk.expire(id, now: start + .seconds(201)) else {
            Issue.record("decided twice")
            return
        }
    }

    @Test func whatNeedsNothingMoreIsDecidedAtOnce() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (intake, store, issuer) = try intake(in: temporary)
        guard case .processed(.recorded(let stored, _)) = await intake.submit([try CheckInPipelineTests().dcc(issuer)], origin: "api") else {
            Issue.record("a certificate alone waited")
            return
        }
        #expect(stored.decision.outcome == .admit)
        // A QR code that is none of the credentials is decided on its own, too.
        guard case .processed(.recorded(let other, _)) = await intake.submit(["https://example.invalid/menu"], origin: "api") else {
            Issue.record("an unknown code waited")
            return
        }
        #expect(other.decision.reasons.map(\.code) == [DecisionReason.nothingRecognised.code])
        #expect(try await store.all().count == 2)
    }
}
