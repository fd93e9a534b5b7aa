import QRGateImaging

/// Finds QR codes in grey frames and image files: plain zbar first, then a bounded
/// cascade of preprocessed variants, stopping at the first that yields a code.
///
/// Not `Sendable` (it owns a zbar scanner); make one per task.
public final class ImageScanner {
    /// What the scanner tries and how long.
    public let configuration: ScanConfiguration
    /// The cascade steps tried in order after the plain scan.
    public let cascade: [CascadeStep]
    /// Reads image files.
    public let reader: ImageReader
    private let zbar: ZBarImageScanner

    /// A scanner with the given settings.
    public init(
        configuration: ScanConfiguration = ScanConfiguration(),
        cascade: [CascadeStep] = CascadeStep.standard,
        reader: ImageReader = ImageReader()
    ) {
        self.configuration = configuration
        self.cascade = cascade
        self.reader = reader
        self.zbar = ZBarImageScanner(testInverted: configuration.testInverted)
    }

    /// The result of scanning one frame, with which attempt found it.
    public struct Outcome: Sendable {
        /// Codes found (empty if none).
        public var symbols: [ScannedSymbol]
        /// The cascade step that found them; nil for the plain scan or when nothing was found.
        public var step: CascadeStep?
        /// Scans run, the plain one included.
        public var attempts: Int
    }

    /// The QR codes in `frame` (plain zbar, then the cascade within its budget).
    public func scan(_ frame: GreyFrame) -> [ScannedSymbol] {
        scanWithDetails(frame).symbols
    }

    /// Like `scan(_:)`, also telling which step succeeded.
    public func scanWithDetails(_ frame: GreyFrame) -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        var attempts = 1
        let plain = zbar.scan(frame)
        if !plain.isEmpty || !configuration.cascadeEnabled {
            return Outcome(symbols: Self.symbols(plain), step: nil, attempts: attempts)
        }
        for step in cascade.prefix(configuration.cascadeMaxAttempts) {
            if clock.now - start >= configuration.cascadeTimeBudget { break }
            attempts += 1
            let found = zbar.scan(step.apply(to: frame))
            if !found.isEmpty {
                return Outcome(symbols: Self.symbols(found), step: step, attempts: attempts)
            }
        }
        return Outcome(symbols: [], step: nil, attempts: attempts)
    }

    /// Reads the image file at `path` and returns the QR codes in it (empty when none).
    /// - Throws: `ImageError` when the file is missing, unreadable, unsupported, damaged or too large.
    public func scanFile(path: String) throws(ImageError) -> [ScannedSymbol] {
        scan(try reader.read(path: path))
    }

    /// Scans one file with a new scanner using the settings for files.
    public static func scanFile(path: String) throws(ImageError) -> [ScannedSymbol] {
        try ImageScanner(configuration: .files).scanFile(path: path)
    }

    private static func symbols(_ raw: [ZBarSymbol]) -> [ScannedSymbol] {
        var seen = Set<[UInt8]>()
        return raw.compactMap { symbol in
            seen.insert(symbol.bytes).inserted ? ScannedSymbol(bytes: symbol.bytes) : nil
        }
    }
}

@available(*, unavailable)
extension ImageScanner: Sendable {}
