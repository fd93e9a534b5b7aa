import Foundation
import Logging
import Metrics
import QRGateImaging
import QRGateScanner
import ServiceLifecycle

/// Pulls frames from the configured source, scans them, drops a payload seen again within the
/// de-dup window, and hands each scan (all the codes of one frame or line) to the pipeline.
/// Beats on every turn, idle ones included, so a hung source or scanner stops the watchdog.
public struct IntakeService: Service, CustomStringConvertible {
    let configuration: GatewayConfiguration
    let pipeline: CheckInPipeline
    let health: ServiceHealth
    let status: GatewayStatusBoard
    let logger: Logger

    public var description: String { "Intake" }

    /// Creates the intake.
    public init(configuration: GatewayConfiguration, pipeline: CheckInPipeline, health: ServiceHealth, status: GatewayStatusBoard, logger: Logger) {
        self.configuration = configuration
        self.pipeline = pipeline
        self.health = health
        self.status = status
        self.logger = logger
    }

    /// Runs the source; when it fails (a folder that cannot be created or listed, a serial device
    /// that vanished, descriptors exhausted) the intake raises an alarm, keeps beating and retries
    /// with a capped exponential backoff instead of ending the service group: the API, the
    /// forwarder and the store keep running, and the alarm shows in `STATUS=` and `/ready`.
    public func run() async throws {
        health.register("intake", allowance: .seconds(30))
        defer { health.unregister("intake") }
        var delayMilliseconds: Int64 = 500
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await runSource()
                // Standard input ends for good; a device or folder that ended is tried again.
                if Task.isShuttingDownGracefully || (configuration.scanner.source == .line && configuration.scanner.lineDevice == "-") { return }
                throw IntakeSourceEnded()
            } catch is CancellationError {
                return
            } catch {
                let reason = "\(error)"
                status.setIntakeAlarm(reason)
                Counter(label: "qrgate_intake_failures_total").increment()
                logger.error("scan source failed; retrying", metadata: ["error": .string(reason), "intake.retry_ms": .stringConvertible(delayMilliseconds)])
            }
            let deadline = ContinuousClock.now + .milliseconds(delayMilliseconds)
            while ContinuousClock.now < deadline && !Task.isShuttingDownGracefully {
                health.beat("intake")
                do {
                    try await cancelWhenGracefulShutdown { try await Task.sleep(for: min(.seconds(1), deadline - ContinuousClock.now)) }
                } catch {
                    return
                }
            }
            delayMilliseconds = min(delayMilliseconds * 2, 30_000)
        }
    }

    private func runSource() async throws {
        let scanner = configuration.scanner
        var reader = ImageReader.Configuration()
        reader.maxPixels = scanner.maxPixels
        switch scanner.source {
        case .folder:
            let folder = configuration.statePath(scanner.folder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var settings = WatchedFolderSource<ContinuousClock>.Configuration(folder: folder)
            settings.disposal = scanner.afterScan == .delete ? .delete : .moveToProcessed
            settings.keepMaxFiles = scanner.keepMaxFiles
            settings.keepMaxAge = .milliseconds(Int64(scanner.keepMaxHours * 3_600_000))
            settings.reader = reader
            logger.info("watching folder for images", metadata: ["scanner.folder": .string(folder)])
            try await consume(WatchedFolderSource(configuration: settings, clock: ContinuousClock()), imageScanner: ImageScanner(configuration: .files, reader: ImageReader(configuration: reader)))
        case .line:
            let source: LineScannerSource<ContinuousClock> =
                scanner.lineDevice == "-"
                ? LineScannerSource(descriptor: 0, name: "stdin", clock: ContinuousClock())
                : try LineScannerSource(serialDevice: scanner.lineDevice, clock: ContinuousClock())
            defer { source.close() }
            try await consume(source, imageScanner: ImageScanner())
        case .camera:
            var settings = V4L2CameraSource.Configuration()
            settings.device = scanner.cameraDevice
            try await consume(V4L2CameraSource(configuration: settings), imageScanner: ImageScanner())
        }
    }

    private func consume(_ initial: some FrameSource, imageScanner: ImageScanner) async throws {
        var source = initial
        var filter = DuplicateFilter<ContinuousClock.Instant>(window: .milliseconds(Int64(configuration.scanner.dedupSeconds * 1000)))
        var cleared = false
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            health.beat("intake")
            if !cleared {
                status.setIntakeAlarm(nil)
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
            let now = ContinuousClock.now
            let fresh = symbols.filter { filter.admit($0.bytes, at: now) }
            guard !fresh.isEmpty else { continue }
            status.recordScan()
            Counter(label: "qrgate_scans_total").increment()
            health.beat("intake")
            _ = await pipeline.process(fresh.map(\.text), origin: origin)
        }
    }
}

/// The scan source stopped delivering (a serial device unplugged, a camera gone).
struct IntakeSourceEnded: Error, CustomStringConvertible {
    var description: String { "the scan source ended; check the device or folder" }
}
