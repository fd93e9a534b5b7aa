extension CertLogicExpression {
    /// What `qrgate rules eval` does: parses the logic and data JSON texts, validates the
    /// expression statically, evaluates it, and returns the result as compact JSON text
    /// (a date-time as `"2021-06-01T00:00:00.000Z"`).
    ///
    /// - Throws: ``CertLogicError`` — ``CertLogicError/Code/invalidInput`` when a text is
    ///   not JSON, a static issue, or an evaluation error; the caller prints it to standard
    ///   error and exits 1.
    public static func evaluateForCommandLine(
        logic logicText: String,
        data dataText: String,
        configuration: CertLogicConfiguration = .init()
    ) throws(CertLogicError) -> String {
        let logic: JSONValue
        let data: JSONValue
        do {
            logic = try JSONValue(parsing: logicText)
        } catch {
            throw CertLogicError(.invalidInput, "the logic is not valid JSON: \(error)")
        }
        do {
            data = try JSONValue(parsing: dataText)
        } catch {
            throw CertLogicError(.invalidInput, "the data is not valid JSON: \(error)")
        }
        let expression = try CertLogicExpression(json: logic, configuration: configuration)
        return try expression.evaluate(data: data).jsonValue.serialized()
    }
}
