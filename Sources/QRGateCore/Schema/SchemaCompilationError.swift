/// A schema document that the validator cannot compile.
public struct SchemaCompilationError: GateError {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case unsupportedPattern = "unsupported_pattern"
            case unresolvableReference = "unresolvable_reference"
            case invalidKeyword = "invalid_keyword"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A `pattern` uses regular-expression syntax outside the supported ECMA-262 subset.
        public static let unsupportedPattern = Code(.unsupportedPattern)
        /// A `$ref` points outside the document or at nothing.
        public static let unresolvableReference = Code(.unresolvableReference)
        /// A keyword has a value of the wrong JSON type (for example `"minLength": "3"`).
        public static let invalidKeyword = Code(.invalidKeyword)

        /// The code as snake_case text.
        public var description: String { value.rawValue }
    }

    /// The kind of problem.
    public var code: Code
    /// What is wrong and what to change in the schema.
    public var message: String
    /// Source file of the throw site.
    public var file: String
    /// Source line of the throw site.
    public var line: Int

    /// Creates an error.
    public init(code: Code, message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }
}
