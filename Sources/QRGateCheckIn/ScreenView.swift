import QRGateCore
import QRGateReceipts
import QRGateStore

/// What the kiosk screen shows of an outcome, and nothing more: the decision, the direction,
/// the reasons in both languages, at most a masked name, the receipt as a QR code, and a note
/// for staff when something is flagged. Never the ID number, the birth date or the full name.
public enum ScreenView {
    /// The screen event of an announced outcome: `result` when it was recorded, `error` when
    /// the gate could not record it (the citizen is sent to staff with the reason code).
    public static func event(for announced: AnnouncedOutcome) -> (name: String, json: JSONValue) {
        switch announced.outcome {
        case .recorded(let stored, let receipt):
            let result: JSONValue = [
                "check_in_id": .string(stored.id),
                "decision": .string(stored.decision.outcome.rawValue),
                "direction": .string(stored.direction.rawValue),
                "reasons": reasons(stored.decision.reasons),
                "name": maskedName(stored.subject?.fullName).map(JSONValue.string) ?? .null,
                "staff_notes": .array(stored.flags.compactMap(staffNote)),
                "receipt_svg": receipt.flatMap(receiptSVG).map(JSONValue.string) ?? .null,
            ]
            return ("result", result)
        case .notRecorded(let decision, _):
            let code = announced.storeError ?? "not_recorded"
            let error: JSONValue = [
                "code": .string(code),
                "en": "The gate could not record this check-in. Please see staff.",
                "vi": "Cổng không ghi nhận được lượt này. Vui lòng gặp nhân viên.",
                "reasons": reasons(decision.reasons),
            ]
            return ("error", error)
        }
    }

    /// The screen event of a presentation still open: what was read, what is still needed
    /// ("ID card read — now show your vaccination certificate"), and the seconds left.
    public static func waiting(_ progress: PresentationProgress) -> (name: String, json: JSONValue) {
        let have: [JSONValue] = progress.have.map { kind in
            let text: (en: String, vi: String) =
                switch kind {
                case .certificate: ("Certificate read", "Đã đọc chứng nhận")
                case .certificatePart: ("Part of a health card read", "Đã đọc một phần thẻ sức khỏe")
                case .identityCard: ("ID read (card or personal QR)", "Đã đọc mã định danh (CCCD hoặc mã QR cá nhân)")
                case .declaration: ("Health declaration read", "Đã đọc tờ khai y tế")
                case .receipt: ("Receipt read", "Đã đọc biên nhận")
                }
            return ["code": .string(kind.rawValue), "en": .string(text.en), "vi": .string(text.vi)]
        }
        let needed: [JSONValue] = progress.needed.map { need in
            let text: (en: String, vi: String) =
                switch need {
                case .certificate: ("now show your vaccination certificate", "bây giờ đưa chứng nhận tiêm chủng")
                case .declaration: ("now show your health declaration", "bây giờ đưa tờ khai y tế")
                case .certificateChunks: ("now show the other codes of your health card", "bây giờ đưa các mã còn lại của thẻ sức khỏe")
                }
            return ["code": .string(need.rawValue), "en": .string(text.en), "vi": .string(text.vi)]
        }
        return (
            "waiting",
            [
                "presentation_id": .string(progress.id), "have": .array(have), "needed": .array(needed),
                "seconds_left": .number(Double(progress.secondsLeft)),
            ]
        )
    }

    /// `NGUYỄN T. H. N.` for `Nguyễn Thị Hồng Nhung`: the family name (the first word, as a
    /// Vietnamese name and a DCC's `fn gn` both start with it) in capitals, then the initial of
    /// each other word. Nil without a name. At most 32 letters of family name and 6 initials.
    public static func maskedName(_ fullName: String?) -> String? {
        let words = TextSafety.withoutControls(fullName ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "<" })
        guard let family = words.first else { return nil }
        let initials = words.dropFirst().compactMap { $0.first(where: \.isLetter).map { String($0).uppercased() + "." } }.prefix(6)
        return ([String(family.prefix(32)).uppercased()] + initials).joined(separator: " ")
    }

    /// Reasons as `[{code, en, vi}]`, as the kiosk API and the screen both give them.
    static func reasons(_ list: [DecisionReason]) -> JSONValue {
        .array(list.map { ["code": .string($0.code), "en": .string($0.english), "vi": .string($0.vietnamese)] })
    }

    /// What staff must look at, for the flags a check-in can carry.
    static func staffNote(_ flag: CheckInDraft.Flag) -> JSONValue? {
        let text: (en: String, vi: String)
        switch flag {
        case .identityMismatch:
            text = (
                "The ID QR (ID card or personal QR) and the certificate name different people: check both.",
                "Mã QR định danh (CCCD hoặc mã QR cá nhân) và chứng nhận mang tên khác nhau: kiểm tra cả hai."
            )
        case .unsignedIdentity:
            text = (
                "The only identity shown is an unsigned QR (ID card or personal QR): compare it with an ID document.",
                "Chỉ có mã QR định danh không ký số (CCCD hoặc mã QR cá nhân): so với giấy tờ tùy thân."
            )
        case .overdueReturn:
            text = ("This resident returned later than allowed.", "Người cách ly về muộn hơn thời gian cho phép.")
        case .exitWithoutEntry:
            text = ("An exit with no recorded entry at this site.", "Lượt ra không có lượt vào tương ứng tại nơi này.")
        case .clockBeforeBuildDate:
            text = ("The gate's clock is wrong: the time recorded is not reliable.", "Đồng hồ của cổng sai: thời gian ghi nhận không tin cậy.")
        }
        return ["code": .string(flag.rawValue), "en": .string(text.en), "vi": .string(text.vi)]
    }

    /// The receipt token as an SVG QR code (regular QR, quiet zone included), nil if it does not fit.
    static func receiptSVG(_ token: String) -> String? {
        guard let matrix = try? QRCodeEncoder().encode(token) else { return nil }
        return SVGRenderer(moduleSize: 4).render(matrix)
    }
}
