import QRGateCore
import Testing

/// `plusTime` parsing and calendar arithmetic (JavaScript `Date.setUTC…` semantics), and
/// `dccDateOfBirth`.
@Suite struct CertLogicDateTimeTests {
    struct Shift: Sendable, CustomStringConvertible {
        var start: String
        var amount: Int
        var unit: CertLogicDateTime.Unit
        var expected: String
        var description: String { "\(start) \(amount >= 0 ? "+" : "")\(amount) \(unit) = \(expected)" }
    }

    static let shifts: [Shift] = [
        // Leap days, as in the specification's table.
        Shift(start: "2020-02-29", amount: 1, unit: .day, expected: "2020-03-01T00:00:00.000Z"),
        Shift(start: "2020-02-29", amount: 1, unit: .month, expected: "2020-03-29T00:00:00.000Z"),
        Shift(start: "2020-02-29", amount: 1, unit: .year, expected: "2021-03-01T00:00:00.000Z"),
        Shift(start: "2020-02-29", amount: -1, unit: .year, expected: "2019-03-01T00:00:00.000Z"),
        Shift(start: "2020-02-29", amount: 4, unit: .year, expected: "2024-02-29T00:00:00.000Z"),
        // Month ends overflow into the next month, as JavaScript's setUTCMonth does.
        Shift(start: "2021-01-31", amount: 1, unit: .month, expected: "2021-03-03T00:00:00.000Z"),
        Shift(start: "2020-01-31", amount: 1, unit: .month, expected: "2020-03-02T00:00:00.000Z"),
        Shift(start: "2021-03-31", amount: -1, unit: .month, expected: "2021-03-03T00:00:00.000Z"),
        Shift(start: "2021-05-31", amount: 1, unit: .month, expected: "2021-07-01T00:00:00.000Z"),
        Shift(start: "2021-08-31", amount: -6, unit: .month, expected: "2021-03-03T00:00:00.000Z"),
        Shift(start: "2021-10-31", amount: -1, unit: .month, expected: "2021-10-01T00:00:00.000Z"),
        // Year boundaries, both directions.
        Shift(start: "2021-12-15", amount: 1, unit: .month, expected: "2022-01-15T00:00:00.000Z"),
        Shift(start: "2021-01-15", amount: -1, unit: .month, expected: "2020-12-15T00:00:00.000Z"),
        Shift(start: "2021-01-15", amount: -13, unit: .month, expected: "2019-12-15T00:00:00.000Z"),
        Shift(start: "2021-01-15", amount: 24, unit: .month, expected: "2023-01-15T00:00:00.000Z"),
        Shift(start: "2021-01-15T10:20:30.456Z", amount: -18, unit: .year, expected: "2003-01-15T10:20:30.456Z"),
        // Days and hours are fixed lengths (no DST in UTC).
        Shift(start: "2021-06-23T00:00:00Z", amount: -180, unit: .day, expected: "2020-12-25T00:00:00.000Z"),
        Shift(start: "2021-06-01T00:00:00+00:00", amount: 40, unit: .hour, expected: "2021-06-02T16:00:00.000Z"),
        Shift(start: "2021-03-01T01:00:00Z", amount: -2, unit: .hour, expected: "2021-02-28T23:00:00.000Z"),
        Shift(start: "2000-01-01", amount: -1, unit: .day, expected: "1999-12-31T00:00:00.000Z"),
        Shift(start: "1969-12-31T23:59:59.999Z", amount: 1, unit: .hour, expected: "1970-01-01T00:59:59.999Z"),
        // Offsets, fractions and partial dates.
        Shift(start: "2021-06-01T10:00:00+02:00", amount: 0, unit: .day, expected: "2021-06-01T08:00:00.000Z"),
        Shift(start: "2021-06-01T10:00:00+2", amount: 0, unit: .day, expected: "2021-06-01T08:00:00.000Z"),
        Shift(start: "2021-06-01T10:00:00+0200", amount: 0, unit: .day, expected: "2021-06-01T08:00:00.000Z"),
        Shift(start: "2021-06-01T10:00:00+230", amount: 0, unit: .day, expected: "2021-06-01T07:30:00.000Z"),
        Shift(start: "2021-06-01T10:00:00-1:30", amount: 0, unit: .day, expected: "2021-06-01T11:30:00.000Z"),
        Shift(start: "2021-06-01T00:30:00+01:00", amount: 0, unit: .hour, expected: "2021-05-31T23:30:00.000Z"),
        Shift(start: "2021-06-01T00:00:00", amount: 0, unit: .hour, expected: "2021-06-01T00:00:00.000Z"),
        Shift(start: "2021-06-01T00:00:00.123456789Z", amount: 0, unit: .hour, expected: "2021-06-01T00:00:00.123Z"),
        Shift(start: "2021-06-01T00:00:00.5", amount: 0, unit: .hour, expected: "2021-06-01T00:00:00.500Z"),
        Shift(start: "2004", amount: 0, unit: .day, expected: "2004-12-31T00:00:00.000Z"),
        Shift(start: "2004-02", amount: 0, unit: .day, expected: "2004-02-29T00:00:00.000Z"),
        Shift(start: "2021-02", amount: 0, unit: .day, expected: "2021-02-28T00:00:00.000Z"),
        Shift(start: "2004-01", amount: 18, unit: .year, expected: "2022-01-31T00:00:00.000Z"),
        Shift(start: "0000-01-01", amount: 0, unit: .day, expected: "0000-01-01T00:00:00.000Z"),
        Shift(start: "9999-12-31T23:59:59.999Z", amount: 0, unit: .day, expected: "9999-12-31T23:59:59.999Z"),
    ]

