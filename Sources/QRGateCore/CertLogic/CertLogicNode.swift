/// The compiled form of a CertLogic expression: a tree checked once, walked per evaluation.
indirect enum CertLogicNode: Sendable {
    /// The ordering operators, for integers (`<` …) and date-times (`before` …).
    enum Ordering: String, Sendable {
        case less = "<"
        case greater = ">"
        case lessOrEqual = "<="
        case greaterOrEqual = ">="

        func holds<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
            switch self {
            case .less: return lhs < rhs
            case .greater: return lhs > rhs
            case .lessOrEqual: return lhs <= rhs
            case .greaterOrEqual: return lhs >= rhs
            }
        }
    }

    /// A string, integer or boolean literal, or an array whose items are all constant.
    case constant(CertLogicValue)
    /// An array literal with at least one non-constant item.
    case array([CertLogicNode])
    /// `var`: an empty path is the whole data context.
    case variable(path: [CertLogicPathFragment], text: String)
    /// `if` with guard, then, else.
    case ifThenElse(CertLogicNode, CertLogicNode, CertLogicNode)
    /// `===`.
    case strictEquals(CertLogicNode, CertLogicNode)
    /// `and` (at least two operands, evaluated lazily).
    case and([CertLogicNode])
    /// `<`, `>`, `<=`, `>=` with 2 or 3 integer operands.
    case compareIntegers(Ordering, [CertLogicNode])
    /// `before`, `after`, `not-after`, `not-before` with 2 or 3 date-time operands;
    /// `name` is the CertLogic operator, for messages.
    case compareDateTimes(Ordering, [CertLogicNode], name: String)
    /// `in`: membership of a scalar in an array.
    case isIn(CertLogicNode, CertLogicNode)
    /// `+` of two integers.
    case plus(CertLogicNode, CertLogicNode)
    /// `!`.
    case not(CertLogicNode)
    /// `!!` (JsonLogic; only when the configuration allows it).
    case doubleNot(CertLogicNode)
    /// `plusTime` with its literal amount and unit.
    case plusTime(CertLogicNode, amount: Int, unit: CertLogicDateTime.Unit)
    /// `reduce` over an array (or `null`, which gives the initial value).
    case reduce(CertLogicNode, lambda: CertLogicNode, initial: CertLogicNode)
    /// `extractFromUVCI` with its literal index.
    case extractFromUVCI(CertLogicNode, index: Int)
    /// `dccDateOfBirth`.
    case dccDateOfBirth(CertLogicNode)
}
