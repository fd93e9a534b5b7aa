import QRGateCore

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
public struct ConfigurationError: GateError {
    /// `invalid_configuration`: the one kind; `problems` says what is wrong.
    public var code: String { "invalid_configuration" }
    /// The configuration file that was read, if any.
    public var path: String?
    /// Every problem found.
    public var problems: [ConfigurationProblem]
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int

    /// Creates the error.
    public init(path: String?, problems: [ConfigurationProblem], file: String = #fileID, line: Int = #line) {
        self.path = path
        self.problems = problems
        self.file = file
        self.line = line
    }

    /// Every problem, one a line, after a header naming the file.
    public var message: String {
        let source = path.map { "configuration \($0)" } ?? "configuration"
        let header = "\(source) has \(problems.count) problem\(problems.count == 1 ? "" : "s"):"
        return ([header] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }

    /// The message.
    public var description: String { message }
}
