/// A CertLogic (1.3.x) expression, validated and compiled once, evaluated many times.
///
/// ```swift
/// let rule = try CertLogicExpression(json: try JSONValue(parsing: #"{"!": [{"var": "payload.v.1"}]}"#))
/// let ok = try rule.evaluate(data: ["payload": payload, "external": external])
/// ```
///
/// Evaluation is strict: unknown operations, wrong arity, type mismatches (e.g. `in` on a
/// non-array, `+` on a string), values that are neither truthy nor falsy where a truth
/// value is needed, and invalid dates all throw a ``CertLogicError``; nothing silently
/// becomes `null` or `false`. Static problems are found by the initialiser, all at once.
///
/// Where the specification leaves room, these choices hold (certlogic-js differs as noted):
/// - Truthy/falsy exactly per the specification: a non-integer number or a date-time is
///   neither, so `!`, `if` and every operand of `and` (the last one too) reject it.
/// - `===` compares null, booleans, numbers and strings; a container or date-time against
///   a scalar is `false`; two containers or two date-times are an error (JavaScript would
///   compare references).
/// - `in` needs a scalar on the left and an array on the right (`null` on the right is an
///   error, as the specification says; certlogic-js's JsonLogic ancestry gave `false`).
/// - `plusTime` takes only strings; the `amount` must be an integer literal and the unit a
///   literal `"year"`, `"month"`, `"day"` or `"hour"`; `extractFromUVCI`'s index must be an
///   integer literal. Impossible dates (`2021-02-30`, `1963-00-00`) are errors, where
///   JavaScript's `Date` would roll them over or produce an invalid date.
/// - `reduce` over `null` gives the initial value (as certlogic-js does).
/// - `var` drills into objects by key and into arrays by non-negative integer fragments;
///   anything else (a string, a number, a missing key) gives `null`. There is no
///   `length` pseudo-property.
/// - `!!` (JsonLogic) is unknown unless ``CertLogicConfiguration/allowsDoubleNegation``.
public struct CertLogicExpression: Sendable {
    /// The expression as given.
    public let json: JSONValue
    /// The limits this expression was compiled with and is evaluated under.
    public let configuration: CertLogicConfiguration
    let root: CertLogicNode

    /// Validates and compiles `json`.
    ///
    /// - Throws: ``CertLogicError`` with code ``CertLogicError/Code/invalidExpression``
    ///   (or the code of the only issue, when there is one) listing every issue found.
    public init(json: JSONValue, configuration: CertLogicConfiguration = .init()) throws(CertLogicError) {
        var compiler = CertLogicCompiler(configuration: configuration)
        let root = compiler.compile(json)
        let issues = compiler.issues
        if let first = issues.first {
            let code = issues.count == 1 ? first.code : .invalidExpression
            let more = issues.count == 1 ? "" : " (and \(issues.count - 1) more issue\(issues.count == 2 ? "" : "s"))"
            throw CertLogicError(code, "invalid CertLogic expression: \(first)\(more)", issues: issues)
        }
        self.json = json
        self.configuration = configuration
        self.root = root
    }

    /// Every static issue in `json`; empty when it is a valid CertLogic expression.
    public static func validate(_ json: JSONValue, configuration: CertLogicConfiguration = .init()) -> [CertLogicIssue] {
        var compiler = CertLogicCompiler(configuration: configuration)
        _ = compiler.compile(json)
        return compiler.issues
    }

    /// Evaluates the expression against a data context.
    public func evaluate(data: JSONValue) throws(CertLogicError) -> CertLogicValue {
        var evaluator = CertLogicEvaluator(configuration: configuration)
        return try evaluator.evaluate(root, .data(data))
    }
}
