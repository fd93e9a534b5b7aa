import Foundation
import QRGateCore
import Testing

/// Vietnam's national personal QR (v1.1): every vector of credentials-world/vn-personal-qr
/// (personal QRs and the citizen-ID card QRs met among them), then the parser's rules one by one.
@Suite struct VietnamPersonalQRTests {
    static let vectors = CredentialsWorldVectors.files("vn-personal-qr")

    @Test("vn-personal-qr vector", arguments: vectors)
    func vector(_ path: String) throws {
        let vector = try CredentialsWorldVectors.load(path)
        let expected = try #require(vector["expected"])
        let report = CredentialInspector.inspect(
            text: CredentialsWorldVectors.text(of: vector), trust: TrustStore(), at: CredentialsWorldVectors.at(vector))
        let json = report.json()
        #expect(json["format"] == vector["format"])
        #expect(json["verdict"] == expected["verdict"])
        #expect(CredentialsWorldVectors.firstFailure(report, order: [.format]) == expected["failed_check"]?.stringValue)
        if let reason = expected["reason"]?.stringValue {
            #expect(report.errors.first?.code == reason, "\(report.errors)")
            #expect(report.errors.first.map { !$0.message.isEmpty } == true)
        }
        guard let subject = expected["subject"], !subject.isNull else {
            #expect(json["payload"] == .null)
            return
        }
        // Scored as check.py scores it: the names' words and the birth date in the payload.
        #expect(CredentialsWorldVectors.missingSubjectParts(subject, payload: report.payload).isEmpty)
        // The normalised subject: the whole name, family name first, the birth date normalised.
        let holder = try #require(report.holder)
        #expect(holder.name == subject["name"]?.stringValue)
        let words = subject["name"]?.stringValue?.split(separator: " ").map(String.init) ?? []
        #expect(holder.familyName == words.first)
        #expect(holder.givenName == words.dropFirst().joined(separator: " "))
        let births = [subject["birth_date"]?.stringValue].compactMap { $0 } + (subject["birth_date_alt"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        #expect(births.contains(holder.birthDate ?? "-"), "\(holder)")
        #expect(json["subject"]?["birth_date"]?.stringValue == holder.birthDate)
        // The facts, key by key, in the payload.
        for (key, value) in expected["facts"]?.objectValue ?? [:] {
            #expect(report.payload?[key] == value, "\(key)")
        }
    }

    @Test func everyVectorIsRun() {
        #expect(Self.vectors.count == 20)
    }

    // MARK: - Rules

    static let today = CitizenIDCard.CalendarDay(year: 2025, month: 6, day: 1)!
    static let valid = "001090012345|NGUYEN VAN AN|1990-03-15|0|163125478912345600|<1<HN4010112345678<0912345678"

    func parse(_ text: String) throws(VietnamPersonalQRError) -> VietnamPersonalQR {
        try VietnamPersonalQR(parsing: text, today: Self.today)
    }

    @Test func readsEveryField() throws {
        let qr = try parse(Self.valid)
        #expect(qr.idNumber == "001090012345" && qr.idKind == .cccd && !qr.idMasked)
        #expect(qr.name == "NGUYEN VAN AN")
        #expect(qr.birthDate == .day(CitizenIDCard.CalendarDay(year: 1990, month: 3, day: 15)!))
        #expect(!qr.declaredOnBehalf && qr.proxyQID == nil)
        #expect(qr.qid == "163125478912345600")
        #expect(qr.sex == .male && qr.healthInsurance == "HN4010112345678" && qr.phone == "0912345678")
        #expect(qr.extExtra == nil && !qr.isSignatureVerified)
        #expect(qr.usableIDNumber == "001090012345")
    }

    @Test(arguments: [
        ("B1234567|LE THI HOA|1980-01-02|0|1|", VietnamPersonalQR.IDKind.passport, false),
        ("******67|LE THI HOA|1980-01-02|0|1|", .passport, true),
        ("******456|LE THI HOA|1980-01-02|0|1|", .cmnd, true),
        ("******012345|LE THI HOA|1980-01-02|0|1|", .cccd, true),
    ])
    func idNumberKinds(text: String, kind: VietnamPersonalQR.IDKind, masked: Bool) throws {
        let qr = try parse(text)
        #expect(qr.idKind == kind && qr.idMasked == masked)
        #expect((qr.usableIDNumber == nil) == masked)
    }

    @Test func toleratesSpaceAroundTextAndFieldsAndKeepsTheSignaturePart() throws {
        let qr = try parse("\u{FEFF}  001090012345 | NGUYEN VAN AN |1990-03-15| 0 |163125478912345600|<1<<<SIG<MORE\n")
        #expect(qr.name == "NGUYEN VAN AN")
        #expect(qr.healthInsurance == nil && qr.phone == nil)
        #expect(qr.extExtra == "SIG<MORE")
        #expect(qr.json()["signature_verified"] == false)
    }

    @Test func maskedBirthDateIsAYear() throws {
        let qr = try parse("001090012345|NGUYEN VAN AN|1990-**-**|0|1|")
        #expect(qr.birthDate == .year(1990))
        #expect(qr.birthDate.normalized == "1990" && qr.birthDate.asWritten == "1990-**-**")
    }

    @Test func aProxyDeclarationNeedsTheProxyQID() throws {
        let qr = try parse("001219001122|DO MINH KHANG|2019-06-20|1|163199988877766600|163125478912345600<1")
        #expect(qr.declaredOnBehalf && qr.proxyQID == "163125478912345600")
    }

    static let errorCases: [(String, VietnamPersonalQRError.Code, Int?)] = [
        ("", .emptyInput, nil),
        ("001090012345|NGUYEN VAN AN\u{0}X|1990-03-15|0|1|", .controlCharacter, nil),
        ("001090012345|NGUYEN VAN AN|1990-03-15|0|1", .fieldCount, nil),
        ("001090012345|NGUYEN VAN AN|1990-03-15|0|1||", .fieldCount, nil),
        (String(repeating: "1|", count: 3000), .fieldCount, nil),
        ("00109001234|NGUYEN VAN AN|1990-03-15|0|1|", .idNumber, 1),
        ("*****0012345|NGUYEN VAN AN|1990-03-15|0|1|", .idNumber, 1),
        ("b1234567|NGUYEN VAN AN|1990-03-15|0|1|", .idNumber, 1),
        ("001090012345|NGUYEN  VAN AN|1990-03-15|0|1|", .name, 2),
        ("001090012345|NGUYỄN VĂN AN|1990-03-15|0|1|", .name, 2),
        ("001090012345|Nguyen Van An|1990-03-15|0|1|", .name, 2),
        ("001090012345||1990-03-15|0|1|", .name, 2),
        ("001090012345|NGUYEN VAN AN|1990-02-30|0|1|", .birthDate, 3),
        ("001090012345|NGUYEN VAN AN|1899-12-31|0|1|", .birthDate, 3),
        ("001090012345|NGUYEN VAN AN|1990-05-**|0|1|", .birthDate, 3),
        ("001090012345|NGUYEN VAN AN|2025-06-02|0|1|", .birthDate, 3),
        ("001090012345|NGUYEN VAN AN|2026-**-**|0|1|", .birthDate, 3),
        ("001090012345|NGUYEN VAN AN|19900315|0|1|", .birthDate, 3),
        ("001090012345|NGUYEN VAN AN|1990-03-15|2|1|", .flag, 4),
        ("001090012345|NGUYEN VAN AN|1990-03-15||1|", .flag, 4),
        ("001090012345|NGUYEN VAN AN|1990-03-15|0||", .qid, 5),
        ("001090012345|NGUYEN VAN AN|1990-03-15|0|12 3|", .qid, 5),
        ("001090012345|NGUYEN VAN AN|1990-03-15|1|1|<1", .extProxyQID, 6),
        ("001090012345|NGUYEN VAN AN|1990-03-15|0|1|12A<1", .extProxyQID, 6),
        ("001090012345|NGUYEN VAN AN|1990-03-15|0|1|<M", .extSex, 6),
        ("001090012345|NGUYEN VAN AN|1990-03-15|0|1|<1<HN-40", .extHealthInsurance, 6),
        ("001090012345|NGUYEN VAN AN|1990-03-15|0|1|<1<<09 12", .extPhone, 6),
    ]

    @Test(arguments: errorCases)
    func errors(text: String, code: VietnamPersonalQRError.Code, field: Int?) {
        #expect {
            try parse(text)
        } throws: { error in
            guard let e = error as? VietnamPersonalQRError else { return false }
            return e.code == code && e.field == field && e.message.contains(";")
        }
    }

    @Test func everyErrorCodeIsCovered() {
        #expect(
            Set(Self.errorCases.map { $0.1.description }) == [
                "empty_input", "control_character", "field_count", "id_number", "name", "birth_date", "flag", "qid",
                "ext_proxy_qid", "ext_sex", "ext_health_insurance", "ext_phone",
            ])
    }

