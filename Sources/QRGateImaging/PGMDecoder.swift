/// PGM (Netpbm grey map), binary P5 and plain-text P2, 1 to 16 bits per sample.
enum PGMDecoder {
    private struct Cursor {
        let bytes: [UInt8]
        var index = 2

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
        }

        mutating func skipSpaceAndComments() {
            while index < bytes.count {
                if Self.isSpace(bytes[index]) {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "#") {
                    while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
                } else {
                    return
                }
            }
        }

        /// A decimal number, or nil at end of data / on a non-digit. Saturates instead of overflowing.
        mutating func number() -> Int? {
            skipSpaceAndComments()
            var value = 0
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value = min(value * 10 + Int(bytes[index] - 0x30), 1 << 40)
                digits += 1
                index += 1
            }
            return digits > 0 ? value : nil
        }
    }

    static func decode(_ bytes: [UInt8], name: String, maxPixels: Int) throws(ImageError) -> GreyFrame {
        let plain = bytes.count >= 2 && bytes[1] == UInt8(ascii: "2")
        var cursor = Cursor(bytes: bytes)
        guard let width = cursor.number(), let height = cursor.number(), let maxValue = cursor.number() else {
            if cursor.index >= bytes.count {
                throw ImageError(.truncated, "\(name): the PGM header is cut short; copy or export the image again.")
            }
            throw ImageError(.corrupt, "\(name): the PGM header is not width, height and maximum grey value; export it again.")
        }
        if width == 0 || height == 0 {
            throw ImageError(.empty, ImageReader.emptyMessage(name: name, width: width, height: height))
        }
        let (claimed, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || claimed > maxPixels {
            throw ImageError(.tooLarge, ImageReader.tooLargeMessage(name: name, width: width, height: height, maxPixels: maxPixels))
        }
        guard (1...65535).contains(maxValue) else {
            throw ImageError(.corrupt, "\(name): the PGM maximum grey value \(maxValue) is outside 1...65535; export it again.")
        }
        let count = width * height
        let sampleBytes = maxValue > 255 ? 2 : 1
        // The data must be there before anything is allocated for it: a header claiming
        // 60000x60000 over ten bytes of data is refused here, not after a multi-gigabyte allocation.
        let start: Int
        if plain {
            // Each grey value is at least one digit, separated by at least one space.
            let available = bytes.count - cursor.index
            let (twice, overflow) = count.multipliedReportingOverflow(by: 2)
            guard !overflow, available >= twice - 1 else {
                throw ImageError(
                    .truncated,
                    "\(name): the PGM file has \(available) bytes for \(count) grey values, at least \(overflow ? Int.max : twice - 1) needed; it is cut short."
                )
            }
            start = cursor.index
        } else {
            // Exactly one whitespace byte separates the header from the samples.
            guard cursor.index < bytes.count, Cursor.isSpace(bytes[cursor.index]) else {
                throw ImageError(.truncated, "\(name): the PGM file ends after its header; it is cut short.")
            }
            start = cursor.index + 1
            let (needed, overflow) = count.multipliedReportingOverflow(by: sampleBytes)
            guard !overflow, bytes.count - start >= needed else {
                throw ImageError(
                    .truncated,
                    "\(name): the PGM file holds \(bytes.count - start) bytes of pixels, \(overflow ? Int.max : needed) expected; it is cut short."
                )
            }
        }
        var pixels = [UInt8](repeating: 0, count: count)
        func scaled(_ value: Int) -> UInt8 { UInt8((min(value, maxValue) * 255 + maxValue / 2) / maxValue) }

        if plain {
            for index in 0..<count {
                guard let value = cursor.number() else {
                    if cursor.index >= bytes.count {
                        throw ImageError(.truncated, "\(name): the PGM file holds fewer than \(count) grey values; it is cut short.")
                    }
                    throw ImageError(.corrupt, "\(name): the PGM file has a non-number among its grey values.")
                }
                pixels[index] = scaled(value)
            }
        } else if sampleBytes == 1 {
            if maxValue == 255 {
                pixels = Array(bytes[start..<(start + count)])
            } else {
                for index in 0..<count { pixels[index] = scaled(Int(bytes[start + index])) }
            }
        } else {
            for index in 0..<count {
                let offset = start + 2 * index
                pixels[index] = scaled(Int(bytes[offset]) << 8 | Int(bytes[offset + 1]))
            }
        }
        return GreyFrame(width: width, height: height, pixels: pixels)
    }
}
