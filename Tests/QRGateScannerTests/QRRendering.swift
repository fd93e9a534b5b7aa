import CQREncode
import QRGateImaging

/// Test-only QR rendering through libqrencode (the real receipts module comes later).
enum QRRendering {
    /// Renders `payload` in byte mode; with `eci` set, an ECI header (26 = UTF-8) comes first.
    static func render(_ payload: [UInt8], eci: UInt32? = nil, moduleSize: Int = 4, quietZone: Int = 4) -> GreyFrame? {
        guard let input = QRinput_new2(0, QR_ECLEVEL_M) else { return nil }
        defer { QRinput_free(input) }
        if let eci, QRinput_appendECIheader(input, eci) != 0 { return nil }
        let appended = payload.withUnsafeBufferPointer { QRinput_append(input, QR_MODE_8, Int32($0.count), $0.baseAddress) }
        guard appended == 0, let code = QRcode_encodeInput(input) else { return nil }
        defer { QRcode_free(code) }
        let modules = Int(code.pointee.width)
        let side = (modules + 2 * quietZone) * moduleSize
        var frame = GreyFrame(width: side, height: side, filledWith: 255)
        for row in 0..<modules {
            for column in 0..<modules where code.pointee.data[row * modules + column] & 1 == 1 {
                for dy in 0..<moduleSize {
                    for dx in 0..<moduleSize {
                        frame[(column + quietZone) * moduleSize + dx, (row + quietZone) * moduleSize + dy] = 0
                    }
                }
            }
        }
        return frame
    }

    /// Renders a text through `QRcode_encodeString8bit` (8-bit mode, no ECI).
    static func render8bit(_ text: String, moduleSize: Int = 4) -> GreyFrame? {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let modules = Int(code.pointee.width), quietZone = 4
        let side = (modules + 2 * quietZone) * moduleSize
        var frame = GreyFrame(width: side, height: side, filledWith: 255)
        for row in 0..<modules {
            for column in 0..<modules where code.pointee.data[row * modules + column] & 1 == 1 {
                for dy in 0..<moduleSize {
                    for dx in 0..<moduleSize {
                        frame[(column + quietZone) * moduleSize + dx, (row + quietZone) * moduleSize + dy] = 0
                    }
                }
            }
        }
        return frame
    }

    /// Places `frame` in the middle of a larger white canvas.
    static func centred(_ frame: GreyFrame, width: Int, height: Int, background: UInt8 = 255) -> GreyFrame {
        var canvas = GreyFrame(width: width, height: height, filledWith: background)
        let left = (width - frame.width) / 2, top = (height - frame.height) / 2
        for y in 0..<frame.height where y + top >= 0 && y + top < height {
            for x in 0..<frame.width where x + left >= 0 && x + left < width {
                canvas[x + left, y + top] = frame[x, y]
            }
        }
        return canvas
    }
}