    // MARK: - Detection (credentials-world README)

    @Test(arguments: [
        ("079203012345|025123456|Nguyễn Văn An|15081990|Nam|Hà Nội|20042021", "vn-citizen-id"),
        ("079203012345||Nguyễn Văn An|15081990|Nam|Hà Nội", "vn-citizen-id"),
        ("079203012345||Nguyễn Văn An|15081990|Nam|Hà Nội|", "vn-citizen-id"),
        ("079203012345|025123456|Nguyễn Văn An|1990-08-15|Nam|Hà Nội|20042021", "vn-personal-qr"),
        (valid, "vn-personal-qr"),
        (valid + "|X", "vn-personal-qr"),
        ("hello|world", "vn-personal-qr"),
        ("******012345|HOANG THI LAN|1988-04-09|0|1|", "vn-personal-qr"),
        ("hello world", "unknown"),
    ])
    func detection(text: String, format: String) {
        let report = CredentialInspector.inspect(text: text, trust: TrustStore(), at: Date())
        #expect(report.format.rawValue == format)
    }

    // MARK: - Identity cross-check

    @Test func crossCheckComparesAMaskedBirthDateByYear() throws {
        let qr = try parse("001090012345|NGUYEN VAN AN|1990-**-**|0|1|")
        let same: JSONValue = ["nam": ["fnt": "NGUYEN", "gnt": "VAN<AN"], "dob": "1990-03-15"]
        let otherYear: JSONValue = ["nam": ["fnt": "NGUYEN", "gnt": "VAN<AN"], "dob": "1991-03-15"]
        let otherName: JSONValue = ["nam": ["fnt": "TRAN", "gnt": "THI<BINH"], "dob": "1990"]
        #expect(IdentityCrossCheck.compare(qr, with: same) == .match)
        #expect(IdentityCrossCheck.compare(qr, with: otherYear) == .mismatch(fields: [.dateOfBirth]))
        #expect(IdentityCrossCheck.compare(qr, with: otherName) == .mismatch(fields: [.familyName, .givenName]))
    }

    @Test func inspectReportsTheSubjectOfACitizenIDCardAndADCCInTheSameShape() throws {
        let card = CredentialInspector.inspect(
            text: "079203012345||Nguyễn Văn An|15081990|Nam|Hà Nội", trust: TrustStore(), at: Date())
        #expect(card.json()["subject"] == ["family_name": "Nguyễn", "given_name": "Văn An", "name": "Nguyễn Văn An", "birth_date": "1990-08-15"])
        let dcc = CredentialInspector.inspect(text: "hello world", trust: TrustStore(), at: Date())
        #expect(dcc.json()["subject"] == .null)
    }
}
