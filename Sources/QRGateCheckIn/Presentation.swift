import Foundation
import QRGateCore
import QRGateStore

/// A kind of code a person shows.
public enum PresentedKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// An EU DCC.
    case certificate
    /// An unsigned identity: a citizen-ID card QR or a national personal QR.
    case identityCard = "identity_card"
    /// Some of the codes of a chunked SMART Health Card (`shc:/C/N/…`), the rest not yet read.
    case certificatePart = "certificate_part"
    /// A `QRD1:` health-declaration token.
    case declaration
    /// A qrgate receipt.
    case receipt

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// What the admission policy still lacks before it can decide a presentation.
public enum PresentationNeed: String, Sendable, Hashable, Comparable {
    /// A vaccination, test or recovery certificate.
    case certificate
    /// A health declaration (token or the touchscreen).
    case declaration
    /// The other codes of a chunked SMART Health Card (`shc:/C/N/…`) of which some were read.
    case certificateChunks = "certificate_chunks"

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A presentation that is still open: what was read and what is still needed, and how long the
/// person has left to show it.
public struct PresentationProgress: Sendable, Equatable {
    /// The presentation (stable while it is open).
    public var id: String
    /// What has been read.
    public var have: [PresentedKind]
    /// What the policy still needs.
    public var needed: [PresentationNeed]
    /// When the window ends and the presentation is decided with what it has.
    public var secondsLeft: Int
}

/// What a set of codes is, and what the policy would still need, without deciding or recording.
public struct PresentationPreview: Sendable {
    /// What was read.
    public var kinds: Set<PresentedKind>
    /// What is still needed; empty: decide now.
    public var needs: [PresentationNeed]
}

extension CheckInPipeline {
    /// What `texts` (with a touchscreen `declaration`) are, and what the policy still needs for an
    /// entry. Exits, a gate in auto mode that could be recording an exit, unrecognised codes and
    /// a returning resident need nothing more: they are decided at once.
    func preview(_ texts: [String], declaration: HealthDeclaration?) -> PresentationPreview {
        let evidence = currentAssessor.assess(texts, at: clock.wallTime()).evidence
        var kinds: Set<PresentedKind> = []
        if evidence.certificate != nil { kinds.insert(.certificate) }
        if evidence.citizenID != nil { kinds.insert(.identityCard) }
        if evidence.declaration != nil { kinds.insert(.declaration) }
        if evidence.receipt != nil { kinds.insert(.receipt) }
        if declaration != nil { kinds.insert(.declaration) }
        // Part of a chunked health card: wait for the rest, whatever the direction; the window's
        // end decides it with what it has (an incomplete card is refused).
        if let chunks = SmartHealthCardQR.chunkProgress(texts), !chunks.isComplete {
            kinds.remove(.certificate)
            kinds.insert(.certificatePart)
            return PresentationPreview(kinds: kinds, needs: [.certificateChunks])
        }
        guard configuration.direction == .fixed(.entry), !kinds.isEmpty, policy.resident(in: evidence) == nil else {
            return PresentationPreview(kinds: kinds, needs: [])
        }
        var needs: [PresentationNeed] = []
        if policy.requireCertificate && evidence.certificate == nil { needs.append(.certificate) }
        if policy.requireDeclaration && evidence.declaration == nil && declaration == nil { needs.append(.declaration) }
        return PresentationPreview(kinds: kinds, needs: needs)
    }
}

/// The one open presentation at a gate: the codes a person has shown so far. Decisions are not
/// made here: the desk only says, for each new scan, what to decide and what to wait for.
actor PresentationDesk {
    struct Pending: Sendable {
        var id: String
        var texts: [String]
        var declaration: HealthDeclaration?
        var kinds: Set<PresentedKind>
        /// What the policy still needs, as of the last code that joined.
        var needs: [PresentationNeed]
        var origin: String
        var deadline: ContinuousClock.Instant
        /// When it opened: a hold never keeps it open past `opened + window + maximumHold`.
        var opened: ContinuousClock.Instant
    }

    /// What the end of a window finds.
    enum Expiry: Sendable {
        /// Still open at its deadline: decide it with what it has.
        case decide(Pending)
        /// Held since the timer was set: look again after this long.
        case later(Duration)
        /// Decided or replaced meanwhile.
        case gone
    }

    /// The longest a presentation is held beyond its window for a declaration being made on the
    /// screen (the form itself gives up after 60 s without a touch).
    static let maximumHold: Duration = .seconds(180)

    /// What a scan leads to.
    struct Step: Sendable {
        /// An open presentation that this scan closed (another person's code): decide it now.
        var flush: Pending?
        /// Decide these codes now (the presentation is complete, or needs nothing).
        var decide: (texts: [String], declaration: HealthDeclaration?, origin: String)?
        /// Or wait for more: the progress to show, and whether the presentation is new (start its timer).
        var wait: (progress: PresentationProgress, opened: Bool)?
    }

    private var pending: Pending?
    let window: Duration

    init(window: Duration) {
        self.window = window
    }

    /// A fresh scan. A code of a kind the open presentation already holds (a second ID card, a
    /// second certificate) is another person's: the open one is flushed and a new one starts.
    func present(
        _ texts: [String], declaration: HealthDeclaration?, origin: String, now: ContinuousClock.Instant,
        preview: (_ texts: [String], _ declaration: HealthDeclaration?) -> PresentationPreview
    ) -> Step {
        var step = Step()
        // A code the open presentation holds already (the card shown again after the duplicate
        // window) is the same person still in front of the gate, not another one.
        let texts = texts.filter { !(pending?.texts.contains($0) ?? false) }
        if let open = pending, texts.isEmpty, declaration == nil {
            step.wait = (progress(of: open, now: now), false)
            return step
        }
        let alone = preview(texts, declaration)
        // A code that is none of the kinds (some other QR code) is decided on its own: it says
        // nothing about who is in front of the gate.
        if alone.kinds.isEmpty {
            step.decide = (texts, declaration, origin)
            return step
        }
        if let open = pending, !open.kinds.isDisjoint(with: alone.kinds), !SmartHealthCardQR.continues(open.texts, with: texts) {
            step.flush = open
            pending = nil
        }
        let combined = (pending?.texts ?? []) + texts
        let combinedDeclaration = declaration ?? pending?.declaration
        let seen = pending == nil ? alone : preview(combined, combinedDeclaration)
        if seen.needs.isEmpty {
            pending = nil
            step.decide = (combined, combinedDeclaration, origin)
            return step
        }
        let opened = pending == nil
        var open =
            pending
            ?? Pending(id: UUID().uuidString.lowercased(), texts: [], kinds: [], needs: [], origin: origin, deadline: now + window, opened: now)
        open.texts = combined
        open.declaration = combinedDeclaration
        open.kinds = seen.kinds
        open.needs = seen.needs
        pending = open
        step.wait = (progress(of: open, now: now), opened)
        return step
    }

    /// The open presentation's progress, when it holds every one of `texts` (a code shown again).
    func progress(holding texts: [String], now: ContinuousClock.Instant) -> PresentationProgress? {
        guard let open = pending, texts.allSatisfy(open.texts.contains) else { return nil }
        return progress(of: open, now: now)
    }

    /// The presentation `id` at the end of its window: decide it, look again later (it was
    /// held), or nothing (it is gone).
    func expire(_ id: String, now: ContinuousClock.Instant) -> Expiry {
        guard let open = pending, open.id == id else { return .gone }
        if open.deadline > now { return .later(open.deadline - now) }
        pending = nil
        return .decide(open)
    }

    /// The person is making a declaration on the screen: the open presentation waits for it
    /// `duration` from now (never beyond `maximumHold` past its window). Its progress, or nil
    /// when none is open.
    func hold(for duration: Duration, now: ContinuousClock.Instant) -> PresentationProgress? {
        guard var open = pending else { return nil }
        open.deadline = max(open.deadline, min(now + duration, open.opened + window + Self.maximumHold))
        pending = open
        return progress(of: open, now: now)
    }

    private func progress(of open: Pending, now: ContinuousClock.Instant) -> PresentationProgress {
        let left = open.deadline - now
        return PresentationProgress(
            id: open.id, have: open.kinds.sorted(), needed: open.needs.sorted(),
            secondsLeft: max(0, Int(left.components.seconds) + (left.components.attoseconds > 0 ? 1 : 0)))
    }
}
