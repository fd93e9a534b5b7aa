import CJPEG

/// Writes grey frames as baseline JPEG files (for tests and diagnostics; receipts use PNG).
public struct JPEGWriter: Sendable {
    /// Quality 1...100.
    public var quality: Int

    /// A writer at the given quality.
    public init(quality: Int = 90) {
        self.quality = min(100, max(1, quality))
    }

    /// The JPEG file bytes for `frame`.
    public func encode(_ frame: GreyFrame) throws(ImageError) -> [UInt8] {
        guard frame.width > 0, frame.height > 0 else {
            throw ImageError(.empty, "cannot write a \(frame.width)x\(frame.height) image as JPEG; it has no pixels.")
        }
        var result = frame.pixels.withUnsafeBufferPointer { buffer in
            qrgate_jpeg_encode_grey(buffer.baseAddress, UInt32(frame.width), UInt32(frame.height), Int32(quality))
        }
        defer { qrgate_jpeg_free(result.bytes) }
        guard result.status == QRGATE_JPEG_OK, let output = result.bytes else {
            let reason = withUnsafeBytes(of: &result.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw ImageError(.writeFailed, "encoding a \(frame.width)x\(frame.height) JPEG failed (\(reason)).")
        }
        return [UInt8](UnsafeBufferPointer(start: output, count: result.size))
    }

    /// Encodes `frame` and writes it to `path` (replacing an existing file).
    public func write(_ frame: GreyFrame, to path: String) throws(ImageError) {
        try FileWriting.write(try encode(frame), to: path)
    }
}