    @Test(arguments: shifts)
    func plusTime(_ shift: Shift) throws {
        let result = try CertLogicDateTime(parsing: shift.start).adding(shift.amount, shift.unit)
        #expect(result.iso8601 == shift.expected)
        // The same through an expression, and its JSON form.
        let expression = try CertLogicExpression(
            json: ["plusTime": [.string(shift.start), .number(Double(shift.amount)), .string(shift.unit.rawValue)]])
        #expect(try expression.evaluate(data: .null).jsonValue == .string(shift.expected))
    }

    static let invalidDates = [
        "2021-02-30", "2021-09-99", "2021-04-31", "2019-02-29", "2021-13-01", "2021-00-10", "1963-00-00", "1963-00",
        "2021-06-01T24:00:00Z", "2021-06-01T00:60:00Z", "2021-06-01T00:00:60Z", "21-06-01", "2021-6-1",
        "2021-06-01T00:00Z", "2021-06-01 00:00:00", "2021-06-01T00:00:00+24:00", "2021-06-01T00:00:00+01:",
        "2021-06-01T00:00:00+12345", "2021-06-01T00:00:00.Z", "2021-06-01T00:00:00z", "2021-06-01Z", "", "now",
        "２０２１-06-01", "2021-06-01T00:00:00Z ",
    ]

    @Test(arguments: invalidDates)
    func invalidDateIsAnError(_ text: String) throws {
        #expect(throws: CertLogicError.self) { try CertLogicDateTime(parsing: text) }
        let expression = try CertLogicExpression(json: ["plusTime": [["var": "d"], 0, "day"]])
        let error = #expect(throws: CertLogicError.self) { try expression.evaluate(data: ["d": .string(text)]) }
        #expect(error?.code == .invalidDate)
    }

    @Test func leavingYears0000To9999IsAnError() throws {
        let last = try CertLogicDateTime(parsing: "9999-12-31")
        let error = #expect(throws: CertLogicError.self) { try last.adding(1, .day) }
        #expect(error?.code == .dateOutOfRange)
        #expect(throws: CertLogicError.self) { try CertLogicDateTime(parsing: "0000-01-01").adding(-1, .hour) }
        #expect(throws: CertLogicError.self) { try CertLogicDateTime(parsing: "2021-01-01").adding(Int(1e15), .year) }
        #expect(throws: CertLogicError.self) { try CertLogicDateTime(parsing: "2021-01-01").adding(Int(-1e15), .month) }
        #expect(throws: CertLogicError.self) { try CertLogicDateTime(parsing: "2021-01-01").adding(Int.max, .hour) }
        #expect(throws: CertLogicError.self) { try CertLogicDateTime(parsing: "0000-01-01T00:00:00+01:00") }
    }

    @Test func dccDateOfBirthTakesTheLastConsistentDay() throws {
        #expect(try CertLogicDateTime(dccDateOfBirth: "2004").iso8601 == "2004-12-31T00:00:00.000Z")
        #expect(try CertLogicDateTime(dccDateOfBirth: "2004-01").iso8601 == "2004-01-31T00:00:00.000Z")
        #expect(try CertLogicDateTime(dccDateOfBirth: "2004-02").iso8601 == "2004-02-29T00:00:00.000Z")
        #expect(try CertLogicDateTime(dccDateOfBirth: "2100-02").iso8601 == "2100-02-28T00:00:00.000Z")
        #expect(try CertLogicDateTime(dccDateOfBirth: "2004-04").iso8601 == "2004-04-30T00:00:00.000Z")
        #expect(try CertLogicDateTime(dccDateOfBirth: "2004-06-15").iso8601 == "2004-06-15T00:00:00.000Z")
        for bad in ["1963-00-00", "1963-05-00", "1963-13", "2004-01-01T00:00:00Z", "04", "", "XXXX"] {
            #expect(throws: CertLogicError.self, "\(bad)") { try CertLogicDateTime(dccDateOfBirth: bad) }
        }
    }

    @Test func calendarRoundTripsEveryDayOf400Years() throws {
        var previous = try CertLogicDateTime(parsing: "1899-12-31")
        for _ in 0..<(146_097 + 10) {
            let next = try previous.adding(1, .day)
            let reparsed = try CertLogicDateTime(parsing: String(next.iso8601.prefix(10)))
            #expect(reparsed == next)
            previous = next
        }
    }
}
