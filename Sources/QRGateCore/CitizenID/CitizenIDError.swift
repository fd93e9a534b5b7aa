/// A text that is not a readable Vietnamese citizen-ID card QR, and why.
public struct CitizenIDError: GateError {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case emptyInput = "empty_input"
            case wrongFieldCount = "wrong_field_count"
            case invalidIDNumber = "invalid_id_number"
            case invalidOldIDNumber = "invalid_old_id_number"
            case missingFullName = "missing_full_name"
            case invalidBirthDate = "invalid_birth_date"
            case unknownSex = "unknown_sex"
            case invalidIssueDate = "invalid_issue_date"
            case issueDateBeforeBirthDate = "issue_date_before_birth_date"
            case controlCharacter = "control_character"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The text is empty or only whitespace.
        public static let emptyInput = Code(.emptyInput)
        /// Not 7 (or 6) `|`-separated fields.
        public static let wrongFieldCount = Code(.wrongFieldCount)
        /// The ID number is not exactly 12 digits.
        public static let invalidIDNumber = Code(.invalidIDNumber)
        /// The old ID number is neither empty nor 9 digits.
        public static let invalidOldIDNumber = Code(.invalidOldIDNumber)
        /// The full-name field is empty.
        public static let missingFullName = Code(.missingFullName)
        /// The birth date is not `DDMMYYYY` or names no real day.
        public static let invalidBirthDate = Code(.invalidBirthDate)
        /// The sex field is neither "Nam" nor "Nữ".
        public static let unknownSex = Code(.unknownSex)
        /// The issue date is not `DDMMYYYY` or names no real day.
        public static let invalidIssueDate = Code(.invalidIssueDate)
        /// The issue date lies before the birth date.
        public static let issueDateBeforeBirthDate = Code(.issueDateBeforeBirthDate)
        /// A field holds a control character (NUL, line breaks, escapes): no printed card has one.
        public static let controlCharacter = Code(.controlCharacter)

        /// The code as snake_case text (stable: used in `inspect --json` errors).
        public var description: String { value.rawValue }
    }

    /// The kind of problem.
    public var code: Code
    /// What is wrong and what staff can do, in English.
    public var message: String
    /// 1-based number of the offending field, when one field is at fault.
    public var field: Int?
    /// Source file of the throw site.
    public var file: String
    /// Source line of the throw site.
    public var line: Int

    /// Creates an error.
    public init(code: Code, message: String, field: Int? = nil, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.field = field
        self.file = file
        self.line = line
    }
}
