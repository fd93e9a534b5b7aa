import Foundation
import Logging
import Metrics
import QRGateCore
import QRGateImaging
import QRGateReceipts
import QRGateStore
import ServiceLifecycle

/// Hands receipts to the citizen after the check-in is recorded: a PNG in the receipts folder
/// and a print on the thermal printer. A service of its own, fed by a bounded queue, running on
/// its own thread: a printer that hangs for its timeout delays the next receipt, never the next
/// scan. When the queue is full the newest receipt is not printed (it is on the screen and in
/// the store) and `qrgate_receipts_dropped_total` counts it.
public final class ReceiptDelivery: Service, CustomStringConvertible, Sendable {
    /// Where receipts go.
    public struct Configuration: Sendable, Equatable {
        /// Folder for receipt images (absolute or relative to the working directory); nil = none.
        public var directory: String?
        /// Thermal printer: a device path such as /dev/usb/lp0, or host:9100; empty = none.
        public var printer = ""
        /// Paper width: 58mm or 80mm.
        public var paper = "58mm"
        /// Receipts waiting for the printer; more are dropped.
        public var queueLimit = 16

        /// The defaults.
        public init() {}
    }

    /// One receipt to hand out.
    struct Job: Sendable {
        var token: String
        var checkIn: StoredCheckIn
    }

    let configuration: Configuration
    let logger: Logger
    private let jobs: AsyncStream<Job>
    private let continuation: AsyncStream<Job>.Continuation
    private let executor: BlockingExecutor

    public var description: String { "ReceiptDelivery" }

    /// Creates the delivery; `run()` starts it.
    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        (jobs, continuation) = AsyncStream.makeStream(of: Job.self, bufferingPolicy: .bufferingOldest(max(1, configuration.queueLimit)))
        executor = BlockingExecutor(name: "qrgate-receipts")
    }

    /// Whether anything is configured to receive receipts.
    public var isActive: Bool { configuration.directory != nil || PrinterTarget(configuration.printer) != nil }

    /// Queues a receipt; never waits.
    func enqueue(_ token: String, for checkIn: StoredCheckIn) {
        guard isActive else { return }
        if case .dropped = continuation.yield(Job(token: token, checkIn: checkIn)) {
            Counter(label: "qrgate_receipts_dropped_total").increment()
            logger.warning("receipt queue full: this receipt is not printed; the check-in is recorded", metadata: ["checkin.id": .string(checkIn.id)])
        }
    }

    /// Delivers queued receipts until the queue is finished (graceful shutdown or `finish()`),
    /// then delivers what is left in it.
    public func run() async {
        await withTaskExecutorPreference(executor) {
            await withGracefulShutdownHandler {
                for await job in jobs { deliver(job) }
            } onGracefulShutdown: { [continuation] in
                continuation.finish()
            }
        }
    }

    /// Ends the queue: `run()` returns once the receipts in it are delivered.
    public func finish() {
        continuation.finish()
    }

    /// Writes the receipt image and prints it; failures are logged and never touch the check-in.
    func deliver(_ job: Job) {
        let stored = job.checkIn
        guard let matrix = try? QRCodeEncoder().encode(job.token) else { return }
        if let folder = configuration.directory {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                // A receipt names a decision about a person: private to the gate, like kept scans.
                let written = FileManager.default.createFile(
                    atPath: folder + "/" + stored.id + ".png", contents: Data(try PNGRenderer(scale: 6).render(matrix)),
                    attributes: [.posixPermissions: 0o600])
                if !written { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder]) }
            } catch {
                logger.warning("receipt image not written", metadata: ["error": .string("\(error)")])
            }
        }
        if let target = PrinterTarget(configuration.printer) {
            let paper = ESCPOSRenderer.Paper(rawValue: configuration.paper) ?? .mm58
            let time = ISO8601Timestamp.format(Date(timeIntervalSince1970: Double(stored.recordedAtMilliseconds) / 1000))
            let verdict =
                switch stored.decision.outcome {
                case .admit: "DUOC PHEP / ADMITTED"
                case .refer: "GAP NHAN VIEN Y TE / SEE STAFF"
                case .refuse: "KHONG DUOC PHEP / REFUSED"
                }
            let bytes = ESCPOSRenderer(paper: paper).render(
                matrix, lines: [time, "\(stored.site) / \(stored.gate)", stored.direction == .entry ? "VAO / ENTRY" : "RA / EXIT", verdict])
            do {
                try ReceiptPrinter(target: target).send(bytes)
            } catch {
                logger.warning("receipt not printed; the check-in is recorded", metadata: ["printer.error": .string(error.message)])
            }
        }
    }
}
