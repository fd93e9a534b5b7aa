/// No DCC schema can be chosen for a payload's `ver`.
public struct SchemaUnavailable: GateError {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case malformedVersion = "malformed_version"
            case unknownVersion = "unknown_version"
            case damagedSchema = "damaged_schema"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// `ver` is not `MAJOR.MINOR.PATCH` (or `MAJOR.MINOR`) with decimal numbers.
        public static let malformedVersion = Code(.malformedVersion)
        /// No embedded release shares the payload's major.minor version.
        public static let unknownVersion = Code(.unknownVersion)
        /// The embedded schema of that release failed to compile (a build defect).
        public static let damagedSchema = Code(.damagedSchema)

        /// The code as snake_case text.
        public var description: String { value.rawValue }
    }

    /// The kind of problem.
    public var code: Code
    /// The `ver` that was asked for.
    public var version: String
    /// What is wrong and what can be done.
    public var message: String
    /// Source file of the throw site.
    public var file: String
    /// Source line of the throw site.
    public var line: Int

    /// Creates an error.
    public init(code: Code, version: String, message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.version = version
        self.message = message
        self.file = file
        self.line = line
    }
}
