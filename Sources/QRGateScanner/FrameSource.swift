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
