import Foundation

/// Inspects one credential of a format it recognises. Formats other than the EU DCC plug
/// in here: add a conforming type to ``CredentialInspector/standardFormats``. A health
/// credential's inspector sets ``InspectionReport/healthEvidence`` whenever it decoded the
/// credential (valid or not): that is all the kiosk pipeline and the country's rules read.
public protocol CredentialFormatInspector: Sendable {
    /// True when `text` is of this format (normally decided by its prefix or shape).
    func recognizes(_ text: String) -> Bool
    /// Decodes and verifies `text`.
    func inspect(text: String, trust: TrustStore, at clock: Date) -> InspectionReport
}

/// The EU DCC format (`HC1:`).
public struct EUDCCFormatInspector: CredentialFormatInspector {
    /// Creates the inspector.
    public init() {}
    /// True for text starting with `HC1:`.
    public func recognizes(_ text: String) -> Bool {
        DCCInspector.trimmed(text).hasPrefix(DCCInspector.prefix)
    }
    /// Runs the DCC pipeline; the holder comes from the payload's `nam` and `dob`. A WHO DDCC
    /// (an `HC1:` QR without claim −260) is told apart after CBOR decoding and reported as
    /// format `who-ddcc`, its holder from `name` and `birthDate`.
    public func inspect(text: String, trust: TrustStore, at clock: Date) -> InspectionReport {
        var report = DCCInspector().inspect(.text(text), trust: trust, at: clock)
        if report.format == .euDCC, let payload = report.payload {
            report.holder = Self.holder(of: payload)
            report.healthEvidence = HealthEvidence(
                format: .euDCC, payload: payload, issuedAt: report.claims?.issuedAt, expiresAt: report.claims?.expiresAt)
        }
        return report
    }

    /// The holder a DCC payload names: `fn` (else `fnt`), `gn` (else `gnt`), `dob` without a time part.
    public static func holder(of payload: JSONValue) -> InspectionReport.Holder {
        let nam = payload["nam"]
        func name(_ key: String, _ standardised: String) -> String? {
            let text = nam?[key]?.stringValue ?? nam?[standardised]?.stringValue
            return text.map(TextSafety.withoutControls).flatMap { $0.isEmpty ? nil : $0 }
        }
        var birth = payload["dob"]?.stringValue.map(TextSafety.withoutControls)
        if let text = birth, text.count > 10, let cut = text.firstIndex(where: { $0 == "T" || $0 == " " }) {
            birth = String(text[..<cut])
        }
        return InspectionReport.Holder(
            familyName: name("fn", "fnt"), givenName: name("gn", "gnt"), birthDate: birth.flatMap { $0.isEmpty ? nil : $0 })
    }
}

/// Decides the format of a scanned text and inspects it.
public enum CredentialInspector {
    /// The formats tried in order. Vietnam's two `|`-separated QRs are told apart by
    /// ``PipeSeparatedQR``, so their order does not matter.
    public static let standardFormats: [any CredentialFormatInspector] = [
        EUDCCFormatInspector(), CitizenIDFormatInspector(), VietnamPersonalQRFormatInspector(),
        SmartHealthCardFormatInspector(), VDSNCFormatInspector(),
        DIVOCFormatInspector(),
    ]

    /// Inspects `text`. Text no format recognises yields format `unknown` with the DCC
    /// checks (`prefix` failed, the rest skipped) and verdict `invalid`.
    public static func inspect(
        text: String, trust: TrustStore, at clock: Date,
        formats: [any CredentialFormatInspector] = standardFormats
    ) -> InspectionReport {
        for format in formats where format.recognizes(text) {
            return format.inspect(text: text, trust: trust, at: clock)
        }
        return DCCInspector().inspect(.text(text), trust: trust, at: clock)
    }
}
