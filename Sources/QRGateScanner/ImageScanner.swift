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
    /// Where the cascade resumes on the next frame (see `resumeCascadeAcrossFrames`).
    private var nextStep = 0

    /// A scanner with the given settings.
    public init(
        configuration: ScanConfiguration = ScanConfiguration(),
        reader: ImageReader = ImageReader()
    ) {
        self.configuration = configuration
        self.reader = reader
        self.zbar = ZBarImageScanner(testInverted: configuration.testInverted, density: configuration.scanDensity)
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
        // estimated from the slowest time per output pixel seen so far (filter and zbar
        // together; the plain scan ran zbar twice when inverted testing is on, and on every
        // n-th line only with a scan density n).
        var secondsPerPixel =
            Self.seconds(clock.now - start) * Double(max(1, configuration.scanDensity))
            / Double(max(1, frame.width * frame.height)) / (configuration.testInverted ? 2 : 1)
        let budget = Self.seconds(configuration.cascadeTimeBudget)
        let steps = configuration.cascade
        let first = configuration.resumeCascadeAcrossFrames && !steps.isEmpty ? nextStep % steps.count : 0
        var tried = 0
        defer { nextStep = first + tried }
        while tried < min(steps.count, configuration.cascadeMaxAttempts) {
            let step = steps[(first + tried) % steps.count]
            let size = step.outputSize(width: frame.width, height: frame.height)
            let pixels = size.width * size.height
            if pixels > configuration.cascadeMaxPixels {
                tried += 1
                continue
            }
            let attemptStart = clock.now
            let remaining = budget - Self.seconds(attemptStart - start)
            if remaining <= 0 { break }
            tried += 1
            // Too expensive for what is left: skip it (a cheaper later step may still fit).
            if secondsPerPixel * Double(pixels) > remaining { continue }
            attempts += 1
            let found = cascadeZbar.scan(step.apply(to: frame))
            secondsPerPixel = max(secondsPerPixel, Self.seconds(clock.now - attemptStart) / Double(max(1, pixels)))
            if !found.isEmpty {
                tried -= 1  // the next frame starts with the step that worked (the code is likely still there)
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
