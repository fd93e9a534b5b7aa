import CPNG

/// PNG → grey through libpng (the setjmp error handling lives in the C shim).
enum PNGDecoder {
    static func decode(_ bytes: [UInt8], name: String, maxPixels: Int) throws(ImageError) -> GreyFrame {
        var result = bytes.withUnsafeBufferPointer { buffer in
            qrgate_png_decode_grey(buffer.baseAddress, buffer.count, UInt64(max(maxPixels, 0)))
        }
        defer { qrgate_png_free(result.pixels) }
        let reason = withUnsafeBytes(of: &result.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        switch result.status {
        case QRGATE_PNG_OK:
            let width = Int(result.width), height = Int(result.height)
            let pixels = [UInt8](UnsafeBufferPointer(start: result.pixels, count: width * height))
            return GreyFrame(width: width, height: height, pixels: pixels)
        case QRGATE_PNG_TOO_LARGE:
            throw ImageError(
                .tooLarge,
                ImageReader.tooLargeMessage(name: name, width: result.width, height: result.height, maxPixels: maxPixels)
            )
        case QRGATE_PNG_EMPTY:
            throw ImageError(.empty, ImageReader.emptyMessage(name: name, width: result.width, height: result.height))
        case QRGATE_PNG_NO_MEMORY:
            throw ImageError(.outOfMemory, "\(name): out of memory while decoding the PNG; try a smaller image.")
        case QRGATE_PNG_NOT_PNG:
            throw ImageError(.unsupportedFormat, "\(name): not a PNG file.")
        default:
            if reason.contains("truncated") || reason.contains("Not enough") || reason.contains("end of") {
                throw ImageError(.truncated, "\(name): the PNG file is cut short (\(reason)); copy or capture it again.")
            }
            throw ImageError(.corrupt, "\(name): the PNG data is damaged (\(reason)); copy or capture it again.")
        }
    }
}
