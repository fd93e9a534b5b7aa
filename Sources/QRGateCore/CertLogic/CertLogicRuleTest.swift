/// One test of a business rule in the EU DCC Gateway format, laid out as
/// `<CC>/<RULE-ID>/rule.json` + `tests/testNNN.json`.
///
/// Pass condition (as in the upstream runner): `evaluate(rule.Logic, {"payload": payload,
/// "external": external})` deep-equals `expected` and does not throw; a missing
/// `payload` is `null`; `external` is passed exactly as the test gives it (value sets
/// under `external.valueSets`, or — in 4 NL tests — directly under `external`); and when
/// the test has an `external.validationClock`, `ValidFrom <= validationClock < ValidTo`.
public struct CertLogicRuleTest: Sendable, Hashable, CustomStringConvertible {
    /// E.g. `EU/VR-EU-0000/tests/test001.json (empty DCC)`.
    public var name: String
    /// The whole rule document (`Identifier`, `ValidFrom`, `ValidTo`, `Logic`, …).
    public var rule: JSONValue
    /// The test document (`payload`, `external`, `expected`, optional `name`).
    public var test: JSONValue

    /// Creates a rule test.
    public init(name: String, rule: JSONValue, test: JSONValue) {
        self.name = name
        self.rule = rule
        self.test = test
    }

    /// The name.
    public var description: String { name }

    /// The data context the rule sees: `{"payload": payload ?? null, "external": external ?? null}`.
    public var dataContext: JSONValue {
        .object(["payload": test["payload"] ?? .null, "external": test["external"] ?? .null])
    }

    /// Compiles the rule's `Logic`.
    public static func compileLogic(
        of rule: JSONValue,
        configuration: CertLogicConfiguration = .init()
    )
        throws(CertLogicError) -> CertLogicExpression
    {
        guard let logic = rule["Logic"] else {
            let id = rule["Identifier"]?.stringValue ?? "rule"
            throw CertLogicError(.invalidInput, "\(id) has no \"Logic\" member")
        }
        return try CertLogicExpression(json: logic, configuration: configuration)
    }

    /// Runs the test; pass `compiled` to reuse a rule compiled once for all its tests.
    public func run(
        compiled: CertLogicExpression? = nil,
        configuration: CertLogicConfiguration = .init()
    )
        -> CertLogicTestCaseResult
    {
        func fail(_ reason: String) -> CertLogicTestCaseResult { CertLogicTestCaseResult(name: name, outcome: .failed(reason)) }
        guard let expected = test["expected"] else { return fail("the test file has no \"expected\" value") }
        do {
            if case .string(let clockText) = test["external"]?["validationClock"] ?? .null {
                let clock = try CertLogicDateTime(parsing: clockText)
                if case .string(let fromText) = rule["ValidFrom"] ?? .null, clock < (try CertLogicDateTime(parsing: fromText)) {
                    return fail("validationClock \(clockText) is before the rule's ValidFrom \(fromText)")
                }
                if case .string(let toText) = rule["ValidTo"] ?? .null, clock >= (try CertLogicDateTime(parsing: toText)) {
                    return fail("validationClock \(clockText) is not before the rule's ValidTo \(toText)")
                }
            }
            let expression = try compiled ?? Self.compileLogic(of: rule, configuration: configuration)
            let result = try expression.evaluate(data: dataContext)
            if !result.isDateTime, result.jsonValue == expected {
                return CertLogicTestCaseResult(name: name, outcome: .passed)
            }
            return fail("evaluated to \(result), expected \(expected.serialized())")
        } catch {
            return fail("threw \(error)")
        }
    }
}
