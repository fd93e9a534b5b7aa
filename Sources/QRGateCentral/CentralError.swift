import QRGateCore

/// Why the central service refused a configuration, a request or a command, with what to do.
public struct CentralError: GateError {
    /// Kinds of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String {
            case invalidConfiguration, database, unreadableFile, invalidKey, invalidResource, notFound
        }
        private let kind: Kind
        /// The configuration file or a `QRGATE_CENTRAL_*` variable is wrong.
        public static let invalidConfiguration = Code(kind: .invalidConfiguration)
        /// PostgreSQL refused or could not be reached.
        public static let database = Code(kind: .database)
        /// A configured file cannot be read.
        public static let unreadableFile = Code(kind: .unreadableFile)
        /// The signing key is not a P-256 private key.
        public static let invalidKey = Code(kind: .invalidKey)
        /// A resource to publish is not one the gates sync, or is empty.
        public static let invalidResource = Code(kind: .invalidResource)
        /// The thing asked for does not exist.
        public static let notFound = Code(kind: .notFound)
        public var description: String { kind.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// What it means and what to do.
    public var message: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int

    /// Creates an error.
    public init(code: Code, message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }
}
