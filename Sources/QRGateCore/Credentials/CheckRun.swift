/// Builds an ``InspectionReport`` check by check for a format with a fixed check order: a
/// check not run by the end is reported `skip`.
struct CheckRun {
    var report: InspectionReport
    let order: [InspectionReport.Check]

    init(format: InspectionReport.Format, order: [InspectionReport.Check]) {
        report = InspectionReport(format: format)
        self.order = order
    }

    mutating func pass(_ check: InspectionReport.Check) { report.checks[check] = .pass }

    /// Records a failure and goes on.
    mutating func record(_ check: InspectionReport.Check, code: String, _ message: String) {
        report.checks[check] = .fail
        report.errors.append(.init(check: check, code: code, message: message))
    }

    mutating func record(_ check: InspectionReport.Check, _ error: some GateError) {
        record(check, code: error.code.description, error.message)
    }

    /// Records a failure and ends the run.
    mutating func fail(_ check: InspectionReport.Check, code: String, _ message: String) -> InspectionReport {
        record(check, code: code, message)
        return finish()
    }

    mutating func fail(_ check: InspectionReport.Check, _ error: some GateError) -> InspectionReport {
        fail(check, code: error.code.description, error.message)
    }

    /// The report, every check not run marked `skip`, the errors in check order.
    mutating func finish() -> InspectionReport {
        for check in order where report.checks[check] == nil { report.checks[check] = .skip }
        let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        report.errors.sort { (rank[$0.check] ?? order.count) < (rank[$1.check] ?? order.count) }
        return report
    }
}
