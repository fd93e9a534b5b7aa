/// Renders a QR matrix with UTF-8 half blocks, two module rows per text line, for
/// operators over SSH. Dark modules print as spaces on a light background pattern, so the
/// code scans on terminals with dark or light themes alike (light is drawn explicitly).
public struct TerminalRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The text, one line per two module rows, each line ending in a newline.
    public func render(_ matrix: QRMatrix) -> String {
        var out = ""
        var y = 0
        while y < matrix.size {
            for x in 0..<matrix.size {
                let top = !matrix[x, y]  // light?
                let bottom = y + 1 < matrix.size ? !matrix[x, y + 1] : true
                switch (top, bottom) {
                case (true, true): out += "█"
                case (true, false): out += "▀"
                case (false, true): out += "▄"
                case (false, false): out += " "
                }
            }
            out += "\n"
            y += 2
        }
        return out
    }
}
