/// The health-declaration questions the kiosk screen asks, as a health authority writes them
/// (`device-config/declaration-questions.json`): the wording in Vietnamese and English, which
/// symptoms to offer, the order. What the answers mean is fixed: each question is one field of
/// ``HealthDeclaration``, so a new wording never changes a decision rule.
public struct DeclarationQuestions: Sendable, Equatable {
    /// The question ids, one per field of a declaration.
    public static let ids: [String: String] = [
        "symptoms": "multi", "contact_with_confirmed_case": "yesno", "travelled_last_14_days": "yesno", "free_text": "text",
    ]

    /// The document's version, as the authority names it.
    public var version: String
    /// The document, checked, as the page receives it.
    public var json: JSONValue

    /// Checks a questions document: every question one of ``ids`` with its type, at most once,
    /// both languages present, symptom options among ``HealthDeclaration/Symptom``, a text limit
    /// no larger than ``HealthDeclaration/maxFreeTextBytes``.
    public init(json: JSONValue) throws(DeclarationQuestionsError) {
        func fail(_ message: String) -> DeclarationQuestionsError { DeclarationQuestionsError(code: "invalid_questions", message: message) }
        func text(_ value: JSONValue?, _ what: String) throws(DeclarationQuestionsError) -> String {
            guard let text = value?.stringValue, !text.isEmpty, text.utf8.count <= 500 else {
                throw fail("\(what) needs its \"vi\" and \"en\" text (1 to 500 bytes each)")
            }
            return text
        }
        guard let version = json["version"]?.stringValue, !version.isEmpty else { throw fail("the document needs a \"version\"") }
        guard let questions = json["questions"]?.arrayValue, !questions.isEmpty else {
            throw fail("the document needs a non-empty \"questions\" array")
        }
        var seen: Set<String> = []
        for question in questions {
            guard let id = question["id"]?.stringValue, let type = Self.ids[id] else {
                throw fail("a question's \"id\" must be one of \(Self.ids.keys.sorted().joined(separator: ", "))")
            }
            guard question["type"]?.stringValue == type else { throw fail("question \(id) must have \"type\": \"\(type)\"") }
            guard seen.insert(id).inserted else { throw fail("question \(id) is asked twice") }
            _ = try text(question["vi"], "question \(id)")
            _ = try text(question["en"], "question \(id)")
            if id == "symptoms" {
                guard let options = question["options"]?.arrayValue, !options.isEmpty else { throw fail("question symptoms needs \"options\"") }
                for option in options {
                    guard let value = option["value"]?.stringValue, HealthDeclaration.Symptom(rawValue: value) != nil else {
                        let known = HealthDeclaration.Symptom.allCases.map(\.rawValue).joined(separator: ", ")
                        throw fail("a symptom option's \"value\" must be one of \(known)")
                    }
                    _ = try text(option["vi"], "symptom \(value)")
                    _ = try text(option["en"], "symptom \(value)")
                }
            }
            if id == "free_text", let limit = question["max_bytes"] {
                guard let bytes = limit.numberValue, bytes >= 1, bytes <= Double(HealthDeclaration.maxFreeTextBytes), bytes.rounded() == bytes else {
                    throw fail("question free_text's \"max_bytes\" must be a whole number from 1 to \(HealthDeclaration.maxFreeTextBytes)")
                }
            }
        }
        self.version = version
        self.json = json
    }
}

/// Why a questions document was not accepted (code `invalid_questions`).
public typealias DeclarationQuestionsError = CodedError<DeclarationQuestionsErrors>
/// The domain of ``DeclarationQuestionsError``.
public enum DeclarationQuestionsErrors: ErrorDomain {}
