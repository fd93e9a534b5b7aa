import Foundation

extension SmartHealthCard {
    /// LOINC codes of SARS-CoV-2 nucleic-acid (NAAT/PCR) tests → DCC `tt` `LP6464-4`.
    static let nucleicAcidTests: Set<String> = [
        "94306-8", "94307-6", "94308-4", "94309-2", "94500-6", "94502-2", "94531-1", "94533-7", "94534-5", "94559-2",
        "94565-9", "94759-8", "94760-6", "94845-5", "95406-5", "95409-9", "95423-0", "95424-8", "96091-4", "96120-1",
        "96448-6", "96986-5",
    ]
    /// LOINC codes of SARS-CoV-2 antigen tests → DCC `tt` `LP217198-3`.
    static let antigenTests: Set<String> = ["94558-4", "95209-3", "96119-3", "97097-0", "96094-8", "97098-8"]

    /// What the card certifies, in the DCC data model (docs/credentials.md): each completed FHIR
    /// Immunization as a vaccination (CVX mapped to the EU product where one exists, dose number
    /// from `protocolApplied` else the order of the dates), else each final Observation as a test
    /// (LOINC → test type, the SNOMED result → detected / not detected).
    public var healthEvidence: HealthEvidence {
        let holder = self.holder ?? InspectionReport.Holder()
        var dated: [(date: String, resource: JSONValue)] = []
        var tests: [HealthEvidence.Test] = []
        for resource in resources {
            switch resource["resourceType"]?.stringValue {
            case "Immunization":
                guard resource["status"]?.stringValue ?? "completed" == "completed",
                    let date = resource["occurrenceDateTime"]?.stringValue ?? resource["occurrenceString"]?.stringValue
                else { continue }
                dated.append((String(date.prefix(10)), resource))
            case "Observation":
                if let test = Self.test(resource) { tests.append(test) }
            default: continue
            }
        }
        dated.sort { $0.date < $1.date }
        let vaccinations = dated.enumerated().map { position, item in
            let coding = item.resource["vaccineCode"]?["coding"]?.arrayValue?.first
            let system = coding?["system"]?.stringValue
            let code = coding?["code"]?.stringValue
            var product: String? = nil
            var vaccine: String? = nil
            if let code {
                if system == "http://hl7.org/fhir/sid/cvx", let eu = HealthEvidence.euProduct(cvx: code) {
                    (product, vaccine) = (eu.product, eu.vaccine)
                } else {
                    product = (system.map { $0 + "#" } ?? "") + code
                }
            }
            let protocolApplied = item.resource["protocolApplied"]?.arrayValue?.first
            let dose = protocolApplied?["doseNumberPositiveInt"]?.numberValue.flatMap { Int(exactly: $0) } ?? position + 1
            let series = protocolApplied?["seriesDosesPositiveInt"]?.numberValue.flatMap { Int(exactly: $0) }
            return HealthEvidence.Vaccination(vaccine: vaccine, product: product, doseNumber: dose, seriesDoses: series, date: item.date)
        }
        return HealthEvidence(
            format: .smartHealthCard, holder: holder, vaccinations: vaccinations, tests: tests, issuedAt: notBefore, expiresAt: expiresAt)
    }

    static func test(_ resource: JSONValue) -> HealthEvidence.Test? {
        guard ["final", "amended", "corrected"].contains(resource["status"]?.stringValue ?? "final"),
            let loinc = resource["code"]?["coding"]?.arrayValue?.first(where: { $0["system"]?.stringValue == "http://loinc.org" })?["code"]?
                .stringValue,
            let result = resource["valueCodeableConcept"]?["coding"]?.arrayValue?.first?["code"]?.stringValue,
            let time = resource["effectiveDateTime"]?.stringValue
        else { return nil }
        let type: String? = nucleicAcidTests.contains(loinc) ? "LP6464-4" : antigenTests.contains(loinc) ? "LP217198-3" : nil
        let mapped: String =
            switch result {
            case "260385009", HealthEvidence.notDetected: HealthEvidence.notDetected  // Negative / not detected
            case "10828004", HealthEvidence.detected: HealthEvidence.detected  // Positive / detected
            default: result
            }
        return HealthEvidence.Test(type: type, result: mapped, sampleTime: time)
    }
}
