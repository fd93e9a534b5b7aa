/// Renders a QR matrix as a standalone SVG document: one path, crisp edges, scalable.
public struct SVGRenderer: Sendable {
    /// Size of one module in SVG user units.
    public var moduleSize: Int

    /// Creates a renderer.
    public init(moduleSize: Int = 8) {
        self.moduleSize = moduleSize
    }

    /// The SVG text.
    public func render(_ matrix: QRMatrix) -> String {
        let side = matrix.size * moduleSize
        var path = ""
        for y in 0..<matrix.size {
            var x = 0
            while x < matrix.size {
                guard matrix[x, y] else {
                    x += 1
                    continue
                }
                let start = x
                while x < matrix.size && matrix[x, y] { x += 1 }
                path += "M\(start) \(y)h\(x - start)v1h-\(x - start)z"
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(side)" height="\(side)" viewBox="0 0 \(matrix.size) \(matrix.size)" shape-rendering="crispEdges">
            <rect width="\(matrix.size)" height="\(matrix.size)" fill="#fff"/>
            <path fill="#000" d="\(path)"/>
            </svg>

            """
    }
}
