/// The coded-value lists of the EU DCC: for a value-set id and a code, the display name.
///
/// ``bundled`` holds the value sets embedded in the library (eHN release 2.12.0, 2023-07-12);
/// central sync replaces them at run time with ``insert(_:)`` or by loading files (see
/// `ValueSets+Files.swift`). A value set with the same id replaces the older one unless its
/// `valueSetDate` is earlier.
public struct ValueSets: Sendable, Hashable {
    /// Value sets by id.
    public private(set) var sets: [String: ValueSet]
    /// Annex A rows by vaccine name (from `vaccine-encoding-instructions.json`).
    public private(set) var encodingInstructions: [String: VaccineEncodingInstruction]
    /// The date of the loaded encoding instructions (`YYYY-MM-DD`), nil when none were loaded.
    public private(set) var encodingInstructionsDate: String?

    /// The id of the Annex A file, which has its own shape.
    public static let encodingInstructionsID = "vaccines-covid-19-encoding-instructions"

    /// No value sets.
    public init() {
        sets = [:]
        encodingInstructions = [:]
    }

    /// The given value sets.
    public init(_ sets: [ValueSet]) {
        self.init()
        for set in sets { insert(set) }
    }

    /// The value sets embedded in this build (parsed once, on first use).
    public static let bundled: ValueSets = {
        var result = ValueSets()
        for (name, text) in BundledValueSetFiles.all {
            // The embedded files are tested; a defect here leaves that one set out rather than crash.
            try? result.load(jsonText: text, source: name)
        }
        return result
    }()

    /// The value set with this id (e.g. `vaccines-covid-19-names`).
    public subscript(id: String) -> ValueSet? { sets[id] }

    /// The entry for `code` in value set `valueSetID`.
    public func entry(valueSetID: String, code: String) -> ValueSet.Entry? {
        sets[valueSetID]?.entries[code]
    }

    /// The display name for `code` in value set `valueSetID`, e.g. ("vaccines-covid-19-names",
    /// "EU/1/20/1528") → "Comirnaty"; nil for an unknown set or code.
    public func displayName(valueSetID: String, code: String) -> String? {
        sets[valueSetID]?.entries[code]?.display
    }

    /// The display name of a coded DCC field, e.g. (`.vaccineProduct`, "EU/1/20/1528") → "Comirnaty".
    public func displayName(field: DCCCodedField, code: String) -> String? {
        displayName(valueSetID: field.valueSetID, code: code)
    }

    /// Adds `set`, replacing one with the same id unless that one has a later `valueSetDate`.
    public mutating func insert(_ set: ValueSet) {
        if let existing = sets[set.id], existing.date > set.date { return }
        sets[set.id] = set
    }

    /// Replaces the Annex A rows.
    public mutating func setEncodingInstructions(_ rows: [VaccineEncodingInstruction], date: String) {
        encodingInstructions = Dictionary(rows.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        encodingInstructionsDate = date
    }

    /// Adds the value set (or Annex A file) in `jsonText`; `source` names it in errors.
    public mutating func load(jsonText: String, source: String = "value set") throws(ValueSetError) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: jsonText)
        } catch {
            throw ValueSetError(code: .notJSON, message: "\(source) is not JSON (\(error.description)); fetch it again")
        }
        try load(json: json, source: source)
    }

    /// Adds the value set (or Annex A file) in `json`; `source` names it in errors.
    public mutating func load(json: JSONValue, source: String = "value set") throws(ValueSetError) {
        if json["valueSetId"]?.stringValue == Self.encodingInstructionsID {
            guard let values = json["valueSetValues"]?.objectValue else {
                throw ValueSetError(code: .wrongShape, message: "\(source): valueSetValues must be an object")
            }
            var rows: [VaccineEncodingInstruction] = []
            for (name, value) in values {
                guard let code = value["vaccine-code"]?.stringValue,
                    let manufacturer = value["vaccine-manufacturer"]?.stringValue
                else {
                    throw ValueSetError(
                        code: .wrongShape,
                        message: "\(source): row \"\(name)\" needs string vaccine-code and vaccine-manufacturer")
                }
                rows.append(
                    VaccineEncodingInstruction(
                        name: name, vaccineCode: code, manufacturer: manufacturer,
                        prophylaxisCodes: value["sct-codes"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                        note: value["note"]?.stringValue ?? ""))
            }
            setEncodingInstructions(rows, date: json["valueSetDate"]?.stringValue ?? "")
            return
        }
        insert(try ValueSet(json: json, source: source))
    }

    /// The "compressed" form CertLogic rules take as `external.valueSets`:
    /// `{valueSetId: [code, …]}`, codes sorted, `active` ignored (as upstream does).
    public func compressed() -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (id, set) in sets {
            object[id] = .array(set.entries.keys.sorted().map { .string($0) })
        }
        return .object(object)
    }
}

/// The coded fields of a DCC payload and the value set each one draws from.
public enum DCCCodedField: String, Sendable, Hashable, CaseIterable {
    /// `tg`: disease or agent targeted.
    case diseaseTargeted = "tg"
    /// `v.vp`: vaccine or prophylaxis.
    case vaccineProphylaxis = "v.vp"
    /// `v.mp`: vaccine medicinal product.
    case vaccineProduct = "v.mp"
    /// `v.ma`: marketing-authorisation holder or manufacturer.
    case vaccineManufacturer = "v.ma"
    /// `t.tt`: type of test.
    case testType = "t.tt"
    /// `t.tr`: test result.
    case testResult = "t.tr"
    /// `t.ma`: rapid antigen test device.
    case testDevice = "t.ma"
    /// `co`: country of vaccination or test, or issuing country.
    case country = "co"

    /// The value-set id, as in `valueSetId` and rules' `external.valueSets`.
    public var valueSetID: String {
        switch self {
        case .diseaseTargeted: "disease-agent-targeted"
        case .vaccineProphylaxis: "sct-vaccines-covid-19"
        case .vaccineProduct: "vaccines-covid-19-names"
        case .vaccineManufacturer: "vaccines-covid-19-auth-holders"
        case .testType: "covid-19-lab-test-type"
        case .testResult: "covid-19-lab-result"
        case .testDevice: "covid-19-lab-test-manufacturer-and-name"
        case .country: "country-2-codes"
        }
    }
}
