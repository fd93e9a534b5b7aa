/// zlib (RFC 1950) around DEFLATE (RFC 1951), written in Swift so that QRGateCore links no
/// C library. Inflate handles stored, fixed and dynamic Huffman blocks and checks Adler-32;
/// the encoder writes a single fixed-Huffman block with greedy LZ77 matching.
public enum Zlib {
    /// Limits for ``inflate(_:limits:)``.
    public struct Limits: Sendable {
        /// Largest output accepted, in bytes; a stream that inflates further is rejected.
        public var maxOutputBytes: Int = 1 << 20
        /// Creates the default limits (1 MiB of output).
        public init() {}
    }

    /// Inflates a zlib stream.
    public static func inflate(_ data: [UInt8], limits: Limits = Limits()) throws(ZlibError) -> [UInt8] {
        guard data.count >= 2 else {
            throw ZlibError(.badHeader, "Compressed data is only \(data.count) bytes long; a zlib stream needs a 2-byte header.")
        }
        let cmf = data[0], flg = data[1]
        guard cmf & 0x0F == 8, cmf >> 4 <= 7, (UInt16(cmf) << 8 | UInt16(flg)) % 31 == 0 else {
            throw ZlibError(.badHeader, "Data does not start with a zlib header (bytes \(hex(cmf)) \(hex(flg))); it is not zlib-compressed.")
        }
        guard flg & 0x20 == 0 else {
            throw ZlibError(.badHeader, "zlib stream needs a preset dictionary, which this decoder does not support.")
        }
        var inflater = Inflater(input: data, position: 2, maxOutput: limits.maxOutputBytes)
        try inflater.run()
        let end = inflater.alignedBytePosition
        guard end + 4 <= data.count else {
            throw ZlibError(.truncated, "zlib stream ends before its Adler-32 checksum; the data is incomplete.")
        }
        let expected = UInt32(data[end]) << 24 | UInt32(data[end + 1]) << 16 | UInt32(data[end + 2]) << 8 | UInt32(data[end + 3])
        let actual = adler32(inflater.output)
        guard expected == actual else {
            throw ZlibError(.checksumMismatch, "zlib Adler-32 checksum does not match the inflated data; the data is corrupt.")
        }
        return inflater.output
    }

    /// Inflates a raw DEFLATE stream (RFC 1951, no zlib header or checksum), as a SMART Health
    /// Card's `zip: "DEF"` payload carries it. Bytes after the final block are ignored (some
    /// issuers append a gzip-style CRC-32 and length); output beyond `limits` is refused.
    public static func inflateRaw(_ data: [UInt8], limits: Limits = Limits()) throws(ZlibError) -> [UInt8] {
        var inflater = Inflater(input: data, position: 0, maxOutput: limits.maxOutputBytes)
        try inflater.run()
        return inflater.output
    }

    /// Compresses `data` into a zlib stream (one fixed-Huffman block).
    public static func deflate(_ data: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.bytes = [0x78, 0x01]
        writer.write(1, bits: 1)  // BFINAL
        writer.write(1, bits: 2)  // BTYPE = fixed
        var head = [Int](repeating: -1, count: 1 << 12)
        var i = 0
        while i < data.count {
            var bestLength = 0, bestDistance = 0
            if i + 3 <= data.count {
                let h = (Int(data[i]) << 4 ^ Int(data[i + 1]) << 2 ^ Int(data[i + 2]) &* 31) & 0xFFF
                let candidate = head[h]
                head[h] = i
                if candidate >= 0, i - candidate <= 32768 {
                    var length = 0
                    while length < 258, i + length < data.count, data[candidate + length] == data[i + length] { length += 1 }
                    if length >= 3 {
                        bestLength = length
                        bestDistance = i - candidate
                    }
                }
            }
            if bestLength >= 3 {
                writer.writeLength(bestLength)
                writer.writeDistance(bestDistance)
                i += bestLength
            } else {
                writer.writeLiteral(Int(data[i]))
                i += 1
            }
        }
        writer.writeLiteral(256)
        writer.flush()
        let checksum = adler32(data)
        writer.bytes.append(contentsOf: [UInt8(checksum >> 24), UInt8(checksum >> 16 & 0xFF), UInt8(checksum >> 8 & 0xFF), UInt8(checksum & 0xFF)])
        return writer.bytes
    }

