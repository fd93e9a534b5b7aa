import Foundation
import Logging
import Metrics
import QRGateCore
import QRGateImaging
import QRGateScanner
import ServiceLifecycle

/// Where the intake reads scans from.
public enum IntakeSource: Sendable, Equatable, CustomStringConvertible {
    /// Image files dropped into a folder.
    case folder(WatchedFolderSettings)
    /// A hand-held scanner sending decoded lines on a tty; `-` is standard input (ends for good).
    case line(device: String)
    /// A V4L2 camera.
    case camera(device: String)

    public var description: String {
        switch self {
        case .folder(let settings): "folder \(settings.folder)"
        case .line(let device): "line \(device)"
        case .camera(let device): "camera \(device)"
        }
    }
}

/// The watched folder's settings.
public struct WatchedFolderSettings: Sendable, Equatable {
    /// The folder (absolute, or relative to the working directory).
    public var folder: String
    /// Delete scanned files (else move them to `processed/`).
    public var deleteAfterScan = true
    /// With move: most kept files.
    public var keepMaxFiles = 100
    /// With move: how long a kept file stays.
    public var keepMaxAge: Duration = .seconds(24 * 3600)

    /// Settings for `folder`.
    public init(folder: String) {
        self.folder = folder
    }
}

/// What the intake tells the rest of the daemon (the watchdog and the status board).
public struct IntakeSignals: Sendable {
    /// A turn of the loop, idle ones included: a hung source or scanner stops the beats.
    public var beat: @Sendable () -> Void = {}
    /// The source failed (the reason) or works again (nil).
    public var alarm: @Sendable (String?) -> Void = { _ in }
    /// The intake starts (register it with the watchdog).
    public var started: @Sendable () -> Void = {}
    /// The intake stopped.
    public var stopped: @Sendable () -> Void = {}

    /// No signals.
    public init() {}
}

/// Pulls frames from the configured source, scans them and submits each scan (all the codes of
/// one frame or line) to the ``ScanIntake``. The source, zbar and image decoding run on the
/// intake's own thread (a ``BlockingExecutor``): a camera read waits up to a frame period and
/// must not hold one of the cooperative pool's few threads.
public struct IntakeService: Service, CustomStringConvertible {
    let source: IntakeSource
    let maxPixels: Int
    let intake: ScanIntake
    let signals: IntakeSignals
    let logger: Logger
    /// The clock of the retry backoff.
    let clock: any Clock<Duration>
    /// The intake's own thread.
    public let executor: BlockingExecutor

    public var description: String { "Intake" }

    /// Creates the intake; `clock` times the backoff between retries of a failed source.
    public init(
        source: IntakeSource, maxPixels: Int, intake: ScanIntake, signals: IntakeSignals, logger: Logger,
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.source = source
        self.maxPixels = maxPixels
        self.intake = intake
        self.signals = signals
        self.logger = logger
        self.clock = clock
        executor = BlockingExecutor(name: "qrgate-intake")
    }

    /// Runs the source; when it fails (a folder that cannot be created or listed, a serial device
    /// that vanished, descriptors exhausted) the intake raises an alarm, keeps beating and retries
    /// with a capped exponential backoff instead of ending the service group: the API, the
    /// forwarder and the store keep running, and the alarm shows in `STATUS=` and `/ready`.
    public func run() async throws {
        signals.started()
        defer { signals.stopped() }
        try await withTaskExecutorPreference(executor) { try await runWithRetries() }
    }

