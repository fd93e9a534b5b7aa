/// The outcome of one conformance or rule test case.
public struct CertLogicTestCaseResult: Sendable, Hashable, CustomStringConvertible {
    /// Passed, failed (with the reason), or skipped (with the reason).
    public enum Outcome: Sendable, Hashable {
        /// The case met its pass condition.
        case passed
        /// The case did not meet its pass condition; the text says what happened instead.
        case failed(String)
        /// The case was not run, e.g. because its test file marks it `"directive": "skip"`.
        case skipped(String)
    }

    /// A name that finds the case again: file, case name and assertion number.
    public var name: String
    /// What happened.
    public var outcome: Outcome

    /// Creates a result.
    public init(name: String, outcome: Outcome) {
        self.name = name
        self.outcome = outcome
    }

    /// `PASS name`, `FAIL name: reason` or `SKIP name: reason`.
    public var description: String {
        switch outcome {
        case .passed: return "PASS \(name)"
        case .failed(let reason): return "FAIL \(name): \(reason)"
        case .skipped(let reason): return "SKIP \(name): \(reason)"
        }
    }
}
