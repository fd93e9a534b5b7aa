import Foundation
import Metrics
import QRGateCore
import QRGateScanner
import Synchronization

/// The one way into the check-in path, for every source: camera, watched folder, line scanner
/// and the kiosk upload. It drops a payload seen again within the duplicate window, counts the
/// scan, tells the status board, and hands the rest to the pipeline.
///
/// A kiosk upload that repeats a scan within the window (a double tap, a resent request) gets
/// the outcome of the first one again, with the same check-in id: it is never recorded twice.
public final class ScanIntake: Sendable {
    /// What a submission led to.
    public enum Result: Sendable {
        /// The scan went through the pipeline.
        case processed(CheckInOutcome)
        /// Every code was seen within the duplicate window; `previous` is the outcome of the
        /// scan that carried them, when it is still remembered.
        case duplicate(previous: CheckInOutcome?)
        /// The codes opened or joined a presentation that still lacks something (an ID card
        /// read, the certificate still to come): nothing is decided or recorded yet.
        case waiting(PresentationProgress)
    }

    private struct State {
        var filter: DuplicateFilter<ContinuousClock.Instant>
        /// Recent scans by code (pruned with the window): a repeat, even one that arrives while
        /// the first is still being decided, waits for and answers with that scan's outcome.
        var recent: [String: (at: ContinuousClock.Instant, outcome: Task<CheckInOutcome, Never>)] = [:]
    }

    /// The pipeline behind the intake.
    public let pipeline: CheckInPipeline
    private let window: Duration
    private let state: Mutex<State>
    private let scanned: @Sendable () -> Void
    private let now: @Sendable () -> ContinuousClock.Instant
    private let sleep: @Sendable (Duration) async -> Void
    /// The open presentation, when presentations are on (a window above zero).
    private let desk: PresentationDesk?