    private func runWithRetries() async throws {
        var delayMilliseconds: Int64 = 500
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await runSource()
                // Standard input ends for good; a device or folder that ended is tried again.
                if Task.isShuttingDownGracefully || source == .line(device: "-") { return }
                throw IntakeSourceEnded()
            } catch is CancellationError {
                return
            } catch {
                let reason = "\(error)"
                signals.alarm(reason)
                Counter(label: "qrgate_intake_failures_total").increment()
                logger.error(
                    "scan source failed; retrying", metadata: ["error": .string(reason), "intake.retry_ms": .stringConvertible(delayMilliseconds)])
            }
            // The wait is slept in slices of at most a second, beating in between for the watchdog.
            var remaining = Duration.milliseconds(delayMilliseconds)
            while remaining > .zero && !Task.isShuttingDownGracefully {
                signals.beat()
                let slice = min(.seconds(1), remaining)
                do {
                    try await cancelWhenGracefulShutdown { try await clock.sleep(for: slice) }
                } catch {
                    return
                }
                remaining -= slice
            }
            delayMilliseconds = min(delayMilliseconds * 2, 30_000)
        }
    }

    private func runSource() async throws {
        var reader = ImageReader.Configuration()
        reader.maxPixels = maxPixels
        switch source {
        case .folder(let folder):
            do {
                try FileManager.default.createDirectory(atPath: folder.folder, withIntermediateDirectories: true)
            } catch {
                let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey].flatMap { $0 as? any Error }.map { $0 as NSError }
                let cause = underlying.map { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : "\($0)" } ?? "\(error)"
                throw FrameSourceError(
                    .folderUnavailable,
                    "cannot create the watched folder \(folder.folder) (\(cause)); check scanner.folder and that the gate may write there")
            }
            var settings = WatchedFolderSource<ContinuousClock>.Configuration(folder: folder.folder)
            settings.disposal = folder.deleteAfterScan ? .delete : .moveToProcessed
            settings.keepMaxFiles = folder.keepMaxFiles
            settings.keepMaxAge = folder.keepMaxAge
            settings.reader = reader
            logger.info("watching folder for images", metadata: ["scanner.folder": .string(folder.folder)])
            try await consume(
                WatchedFolderSource(configuration: settings, clock: ContinuousClock()),
                imageScanner: ImageScanner(configuration: .files, reader: ImageReader(configuration: reader)))
        case .line(let device):
            let source: LineScannerSource<ContinuousClock> =
                device == "-"
                ? LineScannerSource(descriptor: 0, name: "stdin", clock: ContinuousClock())
                : try LineScannerSource(serialDevice: device, clock: ContinuousClock())
            defer { source.close() }
            try await consume(source, imageScanner: ImageScanner())
        case .camera(let device):
            var settings = V4L2CameraSource.Configuration()
            settings.device = device
            try await consume(V4L2CameraSource(configuration: settings), imageScanner: ImageScanner())
        }
    }

    /// Reads `source` until it ends, submitting every scan; public for sources a test or a
    /// benchmark makes (it runs wherever the caller runs: call it under the intake's executor).
    public func consume(_ initial: some FrameSource, imageScanner: ImageScanner) async throws {
        var source = initial
        var cleared = false
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            signals.beat()
            if !cleared {
                signals.alarm(nil)
                cleared = true
            }
            // Every source returns within its poll interval (or the next camera frame), so the
            // loop sees a graceful shutdown promptly without cancelling a half-read input.
            let event: SourceEvent?
            do {
                event = try await source.next()
            } catch is CancellationError {
                return
            }
            guard let event else {
                logger.notice("scan source ended", metadata: ["scanner.source": .string(source.description)])
                return
            }
            let symbols: [ScannedSymbol]
            let origin: String
            switch event {
            case .idle:
                continue
            case .frame(let frame, let from):
                symbols = imageScanner.scan(frame)
                origin = from
            case .decoded(let decoded, let from):
                symbols = decoded
                origin = from
            case .unreadable(let error, let from):
                logger.warning("input could not be read", metadata: ["scan.origin": .string(from), "error": .string(error.description)])
                continue
            }
            guard !symbols.isEmpty else { continue }
            signals.beat()
            _ = await intake.submit(symbols, origin: origin)
        }
    }
}

/// The scan source stopped delivering (a serial device unplugged, a camera gone).
struct IntakeSourceEnded: GateError {
    let code = "source_ended"
    let message = "the scan source ended; check the device or folder"
    let file: String
    let line: Int
    init(file: String = #fileID, line: Int = #line) {
        self.file = file
        self.line = line
    }
}
