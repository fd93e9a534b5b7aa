import Foundation
import QRGateCore

/// What a bearer token may do on the local API.
public enum APIRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// Reads check-in logs, who is inside, who left, exports and the audit chain.
    case supervisor
    /// Reads status, configuration, dead letters and the access log.
    case `operator`
    /// The kiosk's own screen: posts scans, images and declarations.
    case kiosk
}

/// A bearer token as stored: never its secret, only the secret's SHA-256.
public struct APIToken: Sendable, Hashable {
    /// Short public id (`tok_…`), used to list and revoke.
    public var id: String
    /// Who holds it.
    public var name: String
    /// What it may do.
    public var role: APIRole
    /// Creation time, Unix milliseconds.
    public var createdAtMilliseconds: Int64
    /// Revocation time, Unix milliseconds; nil while valid.
    public var revokedAtMilliseconds: Int64?

    /// Whether the token is still accepted.
    public var isActive: Bool { revokedAtMilliseconds == nil }

    /// Creates a token description.
    public init(id: String, name: String, role: APIRole, createdAtMilliseconds: Int64, revokedAtMilliseconds: Int64? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.createdAtMilliseconds = createdAtMilliseconds
        self.revokedAtMilliseconds = revokedAtMilliseconds
    }
}

/// Why a token operation failed, with what a person can do.
public struct APITokenError: GateError {
    /// Kinds of token failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String { case invalidName, unknownToken, alreadyRevoked, storeFailed }
        private let kind: Kind
        /// The holder's name is empty or too long.
        public static let invalidName = Code(kind: .invalidName)
        /// No token has this id.
        public static let unknownToken = Code(kind: .unknownToken)
        /// The token was revoked before.
        public static let alreadyRevoked = Code(kind: .alreadyRevoked)
        /// The database could not be read or written.
        public static let storeFailed = Code(kind: .storeFailed)
        /// The code as text.
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
