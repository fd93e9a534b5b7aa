/// The results of a run of CertLogic conformance suites and/or rule tests.
public struct CertLogicTestReport: Sendable, Hashable {
    /// Every case, in a stable order (files sorted by path, cases in file order).
    public var results: [CertLogicTestCaseResult]

    /// Creates a report.
    public init(results: [CertLogicTestCaseResult] = []) {
        self.results = results
    }

    /// Number of cases that passed.
    public var passed: Int { results.count { $0.outcome == .passed } }
    /// The cases that failed.
    public var failures: [CertLogicTestCaseResult] {
        results.filter { if case .failed = $0.outcome { return true } else { return false } }
    }
    /// The cases that were skipped.
    public var skips: [CertLogicTestCaseResult] {
        results.filter { if case .skipped = $0.outcome { return true } else { return false } }
    }
    /// Number of cases that failed.
    public var failed: Int { failures.count }
    /// Number of cases that were skipped.
    public var skipped: Int { skips.count }
    /// True when nothing failed.
    public var succeeded: Bool { failed == 0 }

    /// The last line `qrgate rules test` prints, exactly `N passed, M failed`
    /// (skipped cases are listed before it, see ``skips``).
    public var summaryLine: String { "\(passed) passed, \(failed) failed" }
}

extension CertLogicTestReport {
    /// The text `qrgate rules test` prints: one `FAIL name: reason` line per failure, one
    /// `SKIP name: reason` line per skipped case, and last ``summaryLine``.
    public var renderedText: String {
        var lines = failures.map(\.description)
        lines += skips.map(\.description)
        lines.append(summaryLine)
        return lines.joined(separator: "\n") + "\n"
    }
}
