/// gzip (RFC 1952) around the same deflate coder as ``Zlib``: for request bodies to the
/// central service, which accepts `Content-Encoding: gzip`.
public enum Gzip {
    /// The CRC-32 (IEEE, reflected) of `data`.
    public static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// `data` as a gzip member (no file name, no time stamp).
    public static func compress(_ data: [UInt8]) -> [UInt8] {
        let zlib = Zlib.deflate(data)
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        out.append(contentsOf: zlib[2..<(zlib.count - 4)])  // the raw deflate stream
        let crc = crc32(data)
        let size = UInt32(truncatingIfNeeded: data.count)
        for value in [crc, size] {
            out.append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)])
        }
        return out
    }

    /// The contents of one gzip member, checked against its CRC-32 and size.
    public static func decompress(_ data: [UInt8], limits: Zlib.Limits = Zlib.Limits()) throws(ZlibError) -> [UInt8] {
        guard data.count >= 18, data[0] == 0x1F, data[1] == 0x8B, data[2] == 0x08 else {
            throw ZlibError(.badHeader, "Data does not start with a gzip header; it is not gzip-compressed.")
        }
        let flags = data[3]
        var position = 10
        func skip(_ count: Int) throws(ZlibError) {
            position += count
            guard position <= data.count else { throw ZlibError(.truncated, "gzip header is cut short; the data is incomplete.") }
        }
        if flags & 0x04 != 0 {  // FEXTRA
            try skip(2)
            try skip(Int(data[position - 2]) | Int(data[position - 1]) << 8)
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT: zero-terminated
            while position < data.count && data[position] != 0 { position += 1 }
            try skip(1)
        }
        if flags & 0x02 != 0 { try skip(2) }  // FHCRC
        var inflater = Zlib.Inflater(input: data, position: position, maxOutput: limits.maxOutputBytes)
        try inflater.run()
        let end = inflater.alignedBytePosition
        guard end + 8 <= data.count else { throw ZlibError(.truncated, "gzip member ends before its CRC-32; the data is incomplete.") }
        let word = { (i: Int) in UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24 }
        guard word(end) == crc32(inflater.output), word(end + 4) == UInt32(truncatingIfNeeded: inflater.output.count) else {
            throw ZlibError(.checksumMismatch, "gzip CRC-32 or size does not match the inflated data; the data is corrupt.")
        }
        return inflater.output
    }
}
