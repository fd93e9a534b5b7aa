import Foundation

/// The WHO Digital Documentation of COVID-19 Certificates core data set (DDCC:VS for a
/// vaccination, DDCC:TR for a test result) as it travels inside an `HC1:` QR: the same
/// Base45 → zlib → COSE_Sign1 layers as an EU DCC, but the signed CBOR is the core data set
/// itself (`name`, `birthDate`, `vaccine`, `dose`, … or `test`), not CWT claims with claim −260.
public enum WHODDCC {
    /// The core data set's keys that tell a DDCC apart from other CBOR maps.
    static let markerKeys: Set<String> = ["name", "birthDate", "vaccine", "test", "dose", "total_doses", "identifier"]

    /// The checks of a WHO DDCC, in the order the README of the conformance data gives.
    public static let checks: [InspectionReport.Check] = [.prefix, .base45, .zlib, .cose, .cbor, .schema, .signature, .validity]

    /// What a DDCC's signed payload holds: the core data set and, when it travels in CWT claims,
    /// their issued-at and expiry.
    public struct Content: Sendable {
        /// The core data set.
        public var coreDataSet: CBORValue
        /// The CWT claims around it, when there are any (claim 1, 4, 6).
        public var claims: InspectionReport.Claims?
    }

    /// The DDCC core data set in a COSE payload, nil when the payload is not one: either the
    /// payload map itself carries the core data set's keys (the WHO test key's and Singapore's
    /// form), or claim −260 holds, under some key other than the EU DCC's 1, such a map.
    public static func content(ofPayload payload: [UInt8], limits: CBORDecoder.Limits = .init()) -> Content? {
        guard var item = try? CBORDecoder(limits: limits).decode(payload) else { return nil }
        if case .tagged(61, let inner) = item { item = inner }
        guard case .map(let entries) = item else { return nil }
        if looksLikeCoreDataSet(entries) { return Content(coreDataSet: item, claims: nil) }
        guard let hcert = item[intKey: -260], case .map(let inner) = hcert, hcert[intKey: 1] == nil else { return nil }
        for entry in inner {
            if case .map(let candidate) = entry.value, looksLikeCoreDataSet(candidate) {
                let claims = InspectionReport.Claims(
                    issuer: item[intKey: 1]?.textValue, issuedAt: CWTClaims.date(item[intKey: 6]), expiresAt: CWTClaims.date(item[intKey: 4]))
                return Content(coreDataSet: entry.value, claims: claims)
            }
        }
        return nil
    }

    static func looksLikeCoreDataSet(_ entries: [CBORMapEntry]) -> Bool {
        var hits = 0
        for entry in entries {
            if let key = entry.key.textValue, markerKeys.contains(key) { hits += 1 }
        }
        return hits >= 2
    }

    /// The schema check: `name` a non-empty text, `birthDate` a text when present, and a
    /// vaccination (`vaccine` with `date` or `dose`) or a `test` map. Empty when it passes.
    public static func schemaIssues(_ payload: JSONValue) -> [InspectionReport.Issue] {
        var issues: [InspectionReport.Issue] = []
        func fail(_ code: String, _ message: String) { issues.append(InspectionReport.Issue(check: .schema, code: code, message: message)) }
        // Issuers write absent elements as null (WHO's own second sample has "total_doses": null,
        // "date": null), and the WHO verifier accepts that: null counts as absent.
        func present(_ key: String, in value: JSONValue = payload) -> JSONValue? {
            guard let item = value[key], !item.isNull else { return nil }
            return item
        }
        if present("name")?.stringValue?.isEmpty ?? true {
            fail("missing_name", "The WHO DDCC names no holder (\"name\"); the issuer produced an invalid certificate. Refuse it.")
        }
        if let birth = present("birthDate"), birth.stringValue == nil {
            fail("invalid_birth_date", "The WHO DDCC's birth date (\"birthDate\") is not text; the certificate is malformed. Refuse it.")
        }
        for key in ["dose", "total_doses"] {
            if let value = present(key), !(value.numberValue.map { $0 == $0.rounded() && $0 >= 0 } ?? false) {
                fail("invalid_dose", "The WHO DDCC's \"\(key)\" is not a whole number; the certificate is malformed. Refuse it.")
            }
        }
        let hasVaccination = present("vaccine") != nil && (present("date") != nil || present("dose") != nil)
        let test = present("test")
        if let test, test.objectValue == nil {
            fail("invalid_test", "The WHO DDCC's \"test\" is not a map; the certificate is malformed. Refuse it.")
        }
        if !hasVaccination && test == nil {
            fail(
                "certificate_groups",
                "The WHO DDCC holds neither a vaccination (vaccine with date or dose) nor a test result; there is nothing to admit on. Refuse it.")
        }
        return issues
    }

