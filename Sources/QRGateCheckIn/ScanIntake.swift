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

    /// Creates the intake; `scanned` is called for every scan that reaches the pipeline (the
    /// status board's scan count); `now` is the monotonic clock of the duplicate window.
    public init(
        pipeline: CheckInPipeline, scanned: @escaping @Sendable () -> Void = {},
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.pipeline = pipeline
        window = pipeline.configuration.duplicateWindow
        state = Mutex(State(filter: DuplicateFilter(window: pipeline.configuration.duplicateWindow)))
        self.scanned = scanned
        self.now = now
    }

    /// The outcome stream of the pipeline.
    public var outcomes: CheckInOutcomes { pipeline.outcomes }

    /// Submits the codes of one scan. `declaration` is one made on the kiosk screen. A scan
    /// without codes (a declaration alone, an image with no QR code) is always a scan of its own.
    public func submit(_ texts: [String], origin: String, declaration: HealthDeclaration? = nil) async -> Result {
        guard !texts.isEmpty else { return .processed(await process(texts, origin: origin, declaration: declaration)) }
        let now = self.now()
        enum Plan {
            case repeated(Task<CheckInOutcome, Never>?)
            case direct([String])
            case shared(Task<CheckInOutcome, Never>)
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
            guard window > .zero else { return .direct(texts) }
            let outcome = Task { await self.process(texts, origin: origin, declaration: declaration) }
            if state.recent.count > 1024 { state.recent.removeAll() }
            for text in texts { state.recent[text] = (now, outcome) }
            return .shared(outcome)
        }
        switch plan {
        case .repeated(let previous): return .duplicate(previous: await previous?.value)
        case .direct(let all): return .processed(await process(all, origin: origin, declaration: declaration))
        case .shared(let outcome): return .processed(await outcome.value)
        }
    }

    private func process(_ texts: [String], origin: String, declaration: HealthDeclaration?) async -> CheckInOutcome {
        scanned()
        Counter(label: "qrgate_scans_total").increment()
        return await pipeline.process(texts, origin: origin, declaration: declaration)
    }

    /// Submits decoded symbols (a frame or a scanner line).
    public func submit(_ symbols: [ScannedSymbol], origin: String) async -> Result {
        await submit(symbols.map(\.text), origin: origin)
    }
}
