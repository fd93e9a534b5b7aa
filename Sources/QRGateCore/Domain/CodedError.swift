/// The domain a ``CodedError`` belongs to: an enum whose name tells the errors of one area apart
/// as types (so `catch let error as DCCRevocationError` still means what it says), and which names
/// the area's codes: plain snake_case words (`String`, the default), or a closed set of its own.
public protocol ErrorDomain: Sendable {
    /// The codes of this area.
    associatedtype Code: Sendable, Hashable, CustomStringConvertible = String
}

/// The one struct behind ``GateError``s: a code, a message, where it was raised; areas are told
/// apart by their ``ErrorDomain``, which also says what a code is (a word, or a closed set).
public struct CodedError<Domain: ErrorDomain>: GateError {
    /// The codes of this error's area.
    public typealias Code = Domain.Code
    /// What went wrong, for programs.
    public var code: Code
    /// What went wrong and what a person can do.
    public var message: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int

    /// Creates an error.
    public init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    /// Creates an error (labelled form).
    public init(code: Code, message: String, file: String = #fileID, line: Int = #line) {
        self.init(code, message, file: file, line: line)
    }
}
