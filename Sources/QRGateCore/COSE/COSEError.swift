/// A COSE parsing, verification or signing failure.
public struct COSEError: GateError {
    /// What went wrong, for programs.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The bytes are not CBOR.
        public static let invalidCBOR = Code("invalid_cbor")
        /// CBOR, but not a COSE_Sign1 structure.
        public static let notSign1 = Code("not_cose_sign1")
        /// A header is not a map, or a header field has the wrong type.
        public static let invalidHeader = Code("invalid_header")
        /// The payload is detached (nil); a credential must carry its payload.
        public static let detachedPayload = Code("detached_payload")
        /// An algorithm this verifier does not support, or one that does not fit the key.
        public static let unsupportedAlgorithm = Code("unsupported_algorithm")
        /// A key that cannot be used.
        public static let invalidKey = Code("invalid_key")
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
