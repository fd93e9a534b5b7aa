import QRGateImaging

/// Renders a QR matrix as a PNG through libpng (QRGateImaging).
public struct PNGRenderer: Sendable {
    /// Pixels per module.
    public var scale: Int

    /// Creates a renderer.
    public init(scale: Int = 8) {
        self.scale = scale
    }

    /// The matrix as a grey frame (0 dark, 255 light).
    public func frame(_ matrix: QRMatrix) -> GreyFrame {
        let raster = matrix.greyPixels(scale: scale)
        return GreyFrame(width: raster.width, height: raster.height, pixels: raster.pixels)
    }

    /// PNG file bytes (1-bit grey: receipts are pure black and white).
    public func render(_ matrix: QRMatrix) throws(ImageError) -> [UInt8] {
        try PNGWriter(depth: .blackAndWhite1).encode(frame(matrix))
    }
}
