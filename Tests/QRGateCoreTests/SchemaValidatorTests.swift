import Testing

@testable import QRGateCore

@Suite struct SchemaValidatorTests {
    static let vaccination: JSONValue = [
        "tg": "840539006", "vp": "1119349007", "mp": "EU/1/20/1528", "ma": "ORG-100030215",
        "dn": 2, "sd": 2, "dt": "2021-06-11", "co": "VN", "is": "Ministry of Health",
        "ci": "URN:UVCI:01:VN:ABCDEF1234567890",
    ]

    static func payload(
        version: String = "1.3.0", editing edit: (inout [String: JSONValue]) -> Void = { _ in }
    )
        -> JSONValue
    {
        var object: [String: JSONValue] = [
            "ver": .string(version),
            "nam": ["fn": "Nguyễn", "fnt": "NGUYEN", "gn": "Văn An", "gnt": "VAN<AN"],
            "dob": "1990-05-17",
            "v": [vaccination],
        ]
        edit(&object)
        return .object(object)
    }

    @Test(arguments: SchemaFixtures.dccSchemaCases())
    func upstreamExamplesAndTests(_ fixture: SchemaFixtures.Case) throws {
        let payload = try SchemaFixtures.load(fixture.relativePath)
        let version = try #require(payload["ver"]?.stringValue)
        let violations = try DCCSchemaValidator.validate(payload, version: version)
        if fixture.expectValid {
            #expect(violations.isEmpty, "\(violations)")
        } else {
            #expect(!violations.isEmpty)
        }
    }

    @Test func fixtureFoldersAreFound() {
        let cases = SchemaFixtures.dccSchemaCases()
        #expect(cases.count == 46)
        #expect(cases.filter { !$0.expectValid }.count == 6)
    }

    @Test(arguments: DCCSchemaValidator.availableVersions)
    func everyEmbeddedReleaseCompilesAndAcceptsAPlainPayload(version: String) throws {
        let violations = try DCCSchemaValidator.validate(Self.payload(version: version), version: version)
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test func precompileReportsNoDamagedSchema() {
        #expect(DCCSchemaValidator.precompile().isEmpty)
    }

    @Test func nineReleasesAreEmbedded() {
        #expect(
            DCCSchemaValidator.availableVersions == [
                "1.0.0", "1.0.1", "1.1.0", "1.2.0", "1.2.1", "1.3.0", "1.3.1", "1.3.2", "1.3.3",
            ])
    }

    @Test(arguments: [
        ("1.3.0", "1.3.0"), ("1.0.4", "1.0.1"), ("1.3.9", "1.3.3"), ("1.2.0", "1.2.0"),
        ("1.1.7", "1.1.0"), ("1.3", "1.3.0"), ("1.2.5", "1.2.1"),
    ])
    func versionSelection(asked: String, chosen: String) throws {
        #expect(try DCCSchemaValidator.releaseVersion(for: asked) == chosen)
    }

