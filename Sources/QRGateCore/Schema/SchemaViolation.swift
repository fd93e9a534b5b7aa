/// One way in which a JSON value breaks its schema.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// Where in the validated value: a JSON Pointer (RFC 6901) such as `/v/0/dn`; `""` is the root.
    public var path: String
    /// What is wrong, in words a person can act on. Never quotes the offending value itself
    /// (payloads carry personal data); the path says which field it is.
    public var message: String

    /// Creates a violation.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`, with `/` standing for the root.
    public var description: String { "\(path.isEmpty ? "/" : path): \(message)" }
}
