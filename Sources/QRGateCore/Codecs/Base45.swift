/// Base45 encoding as specified by RFC 9285, the text layer of EU DCC QR codes.
public enum Base45 {
    /// The 45 symbols of the alphabet, in value order.
    public static let alphabet: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    private static let decodeTable: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (value, symbol) in alphabet.enumerated() { table[Int(symbol)] = Int8(value) }
        return table
    }()

    /// Encodes bytes as Base45 text.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 2 * 3 + 2)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            if let second = iterator.next() {
                var n = Int(first) << 8 | Int(second)
                for _ in 0..<3 {
                    out.append(alphabet[n % 45])
                    n /= 45
                }
            } else {
                var n = Int(first)
                for _ in 0..<2 {
                    out.append(alphabet[n % 45])
                    n /= 45
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes Base45 text.
    ///
    /// - Throws: ``Base45Error`` for a symbol outside the alphabet, a length that leaves a
    ///   single trailing symbol, or a group whose value does not fit its byte count.
    public static func decode(_ text: some StringProtocol) throws(Base45Error) -> [UInt8] {
        try decode(bytes: Array(text.utf8))
    }

    /// Decodes Base45 given as the UTF-8 bytes of the text.
    public static func decode(bytes text: [UInt8]) throws(Base45Error) -> [UInt8] {
        if text.count % 3 == 1 {
            throw Base45Error(
                .invalidLength, offset: text.count - 1,
                "Base45 text has \(text.count) symbols; a valid length is never 1 more than a multiple of 3. The QR text was probably truncated.")
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 3 * 2 + 1)
        var index = 0
        func value(_ i: Int) throws(Base45Error) -> Int {
            let v = decodeTable[Int(text[i])]
            if v < 0 {
                throw Base45Error(
                    .invalidCharacter, offset: i,
                    "Base45 text holds a character outside the 45-symbol alphabet at position \(i). Rescan the code; it may not be a Base45 payload.")
            }
            return Int(v)
        }
        while index + 3 <= text.count {
            let n = try value(index) + 45 * (try value(index + 1)) + 2025 * (try value(index + 2))
            if n > 0xFFFF {
                throw Base45Error(
                    .valueOverflow, offset: index,
                    "Base45 group at position \(index) encodes \(n), more than two bytes can hold. The text is not valid Base45.")
            }
            out.append(UInt8(n >> 8))
            out.append(UInt8(n & 0xFF))
            index += 3
        }
        if index + 2 == text.count {
            let n = try value(index) + 45 * (try value(index + 1))
            if n > 0xFF {
                throw Base45Error(
                    .valueOverflow, offset: index,
                    "Base45 final pair at position \(index) encodes \(n), more than one byte can hold. The text is not valid Base45.")
            }
            out.append(UInt8(n))
        }
        return out
    }
}

/// A Base45 decoding failure.
public struct Base45Error: GateError {
    /// What went wrong, for programs.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case invalidCharacter = "invalid_character", invalidLength = "invalid_length", valueOverflow = "value_overflow"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }
        /// A symbol outside the Base45 alphabet.
        public static let invalidCharacter = Code(.invalidCharacter)
        /// A length of 3n+1 symbols.
        public static let invalidLength = Code(.invalidLength)
        /// A group whose value exceeds what its bytes hold.
        public static let valueOverflow = Code(.valueOverflow)
        /// The snake_case name of the code.
        public var description: String { value.rawValue }
    }
    /// What went wrong.
    public var code: Code
    /// Position of the offending symbol.
    public var offset: Int
    /// What went wrong and what a person can do.
    public var message: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int
    init(_ code: Code, offset: Int, _ message: String, file: String = #fileID, line: Int = #line) {
        self.file = file
        self.line = line
        self.code = code
        self.offset = offset
        self.message = message
    }
}
