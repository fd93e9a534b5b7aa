// STUB for branch `dcc` only — replaced at merge by the real JSON-schema validator.
// It checks just `ver`, `nam`, `dob` and "exactly one non-null of v/t/r".

/// One place where a payload breaks the schema.
public struct SchemaViolation: Sendable, Hashable {
    /// JSON pointer-like path of the offending value.
    public var path: String
    /// What is wrong.
    public var message: String
    /// Creates a violation.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}

/// Thrown when no schema is known for a DCC `ver`.
public struct SchemaUnavailable: Error, Sendable, Hashable {
    /// The version asked for.
    public var version: String
}

/// Validates DCC payloads against the DCC JSON schema (stub).
public enum DCCSchemaValidator {
    /// Validates a DCC payload against the schema of the given `ver` (e.g. "1.3.0");
    /// throws ``SchemaUnavailable`` if no schema for that version.
    public static func validate(_ payload: JSONValue, version: String) throws -> [SchemaViolation] {
        guard version.hasPrefix("1.") else { throw SchemaUnavailable(version: version) }
        var violations: [SchemaViolation] = []
        for key in ["ver", "nam", "dob"] where payload[key] == nil {
            violations.append(SchemaViolation(path: "/\(key)", message: "required property \(key) is missing"))
        }
        let groups = ["v", "t", "r"].filter { payload[$0] != nil && payload[$0] != .null }
        if groups.count != 1 {
            violations.append(SchemaViolation(path: "", message: "exactly one of v, t, r is required"))
        }
        return violations
    }
}