    @Test(arguments: ["1.4.0", "2.0.0", "0.9.0"])
    func unknownMajorMinorIsUnavailable(version: String) {
        #expect {
            try DCCSchemaValidator.validate(Self.payload(), version: version)
        } throws: { error in
            (error as? SchemaUnavailable)?.code == .unknownVersion
        }
    }

    @Test(arguments: ["", "1", "v1.3.0", "1.3.0-rc1", "1..0", "1.3.0.1", "１.３.０"])
    func malformedVersionIsUnavailable(version: String) {
        #expect {
            try DCCSchemaValidator.validate(Self.payload(), version: version)
        } throws: { error in
            (error as? SchemaUnavailable)?.code == .malformedVersion
        }
    }

    // MARK: hand-written negatives

    func violations(_ payload: JSONValue, _ version: String = "1.3.0") throws -> [SchemaViolation] {
        try DCCSchemaValidator.validate(payload, version: version)
    }

    @Test(arguments: ["1.0.0", "1.2.1", "1.3.0", "1.3.3"])
    func missingNam(version: String) throws {
        let found = try violations(Self.payload(version: version) { $0["nam"] = nil }, version)
        #expect(!found.isEmpty)
        #expect(found.contains { $0.message.contains("\"nam\"") }, "\(found)")
    }

    @Test func wrongDoseNumberType() throws {
        let payload = Self.payload {
            var entry = Self.vaccination.objectValue!
            entry["dn"] = "2"
            $0["v"] = [.object(entry)]
        }
        let found = try violations(payload)
        #expect(found == [SchemaViolation(path: "/v/0/dn", message: "expected integer, found string")])
    }

    @Test func fractionalDoseNumberIsNotAnInteger() throws {
        let payload = Self.payload {
            var entry = Self.vaccination.objectValue!
            entry["dn"] = 1.5
            $0["v"] = [.object(entry)]
        }
        #expect(try violations(payload).map(\.path) == ["/v/0/dn"])
    }

    @Test func doseNumberZeroIsBelowMinimum() throws {
        let payload = Self.payload {
            var entry = Self.vaccination.objectValue!
            entry["dn"] = 0
            $0["v"] = [.object(entry)]
        }
        #expect(try violations(payload) == [SchemaViolation(path: "/v/0/dn", message: "must be at least 1")])
    }

    @Test func doseNumberAboveNineFailsOnlyBefore1_3() throws {
        let make = { (version: String) in
            Self.payload(version: version) {
                var entry = Self.vaccination.objectValue!
                entry["dn"] = 10
                entry["sd"] = 10
                $0["v"] = [.object(entry)]
            }
        }
        #expect(try violations(make("1.0.0"), "1.0.0").map(\.path) == ["/v/0/dn", "/v/0/sd"])
        #expect(try violations(make("1.3.0"), "1.3.0").isEmpty)
    }

    @Test(arguments: ["1990-5-17", "90-05-17", "1809-02-28", "2100-01-01", "1990/05/17", "1990-05-17-01"])
    func badDobPattern(dob: String) throws {
        let found = try violations(Self.payload { $0["dob"] = .string(dob) })
        #expect(found.map(\.path) == ["/dob"], "\(found)")
    }

    @Test(arguments: ["1963", "1964-01", "1963-00", "1990-05-17", ""])
    func partialDobAcceptedFrom1_1(dob: String) throws {
        #expect(
            try violations(Self.payload(version: "1.1.0") { $0["dob"] = .string(dob) }, "1.1.0").isEmpty == (dob != ""))
        #expect(try violations(Self.payload(version: "1.3.3") { $0["dob"] = .string(dob) }, "1.3.3").isEmpty)
    }

    @Test(arguments: ["1963", "1964-01", "1963-00"])
    func partialDobRejectedBy1_0(dob: String) throws {
        let found = try violations(Self.payload(version: "1.0.0") { $0["dob"] = .string(dob) }, "1.0.0")
        #expect(found.contains { $0.path == "/dob" })
    }

    @Test func nullExtraGroupIsATypeError() throws {
        let found = try violations(Self.payload { $0["t"] = .null })
        #expect(found.contains(SchemaViolation(path: "/t", message: "expected array, found null")), "\(found)")
    }

    @Test func nullGroupIsATypeErrorInOldReleasesToo() throws {
        let found = try violations(Self.payload(version: "1.0.0") { $0["r"] = .null }, "1.0.0")
        #expect(found == [SchemaViolation(path: "/r", message: "expected array, found null")])
    }

    @Test func twoGroupsFailOneOfFrom1_3() throws {
        let payload = Self.payload {
            $0["t"] = [
                [
                    "tg": "840539006", "tt": "LP6464-4", "sc": "2021-05-29T22:00:00+02:00", "tr": "260415000",
                    "tc": "Bach Mai", "co": "VN", "is": "MoH", "ci": "URN:UVCI:01:VN:1",
                ]
            ]
        }
        let found = try violations(payload)
        #expect(found.count == 1)
        #expect(found.first?.path == "")
        #expect(found.first?.message.contains("matches 2 oneOf alternatives") == true, "\(found)")
        #expect(try violations(payload, "1.0.0").isEmpty)
    }

    @Test func noGroupFailsOneOf() throws {
        let found = try violations(Self.payload { $0["v"] = nil })
        #expect(found.count == 1)
        #expect(found.first?.message.contains("matches none of the 3 oneOf alternatives") == true)
    }

    @Test func twoVaccinationEntriesExceedMaxItems() throws {
        let found = try violations(Self.payload { $0["v"] = [Self.vaccination, Self.vaccination] })
        #expect(found == [SchemaViolation(path: "/v", message: "has 2 items, at most 1 allowed")])
    }

    @Test func emptyGroupIsBelowMinItems() throws {
        #expect(try violations(Self.payload { $0["v"] = [] }).map(\.path) == ["/v"])
    }

    @Test func missingBothTransliteratedNames() throws {
        let payload = Self.payload { $0["nam"] = ["fn": "Nguyễn", "gn": "An"] }
        let found = try violations(payload, "1.3.3")
        #expect(found.map(\.path) == ["/nam"])
        #expect(found.first?.message.contains("\"fnt\"") == true)
        #expect(found.first?.message.contains("\"gnt\"") == true)
        // Up to 1.3.1 fnt alone is required.
        let old = try violations(Self.payload(version: "1.3.1") { $0["nam"] = ["gnt": "AN"] }, "1.3.1")
        #expect(old == [SchemaViolation(path: "/nam", message: "missing required property \"fnt\"")])
    }

    @Test func transliterationMustBeUpperCaseICAO() throws {
        let found = try violations(Self.payload { $0["nam"] = ["fnt": "Nguyen"] })
        #expect(found.map(\.path) == ["/nam/fnt"])
    }

    @Test func tooLongIssuer() throws {
        let payload = Self.payload {
            var entry = Self.vaccination.objectValue!
            entry["is"] = .string(String(repeating: "Ư", count: 81))
            $0["v"] = [.object(entry)]
        }
        #expect(
            try violations(payload) == [
                SchemaViolation(path: "/v/0/is", message: "is 81 characters long, at most 80 allowed")
            ])
    }

    @Test func missingRequiredEntryFieldsAreEachReported() throws {
        let payload = Self.payload {
            var entry = Self.vaccination.objectValue!
            entry["ci"] = nil
            entry["co"] = nil
            $0["v"] = [.object(entry)]
        }
        #expect(
            try violations(payload) == [
                SchemaViolation(path: "/v/0", message: "missing required property \"co\""),
                SchemaViolation(path: "/v/0", message: "missing required property \"ci\""),
            ])
    }

    @Test func versionMustBeSemverShaped() throws {
        let found = try violations(Self.payload { $0["ver"] = "1.3" })
        #expect(found.map(\.path) == ["/ver"])
    }

    @Test func rootMustBeAnObject() throws {
        #expect(try violations(.array([])) == [SchemaViolation(path: "", message: "expected object, found array")])
    }

    // MARK: formats

    @Test(arguments: [
        ("2021-05-29", true, true), ("2021-05-29T22:00:00+02:00", true, false),
        ("2022-01-01T00:00:00.000Z", true, false), ("2021-02-29", false, false), ("2020-02-29", true, true),
        ("2021-13-01", false, false), ("2021-5-29", false, false), ("29.05.2021", false, false),
        ("2021-05-29T25:00:00Z", false, false),
    ])
    func dateFormat(text: String, lenient: Bool, strict: Bool) throws {
        let payload = Self.payload {
            var entry = Self.vaccination.objectValue!
            entry["dt"] = .string(text)
            $0["v"] = [.object(entry)]
        }
        let l = try DCCSchemaValidator.validate(payload, version: "1.3.0", options: .init(formatAssertion: .lenient))
        let s = try DCCSchemaValidator.validate(payload, version: "1.3.0", options: .init(formatAssertion: .strict))
        let a = try DCCSchemaValidator.validate(
            payload, version: "1.3.0", options: .init(formatAssertion: .annotationOnly))
        #expect(l.isEmpty == lenient)
        #expect(s.isEmpty == strict)
        #expect(a.isEmpty)
    }

    @Test(arguments: [
        ("2021-05-29T22:00:00Z", true, true), ("2021-05-29T22:00:00+02:00", true, true),
        ("2021-05-29t22:00:00.123456789z", true, true), ("2021-05-29T22:00:00", true, false),
        ("2021-05-29T22:00:00+0200", true, false), ("2021-05-29T22:00:00+02", true, false),
        ("2021-05-29", false, false),
        ("2021-05-29T22:00Z", false, false), ("2021-05-29T22:00:00+2:00", false, false),
    ])
    func dateTimeFormat(text: String, lenient: Bool, strict: Bool) throws {
        #expect(SchemaFormatCheck.isDateTime(text, strict: false) == lenient)
        #expect(SchemaFormatCheck.isDateTime(text, strict: true) == strict)
    }
}
