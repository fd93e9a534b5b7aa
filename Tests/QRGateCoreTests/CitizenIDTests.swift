import Foundation
import Testing

@testable import QRGateCore

@Suite struct CitizenIDTests {
    static let seven = "001090012345|123456789|Nguyễn Văn An|17051990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|01022021"
    static let six = "079196000123||Trần Thị Bích Ngọc|29021996|Nữ|12 Lê Lợi, Quận 1, TP Hồ Chí Minh"

    @Test func sevenFields() throws {
        let card = try CitizenIDCard(parsing: Self.seven)
        #expect(card.idNumber == "001090012345")
        #expect(card.oldIDNumber == "123456789")
        #expect(card.fullName == "Nguyễn Văn An")
        #expect(card.birthDate.iso8601 == "1990-05-17")
        #expect(card.sex == .male)
        #expect(card.address == "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội")
        #expect(card.issueDate?.iso8601 == "2021-02-01")
        #expect(card.idNumberAgreesWithBirthAndSex)
    }

    @Test func sixFieldsHaveNoIssueDate() throws {
        let card = try CitizenIDCard(parsing: Self.six)
        #expect(card.oldIDNumber == nil)
        #expect(card.sex == .female)
        #expect(card.birthDate.iso8601 == "1996-02-29")
        #expect(card.issueDate == nil)
        #expect(card.idNumberAgreesWithBirthAndSex)
    }

