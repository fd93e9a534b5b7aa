/// The one shape of a qrgate error: a stable code for programs to switch on, a message that
/// says what went wrong and what a person can do, and the source location that raised it.
///
/// Two errors of a type are equal when their codes are: the message and location are for
/// people, the code is the contract. `description` is `code: message` unless a type says more.
public protocol GateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of error: a small `Hashable` value whose description is a snake_case word.
    associatedtype Code: Sendable, Hashable, CustomStringConvertible
    /// What went wrong, for programs.
    var code: Code { get }
    /// What went wrong and what a person can do, for people.
    var message: String { get }
    /// Source file that raised the error (`#fileID`).
    var file: String { get }
    /// Source line that raised the error.
    var line: Int { get }
}

extension GateError {
    /// Equal by code.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }

    /// Hashes the code.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }

    /// `file:line`, for logs.
    public var location: String { "\(file):\(line)" }
}
