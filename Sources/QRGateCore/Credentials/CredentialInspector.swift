import Foundation

/// Inspects one credential of a format it recognises. Formats other than the EU DCC plug
/// in here: add a conforming type to ``CredentialInspector/standardFormats``.
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
    /// Runs the DCC pipeline.
    public func inspect(text: String, trust: TrustStore, at clock: Date) -> InspectionReport {
        DCCInspector().inspect(.text(text), trust: trust, at: clock)
    }
}

/// Decides the format of a scanned text and inspects it.
public enum CredentialInspector {
    /// The formats tried in order. The citizen-ID QR, receipt and declaration inspectors are
    /// added here as they are written.
    public static let standardFormats: [any CredentialFormatInspector] = [EUDCCFormatInspector(), CitizenIDFormatInspector()]

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
