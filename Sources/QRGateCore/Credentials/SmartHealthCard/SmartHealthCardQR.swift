/// The `shc:/` text layer of a SMART Health Card: the prefix, chunking (`shc:/C/N/…`, the
/// specification's deprecated but still specified split of a long JWS over N codes) and the
/// numeric mode (each base64url character as two digits, `ord(c) - 45`).
public enum SmartHealthCardQR {
    /// The prefix, compared without regard to case (QR alphanumeric mode may upper-case it).
    public static let prefix = "shc:/"
    /// Most chunks one card may have.
    public static let maxChunks = 16
    /// Most characters one code may hold (a version-40 QR code holds 7089 digits).
    public static let maxCharactersPerCode = 8192

    /// One scanned code: chunk `index` of `count` (1 of 1 for a single-code card) and its digits.
    public struct Chunk: Sendable, Hashable {
        /// 1-based chunk number.
        public var index: Int
        /// Number of chunks of the card; nil for a single-code card (`shc:/` followed by digits).
        public var count: Int?
        /// The numeric part.
        public var digits: Substring
    }

    /// True when `text` starts with `shc:/` (any case).
    public static func hasPrefix(_ text: some StringProtocol) -> Bool {
        let head = text.utf8.prefix(5)
        guard head.count == 5 else { return false }
        return zip(head, prefix.utf8).allSatisfy { a, b in a | 0x20 == b | 0x20 || a == b }
    }

    /// Reads the chunk header of one code's text (after its prefix was checked).
    public static func chunk(_ text: Substring) throws(SmartHealthCardError) -> Chunk {
        guard text.utf8.count <= maxCharactersPerCode else {
            throw SmartHealthCardError(.tooLong, "The code holds \(text.utf8.count) characters, more than a QR code can; it is not a health card.")
        }
        let body = text.dropFirst(prefix.count)
        let parts = body.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 1 { return Chunk(index: 1, count: nil, digits: body) }
        guard parts.count == 3, let index = Int(parts[0]), let count = Int(parts[1]), parts[0].count <= 3, parts[1].count <= 3,
            (1...maxChunks).contains(count), (1...count).contains(index)
        else {
            throw SmartHealthCardError(
                .badChunkHeader, "The code's chunk header (shc:/C/N/) is malformed or names more than \(maxChunks) chunks; scan the card again.")
        }
        return Chunk(index: index, count: count, digits: parts[2])
    }

    /// The numeric text of a whole card from its chunks in any order: every chunk 1…N exactly
    /// once, all with the same N (a single-code card alone).
    public static func assemble(_ chunks: [Chunk]) throws(SmartHealthCardError) -> [Substring] {
        guard let first = chunks.first else {
            throw SmartHealthCardError(.missingChunk, "No health card code was given.")
        }
        guard let count = first.count else {
            guard chunks.count == 1 else {
                throw SmartHealthCardError(
                    .chunkCountMismatch, "A single-code health card was scanned together with other health card codes; scan one card at a time.")
            }
            return [first.digits]
        }
        var ordered = [Substring?](repeating: nil, count: count)
        for chunk in chunks {
            guard chunk.count == count else {
                throw SmartHealthCardError(
                    .chunkCountMismatch,
                    "The codes disagree on how many chunks the card has; they belong to different cards. Scan the codes of one card.")
            }
            if let seen = ordered[chunk.index - 1] {
                guard seen == chunk.digits else {
                    throw SmartHealthCardError(
                        .duplicateChunk, "Chunk \(chunk.index) of \(count) was scanned twice with different content; scan the codes of one card.")
                }
                throw SmartHealthCardError(.duplicateChunk, "Chunk \(chunk.index) of \(count) is there twice; each chunk must be given once.")
            }
            ordered[chunk.index - 1] = chunk.digits
        }
        let missing = ordered.indices.filter { ordered[$0] == nil }.map { String($0 + 1) }
        guard missing.isEmpty else {
            throw SmartHealthCardError(
                .missingChunk, "Chunk \(missing.joined(separator: ", ")) of \(count) is missing; scan every code of the card.")
        }
        return ordered.map { $0! }
    }

    /// The JWS text of numeric-mode digits: digits only, an even number of them, every pair ≤ 77.
    public static func jws(fromNumeric parts: [Substring]) throws(SmartHealthCardError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count } / 2)
        for part in parts {
            let digits = Array(part.utf8)
            guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw SmartHealthCardError(.notNumeric, "The code's data holds characters other than digits; it is not a numeric-mode health card.")
            }
            guard digits.count.isMultiple(of: 2) else {
                throw SmartHealthCardError(.oddLength, "The code's data has an odd number of digits; the code was read incompletely. Scan it again.")
            }
            var position = 0
            while position < digits.count {
                let value = Int(digits[position] - 0x30) * 10 + Int(digits[position + 1] - 0x30)
                guard value <= 77 else {
                    throw SmartHealthCardError(
                        .digitPairOutOfRange, "The code's data holds the digit pair \(value), above 77; it is not a health card.")
                }
                out.append(UInt8(value + 45))
                position += 2
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
