extension VDSNCFormatInspector {
    /// What a vaccination seal (`icao.vacc`) certifies, in the DCC data model: one vaccination
    /// per dose of `msg.ve[].vd[]` (dose `seq`, date `dvc`, country `ctr` as stated, the vaccine
    /// code `des` as the product). Other seal types carry no vaccination and map to none.
    static func healthEvidence(of data: JSONValue, holder: InspectionReport.Holder?) -> HealthEvidence {
        var vaccinations: [HealthEvidence.Vaccination] = []
        for event in data["msg"]?["ve"]?.arrayValue ?? [] {
            let product = event["des"]?.stringValue ?? event["nam"]?.stringValue
            for dose in event["vd"]?.arrayValue ?? [] {
                guard let date = dose["dvc"]?.stringValue else { continue }
                let number = dose["seq"]?.numberValue.flatMap { Int(exactly: $0) } ?? 1
                vaccinations.append(
                    HealthEvidence.Vaccination(product: product, doseNumber: number, date: String(date.prefix(10)), country: dose["ctr"]?.stringValue)
                )
            }
        }
        return HealthEvidence(format: .icaoVDSNC, holder: holder ?? InspectionReport.Holder(), vaccinations: vaccinations)
    }
}
