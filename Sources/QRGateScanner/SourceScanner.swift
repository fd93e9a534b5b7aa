import QRGateImaging

/// What a scanning source produced, after de-duplication.
public enum ScanEvent: Sendable, Equatable {
    /// A payload not seen within the de-dup window.
    case scanned(ScannedSymbol, origin: String)
    /// An input that could not be read (passed through, never de-duplicated).
    case unreadable(ImageError, origin: String)
}

/// Pulls from one `FrameSource`, scans its frames, and drops payloads seen again within the
/// de-dup window (per source: every source gets its own `SourceScanner`).
///
/// Not `Sendable`: it owns the source and a zbar scanner. Run it in the task that made it.
public struct SourceScanner<Source: FrameSource, C: Clock> where C.Duration == Swift.Duration {
    private var source: Source
    private let scanner: ImageScanner
    private let clock: C
    private var filter: DuplicateFilter<C.Instant>
    private var ready: [ScanEvent] = []

    /// Scans `source` with `scanner`; a payload seen again within `window` (by `clock`) is dropped.
    public init(source: Source, scanner: ImageScanner = ImageScanner(), window: Duration = .seconds(5), clock: C) {
        self.source = source
        self.scanner = scanner
        self.clock = clock
        self.filter = DuplicateFilter(window: window)
    }

    /// A description of the source, for logs.
    public var description: String { source.description }

    /// The next new scan or unreadable input; nil when the source has ended.
    public mutating func next() async throws -> ScanEvent? {
        while ready.isEmpty {
            guard let event = try await source.next() else { return nil }
            switch event {
            case .frame(let frame, let origin):
                admit(scanner.scan(frame), origin: origin)
            case .decoded(let symbols, let origin):
                admit(symbols, origin: origin)
            case .unreadable(let error, let origin):
                ready.append(.unreadable(error, origin: origin))
            case .idle:
                continue
            }
        }
        return ready.removeFirst()
    }

    private mutating func admit(_ symbols: [ScannedSymbol], origin: String) {
        let now = clock.now
        for symbol in symbols where filter.admit(symbol.bytes, at: now) {
            ready.append(.scanned(symbol, origin: origin))
        }
    }
}

@available(*, unavailable)
extension SourceScanner: Sendable {}
