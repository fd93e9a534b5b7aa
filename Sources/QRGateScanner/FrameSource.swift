import QRGateImaging

/// Something a source delivers: a frame to scan, codes a device already decoded,
/// or an input that could not be read.
public enum SourceEvent: Sendable {
    /// A grey frame to scan; `origin` names where it came from (device, file name).
    case frame(GreyFrame, origin: String)
    /// Payloads a scanner device decoded itself (hand-held 2D scanners send text).
    case decoded([ScannedSymbol], origin: String)
    /// An input that could not be read (a damaged file in the watched folder, …).
    case unreadable(ImageError, origin: String)
}

/// A pull-based source of scan input (camera, watched folder, serial scanner, …).
///
/// The task that owns a source calls `next()` in a loop until it returns nil (the source
/// ended) or the task is cancelled. Sources may own C handles or file descriptors and are
/// not required to be `Sendable`: keep each in the task that made it.
///
/// HTTP upload (the kiosk page posting a photo) is not a source here yet: it will be wired
/// in QRGateServer, handing the uploaded bytes to `ImageReader.decode(_:name:)` and an
/// `ImageScanner`, or through an `AsyncStream`-backed source fed by the request handler.
public protocol FrameSource {
    /// A short, non-personal description for logs (e.g. `camera /dev/video0`).
    var description: String { get }

    /// The next event, waiting for one if needed; nil when the source has ended.
    mutating func next() async throws -> SourceEvent?
}

/// Errors of the frame sources, with what an operator can do.
public struct FrameSourceError: Error, Sendable, CustomStringConvertible {
    /// Kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The camera could not be opened or started.
        public static let cameraUnavailable = Code("camera_unavailable")
        /// The camera stopped delivering frames.
        public static let cameraFailed = Code("camera_failed")
        /// The watched folder is missing or not readable.
        public static let folderUnavailable = Code("folder_unavailable")
        /// A processed file could not be moved or deleted.
        public static let folderCleanupFailed = Code("folder_cleanup_failed")
        /// The serial device could not be opened or configured.
        public static let serialUnavailable = Code("serial_unavailable")
        /// Reading the line scanner failed.
        public static let readFailed = Code("read_failed")
        /// The snake_case name.
        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong and what to do.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
