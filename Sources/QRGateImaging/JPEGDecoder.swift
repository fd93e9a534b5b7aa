import CJPEG

/// JPEG → grey through libjpeg-turbo (the setjmp error handling lives in the C shim).
enum JPEGDecoder {
    static func decode(_ bytes: [UInt8], name: String, maxPixels: Int) throws(ImageError) -> GreyFrame {
        var result = bytes.withUnsafeBufferPointer { buffer in
            qrgate_jpeg_decode_grey(buffer.baseAddress, buffer.count, UInt64(max(maxPixels, 0)))
        }
        defer { qrgate_jpeg_free(result.pixels) }
        let reason = withUnsafeBytes(of: &result.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        switch result.status {
        case QRGATE_JPEG_OK:
            let width = Int(result.width), height = Int(result.height)
            let pixels = [UInt8](UnsafeBufferPointer(start: result.pixels, count: width * height))
            return GreyFrame(width: width, height: height, pixels: pixels)
        case QRGATE_JPEG_TOO_LARGE:
            throw ImageError(
                .tooLarge,
                ImageReader.tooLargeMessage(name: name, width: result.width, height: result.height, maxPixels: maxPixels)
            )
        case QRGATE_JPEG_EMPTY:
            throw ImageError(.empty, ImageReader.emptyMessage(name: name, width: result.width, height: result.height))
        case QRGATE_JPEG_NO_MEMORY:
            throw ImageError(.outOfMemory, "\(name): out of memory while decoding the JPEG; try a smaller image.")
        case QRGATE_JPEG_TRUNCATED:
            throw ImageError(.truncated, "\(name): the JPEG file is cut short (\(reason)); copy or capture it again.")
        case QRGATE_JPEG_UNSUPPORTED:
            throw ImageError(
                .unsupportedFormat,
                "\(name): this JPEG's colour space cannot be converted to grey (\(reason)); save it as an RGB JPEG or PNG."
            )
        case QRGATE_JPEG_NOT_JPEG:
            throw ImageError(.unsupportedFormat, "\(name): not a JPEG file.")
        default:
            throw ImageError(.corrupt, "\(name): the JPEG data is damaged (\(reason)); copy or capture it again.")
        }
    }
}
