extension SmartHealthCardQR {
    /// How far the chunked health card among a presentation's codes has come.
    public struct ChunkProgress: Sendable, Equatable {
        /// The distinct chunk numbers read.
        public var have: Set<Int>
        /// How many chunks the card has.
        public var count: Int
        /// Creates a progress.
        public init(have: Set<Int>, count: Int) {
            self.have = have
            self.count = count
        }
        /// True when every chunk 1…N was read.
        public var isComplete: Bool { have.count == count }
    }

    /// The chunk number and count of a chunked code (`shc:/C/N/…`), nil for any other text.
    static func header(_ text: String) -> (index: Int, count: Int)? {
        guard hasPrefix(text), let chunk = try? chunk(Substring(text)), let count = chunk.count else { return nil }
        return (chunk.index, count)
    }

    /// `texts` with the chunked health-card codes among them joined into one text (one code
    /// per line, at the place of the first), so the card is inspected whole; other texts as they are.
    public static func joiningChunks(_ texts: [String]) -> [String] {
        let chunked = texts.filter { header($0) != nil }
        guard chunked.count > 1 else { return texts }
        var result: [String] = []
        var joined = false
        for text in texts {
            if header(text) == nil {
                result.append(text)
            } else if !joined {
                result.append(chunked.joined(separator: "\n"))
                joined = true
            }
        }
        return result
    }

    /// The progress of the chunked card among `texts`: nil when there is none, or when its
    /// chunks disagree on N (then the card is decided at once, and refused).
    public static func chunkProgress(_ texts: [String]) -> ChunkProgress? {
        let headers = texts.compactMap(header)
        guard let count = headers.first?.count, headers.allSatisfy({ $0.count == count }) else { return nil }
        return ChunkProgress(have: Set(headers.map(\.index)), count: count)
    }

    /// True when `new` holds chunks that carry on the incomplete card of `held`: the same N, and
    /// only chunk numbers not read yet. A presentation waiting for the rest of a card keeps them
    /// instead of taking them for another person's certificate.
    public static func continues(_ held: [String], with new: [String]) -> Bool {
        guard let progress = chunkProgress(held), !progress.isComplete else { return false }
        let headers = new.compactMap(header)
        guard !headers.isEmpty else { return false }
        return headers.allSatisfy { $0.count == progress.count && !progress.have.contains($0.index) }
    }
}
