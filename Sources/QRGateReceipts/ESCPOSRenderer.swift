import Foundation

/// Renders a receipt for ESC/POS thermal printers: a few centred text lines above the QR
/// code, the code as a raster bit image (`GS v 0`), then a feed and a partial cut.
///
/// Thermal printers' code pages rarely hold Vietnamese, so text is printed with its
/// diacritics removed (đ → d); the QR code itself carries the exact UTF-8.
public struct ESCPOSRenderer: Sendable {
    /// Paper widths and their printable dots (203 dpi heads).
    public enum Paper: String, Sendable, CaseIterable {
        /// 58 mm paper, 384 dots.
        case mm58 = "58mm"
        /// 80 mm paper, 576 dots.
        case mm80 = "80mm"

        /// Printable width in dots.
        public var dots: Int { self == .mm58 ? 384 : 576 }
    }

    /// The paper.
    public var paper: Paper
    /// Largest module size in dots.
    public var maxModuleDots: Int
    /// Whether to cut the paper at the end.
    public var cut: Bool

    /// Creates a renderer.
    public init(paper: Paper = .mm58, maxModuleDots: Int = 8, cut: Bool = true) {
        self.paper = paper
        self.maxModuleDots = maxModuleDots
        self.cut = cut
    }

    /// The printer bytes for `lines` of text followed by `matrix`.
    public func render(_ matrix: QRMatrix, lines: [String]) -> [UInt8] {
        var out: [UInt8] = [0x1B, 0x40]  // ESC @: initialise
        out += [0x1B, 0x61, 0x01]  // ESC a 1: centre
        for line in lines {
            out += Array(Self.printable(line).utf8) + [0x0A]
        }
        out += raster(matrix)
        out += [0x0A, 0x0A, 0x0A]
        if cut { out += [0x1D, 0x56, 0x42, 0x00] }  // GS V 66 0: feed and partial cut
        return out
    }

    /// The `GS v 0` raster command for `matrix`, scaled to fit the paper.
    public func raster(_ matrix: QRMatrix) -> [UInt8] {
        let scale = max(1, min(maxModuleDots, paper.dots / matrix.size))
        let widthDots = matrix.size * scale
        let bytesPerRow = (widthDots + 7) / 8
        let rows = matrix.size * scale
        var out: [UInt8] = [0x1D, 0x76, 0x30, 0x00]
        out += [UInt8(bytesPerRow & 0xFF), UInt8(bytesPerRow >> 8), UInt8(rows & 0xFF), UInt8(rows >> 8)]
        out.reserveCapacity(out.count + bytesPerRow * rows)
        for row in 0..<rows {
            let y = row / scale
            var byte: UInt8 = 0
            for dot in 0..<(bytesPerRow * 8) {
                let dark = dot < widthDots && matrix[dot / scale, y]
                if dark { byte |= 0x80 >> UInt8(dot % 8) }
                if dot % 8 == 7 {
                    out.append(byte)
                    byte = 0
                }
            }
        }
        return out
    }

    /// `text` reduced to printable ASCII: Vietnamese diacritics removed, đ/Đ → d/D, other
    /// characters outside ASCII → `?`, control characters dropped.
    public static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "đ": out += "d"
            case "Đ": out += "D"
            default:
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                if scalar.isASCII {
                    if scalar.value >= 0x20 && scalar.value < 0x7F { out.unicodeScalars.append(scalar) }
                } else {
                    out += "?"
                }
            }
        }
        return out
    }
}
