/// The domain a ``CodedError`` belongs to: an empty enum whose name tells the errors of one
/// area apart as types (so `catch let error as DCCRevocationError` still means what it says).
public protocol ErrorDomain: Sendable {}

/// The ``GateError`` of an area whose codes are plain snake_case words: one shape for all of them,
/// told apart by their ``ErrorDomain``. An area with a closed set of codes a program switches
/// on gives its error a `Code` type of its own instead.
public struct CodedError<Domain: ErrorDomain>: GateError {
    /// What went wrong, a snake_case word.
    public var code: String
    /// What went wrong and what a person can do.
    public var message: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int

    /// Creates an error.
    public init(_ code: String, _ message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    /// Creates an error (labelled form).
    public init(code: String, message: String, file: String = #fileID, line: Int = #line) {
        self.init(code, message, file: file, line: line)
    }
}
