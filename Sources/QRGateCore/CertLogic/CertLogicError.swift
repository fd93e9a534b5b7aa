/// Why a CertLogic expression was rejected or could not be evaluated.
///
/// Errors are never swallowed into `null` or `false`: a rule that meets an error
/// is a rule the caller must treat as failed (and report), per the CertLogic
/// specification's advice to `try`/`catch` evaluation.
public struct CertLogicError: GateError {
    /// The kind of failure; stable, for programs to switch on.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable, Hashable {
            case invalidExpression = "invalid_expression"
            case unknownOperation = "unknown_operation"
            case wrongArity = "wrong_arity"
            case typeMismatch = "type_mismatch"
            case neitherTruthyNorFalsy = "neither_truthy_nor_falsy"
            case invalidDate = "invalid_date"
            case dateOutOfRange = "date_out_of_range"
            case limitExceeded = "limit_exceeded"
            case invalidInput = "invalid_input"
        }
        private let kind: Kind

        /// The expression is not valid CertLogic (static validation failed).
        public static let invalidExpression = Code(kind: .invalidExpression)
        /// An operation id that CertLogic 1.3 does not define.
        public static let unknownOperation = Code(kind: .unknownOperation)
        /// An operation with the wrong number of operands.
        public static let wrongArity = Code(kind: .wrongArity)
        /// An operand evaluated to a value of a type the operation does not accept.
        public static let typeMismatch = Code(kind: .typeMismatch)
        /// A guard or logical operand was neither truthy nor falsy (e.g. a date-time or `1.5`).
        public static let neitherTruthyNorFalsy = Code(kind: .neitherTruthyNorFalsy)
        /// A string is not a date or date-time in an allowed format, or names no real day.
        public static let invalidDate = Code(kind: .invalidDate)
        /// Date arithmetic left the supported years 0000–9999.
        public static let dateOutOfRange = Code(kind: .dateOutOfRange)
        /// A safety limit (nesting depth, evaluation steps, value depth) was reached.
        public static let limitExceeded = Code(kind: .limitExceeded)
        /// A file or document given to a runner could not be read or has the wrong shape.
        public static let invalidInput = Code(kind: .invalidInput)

        /// The code as snake_case text, e.g. `type_mismatch`.
        public var description: String { kind.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and what to change, in words a person can act on.
    public var message: String
    /// Every static issue found, when `code` is ``Code/invalidExpression``; empty otherwise.
    public var issues: [CertLogicIssue]
    /// Source file that raised the error (for diagnostics).
    public var file: String
    /// Source line that raised the error (for diagnostics).
    public var line: Int

    /// Creates an error.
    public init(
        _ code: Code,
        _ message: String,
        issues: [CertLogicIssue] = [],
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.issues = issues
        self.file = file
        self.line = line
    }
}
