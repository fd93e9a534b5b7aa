/// An 8-bit grey image (the Y800 layout zbar scans): `width * height` bytes, row by row,
/// 0 is black and 255 is white.
public struct GreyFrame: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Row-major grey levels, `width * height` of them.
    public private(set) var pixels: [UInt8]

    /// Wraps existing pixels; `pixels.count` must be `width * height`.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0, "GreyFrame: negative size")
        precondition(pixels.count == width * height, "GreyFrame: \(pixels.count) pixels for \(width)x\(height)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A frame filled with one grey level.
    public init(width: Int, height: Int, filledWith value: UInt8) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: value, count: width * height))
    }

    /// The grey level at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// The negative image: dark-mode screens show light modules on a dark background.
    public func inverted() -> GreyFrame {
        GreyFrame(width: width, height: height, pixels: pixels.map { 255 &- $0 })
    }
}