    @Test func jsonHasExactlyTheContractKeys() throws {
        let json = try CitizenIDCard(parsing: Self.six).json()
        #expect(
            json == [
                "id_number": "079196000123", "old_id_number": nil, "full_name": "Trần Thị Bích Ngọc",
                "birth_date": "1996-02-29", "sex": "female", "address": "12 Lê Lợi, Quận 1, TP Hồ Chí Minh",
                "issue_date": nil,
            ])
        let seven = try CitizenIDCard(parsing: Self.seven).json()
        #expect(seven.objectValue?.keys.sorted() == json.objectValue?.keys.sorted())
        #expect(seven["issue_date"] == "2021-02-01")
        #expect(seven["old_id_number"] == "123456789")
    }

    @Test(arguments: [
        seven + "|", seven + "||", "  \n" + seven + "\r\n", "\u{FEFF}" + seven,
        seven.replacingOccurrences(of: "|", with: " | "),
    ])
    func toleratedVariantsOfSevenFields(text: String) throws {
        #expect(try CitizenIDCard(parsing: text) == CitizenIDCard(parsing: Self.seven))
    }

    @Test func nulPaddingAroundFieldsIsTolerated() throws {
        // Found by fuzzing: parse and detection must agree on NUL-padded fields.
        let padded =
            "001090012345\0\0|123456789|Nguyễn Văn An|17051990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|01022021\0"
        #expect(try CitizenIDCard(parsing: padded) == CitizenIDCard(parsing: Self.seven))
        #expect(looksLikeCitizenID(padded))
    }

    @Test func trailingSeparatorAfterSixFieldsIsStillSixFields() throws {
        #expect(try CitizenIDCard(parsing: Self.six + "|") == CitizenIDCard(parsing: Self.six))
        #expect(try CitizenIDCard(parsing: Self.six + "|  |") == CitizenIDCard(parsing: Self.six))
    }

    @Test func decomposedInputGivesComposedOutput() throws {
        let nfd = Self.seven.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.unicodeScalars) != Array(Self.seven.unicodeScalars))
        let card = try CitizenIDCard(parsing: nfd)
        #expect(
            Array(card.fullName.unicodeScalars)
                == Array("Nguyễn Văn An".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(card == (try CitizenIDCard(parsing: Self.seven)))
    }

    @Test(arguments: ["Nam", "NAM", "nam", "Nữ", "NỮ", "nữ", "Nu", "NU", "Nữ".decomposedStringWithCanonicalMapping])
    func sexSpellings(value: String) throws {
        let text = "001090012345||Nguyễn Văn An|17051990|\(value)|Hà Nội"
        let card = try CitizenIDCard(parsing: text)
        #expect(card.sex == (value.lowercased().hasPrefix("na") ? .male : .female))
    }

    // MARK: errors, one per code

    static let errorCases: [(String, CitizenIDError.Code, Int?)] = [
        ("", .emptyInput, nil),
        ("  \n ", .emptyInput, nil),
        ("001090012345|123456789|Nguyễn Văn An|17051990|Nam", .wrongFieldCount, nil),
        (seven + "|extra", .wrongFieldCount, nil),
        ("HC1:NCFOXN%TS3DH3ZSUZK+.V0ET", .wrongFieldCount, nil),
        ("00109001234|123456789|Nguyễn Văn An|17051990|Nam|Hà Nội|01022021", .invalidIDNumber, 1),
        ("0010900123456|123456789|Nguyễn Văn An|17051990|Nam|Hà Nội|01022021", .invalidIDNumber, 1),
        ("00109001234X|123456789|Nguyễn Văn An|17051990|Nam|Hà Nội|01022021", .invalidIDNumber, 1),
        ("００１０９００１２３４５|123456789|Nguyễn Văn An|17051990|Nam|Hà Nội|01022021", .invalidIDNumber, 1),
        ("001090012345|12345678|Nguyễn Văn An|17051990|Nam|Hà Nội|01022021", .invalidOldIDNumber, 2),
        ("001090012345|12345678A|Nguyễn Văn An|17051990|Nam|Hà Nội|01022021", .invalidOldIDNumber, 2),
        ("001090012345|123456789|  |17051990|Nam|Hà Nội|01022021", .missingFullName, 3),
        ("001090012345|123456789|Nguyễn Văn An|31022000|Nam|Hà Nội|01022021", .invalidBirthDate, 4),
        ("001090012345|123456789|Nguyễn Văn An|29021900|Nam|Hà Nội|01022021", .invalidBirthDate, 4),
        ("001090012345|123456789|Nguyễn Văn An|17131990|Nam|Hà Nội|01022021", .invalidBirthDate, 4),
        ("001090012345|123456789|Nguyễn Văn An|1990-05-17|Nam|Hà Nội|01022021", .invalidBirthDate, 4),
        ("001090012345|123456789|Nguyễn Văn An|17051890|Nam|Hà Nội|01022021", .invalidBirthDate, 4),
        ("001090012345|123456789|Nguyễn Văn An|00051990|Nam|Hà Nội|01022021", .invalidBirthDate, 4),
        ("001090012345|123456789|Nguyễn Văn An|17051990|Khác|Hà Nội|01022021", .unknownSex, 5),
        ("001090012345|123456789|Nguyễn Văn An|17051990||Hà Nội|01022021", .unknownSex, 5),
        ("001090012345|123456789|Nguyễn Văn An|17051990|Nam|Hà Nội|31042021", .invalidIssueDate, 7),
        ("001090012345|123456789|Nguyễn Văn An|17051990|Nam|Hà Nội|1022021", .invalidIssueDate, 7),
        ("001090012345|123456789|Nguyễn Văn An|17051990|Nam|Hà Nội|01011980", .issueDateBeforeBirthDate, 7),
    ]

    @Test(arguments: errorCases)
    func errors(text: String, code: CitizenIDError.Code, field: Int?) {
        #expect {
            try CitizenIDCard(parsing: text)
        } throws: { error in
            guard let e = error as? CitizenIDError else { return false }
            return e.code == code && e.field == field && !e.message.isEmpty
        }
    }

    @Test func everyErrorCodeIsCovered() {
        let covered = Set(Self.errorCases.map { $0.1.description })
        #expect(
            covered == [
                "empty_input", "wrong_field_count", "invalid_id_number", "invalid_old_id_number", "missing_full_name",
                "invalid_birth_date", "unknown_sex", "invalid_issue_date", "issue_date_before_birth_date",
            ])
    }

    @Test func impossibleDateMessageSaysWhy() throws {
        do {
            _ = try CitizenIDCard(parsing: "001090012345|123456789|Nguyễn Văn An|31022000|Nam|Hà Nội|01022021")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("day 31 does not exist in month 2 of 2000"), "\(error.message)")
            #expect(error.message.contains("field 4"))
        }
    }

    @Test func wrongFieldCountMessageCountsFields() {
        do {
            _ = try CitizenIDCard(parsing: "1|2|3")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .wrongFieldCount)
            #expect(error.message.hasPrefix("found 3 fields"))
        }
    }

    @Test func idConsistencyIsInformativeOnly() throws {
        // Century/sex digit says 2000s female, card says 1990 male: still parsed.
        let card = try CitizenIDCard(parsing: "001390012345||Nguyễn Văn An|17051990|Nam|Hà Nội")
        #expect(!card.idNumberAgreesWithBirthAndSex)
    }

    // MARK: detection

    @Test(arguments: [
        (seven, true), (six, true), ("  " + seven, true), ("00109001234|x|y|z|w", true),
        ("001090012345 |a|b|c|d", true),
        ("HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N", false), ("QRG1:ABC", false),
        ("001090012345|a|b|c", false), ("", false), ("|||||", false), ("Nguyễn|001090012345|||||", false),
        (String(repeating: "1", count: 21) + "|||||", false),
    ])
    func looksLikeDetection(text: String, expected: Bool) {
        #expect(looksLikeCitizenID(text) == expected)
    }

    @Test func everyParseableTextLooksLikeACitizenID() throws {
        for text in [Self.seven, Self.six, Self.six + "|", Self.seven.decomposedStringWithCanonicalMapping] {
            _ = try CitizenIDCard(parsing: text)
            #expect(looksLikeCitizenID(text))
        }
    }
}
