/// A QR symbol as a square of dark and light modules, quiet zone included.
public struct QRMatrix: Sendable, Hashable {
    /// Modules per side, quiet zone included.
    public let size: Int
    /// Width of the quiet zone on each side, in modules.
    public let quietZone: Int
    /// The QR version (1–40) libqrencode chose.
    public let version: Int
    /// Row-major, `true` = dark.
    public let modules: [Bool]

    /// Wraps raw modules.
    public init(size: Int, quietZone: Int, version: Int, modules: [Bool]) {
        precondition(modules.count == size * size, "modules must be size × size")
        self.size = size
        self.quietZone = quietZone
        self.version = version
        self.modules = modules
    }

    /// Whether the module at column `x`, row `y` is dark; outside the matrix is light.
    public subscript(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// An 8-bit grey raster (0 dark, 255 light) with `scale` pixels per module.
    public func greyPixels(scale: Int) -> (width: Int, height: Int, pixels: [UInt8]) {
        let side = size * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for y in 0..<size {
            for x in 0..<size where self[x, y] {
                for dy in 0..<scale {
                    let row = (y * scale + dy) * side + x * scale
                    for dx in 0..<scale { pixels[row + dx] = 0 }
                }
            }
        }
        return (side, side, pixels)
    }
}
