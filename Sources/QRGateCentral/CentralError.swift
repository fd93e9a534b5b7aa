import QRGateCore

/// Why the central service refused a configuration, a request or a command, with what to do.
public typealias CentralError = CodedError<CentralErrors>
/// The domain of ``CentralError``: what the central service refuses.
public enum CentralErrors: ErrorDomain {
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
}
