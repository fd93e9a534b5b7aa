/// A CBOR decoding failure.
public struct CBORError: GateError {
    /// What went wrong, for programs.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The input ended inside an item.
        public static let truncated = Code("truncated")
        /// Additional information 28–30, or a break where none may stand.
        public static let malformed = Code("malformed")
        /// Nesting deeper than the configured limit.
        public static let tooDeep = Code("too_deep")
        /// A length or count beyond the configured limits.
        public static let tooLarge = Code("too_large")
        /// A text string that is not UTF-8.
        public static let invalidUTF8 = Code("invalid_utf8")
        /// Bytes after the first complete item.
        public static let trailingBytes = Code("trailing_bytes")
        /// The snake_case name of the code.
        public var description: String { name }
    }
    /// What went wrong.
    public var code: Code
    /// Byte offset where it went wrong.
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