    /// The Adler-32 checksum of `data`.
    public static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var index = 0
        while index < data.count {
            let end = min(index + 5552, data.count)
            while index < end {
                a &+= UInt32(data[index])
                b &+= a
                index += 1
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return "0x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 0xF)])
    }

    static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// A canonical Huffman code as counts per length and symbols in code order, plus a
    /// lookup table for codes of up to ``fastBits`` bits.
    struct Huffman {
        static let fastBits = 9
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []
        /// Indexed by the next `fastBits` input bits: `symbol << 4 | length`, or 0 when the
        /// code is longer (then the slow path decodes it bit by bit).
        var fast = [UInt16](repeating: 0, count: 1 << 9)

        init(lengths: ArraySlice<Int>) throws(ZlibError) {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var left = 1
            for length in 1...15 {
                left <<= 1
                left -= counts[length]
                if left < 0 { throw ZlibError(.corrupt, "Deflate stream defines an over-subscribed Huffman code; the data is corrupt.") }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
            // Canonical codes, assigned in (length, symbol) order; stored bit-reversed
            // because deflate sends Huffman codes most significant bit first.
            var code = 0
            var index = 0
            for length in 1...15 {
                for _ in 0..<counts[length] {
                    if length <= Self.fastBits {
                        var reversed = 0
                        for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
                        let entry = UInt16(symbols[index] << 4 | length)
                        var slot = reversed
                        while slot < 1 << Self.fastBits {
                            fast[slot] = entry
                            slot += 1 << length
                        }
                    }
                    code += 1
                    index += 1
                }
                code <<= 1
            }
        }
    }

    struct Inflater {
        let input: [UInt8]
        var position: Int
        var bitBuffer: UInt32 = 0
        var bitCount = 0
        let maxOutput: Int
        var output: [UInt8] = []

        init(input: [UInt8], position: Int, maxOutput: Int) {
            self.input = input
            self.position = position
            self.maxOutput = maxOutput
        }

        var alignedBytePosition: Int { position - bitCount / 8 }

        static let truncated = ZlibError(.truncated, "Deflate stream ends in the middle of a block; the data is incomplete.")

        mutating func bits(_ n: Int) throws(ZlibError) -> Int {
            while bitCount < n {
                guard position < input.count else { throw Self.truncated }
                bitBuffer |= UInt32(input[position]) << UInt32(bitCount)
                position += 1
                bitCount += 8
            }
            let value = Int(bitBuffer & ((1 << UInt32(n)) - 1))
            bitBuffer >>= UInt32(n)
            bitCount -= n
            return value
        }

        mutating func decode(_ huffman: Huffman) throws(ZlibError) -> Int {
            while bitCount < Huffman.fastBits, position < input.count {
                bitBuffer |= UInt32(input[position]) << UInt32(bitCount)
                position += 1
                bitCount += 8
            }
            let entry = Int(huffman.fast[Int(bitBuffer & UInt32((1 << Huffman.fastBits) - 1))])
            let length = entry & 0xF
            if length != 0, length <= bitCount {
                bitBuffer >>= UInt32(length)
                bitCount -= length
                return entry >> 4
            }
            var code = 0, first = 0, index = 0
            for length in 1...15 {
                code |= try bits(1)
                let count = huffman.counts[length]
                if code - first < count { return huffman.symbols[index + code - first] }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            throw ZlibError(.corrupt, "Deflate stream holds a Huffman code that its table does not define; the data is corrupt.")
        }

        mutating func run() throws(ZlibError) {
            var final = false
            while !final {
                final = try bits(1) == 1
                switch try bits(2) {
                case 0: try stored()
                case 1: try codes(Self.fixedLiterals, Self.fixedDistances)
                case 2:
                    let (literals, distances) = try dynamicTables()
                    try codes(literals, distances)
                default:
                    throw ZlibError(.corrupt, "Deflate stream uses the reserved block type 3; the data is corrupt.")
                }
            }
        }

        mutating func stored() throws(ZlibError) {
            position -= bitCount / 8  // whole bytes the fast decoder read ahead
            bitBuffer = 0
            bitCount = 0
            guard position + 4 <= input.count else { throw Self.truncated }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
            position += 4
            guard length == ~complement & 0xFFFF else {
                throw ZlibError(.corrupt, "Deflate stored block has a length that does not match its complement; the data is corrupt.")
            }
            guard position + length <= input.count else { throw Self.truncated }
            try reserve(length)
            output.append(contentsOf: input[position..<position + length])
            position += length
        }

        mutating func reserve(_ n: Int) throws(ZlibError) {
            guard output.count + n <= maxOutput else {
                throw ZlibError(
                    .outputTooLarge, "Compressed data inflates to more than \(maxOutput) bytes; it is rejected as too large for a credential.")
            }
        }

        static let fixedLiterals: Huffman = {
            var lengths = [Int](repeating: 8, count: 288)
            for i in 144..<256 { lengths[i] = 9 }
            for i in 256..<280 { lengths[i] = 7 }
            return try! Huffman(lengths: lengths[...])
        }()

        static let fixedDistances: Huffman = try! Huffman(lengths: [Int](repeating: 5, count: 30)[...])

        mutating func dynamicTables() throws(ZlibError) -> (Huffman, Huffman) {
            let literalCount = try bits(5) + 257
            let distanceCount = try bits(5) + 1
            let codeLengthCount = try bits(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else {
                throw ZlibError(.corrupt, "Deflate dynamic block declares too many codes; the data is corrupt.")
            }
            var codeLengthLengths = [Int](repeating: 0, count: 19)
            for i in 0..<codeLengthCount { codeLengthLengths[Zlib.codeLengthOrder[i]] = try bits(3) }
            let codeLengthCode = try Huffman(lengths: codeLengthLengths[...])
            var lengths: [Int] = []
            lengths.reserveCapacity(literalCount + distanceCount)
            while lengths.count < literalCount + distanceCount {
                let symbol = try decode(codeLengthCode)
                var repeatValue = 0, repeatCount = 0
                switch symbol {
                case 0..<16:
                    lengths.append(symbol)
                    continue
                case 16:
                    guard let last = lengths.last else {
                        throw ZlibError(.corrupt, "Deflate dynamic block repeats a code length before any was given; the data is corrupt.")
                    }
                    repeatValue = last
                    repeatCount = 3 + (try bits(2))
                case 17: repeatCount = 3 + (try bits(3))
                default: repeatCount = 11 + (try bits(7))
                }
                guard lengths.count + repeatCount <= literalCount + distanceCount else {
                    throw ZlibError(.corrupt, "Deflate dynamic block repeats code lengths past the end of its table; the data is corrupt.")
                }
                lengths.append(contentsOf: repeatElement(repeatValue, count: repeatCount))
            }
            guard lengths[256] != 0 else {
                throw ZlibError(.corrupt, "Deflate dynamic block has no end-of-block code; the data is corrupt.")
            }
            return (try Huffman(lengths: lengths[0..<literalCount]), try Huffman(lengths: lengths[literalCount...]))
        }

        mutating func codes(_ literals: Huffman, _ distances: Huffman) throws(ZlibError) {
            while true {
                let symbol = try decode(literals)
                if symbol < 256 {
                    try reserve(1)
                    output.append(UInt8(symbol))
                } else if symbol == 256 {
                    return
                } else {
                    let lengthIndex = symbol - 257
                    guard lengthIndex < 29 else {
                        throw ZlibError(.corrupt, "Deflate stream uses the invalid length symbol \(symbol); the data is corrupt.")
                    }
                    let length = Zlib.lengthBase[lengthIndex] + (try bits(Zlib.lengthExtra[lengthIndex]))
                    let distanceSymbol = try decode(distances)
                    guard distanceSymbol < 30 else {
                        throw ZlibError(.corrupt, "Deflate stream uses the invalid distance symbol \(distanceSymbol); the data is corrupt.")
                    }
                    let distance = Zlib.distanceBase[distanceSymbol] + (try bits(Zlib.distanceExtra[distanceSymbol]))
                    guard distance <= output.count else {
                        throw ZlibError(.corrupt, "Deflate stream refers back \(distance) bytes, before the start of the data; the data is corrupt.")
                    }
                    try reserve(length)
                    var from = output.count - distance
                    for _ in 0..<length {
                        output.append(output[from])
                        from += 1
                    }
                }
            }
        }
    }

    struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0
        var count = 0

        mutating func write(_ value: Int, bits: Int) {
            buffer |= UInt32(value) << UInt32(count)
            count += bits
            while count >= 8 {
                bytes.append(UInt8(buffer & 0xFF))
                buffer >>= 8
                count -= 8
            }
        }

        /// Writes a Huffman code, most significant bit first.
        mutating func writeCode(_ code: Int, bits: Int) {
            var reversed = 0
            for i in 0..<bits where code & (1 << i) != 0 { reversed |= 1 << (bits - 1 - i) }
            write(reversed, bits: bits)
        }

        mutating func writeLiteral(_ symbol: Int) {
            switch symbol {
            case 0..<144: writeCode(0x30 + symbol, bits: 8)
            case 144..<256: writeCode(0x190 + symbol - 144, bits: 9)
            case 256..<280: writeCode(symbol - 256, bits: 7)
            default: writeCode(0xC0 + symbol - 280, bits: 8)
            }
        }

        mutating func writeLength(_ length: Int) {
            var index = Zlib.lengthBase.count - 1
            while Zlib.lengthBase[index] > length { index -= 1 }
            writeLiteral(257 + index)
            write(length - Zlib.lengthBase[index], bits: Zlib.lengthExtra[index])
        }

        mutating func writeDistance(_ distance: Int) {
            var index = Zlib.distanceBase.count - 1
            while Zlib.distanceBase[index] > distance { index -= 1 }
            writeCode(index, bits: 5)
            write(distance - Zlib.distanceBase[index], bits: Zlib.distanceExtra[index])
        }

        mutating func flush() {
            if count > 0 { bytes.append(UInt8(buffer & 0xFF)) }
            buffer = 0
            count = 0
        }
    }
}

/// A zlib inflate failure.
public struct ZlibError: GateError {
    /// What went wrong, for programs.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// Not a zlib header, or one with options this decoder lacks.
        public static let badHeader = Code("bad_header")
        /// The stream ended early.
        public static let truncated = Code("truncated")
        /// Invalid block structure or Huffman codes.
        public static let corrupt = Code("corrupt")
        /// The Adler-32 trailer does not match.
        public static let checksumMismatch = Code("checksum_mismatch")
        /// Output beyond the configured limit.
        public static let outputTooLarge = Code("output_too_large")
        /// The snake_case name of the code.
        public var description: String { name }
    }
    /// What went wrong.
    public var code: Code
    /// What went wrong and what a person can do.
    public var message: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int
    init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.file = file
        self.line = line
        self.code = code
        self.message = message
    }
}