    /// The holder: `name` as the one name field, `birthDate` without a time part.
    public static func holder(of payload: JSONValue) -> InspectionReport.Holder {
        let name = payload["name"]?.stringValue.map(TextSafety.withoutControls).flatMap { $0.isEmpty ? nil : $0 }
        var birth = payload["birthDate"]?.stringValue.map(TextSafety.withoutControls)
        if let text = birth, text.count > 10, let cut = text.firstIndex(where: { $0 == "T" || $0 == " " }) {
            birth = String(text[..<cut])
        }
        return InspectionReport.Holder(name: name, birthDate: birth.flatMap { $0.isEmpty ? nil : $0 })
    }
}

extension WHODDCC {
    /// What the core data set certifies, in the DCC data model (docs/credentials.md): a
    /// vaccination (DDCC:VS: `disease`, `vaccine` as `vp`, `brand` as `mp`, `manufacturer` as
    /// `ma`, `dose`/`total_doses`, `date`, `country`) or a test (DDCC:TR: `test.type` as `tt`,
    /// `test.result` as `tr`, `test.date` as `sc`). Codes keep their DDCC value; a code whose
    /// system is not the one the DCC value sets use is written `system#code`. Nil when the data
    /// set certifies neither (a rule then has nothing to read).
    public static func healthEvidence(
        of payload: JSONValue, holder: InspectionReport.Holder, claims: InspectionReport.Claims?
    )
        -> HealthEvidence
    {
        func code(_ value: JSONValue?) -> String? {
            if let text = value?.stringValue { return text.isEmpty ? nil : text }
            return value?["code"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        }
        func coded(_ value: JSONValue?, plainSystems: Set<String>) -> String? {
            guard let code = code(value) else { return nil }
            guard let system = value?["system"]?.stringValue, !plainSystems.contains(system) else { return code }
            return system + "#" + code
        }
        func country(_ value: JSONValue?) -> String? {
            guard let text = code(value)?.uppercased() else { return nil }
            return text.count == 2 ? text : nil
        }
        func day(_ text: String?) -> String? {
            guard let text, text.count >= 10 else { return nil }
            return String(text.prefix(10))
        }
        let snomed: Set<String> = ["http://snomed.info/sct"]
        var vaccinations: [HealthEvidence.Vaccination] = []
        var tests: [HealthEvidence.Test] = []
        if let dose = payload["dose"]?.numberValue, dose == dose.rounded(), abs(dose) < 1000, let date = day(payload["date"]?.stringValue) {
            vaccinations.append(
                HealthEvidence.Vaccination(
                    disease: code(payload["disease"]) ?? HealthEvidence.covid19, vaccine: coded(payload["vaccine"], plainSystems: snomed),
                    product: code(payload["brand"]).map { $0.hasPrefix("EU/") ? $0 : (coded(payload["brand"], plainSystems: []) ?? $0) },
                    manufacturer: coded(payload["manufacturer"], plainSystems: []), doseNumber: Int(dose),
                    seriesDoses: payload["total_doses"]?.numberValue.flatMap { $0 == $0.rounded() && abs($0) < 1000 ? Int($0) : nil },
                    date: date, country: country(payload["country"])))
        } else if let test = payload["test"], let result = code(test["result"]), let sampleTime = test["date"]?.stringValue {
            tests.append(
                HealthEvidence.Test(
                    type: coded(test["type"], plainSystems: ["http://loinc.org"]), result: result, sampleTime: sampleTime,
                    country: country(test["country"])))
        }
        return HealthEvidence(
            format: .whoDDCC, holder: holder, vaccinations: vaccinations, tests: tests, issuedAt: claims?.issuedAt, expiresAt: claims?.expiresAt)
    }
}