    /// Creates the intake; `scanned` is called for every scan that reaches the pipeline (the
    /// status board's scan count); `now` is the monotonic clock of the duplicate window.
    /// `sleep` waits out a presentation's window (on the same clock as `now`).
    public init(
        pipeline: CheckInPipeline, scanned: @escaping @Sendable () -> Void = {},
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }
    ) {
        self.pipeline = pipeline
        window = pipeline.configuration.duplicateWindow
        state = Mutex(State(filter: DuplicateFilter(window: pipeline.configuration.duplicateWindow)))
        self.scanned = scanned
        self.now = now
        self.sleep = sleep
        let presentation = pipeline.configuration.presentationWindow
        desk = presentation > .zero ? PresentationDesk(window: presentation) : nil
    }

    /// The outcome stream of the pipeline.
    public var outcomes: CheckInOutcomes { pipeline.outcomes }

    /// Submits the codes of one scan. `declaration` is one made on the kiosk screen. A scan
    /// without codes (a declaration alone, an image with no QR code) is a scan of its own, except
    /// that with presentations on a declaration joins the open presentation (or opens one).
    public func submit(_ texts: [String], origin: String, declaration: HealthDeclaration? = nil) async -> Result {
        guard !texts.isEmpty else {
            // A declaration made on the screen joins the open presentation (or opens one).
            if desk != nil, declaration != nil { return await present(texts, origin: origin, declaration: declaration, at: now()) }
            return .processed(await process(texts, origin: origin, declaration: declaration))
        }
        let now = self.now()
        enum Plan {
            case repeated(Task<CheckInOutcome, Never>?)
            case direct([String])
            case shared(Task<CheckInOutcome, Never>)
            case present
        }
        let plan = state.withLock { state -> Plan in
            state.recent = state.recent.filter { now - $0.value.at < window }
            // Every code is a sighting (the filter's window slides with each); the scan is a
            // repeat only when all of its codes are. A presentation that adds a code (a card
            // shown with a certificate just scanned) is decided again, with all its codes.
            let anyFresh = texts.map { state.filter.admit(Array($0.utf8), at: now) }.contains(true)
            guard anyFresh else {
                let seen = texts.first { state.recent[$0] != nil }
                // The remembered outcome slides with the sightings, as the filter does.
                for text in texts { state.recent[text]?.at = now }
                return .repeated(seen.flatMap { state.recent[$0]?.outcome })
            }
            if desk != nil { return .present }
            guard window > .zero else { return .direct(texts) }
            let outcome = Task { await self.process(texts, origin: origin, declaration: declaration) }
            if state.recent.count > 1024 { state.recent.removeAll() }
            for text in texts { state.recent[text] = (now, outcome) }
            return .shared(outcome)
        }
        switch plan {
        case .repeated(nil):
            // A code of the open presentation shown again (the camera sees it every frame).
            if let desk, let progress = await desk.progress(holding: texts, now: now) {
                return .waiting(progress)
            }
            return .duplicate(previous: nil)
        case .present: return await present(texts, origin: origin, declaration: declaration, at: now)
        case .repeated(let previous): return .duplicate(previous: await previous?.value)
        case .direct(let all): return .processed(await process(all, origin: origin, declaration: declaration))
        case .shared(let outcome): return .processed(await outcome.value)
        }
    }

    /// A fresh scan with presentations on: it joins the open presentation, closes it (another
    /// person's code: the open one is decided with what it has), or is decided at once.
    private func present(_ texts: [String], origin: String, declaration: HealthDeclaration?, at now: ContinuousClock.Instant) async -> Result {
        guard let desk else { return .processed(await process(texts, origin: origin, declaration: declaration)) }
        let step = await desk.present(texts, declaration: declaration, origin: origin, now: now, preview: pipeline.preview)
        if let flushed = step.flush {
            // The person who walked away is decided first, so that the screen shows their result
            // before the next person's progress, never after it.
            _ = await process(flushed.texts, origin: flushed.origin, declaration: flushed.declaration)
        }
        if let (progress, opened) = step.wait {
            pipeline.outcomes.publish(progress: .waiting(progress))
            if opened {
                let window = desk.window
                Task {
                    var wait = window
                    while true {
                        await self.sleep(wait)
                        switch await desk.expire(progress.id, now: self.now()) {
                        case .decide(let expired):
                            _ = await self.process(expired.texts, origin: expired.origin, declaration: expired.declaration)
                            return
                        case .later(let more): wait = more
                        case .gone: return
                        }
                    }
                }
            }
            return .waiting(progress)
        }
        guard let (all, combinedDeclaration, scanOrigin) = step.decide else { return .duplicate(previous: nil) }
        let outcome = Task { await self.process(all, origin: scanOrigin, declaration: combinedDeclaration) }
        // A repeat of any of its codes within the duplicate window answers with this outcome.
        state.withLock { state in
            if state.recent.count > 1024 { state.recent.removeAll() }
            for text in all { state.recent[text] = (now, outcome) }
        }
        return .processed(await outcome.value)
    }

    /// A declaration is being made on the screen: the open presentation (a card or a certificate
    /// shown first) waits `duration` for it instead of being decided when its window ends. Its
    /// new progress is published; nil when no presentation is open.
    public func holdPresentation(for duration: Duration) async -> PresentationProgress? {
        guard let desk, let progress = await desk.hold(for: duration, now: now()) else { return nil }
        pipeline.outcomes.publish(progress: .waiting(progress))
        return progress
    }

    private func process(_ texts: [String], origin: String, declaration: HealthDeclaration?) async -> CheckInOutcome {
        pipeline.outcomes.publish(progress: .reading)
        scanned()
        Counter(label: "qrgate_scans_total").increment()
        return await pipeline.process(texts, origin: origin, declaration: declaration)
    }

    /// Submits decoded symbols (a frame or a scanner line).
    public func submit(_ symbols: [ScannedSymbol], origin: String) async -> Result {
        await submit(symbols.map(\.text), origin: origin)
    }
}
