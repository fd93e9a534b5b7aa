import Foundation
import Logging
import QRGateCore
import QRGateDaemon
import QRGateScanner
import QRGateStore
import QRGateTestSupport
import Synchronization
import Testing

@testable import QRGateCheckIn

/// Every scan enters through one intake: the same code twice within the window is one check-in
/// whichever way it came, every outcome reaches the stream's subscribers, and the source runs on
/// the intake's own thread.
@Suite struct ScanIntakeTests {
    func intake(
        in temporary: TemporaryDirectory, window: Duration, now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) throws -> (ScanIntake, CheckInStore, TestDCCIssuer) {
        var (pipeline, store, issuer) = try CheckInPipelineTests().pipeline(in: temporary)
        pipeline.configuration.duplicateWindow = window
        return (ScanIntake(pipeline: pipeline, now: now), store, issuer)
    }

    @Test func aRepeatWithinTheWindowIsTheSameCheckInNotASecondOne() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        // No time passes between the two scans, however long a loaded machine takes to run them
        // (in CI a parallel run once took more than the 60 s window between them).
        let frozen = ContinuousClock.now
        let (intake, store, issuer) = try intake(in: temporary, window: .seconds(60), now: { frozen })
        let dcc = try CheckInPipelineTests().dcc(issuer)
        guard case .processed(.recorded(let first, _)) = await intake.submit([dcc], origin: "api") else {
            Issue.record("first scan not recorded")
            return
        }
        guard case .duplicate(previous: .recorded(let again, _)?) = await intake.submit([dcc], origin: "api") else {
            Issue.record("the repeat was not answered with the first outcome")
            return
        }
        #expect(again.id == first.id)
        #expect(try await store.all().count == 1)
    }

    @Test func aRepeatAfterTheWindowIsANewCheckIn() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let start = ContinuousClock.now
        let elapsed = Mutex(Duration.zero)
        let (intake, store, issuer) = try intake(in: temporary, window: .seconds(5), now: { start + elapsed.withLock { $0 } })
        let dcc = try CheckInPipelineTests().dcc(issuer)
        _ = await intake.submit([dcc], origin: "camera")
        elapsed.withLock { $0 = .milliseconds(4900) }
        guard case .duplicate = await intake.submit([dcc], origin: "camera") else {
            Issue.record("a repeat within the window was recorded")
            return
        }
        // The window slides with every sighting: 5 s after the last one, not the first.
        elapsed.withLock { $0 = .milliseconds(9950) }
        guard case .processed(.recorded) = await intake.submit([dcc], origin: "camera") else {
            Issue.record("a repeat after the window was not recorded")
            return
        }
        #expect(try await store.all().count == 2)
    }

    @Test func aPresentationThatAddsACodeIsDecidedWithAllItsCodes() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (intake, store, issuer) = try intake(in: temporary, window: .seconds(60))
        let dcc = try CheckInPipelineTests().dcc(issuer)
        _ = await intake.submit([dcc], origin: "api")
        // The card is new, the certificate was just scanned: both are assessed together.
        let card = "001090000001||Nguyễn Văn An|15011990|Nam|Hà Nội|01012021"
        guard case .processed(.recorded(let both, _)) = await intake.submit([card, dcc], origin: "api") else {
            Issue.record("the presentation with a new code was not decided")
            return
        }
        #expect(both.subject?.idNumber == "001090000001")
        #expect(both.credential.kind == .vaccination)
        #expect(both.decision.outcome == .admit)
        #expect(try await store.all().count == 2)
    }

    @Test func aCodeHeldLongerThanTheWindowKeepsItsFirstOutcome() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let start = ContinuousClock.now
        let elapsed = Mutex(Duration.zero)
        let (intake, store, issuer) = try intake(in: temporary, window: .seconds(5), now: { start + elapsed.withLock { $0 } })
        let dcc = try CheckInPipelineTests().dcc(issuer)
        guard case .processed(.recorded(let first, _)) = await intake.submit([dcc], origin: "api") else {
            Issue.record("not recorded")
            return
        }
        // Seen every 3 s for 15 s: one check-in, and every repeat answers with it.
        for second in stride(from: 3, through: 15, by: 3) {
            elapsed.withLock { $0 = .seconds(second) }
            guard case .duplicate(previous: .recorded(let again, _)?) = await intake.submit([dcc], origin: "api") else {
                Issue.record("at \(second) s the repeat lost the first outcome")
                return
            }
            #expect(again.id == first.id)
        }
        #expect(try await store.all().count == 1)
    }

    @Test func withoutAWindowEveryScanIsRecorded() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (intake, store, issuer) = try intake(in: temporary, window: .zero)
        let dcc = try CheckInPipelineTests().dcc(issuer)
        for _ in 0..<2 {
            guard case .processed(.recorded) = await intake.submit([dcc], origin: "api") else {
                Issue.record("not recorded")
                return
            }
        }
        #expect(try await store.all().count == 2)
    }

    @Test func everyOutcomeReachesEachSubscriberInOrder() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (intake, _, issuer) = try intake(in: temporary, window: .zero)
        let first = intake.outcomes.subscribe()
        let second = intake.outcomes.subscribe()
        #expect(intake.outcomes.subscriberCount == 2)
        var ids: [String] = []
        for _ in 0..<3 {
            if case .processed(.recorded(let stored, _)) = await intake.submit([try CheckInPipelineTests().dcc(issuer)], origin: "folder") {
                ids.append(stored.id)
            }
        }
        #expect(ids.count == 3)
        intake.outcomes.finish()
        for stream in [first, second] {
            var seen: [String] = []
            for await announced in stream {
                if case .recorded(let stored, _) = announced.outcome { seen.append(stored.id) }
                #expect(announced.origin == "folder")
            }
            #expect(seen == ids)
        }
    }

    /// A source that reports the thread each read runs on.
    final class ThreadReportingSource: FrameSource {
        var texts: [String]
        let executor: BlockingExecutor
        var onIntakeThread: [Bool] = []
        init(texts: [String], executor: BlockingExecutor) {
            self.texts = texts
            self.executor = executor
        }
        var description: String { "test source" }
        func next() async throws -> SourceEvent? {
            onIntakeThread.append(executor.isCurrent)
            guard !texts.isEmpty else { return nil }
            let text = texts.removeFirst()
            return .decoded([ScannedSymbol(bytes: Array(text.utf8), text: text)], origin: "test")
        }
    }

    @Test func theSourceAndTheScannerRunOnTheIntakeThreadNotTheSharedPool() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (intake, store, issuer) = try intake(in: temporary, window: .zero)
        let service = IntakeService(
            source: .line(device: "-"), maxPixels: 1_000_000, intake: intake, signals: IntakeSignals(), logger: Logger(label: "test"))
        let texts = [try CheckInPipelineTests().dcc(issuer), try CheckInPipelineTests().dcc(issuer)]
        let threads = try await withTaskExecutorPreference(service.executor) {
            let source = ThreadReportingSource(texts: texts, executor: service.executor)
            // Each scan awaits the store (GRDB's own queue) in between: the reads come back here.
            try await service.consume(source, imageScanner: ImageScanner())
            return source.onIntakeThread
        }
        #expect(threads == [true, true, true], "reads on the intake thread: \(threads)")
        #expect(!service.executor.isCurrent)
        #expect(try await store.all().count == 2)
    }

    @Test func aSourceThatCannotStartIsRetriedWithABackoffOnTheInjectedClock() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (intake, _, _) = try intake(in: temporary, window: .zero)
        // A file where the watched folder should be: the folder can never be created.
        let blocked = temporary.url.path + "/blocked"
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: blocked))
        let alarms = Mutex<[String?]>([])
        var signals = IntakeSignals()
        signals.alarm = { reason in alarms.withLock { $0.append(reason) } }
        let clock = VirtualClock()
        let service = IntakeService(
            source: .folder(WatchedFolderSettings(folder: blocked + "/inbox")), maxPixels: 1_000_000, intake: intake, signals: signals,
            logger: Logger(label: "test"), clock: clock)
        let running = Task { try await service.run() }
        // Four failures wait 0.5 s, 1 s, 2 s and 4 s of virtual time: no real waiting.
        for _ in 0..<2_000 where clock.elapsed < .milliseconds(7_500) { try await Task.sleep(for: .milliseconds(2)) }
        running.cancel()
        _ = try? await running.value
        #expect(clock.elapsed >= .milliseconds(7_500), "backoff slept \(clock.elapsed)")
        #expect(Array(clock.sleeps.prefix(4)) == [.milliseconds(500), .seconds(1), .seconds(1), .seconds(1)])
        let raised = alarms.withLock { $0 }
        #expect(raised.count >= 4)
        #expect(raised.allSatisfy { $0?.hasPrefix("folder_unavailable: cannot create the watched folder \(blocked)/inbox") == true }, "\(raised)")
    }
}
