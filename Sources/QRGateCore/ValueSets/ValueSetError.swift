/// A value-set file that cannot be used.
public struct ValueSetError: GateError {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case notJSON = "not_json"
            case wrongShape = "wrong_shape"
            case unreadable
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The file is not JSON text.
        public static let notJSON = Code(.notJSON)
        /// The JSON lacks `valueSetId`, `valueSetDate` or `valueSetValues`, or an entry lacks `display`.
        public static let wrongShape = Code(.wrongShape)
        /// The file or folder could not be read.
        public static let unreadable = Code(.unreadable)

        /// The code as snake_case text.
        public var description: String { value.rawValue }
    }

    /// The kind of problem.
    public var code: Code
    /// What is wrong and what to do; names the file when there is one.
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
