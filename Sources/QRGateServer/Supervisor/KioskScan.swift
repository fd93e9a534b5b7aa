import Foundation
import Hummingbird
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

/// What a kiosk scan led to: the decision, or the progress of a presentation still open.
public struct KioskScanAnswer: Sendable {
    /// The JSON document.
    public var json: String
    /// True when nothing was decided yet (the presentation waits for more codes): 202.
    public var waiting: Bool

    /// An answer.
    public init(json: String, waiting: Bool = false) {
        self.json = json
        self.waiting = waiting
    }
}

/// Runs one kiosk scan through the check-in path and answers with the decision, or with the
/// progress of the presentation it opened or joined.
public typealias KioskScanHandler = @Sendable (KioskScanRequest) async throws -> KioskScanAnswer

extension KioskScanRequest {
    /// Largest accepted image body (a photo from a phone camera), in bytes.
    public static let maxImageBodyBytes = 12 << 20
    /// Largest accepted JSON body, in bytes: room for 8 codes of 8192 bytes and a declaration,
    /// with JSON escaping, and no more.
    public static let maxJSONBodyBytes = 128 << 10
    /// Longest code in `texts`, in UTF-8 bytes.
    public static let maxTextBytes = 8192
    /// Most codes in `texts`.
    public static let maxTexts = 8

    /// The content types the endpoint takes.
    enum BodyKind {
        case json
        case image
    }

    /// What the content type announces; 415 for anything else.
    static func bodyKind(contentType: String?) throws(SupervisorAPIError) -> BodyKind {
        let type = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if type == "application/json" { return .json }
        if type.hasPrefix("image/") { return .image }
        throw SupervisorAPIError(
            .unsupportedMediaType, status: .unsupportedMediaType,
            message: "send application/json ({\"texts\": [...]}) or an image (image/png, image/jpeg, image/x-portable-graymap), not '\(type)'")
    }

    /// The body limit for a kind of body, in bytes.
    static func maxBodyBytes(for kind: BodyKind) -> Int {
        switch kind {
        case .json: maxJSONBodyBytes
        case .image: maxImageBodyBytes
        }
    }

    /// Parses a request body: an image by its content type, or JSON
    /// `{"texts": [..], "declaration": {"symptoms": [..], "contact_with_confirmed_case", "travelled_last_14_days", "free_text"}}`.
    static func parse(body: [UInt8], contentType: String?, now: Date) throws(SupervisorAPIError) -> KioskScanRequest {
        let kind = try bodyKind(contentType: contentType)
        guard body.count <= maxBodyBytes(for: kind) else {
            throw SupervisorAPIError(.bodyTooLarge, status: .contentTooLarge, message: "the body is larger than \(maxBodyBytes(for: kind)) bytes")
        }
        if kind == .image {
            guard !body.isEmpty else {
                throw SupervisorAPIError(
                    .undecodableImage, status: .unprocessableContent, message: "the image is empty (0 bytes); capture it again", reason: "truncated")
            }
            return KioskScanRequest(texts: [], image: body, declaration: nil)
        }
        let json: JSONValue
        do { json = try JSONValue(parsing: body) } catch { throw .badRequest("the body is not JSON: \(error)") }
        guard let object = json.objectValue else { throw .badRequest("the body must be a JSON object") }
        let allowed: Set<String> = ["texts", "declaration"]
        if let unknown = object.keys.first(where: { !allowed.contains($0) }) { throw .badRequest("unknown field '\(unknown)'") }
        var texts: [String] = []
        if let list = object["texts"] {
            guard let array = list.arrayValue, array.count <= maxTexts else {
                throw .badRequest("'texts' must be a list of at most \(maxTexts) strings")
            }
            for item in array {
                guard let text = item.stringValue, !text.isEmpty, text.utf8.count <= maxTextBytes else {
                    throw .badRequest("every entry of 'texts' must be a non-empty string of at most \(maxTextBytes) bytes (UTF-8)")
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
        var freeText: String?
        if let value = object["free_text"], !value.isNull {
            guard let text = value.stringValue else { throw .badRequest("'free_text' must be a string") }
            guard HealthDeclaration.freeTextFits(text) else {
                throw .badRequest("'free_text' is \(text.utf8.count) bytes (UTF-8), more than \(HealthDeclaration.maxFreeTextBytes); shorten it")
            }
            freeText = text
        }
        return HealthDeclaration(
            symptoms: symptoms, contactWithConfirmedCase: try flag("contact_with_confirmed_case"),
            travelledLast14Days: try flag("travelled_last_14_days"), freeText: freeText,
            submittedAt: now.timeIntervalSince1970, source: .kiosk)
    }
}
