import Foundation

/// Vietnam's national personal QR: one check, `format`, the decoded fields as payload and the
/// holder. Never signed as far as anyone can verify (no key is published): valid means
/// well-formed, and the check-in path records it as an unverified identity.
public struct VietnamPersonalQRFormatInspector: CredentialFormatInspector {
    /// Creates the inspector.
    public init() {}

    /// True for `|`-separated text that is not a citizen-ID card QR (see ``PipeSeparatedQR``).
    public func recognizes(_ text: String) -> Bool {
        PipeSeparatedQR.kind(of: text) == .personalQR
    }

    /// Parses the QR; a birth date after `clock`'s day (UTC) is refused. The trust store plays no part.
    public func inspect(text: String, trust: TrustStore, at clock: Date) -> InspectionReport {
        do {
            let qr = try VietnamPersonalQR(parsing: text, today: Self.day(of: clock))
            var report = InspectionReport(format: .vnPersonalQR, checks: [.format: .pass], payload: qr.json())
            report.holder = InspectionReport.Holder(fullNameFamilyFirst: qr.name, birthDate: qr.birthDate.normalized)
            report.notes.append("the personal QR is unsigned (no verification key is published): an unverified identity")
            return report
        } catch {
            return InspectionReport(
                format: .vnPersonalQR,
                checks: [.format: .fail],
                errors: [.init(check: .format, code: error.code.description, message: error.message)]
            )
        }
    }

    /// The UTC calendar day of `date`.
    static func day(of date: Date) -> CitizenIDCard.CalendarDay? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CitizenIDCard.CalendarDay(year: year, month: month, day: day)
    }
}
