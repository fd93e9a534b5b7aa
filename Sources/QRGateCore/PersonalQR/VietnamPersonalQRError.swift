/// A text that is not a readable Vietnamese national personal QR (v1.1), and why.
public struct VietnamPersonalQRError: GateError {
    /// The kind of problem; its description is the snake_case code `inspect --json` reports.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case emptyInput = "empty_input"
            case controlCharacter = "control_character"
            case fieldCount = "field_count"
            case idNumber = "id_number"
            case name
            case birthDate = "birth_date"
            case flag
            case qid
            case extProxyQID = "ext_proxy_qid"
            case extSex = "ext_sex"
            case extHealthInsurance = "ext_health_insurance"
            case extPhone = "ext_phone"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The text is empty or only whitespace.
        public static let emptyInput = Code(.emptyInput)
        /// A field holds a control character (NUL, line break, escape).
        public static let controlCharacter = Code(.controlCharacter)
        /// Not exactly 6 `|`-separated fields.
        public static let fieldCount = Code(.fieldCount)
        /// Field 1 is not a CMND (9 digits), CCCD (12 digits) or passport number (a letter and 7
        /// digits), nor one of those with its first 6 characters masked by `*`.
        public static let idNumber = Code(.idNumber)
        /// Field 2 is not upper-case A–Z words separated by single spaces.
        public static let name = Code(.name)
        /// Field 3 is not a real `YYYY-MM-DD` day (or `YYYY-**-**`) from 1900 up to today.
        public static let birthDate = Code(.birthDate)
        /// Field 4 is neither `0` (the person) nor `1` (declared on their behalf).
        public static let flag = Code(.flag)
        /// Field 5 (the national QR user id) is empty or holds a non-digit.
        public static let qid = Code(.qid)
        /// The proxy's QID in field 6 is missing while field 4 says `1`, or holds a non-digit.
        public static let extProxyQID = Code(.extProxyQID)
        /// The sex in field 6 is not `0`, `1` or `2`.
        public static let extSex = Code(.extSex)
        /// The health-insurance number in field 6 holds characters other than letters, digits and `*`.
        public static let extHealthInsurance = Code(.extHealthInsurance)
        /// The phone number in field 6 holds characters other than digits, a leading `+` and `*`.
        public static let extPhone = Code(.extPhone)

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
