/// Every reason the gate can give, with the Vietnamese and English text the kiosk shows.
extension DecisionReason {
    /// A valid certificate satisfied the site's rules.
    public static let certificateAccepted = DecisionReason(
        code: "certificate_accepted", english: "Certificate valid", vietnamese: "Chứng nhận hợp lệ")
    /// A receipt was presented with nothing else: it records a past decision, it is not a ticket.
    public static let receiptIsNotATicket = DecisionReason(
        code: "receipt_not_a_ticket", english: "A receipt does not admit by itself; please show your certificate",
        vietnamese: "Biên nhận không thay thế giấy tờ; vui lòng xuất trình chứng nhận")
    /// The receipt was already used in this direction (or its entry is already closed by an exit).
    public static let receiptAlreadyUsed = DecisionReason(
        code: "receipt_already_used", english: "This receipt has already been used; please see staff",
        vietnamese: "Biên nhận này đã được sử dụng; vui lòng liên hệ nhân viên")
    /// The receipt was issued to someone other than the person whose identity was shown.
    public static let receiptOtherPerson = DecisionReason(
        code: "receipt_other_person", english: "This receipt was issued to another person; please see staff",
        vietnamese: "Biên nhận này cấp cho người khác; vui lòng liên hệ nhân viên")
    /// A quarantine exit needs an identity credential (ID card QR or certificate).
    public static let identityRequired = DecisionReason(
        code: "identity_required", english: "Please show your ID card QR or your certificate to leave",
        vietnamese: "Vui lòng xuất trình mã QR căn cước hoặc chứng nhận để ra ngoài")
    /// At a quarantine facility, someone who is neither a resident nor inside tries to leave.
    public static let exitWithoutEntry = DecisionReason(
        code: "exit_without_entry", english: "No entry found for you at this site; staff will check",
        vietnamese: "Không tìm thấy lượt vào của bạn tại đây; nhân viên sẽ kiểm tra")
    /// The only identity is the unsigned ID card QR: staff compare it with the card.
    public static let unsignedIdentity = DecisionReason(
        code: "unsigned_identity",
        english: "Your ID QR (ID card or personal QR) cannot be verified; staff will compare it with your ID document",
        vietnamese: "Mã QR định danh (CCCD hoặc mã QR cá nhân) không thể xác thực; nhân viên sẽ đối chiếu với giấy tờ tùy thân")
    /// A quarantine resident returned, recognised by a signed credential.
    public static let residentReturned = DecisionReason(
        code: "resident_returned", english: "Resident return recorded", vietnamese: "Đã ghi nhận người cách ly quay lại")
    /// A declaration token names someone other than the presenter (or nobody).
    public static let declarationOtherPerson = DecisionReason(
        code: "declaration_other_person", english: "The health declaration is not in your name; staff will check",
        vietnamese: "Tờ khai y tế không mang tên bạn; nhân viên sẽ kiểm tra")
    /// The rule set has no rule for this kind of certificate: it cannot be accepted (fail closed).
    public static func noApplicableRules(_ kind: String) -> DecisionReason {
        DecisionReason(
            code: "no_applicable_rules", english: "The entry rules do not cover this certificate type (\(kind)); please ask staff",
            vietnamese: "Quy định ra vào chưa áp dụng cho loại chứng nhận này (\(kind)); vui lòng liên hệ nhân viên")
    }
    /// No certificate was presented where one is required.
    public static let certificateMissing = DecisionReason(
        code: "certificate_missing", english: "Please show your vaccination, test or recovery certificate",
        vietnamese: "Vui lòng xuất trình chứng nhận tiêm chủng, xét nghiệm hoặc khỏi bệnh")
    /// The certificate failed verification (signature, validity, key usage, schema).
    public static func certificateInvalid(_ detail: String) -> DecisionReason {
        DecisionReason(
            code: "certificate_invalid", english: "Certificate not valid: \(detail)",
            vietnamese: "Chứng nhận không hợp lệ: \(detail)")
    }
    /// The certificate does not meet the site's country rules.
    public static func rulesNotMet(_ ruleIDs: [String]) -> DecisionReason {
        DecisionReason(
            code: "rules_not_met", english: "Certificate does not meet the entry rules (\(ruleIDs.joined(separator: ", ")))",
            vietnamese: "Chứng nhận không đáp ứng quy định ra vào (\(ruleIDs.joined(separator: ", ")))")
    }
    /// No rule set is loaded for the site's country, so no certificate can be accepted.
    public static let rulesUnavailable = DecisionReason(
        code: "rules_unavailable", english: "Entry rules are not loaded; please ask staff",
        vietnamese: "Chưa có quy định ra vào; vui lòng liên hệ nhân viên")
    /// A health declaration is required and none was made.
    public static let declarationMissing = DecisionReason(
        code: "declaration_missing", english: "Please make a health declaration first",
        vietnamese: "Vui lòng khai báo y tế trước")
    /// The declaration is older than allowed.
    public static func declarationStale(hours: Int) -> DecisionReason {
        DecisionReason(
            code: "declaration_stale", english: "Your health declaration is older than \(hours) hours; please declare again",
            vietnamese: "Tờ khai y tế đã quá \(hours) giờ; vui lòng khai báo lại")
    }
    /// Symptoms were declared: staff must see the person.
    public static let symptomsDeclared = DecisionReason(
        code: "symptoms_declared", english: "Symptoms declared: please see the medical staff",
        vietnamese: "Có triệu chứng: vui lòng gặp nhân viên y tế")
    /// Contact with a confirmed case was declared.
    public static let exposureDeclared = DecisionReason(
        code: "exposure_declared", english: "Contact with a confirmed case declared: please see the medical staff",
        vietnamese: "Có tiếp xúc với ca bệnh: vui lòng gặp nhân viên y tế")
    /// The ID card and the certificate name different people.
    public static func identityMismatch(_ fields: [String]) -> DecisionReason {
        DecisionReason(
            code: "identity_mismatch",
            english: "Your ID QR (ID card or personal QR) and certificate do not match (\(fields.joined(separator: ", "))); staff will check",
            vietnamese:
                "Mã QR định danh (CCCD hoặc mã QR cá nhân) và chứng nhận không khớp (\(fields.joined(separator: ", "))); nhân viên sẽ kiểm tra")
    }
    /// An exit is recorded (exits are never refused, except quarantine residents without permit).
    public static let exitRecorded = DecisionReason(
        code: "exit_recorded", english: "Exit recorded", vietnamese: "Đã ghi nhận ra")
    /// A quarantine resident tried to leave without a valid permit.
    public static let residentWithoutPermit = DecisionReason(
        code: "resident_without_permit", english: "Quarantine residents may leave only with a valid permit",
        vietnamese: "Người cách ly chỉ được ra ngoài khi có giấy phép hợp lệ")
    /// A quarantine resident returned later than allowed.
    public static func residentOverdue(hours: Int) -> DecisionReason {
        DecisionReason(
            code: "resident_overdue", english: "Returned after more than \(hours) hours outside; staff informed",
            vietnamese: "Quay lại sau hơn \(hours) giờ ở ngoài; đã báo nhân viên")
    }
    /// Nothing readable was presented.
    public static let nothingRecognised = DecisionReason(
        code: "nothing_recognised", english: "Code not recognised; please show a certificate or ID card QR",
        vietnamese: "Không nhận dạng được mã; vui lòng xuất trình chứng nhận hoặc mã QR căn cước")
    /// The issuer's revocation list names the certificate.
    public static let certificateRevoked = DecisionReason(
        code: "revoked", english: "This certificate has been revoked by its issuer; please ask the issuer for a new one",
        vietnamese: "Chứng nhận này đã bị cơ quan cấp thu hồi; vui lòng liên hệ cơ quan cấp để được cấp lại")
    /// The revocation list is older than the gate's policy allows (`central.revocation_when_stale: refuse`).
    public static let revocationListStale = DecisionReason(
        code: "revocation_list_stale", english: "The gate's list of revoked certificates is out of date; please ask staff",
        vietnamese: "Danh sách chứng nhận bị thu hồi của cổng đã cũ; vui lòng liên hệ nhân viên")
    /// The trust list is too old to verify certificates.
    public static let trustListStale = DecisionReason(
        code: "trust_list_stale", english: "The gate's certificate list is out of date; please ask staff",
        vietnamese: "Danh sách chứng thư của cổng đã cũ; vui lòng liên hệ nhân viên")
    /// Storage is full: the check-in cannot be recorded.
    public static let storageFull = DecisionReason(
        code: "storage_full", english: "The gate cannot record check-ins right now; please ask staff",
        vietnamese: "Cổng tạm thời không ghi nhận được; vui lòng liên hệ nhân viên")
}
