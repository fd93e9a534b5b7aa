/// One thing wrong with the configuration: which key, the value found, and what is allowed.
public struct ConfigurationProblem: Sendable, Hashable, CustomStringConvertible {
    /// Dotted key (`http.address`) or environment variable name (`QRGATE_HTTP_ADDRESS`).
    public var key: String
    /// The offending value as written, or `nil` when it is missing or unreadable.
    public var value: String?
    /// What would be accepted instead.
    public var allowed: String
    /// Line in the file, when known.
    public var line: Int?

    /// Creates a problem report.
    public init(key: String, value: String?, allowed: String, line: Int? = nil) {
        self.key = key
        self.value = value
        self.allowed = allowed
        self.line = line
    }

    public var description: String {
        var text = key
        if let line { text += " (line \(line))" }
        if let value { text += ": \"\(value)\" is not allowed" } else { text += ": invalid" }
        return text + "; expected \(allowed)"
    }
}

/// The configuration could not be used; carries every problem found, not just the first.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The file that was read, if any.
    public var file: String?
    /// Every problem found.
    public var problems: [ConfigurationProblem]

    /// Creates the error.
    public init(file: String?, problems: [ConfigurationProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        let source = file.map { "configuration \($0)" } ?? "configuration"
        let header = "\(source) has \(problems.count) problem\(problems.count == 1 ? "" : "s"):"
        return ([header] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
