import CZBar
import QRGateImaging

/// One symbol as zbar returned it: the raw payload bytes.
struct ZBarSymbol: Sendable, Equatable {
    /// Payload bytes (zbar in binary mode: no charset conversion).
    var bytes: [UInt8]
}

/// Owns one `zbar_image_scanner_t`, configured for QR codes only, returning raw bytes.
///
/// Not `Sendable`: a zbar scanner keeps per-scan state, so it stays in the task that made it.
final class ZBarImageScanner {
    private let handle: OpaquePointer

    /// - Parameters:
    ///   - testInverted: also try the negative image when nothing is found
    ///     (light modules on a dark screen).
    ///   - density: scan every n-th row and column (1 = all; 2 halves the cost).
    init(testInverted: Bool = true, density: Int = 1) {
        guard let handle = zbar_image_scanner_create() else {
            fatalError("zbar_image_scanner_create returned NULL (out of memory)")
        }
        self.handle = handle
        zbar_image_scanner_set_config(handle, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        zbar_image_scanner_set_config(handle, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        zbar_image_scanner_set_config(handle, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1)
        zbar_image_scanner_set_config(handle, ZBAR_NONE, ZBAR_CFG_TEST_INVERTED, testInverted ? 1 : 0)
        zbar_image_scanner_set_config(handle, ZBAR_NONE, ZBAR_CFG_X_DENSITY, Int32(max(1, density)))
        zbar_image_scanner_set_config(handle, ZBAR_NONE, ZBAR_CFG_Y_DENSITY, Int32(max(1, density)))
    }

    deinit {
        zbar_image_scanner_destroy(handle)
    }

    /// Scans one grey frame; an empty frame gives no symbols.
    func scan(_ frame: GreyFrame) -> [ZBarSymbol] {
        guard frame.width > 0, frame.height > 0 else { return [] }
        return frame.pixels.withUnsafeBufferPointer { buffer -> [ZBarSymbol] in
            guard let image = zbar_image_create() else { return [] }
            defer { zbar_image_destroy(image) }
            zbar_image_set_format(image, qrgate_zbar_fourcc_y800())
            zbar_image_set_size(image, UInt32(frame.width), UInt32(frame.height))
            zbar_image_set_data(image, buffer.baseAddress, UInt(buffer.count), nil)
            guard zbar_scan_image(handle, image) > 0 else { return [] }
            var symbols: [ZBarSymbol] = []
            var symbol = zbar_image_first_symbol(image)
            while let current = symbol {
                if zbar_symbol_get_type(current) == ZBAR_QRCODE {
                    let length = Int(zbar_symbol_get_data_length(current))
                    var bytes: [UInt8] = []
                    if length > 0, let data = zbar_symbol_get_data(current) {
                        bytes = data.withMemoryRebound(to: UInt8.self, capacity: length) {
                            Array(UnsafeBufferPointer(start: $0, count: length))
                        }
                    }
                    symbols.append(ZBarSymbol(bytes: bytes))
                }
                symbol = zbar_symbol_next(current)
            }
            return symbols
        }
    }
}

@available(*, unavailable)
extension ZBarImageScanner: Sendable {}
