// libFuzzer entry point for the CertLogic compiler and evaluator.
//
// Build and run (from the package root; the fuzzer compiles the sources directly, so this
// file must not import QRGateCore in that build):
//
//   swiftc -sanitize=fuzzer,address -parse-as-library -O Fuzz/CertLogicFuzz.swift \
//       Sources/QRGateCore/JSON/*.swift Sources/QRGateCore/CertLogic/*.swift -o /tmp/certlogic-fuzz
//   /tmp/certlogic-fuzz -max_total_time=60
//
// Input: a JSON document. `{"logic": L, "data": D}` or `[L, D]` (L an object) evaluates L
// against D; any other document is used as the logic, evaluated against itself as data.
// Every error must be a thrown CertLogicError / JSONParseError, never a crash, a hang or a
// leak; a result must survive a JSON round trip, and evaluation must be deterministic.
// Fuzz/certlogic.dict holds the operator names (`-dict=Fuzz/certlogic.dict`).

#if canImport(QRGateCore)
import QRGateCore
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var limits = JSONValue.ParseLimits()
    limits.maxBytes = 1 << 20
    guard let document = try? JSONValue(parsing: bytes, limits: limits) else { return 0 }
    let logic: JSONValue
    let context: JSONValue
    if case .object(let members) = document, members.count == 2, let l = members["logic"], let d = members["data"] {
        logic = l
        context = d
    } else if case .array(let pair) = document, pair.count == 2, case .object = pair[0] {
        // `[logic, data]`: a shorter form, so mutations reach the data side more often.
        logic = pair[0]
        context = pair[1]
    } else {
        logic = document
        context = document
    }
    // The suite and rule-test readers take arbitrary documents, too.
    if let assertions = try? CertLogicSuiteAssertion.assertions(inSuite: document, fileName: "fuzz") {
        for assertion in assertions.prefix(4) { _ = assertion.run(includeSkipped: true) }
    }
    if let cases = try? CertLogicValidationCase.cases(inSuite: document, fileName: "fuzz") {
        for validationCase in cases.prefix(4) { _ = validationCase.run() }
    }
    _ = CertLogicRuleTest(name: "fuzz", rule: document, test: document["test"] ?? document).run()

    var configuration = CertLogicConfiguration()
    configuration.maxEvaluationSteps = 100_000
    configuration.allowsDoubleNegation = size % 2 == 0
    _ = CertLogicExpression.validate(logic, configuration: configuration)
    guard let expression = try? CertLogicExpression(json: logic, configuration: configuration) else { return 0 }
    if let value = try? expression.evaluate(data: context) {
        // The output path: the printed result must parse back to the same JSON, and
        // evaluation must be deterministic.
        let text = value.jsonValue.serialized()
        guard let reparsed = try? JSONValue(parsing: text), reparsed == value.jsonValue else {
            fatalError("result does not survive a JSON round trip: \(text)")
        }
        guard let again = try? expression.evaluate(data: context), again == value else {
            fatalError("evaluation is not deterministic")
        }
    }
    // Date parsing on arbitrary strings from the input.
    if case .string(let text) = context {
        _ = try? CertLogicDateTime(parsing: text).adding(size - 64, .month).iso8601
        _ = try? CertLogicDateTime(dccDateOfBirth: text)
    }
    return 0
}
