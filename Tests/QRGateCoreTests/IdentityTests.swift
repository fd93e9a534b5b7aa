import Foundation
import Testing

@testable import QRGateCore

@Suite struct IdentityTests {
    // MARK: folding

    @Test(arguments: [
        ("Nguyễn Văn An", "nguyen van an"),
        ("NGUYEN<VAN<AN", "nguyen van an"),
        ("  Đặng   Thị  Đào ", "dang thi dao"),
        ("ĐỖ<<THỊ", "do thi"),
        ("Trần Thị Bích Ngọc", "tran thi bich ngoc"),
        ("d'Červenková Panklová", "dcervenkova panklova"),
        ("Jiřina-Maria Alena", "jirina maria alena"),
        ("d'Arsøns - van Halen", "darsons van halen"),
        ("Müller", "muller"),
        ("", ""),
        ("<<<", ""),
    ])
    func folding(name: String, folded: String) {
        #expect(NameFolding.fold(name) == folded)
    }

    @Test func foldingIgnoresNormalizationForm() {
        let name = "Nguyễn Thị Ánh Tuyết"
        #expect(NameFolding.fold(name.decomposedStringWithCanonicalMapping) == NameFolding.fold(name))
        #expect(NameFolding.fold(name.precomposedStringWithCanonicalMapping) == "nguyen thi anh tuyet")
    }

    // MARK: cross-check

    static let card = try! CitizenIDCard(
        parsing: "001090012345|123456789|Nguyễn Văn An|17051990|Nam|Hà Nội|01022021")

    static func dcc(fnt: String? = "NGUYEN", gnt: String? = "VAN<AN", dob: JSONValue? = "1990-05-17") -> JSONValue {
        var nam: [String: JSONValue] = [:]
        if let fnt { nam["fnt"] = .string(fnt) }
        if let gnt { nam["gnt"] = .string(gnt) }
        var payload: [String: JSONValue] = ["ver": "1.3.0", "nam": .object(nam)]
        if let dob { payload["dob"] = dob }
        return .object(payload)
    }

    @Test func transliteratedNamesMatchDiacritics() {
        #expect(IdentityCrossCheck.compare(Self.card, with: Self.dcc()) == .match)
    }

    @Test(
        arguments: [
            ("NGUYEN", "VAN<AN"),  // middle name with the given name
            ("NGUYEN<VAN", "AN"),  // middle name with the surname
            ("VAN<AN", "NGUYEN"),  // reversed: the issuer put the surname last
            ("NGUYEN", "VANAN"),  // spacing differs
            ("NGUYEN<VAN<AN", nil),  // only fnt (allowed from 1.3.2)
            (nil, "NGUYEN<VAN<AN"),  // only gnt
        ] as [(String?, String?)])
    func nameSplitsThatMatch(fnt: String?, gnt: String?) {
        #expect(IdentityCrossCheck.compare(Self.card, with: Self.dcc(fnt: fnt, gnt: gnt)) == .match)
    }

    @Test func untransliteratedNamesAreUsedWhenTransliterationIsAbsent() {
        let payload: JSONValue = ["nam": ["fn": "Nguyễn", "gn": "Văn An"], "dob": "1990-05-17"]
        #expect(IdentityCrossCheck.compare(Self.card, with: payload) == .match)
    }

    @Test(
        arguments: [
            ("TRAN", "VAN<AN", [IdentityField.familyName]),
            ("NGUYEN", "VAN<BINH", [.givenName]),
            ("NGUYEN", "AN", [.givenName]),  // middle name missing
            ("LE", "THI<HOA", [.familyName, .givenName]),
        ] as [(String, String, [IdentityField])])
    func nameMismatchNamesTheField(fnt: String, gnt: String, fields: [IdentityField]) {
        #expect(IdentityCrossCheck.compare(Self.card, with: Self.dcc(fnt: fnt, gnt: gnt)) == .mismatch(fields: fields))
    }

    @Test func noNameAtAllIsAMismatchOfBoth() {
        #expect(
            IdentityCrossCheck.compare(Self.card, with: Self.dcc(fnt: nil, gnt: nil))
                == .mismatch(fields: [.familyName, .givenName]))
    }

    @Test(arguments: ["1990", "1990-05", "1990-05-17", "1990-00", "1990-05-00", "1990-05-17T00:00:00", "", " "])
    func partialDobMatches(dob: String) {
        #expect(IdentityCrossCheck.compare(Self.card, with: Self.dcc(dob: .string(dob))) == .match)
    }

    @Test(arguments: ["1991", "1990-06", "1990-05-18", "17.05.1990", "90-05-17", "1990-5-17"])
    func dobMismatch(dob: String) {
        #expect(
            IdentityCrossCheck.compare(Self.card, with: Self.dcc(dob: .string(dob)))
                == .mismatch(fields: [.dateOfBirth]))
    }

    @Test func absentDobIsNotAMismatchButANumberIs() {
        #expect(IdentityCrossCheck.compare(Self.card, with: Self.dcc(dob: nil)) == .match)
        #expect(IdentityCrossCheck.compare(Self.card, with: Self.dcc(dob: .null)) == .match)
        #expect(IdentityCrossCheck.compare(Self.card, with: Self.dcc(dob: 1990)) == .mismatch(fields: [.dateOfBirth]))
    }

    @Test func everyMismatchedFieldIsNamed() {
        let result = IdentityCrossCheck.compare(Self.card, with: Self.dcc(fnt: "LE", gnt: "THI<HOA", dob: "1985"))
        #expect(result == .mismatch(fields: [.familyName, .givenName, .dateOfBirth]))
        #expect(IdentityField.allCases.map(\.description) == ["nam.fnt", "nam.gnt", "dob"])
    }

    @Test func worksWithAnUpstreamExample() throws {
        let payload = try SchemaFixtures.load("dcc-schema/examples/vaccination/simple.json")
        let fn = payload["nam"]?["fn"]?.stringValue ?? ""
        let gn = payload["nam"]?["gn"]?.stringValue ?? ""
        let dob = try #require(payload["dob"]?.stringValue)
        let parts = dob.split(separator: "-").compactMap { Int($0) }
        let day = try #require(CitizenIDCard.CalendarDay(year: parts[0], month: parts[1], day: parts[2]))
        #expect(IdentityCrossCheck.compare(fullName: fn + " " + gn, birthDate: day, with: payload) == .match)
    }

    @Test func nonLatinScriptsDoNotMatchTheirTransliteration() throws {
        // Folding handles Latin diacritics only; Arabic "fn" vs ICAO "fnt" is reported, not hidden.
        let payload = try SchemaFixtures.load("dcc-schema/examples/vaccination/transliterated.json")
        let name = (payload["nam"]?["fn"]?.stringValue ?? "") + " " + (payload["nam"]?["gn"]?.stringValue ?? "")
        let day = try #require(CitizenIDCard.CalendarDay(year: 1964, month: 1, day: 1))
        #expect(IdentityCrossCheck.compare(fullName: name, birthDate: day, with: payload) != .match)
    }
}
