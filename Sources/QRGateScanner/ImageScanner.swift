import QRGateImaging

/// Finds QR codes in grey frames and image files: plain zbar first, then a bounded
/// cascade of preprocessed variants, stopping at the first that yields a code.
///
/// Not `Sendable` (it owns a zbar scanner); make one per task.
public final class ImageScanner {
    /// What the scanner tries and how long.
    public let configuration: ScanConfiguration
    /// Reads image files.
    public let reader: ImageReader
    private let zbar: ZBarImageScanner
    /// Cascade variants are scanned without zbar's inverted retry: inversion was already
    /// tried on the original frame, and it would double the cost of every attempt.
    private let cascadeZbar: ZBarImageScanner

    /// A scanner with the given settings.
    public init(
        configuration: ScanConfiguration = ScanConfiguration(),
        reader: ImageReader = ImageReader()
    ) {
        self.configuration = configuration
        self.reader = reader
        self.zbar = ZBarImageScanner(testInverted: configuration.testInverted)
        self.cascadeZbar = ZBarImageScanner(testInverted: false)
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
        // An attempt starts only if it is expected to end within the budget. Its cost is
        // estimated from the slowest time per pixel seen so far (the plain scan ran zbar twice
        // when inverted testing is on).
        let framePixels = Double(max(1, frame.width * frame.height))
        var secondsPerPixel = Self.seconds(clock.now - start) / framePixels / (configuration.testInverted ? 2 : 1)
        let budget = Self.seconds(configuration.cascadeTimeBudget)
        for step in configuration.cascade.prefix(configuration.cascadeMaxAttempts) {
            let size = step.outputSize(width: frame.width, height: frame.height)
            let pixels = Double(size.width * size.height)
            if size.width * size.height > configuration.cascadeMaxPixels { continue }
            let attemptStart = clock.now
            if Self.seconds(attemptStart - start) + secondsPerPixel * max(pixels, framePixels) > budget { continue }
            attempts += 1
            let found = cascadeZbar.scan(step.apply(to: frame))
            secondsPerPixel = max(secondsPerPixel, Self.seconds(clock.now - attemptStart) / max(pixels, framePixels))
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

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
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
