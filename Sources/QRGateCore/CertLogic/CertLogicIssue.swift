/// One problem the static validator found in a CertLogic expression.
public struct CertLogicIssue: Sendable, Hashable, CustomStringConvertible {
    /// The offending (sub-)expression, exactly as given.
    public var expr: JSONValue
    /// The kind of problem.
    public var code: CertLogicError.Code
    /// What is wrong with `expr` and how to fix it.
    public var message: String

    /// Creates an issue.
    public init(expr: JSONValue, code: CertLogicError.Code, message: String) {
        self.expr = expr
        self.code = code
        self.message = message
    }

    /// `message (in expr)`.
    public var description: String {
        var text = expr.serialized()
        if text.utf8.count > 200 { text = String(text.prefix(200)) + "…" }
        return "\(message) (in \(text))"
    }
}
