import Foundation

/// The Vietnamese citizen-ID card QR: one check, `format`, and the parsed fields as payload.
public struct CitizenIDFormatInspector: CredentialFormatInspector {
    /// Creates the inspector.
    public init() {}

    /// True for a `|`-separated text of 6 or 7 fields whose fourth is 8 digits (see ``PipeSeparatedQR``).
    public func recognizes(_ text: String) -> Bool {
        PipeSeparatedQR.kind(of: text) == .citizenIDCard
    }

    /// Parses the card; the trust store and clock play no part (the card QR is not signed).
    public func inspect(text: String, trust: TrustStore, at clock: Date) -> InspectionReport {
        do {
            let card = try CitizenIDCard(parsing: text)
            var report = InspectionReport(format: .vnCitizenID, checks: [.format: .pass], payload: card.json())
            report.holder = InspectionReport.Holder(fullNameFamilyFirst: card.fullName, birthDate: card.birthDate.iso8601)
            return report
        } catch {
            return InspectionReport(
                format: .vnCitizenID,
                checks: [.format: .fail],
                errors: [.init(check: .format, code: error.code.description, message: error.message)]
            )
        }
    }
}
