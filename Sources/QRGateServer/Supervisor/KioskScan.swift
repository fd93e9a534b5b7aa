import Foundation
import QRGateCore

/// What the kiosk screen posts to `POST /v1/scans`: codes it decoded itself or an image to
/// scan, and optionally a health declaration made on the screen.
public struct KioskScanRequest: Sendable {
    /// Decoded QR texts (from the kiosk's own scanner or camera app).
    public var texts: [String]
    /// An image (PNG, JPEG, PGM) for the gate to scan.
    public var image: [UInt8]?
    /// A declaration made on the kiosk screen.
    public var declaration: HealthDeclaration?
}

/// Runs one kiosk scan through the check-in pipeline and returns the decision as JSON text.
public typealias KioskScanHandler = @Sendable (KioskScanRequest) async throws -> String

extension KioskScanRequest {
    /// Largest accepted request body (an image from a phone camera).
    public static let maxBodyBytes = 12 << 20

    /// Parses a request body: an image by its content type, or JSON
    /// `{"texts": [..], "declaration": {"symptoms": [..], "contact_with_confirmed_case", "travelled_last_14_days", "free_text"}}`.
    static func parse(body: [UInt8], contentType: String?, now: Date) throws(SupervisorAPIError) -> KioskScanRequest {
        let type = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if type.hasPrefix("image/") {
            guard !body.isEmpty else { throw .badRequest("the image is empty") }
            return KioskScanRequest(texts: [], image: body, declaration: nil)
        }
        guard type == "application/json" else {
            throw .badRequest("send application/json ({\"texts\": [...]}) or an image (image/png, image/jpeg, image/x-portable-graymap)")
        }
        let json: JSONValue
        do { json = try JSONValue(parsing: body) } catch { throw .badRequest("the body is not JSON: \(error)") }
        guard let object = json.objectValue else { throw .badRequest("the body must be a JSON object") }
        let allowed: Set<String> = ["texts", "declaration"]
        if let unknown = object.keys.first(where: { !allowed.contains($0) }) { throw .badRequest("unknown field '\(unknown)'") }
        var texts: [String] = []
        if let list = object["texts"] {
            guard let array = list.arrayValue, array.count <= 8 else { throw .badRequest("'texts' must be a list of at most 8 strings") }
            for item in array {
                guard let text = item.stringValue, !text.isEmpty, text.utf8.count <= 8192 else {
                    throw .badRequest("every entry of 'texts' must be a non-empty string of at most 8192 bytes")
                }
                texts.append(text)
            }
        }
        var declaration: HealthDeclaration?
        if let value = object["declaration"], !value.isNull {
            declaration = try parseDeclaration(value, now: now)
        }
        guard !texts.isEmpty || declaration != nil else { throw .badRequest("nothing to check: give 'texts' or an image") }
        return KioskScanRequest(texts: texts, image: nil, declaration: declaration)
    }

    static func parseDeclaration(_ value: JSONValue, now: Date) throws(SupervisorAPIError) -> HealthDeclaration {
        guard let object = value.objectValue else { throw .badRequest("'declaration' must be an object") }
        let allowed: Set<String> = ["symptoms", "contact_with_confirmed_case", "travelled_last_14_days", "free_text"]
        if let unknown = object.keys.first(where: { !allowed.contains($0) }) { throw .badRequest("unknown declaration field '\(unknown)'") }
        var symptoms = Set<HealthDeclaration.Symptom>()
        for item in object["symptoms"]?.arrayValue ?? [] {
            guard let name = item.stringValue, let symptom = HealthDeclaration.Symptom(rawValue: name) else {
                let names = HealthDeclaration.Symptom.allCases.map(\.rawValue).joined(separator: ", ")
                throw .badRequest("unknown symptom; allowed: \(names)")
            }
            symptoms.insert(symptom)
        }
        func flag(_ key: String) throws(SupervisorAPIError) -> Bool {
            guard let v = object[key] else { return false }
            guard let b = v.boolValue else { throw .badRequest("'\(key)' must be true or false") }
            return b
        }
        let freeText = object["free_text"]?.stringValue
        if let freeText, freeText.utf8.count > HealthDeclaration.maxFreeTextBytes {
            throw .badRequest("'free_text' is longer than \(HealthDeclaration.maxFreeTextBytes) bytes of UTF-8; shorten it")
        }
        return HealthDeclaration(
            symptoms: symptoms, contactWithConfirmedCase: try flag("contact_with_confirmed_case"),
            travelledLast14Days: try flag("travelled_last_14_days"), freeText: freeText,
            submittedAt: now.timeIntervalSince1970, source: .kiosk)
    }
}
