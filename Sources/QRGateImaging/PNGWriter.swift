import CPNG

/// Writes grey frames as PNG files (8-bit grey, or 1-bit black and white for printed receipts).
public struct PNGWriter: Sendable {
    /// Bits per pixel in the written file.
    public enum Depth: Sendable {
        /// 256 grey levels.
        case grey8
        /// Black and white: levels >= 128 become white.
        case blackAndWhite1
    }

    /// The depth written.
    public var depth: Depth
    /// Write Adam7-interlaced (progressive) files; off by default.
    public var interlaced: Bool

    /// A writer for the given depth (8-bit grey by default).
    public init(depth: Depth = .grey8, interlaced: Bool = false) {
        self.depth = depth
        self.interlaced = interlaced
    }

    /// The PNG file bytes for `frame`.
    public func encode(_ frame: GreyFrame) throws(ImageError) -> [UInt8] {
        guard frame.width > 0, frame.height > 0 else {
            throw ImageError(.empty, "cannot write a \(frame.width)x\(frame.height) image as PNG; it has no pixels.")
        }
        var result = frame.pixels.withUnsafeBufferPointer { buffer in
            qrgate_png_encode_grey(
                buffer.baseAddress, UInt32(frame.width), UInt32(frame.height), depth == .blackAndWhite1 ? 1 : 8,
                interlaced ? 1 : 0)
        }
        defer { qrgate_png_free(result.pixels) }
        guard result.status == QRGATE_PNG_OK, let output = result.pixels else {
            let reason = withUnsafeBytes(of: &result.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw ImageError(.writeFailed, "encoding a \(frame.width)x\(frame.height) PNG failed (\(reason)).")
        }
        return [UInt8](UnsafeBufferPointer(start: output, count: result.size))
    }

    /// Encodes `frame` and writes it to `path` (replacing an existing file).
    public func write(_ frame: GreyFrame, to path: String) throws(ImageError) {
        let bytes = try encode(frame)
        try FileWriting.write(bytes, to: path)
    }
}
