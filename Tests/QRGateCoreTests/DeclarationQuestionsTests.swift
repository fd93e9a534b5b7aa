import Foundation
import Testing

@testable import QRGateCore

/// A health authority may reword the declaration questions and choose the symptoms it asks
/// about, never invent a field the policy does not know.
@Suite struct DeclarationQuestionsTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("device-config/declaration-questions.json")

    func document(_ questions: String) throws -> JSONValue {
        try JSONValue(parsing: #"{"version": "t", "questions": "# + questions + "}")
    }

    @Test func theShippedQuestionsAreValid() throws {
        let questions = try DeclarationQuestions(json: try JSONValue(parsing: try Data(contentsOf: Self.shipped)))
        #expect(!questions.version.isEmpty)
        let ids = questions.json["questions"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(Set(ids ?? []) == Set(DeclarationQuestions.ids.keys))
    }

    @Test(arguments: [
        ("an unknown question", #"[{"id": "blood_type", "type": "text", "vi": "a", "en": "b"}]"#),
        ("a wrong type", #"[{"id": "free_text", "type": "yesno", "vi": "a", "en": "b"}]"#),
        ("a missing language", #"[{"id": "contact_with_confirmed_case", "type": "yesno", "vi": "a"}]"#),
        (
            "an unknown symptom",
            #"[{"id": "symptoms", "type": "multi", "vi": "a", "en": "b", "options": [{"value": "sneezing", "vi": "x", "en": "y"}]}]"#
        ),
        (
            "a question asked twice",
            #"[{"id": "free_text", "type": "text", "vi": "a", "en": "b"}, {"id": "free_text", "type": "text", "vi": "a", "en": "b"}]"#
        ),
        ("a text limit beyond the stored one", #"[{"id": "free_text", "type": "text", "max_bytes": 5000, "vi": "a", "en": "b"}]"#),
        ("no questions", "[]"),
    ])
    func aDocumentTheScreenCannotAskIsRefusedWithWhatToChange(_ what: String, _ questions: String) throws {
        let json = try document(questions)
        do {
            _ = try DeclarationQuestions(json: json)
            Issue.record("\(what) was accepted")
        } catch {
            #expect(error.code == "invalid_questions")
            #expect(error.message.count > 20, "\(error.message)")
        }
    }
}
