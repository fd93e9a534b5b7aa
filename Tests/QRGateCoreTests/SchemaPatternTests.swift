import Testing

@testable import QRGateCore

@Suite struct SchemaPatternTests {
    @Test(arguments: [
        // pattern, text, expected (ECMA-262 semantics)
        (#"^\d+.\d+.\d+$"#, "1.3.0", true),
        (#"^\d+.\d+.\d+$"#, "1x3y0", true),
        (#"^\d+.\d+.\d+$"#, "1.3", false),
        (#"^\d+.\d+.\d+$"#, "1.3.0\n", false),  // ICU's $ would accept the final newline
        (#"^\d+$"#, "١٢٣", false),  // Arabic-Indic digits: ICU's \d would accept them
        (#"[A-Z]{1,10}"#, "xxNLxx", true),  // unanchored
        (#"[A-Z]{1,10}"#, "nl", false),
        (#"[A-Z]{1,10}"#, "", false),
        (#"^[A-Z<]*$"#, "DCERVENKOVA<PANKLOVA", true),
        (#"^[A-Z<]*$"#, "", true),
        (#"^[A-Z<]*$"#, "Müller", false),
        (#"(19|20)\d{2}-\d{2}-\d{2}"#, "1978-01-26T00:00:00", true),
        (#"(19|20)\d{2}-\d{2}-\d{2}"#, "1963-00", false),
        (#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, "", true),
        (#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, "1963", true),
        (#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, "1963-00", true),
        (#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, "1964-01-31", true),
        (#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, "1809-02-28", false),
        (#"^((19|20)\d\d(-\d\d){0,2}){0,1}$"#, "1964-01-31-01", false),
        (#"^(19|20)\d\d(-\d\d){0,2}$"#, "2021-1", false),
        (#"a.c"#, "a\nc", false),
        (#"^(a|ab)c$"#, "abc", true),
        (#"^(?:a*)*b$"#, "aaaaaaaaaaaaaaaaaaaaaaaab", true),
        (#"^a{2,}?$"#, "aaa", true),
        (#"[^0-9]"#, "123", false),
        (#"[\d-]+"#, "12-3", true),
        (#"\bNL\b"#, "A NL B", true),
        (#"x{"#, "x{", true),
    ])
    func ecmaSemantics(pattern: String, text: String, expected: Bool) throws {
        let compiled = try SchemaPattern(pattern)
        #expect(compiled.matches(text) == expected, "\(pattern) on \(text.debugDescription)")
    }

    @Test(arguments: [#"(?=a)"#, #"(a"#, #"a)"#, #"[a"#, #"*a"#, #"a**"#, #"\1"#, #"\p{L}"#, #"[z-a]"#])
    func unsupportedSyntaxIsACompileError(pattern: String) {
        #expect(throws: SchemaCompilationError.self) { try SchemaPattern(pattern) }
    }
}

extension SchemaPatternTests {
    @Test func veryLongInputDoesNotExhaustTheStack() throws {
        let long = String(repeating: "A", count: 2_000_000)
        #expect(try SchemaPattern("^[A-Z<]*$").matches(long))
        #expect(try !SchemaPattern("^[A-Z<]*$").matches(long + "a"))
        #expect(try SchemaPattern("[A-Z]{1,10}").matches(long))
        // Cubic backtracking is cut off by the step budget: counts as no match, quickly.
        let hostile = String(repeating: "1", count: 100_000) + "x"
        let clock = ContinuousClock()
        let pattern = try SchemaPattern(#"^\d+.\d+.\d+$"#)
        let elapsed = clock.measure { #expect(!pattern.matches(hostile)) }
        #expect(elapsed < .seconds(20))  // cubic time would be hours; debug builds are slow
    }

    @Test func longNameInAPayloadIsReportedNotCrashed() throws {
        let payload = SchemaValidatorTests.payload {
            $0["nam"] = ["fnt": .string(String(repeating: "A", count: 1_000_000) + "a")]
        }
        let found = try DCCSchemaValidator.validate(payload, version: "1.3.3")
        #expect(found.map(\.path) == ["/nam/fnt", "/nam/fnt"])
    }
}
