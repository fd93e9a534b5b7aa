import CZBar
import QRGateImaging

/// A V4L2 camera through zbar's video API (`zbar_video_*`), delivering grey frames.
///
/// `next()` blocks the calling thread until the camera delivers a frame (one frame period,
/// about 33 ms at 30 fps). Not `Sendable`: it owns the zbar video handle.
public final class V4L2CameraSource: FrameSource {
    /// Settings.
    public struct Configuration: Sendable {
        /// The device, e.g. `/dev/video0`.
        public var device: String = "/dev/video0"
        /// Requested frame size (the driver may pick the nearest it supports); 0 = driver default.
        public var width: Int = 640
        /// Requested frame height; 0 = driver default.
        public var height: Int = 480
        /// The defaults.
        public init() {}
    }

    private let handle: OpaquePointer
    private let configuration: Configuration
    private var enabled = false

    /// Opens and starts the camera.
    /// - Throws: `FrameSourceError` (`camera_unavailable`) when the device cannot be opened.
    public init(configuration: Configuration = Configuration()) throws {
        guard let handle = zbar_video_create() else {
            throw FrameSourceError(.cameraUnavailable, "zbar could not create a video handle (out of memory).")
        }
        self.handle = handle
        self.configuration = configuration
        if configuration.width > 0, configuration.height > 0 {
            _ = zbar_video_request_size(handle, UInt32(configuration.width), UInt32(configuration.height))
        }
        if zbar_video_open(handle, configuration.device) != 0 {
            // Fully initialised: deinit releases the handle.
            throw FrameSourceError(
                .cameraUnavailable,
                "cannot open camera \(configuration.device) (\(Self.errorText(handle))); check it is connected and the qrgate user is in the video group."
            )
        }
        // Grey straight from the driver when offered; otherwise let zbar pick the cheapest
        // format to convert (each frame is converted to Y800 in `next()`).
        if zbar_video_init(handle, qrgate_zbar_fourcc_y800()) != 0, zbar_negotiate_format(handle, nil) != 0 {
            throw FrameSourceError(
                .cameraUnavailable,
                "camera \(configuration.device) offers no pixel format zbar can use (\(Self.errorText(handle))).")
        }
        if zbar_video_enable(handle, 1) != 0 {
            throw FrameSourceError(
                .cameraUnavailable, "cannot start camera \(configuration.device) (\(Self.errorText(handle))).")
        }
        enabled = true
    }

    deinit {
        if enabled { _ = zbar_video_enable(handle, 0) }
        zbar_video_open(handle, nil)
        zbar_video_destroy(handle)
    }

    /// `camera DEVICE`.
    public var description: String { "camera \(configuration.device)" }

    /// The next frame, converted to grey.
    public func next() async throws -> SourceEvent? {
        try Task.checkCancellation()
        guard let image = zbar_video_next_image(handle) else {
            throw FrameSourceError(
                .cameraFailed, "camera \(configuration.device) stopped delivering frames (\(Self.errorText(handle))); check the cable.")
        }
        defer { zbar_image_destroy(image) }
        guard let grey = zbar_image_convert(image, qrgate_zbar_fourcc_y800()) else {
            throw FrameSourceError(.cameraFailed, "camera \(configuration.device) sends a pixel format zbar cannot convert to grey.")
        }
        defer { zbar_image_destroy(grey) }
        let width = Int(zbar_image_get_width(grey)), height = Int(zbar_image_get_height(grey))
        guard width > 0, height > 0, let data = zbar_image_get_data(grey),
            Int(zbar_image_get_data_length(grey)) >= width * height
        else {
            throw FrameSourceError(.cameraFailed, "camera \(configuration.device) delivered an empty frame.")
        }
        let pixels = [UInt8](UnsafeRawBufferPointer(start: data, count: width * height))
        return .frame(GreyFrame(width: width, height: height, pixels: pixels), origin: configuration.device)
    }

    private static func errorText(_ handle: OpaquePointer) -> String {
        guard let text = _zbar_error_string(UnsafeRawPointer(handle), 0) else { return "unknown error" }
        return String(cString: text).trimmingTrailingNewlines()
    }
}

@available(*, unavailable)
extension V4L2CameraSource: Sendable {}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var copy = self
        while copy.last == "\n" || copy.last == "\r" { copy.removeLast() }
        return copy
    }
}
