// libFuzzer entry for Vietnam's national personal QR parser and the `|`-text detection.
// Compiled together with the parser's sources (no module import), see scripts/fuzz:
//
//   swiftc -sanitize=fuzzer,address -parse-as-library -O Fuzz/VietnamPersonalQRFuzz.swift \
//     Sources/QRGateCore/PersonalQR/*.swift Sources/QRGateCore/CitizenID/*.swift \
//     Sources/QRGateCore/Credentials/PipeSeparatedQR.swift Sources/QRGateCore/Text/TextSafety.swift \
//     Sources/QRGateCore/JSON/JSONValue.swift Sources/QRGateCore/JSON/JSONValue+Serialization.swift \
//     Sources/QRGateCore/JSON/JSONWriter.swift Sources/QRGateCore/Domain/GateError.swift -o /tmp/vnqr-fuzz
//   /tmp/vnqr-fuzz -max_total_time=60 -timeout=5 -rss_limit_mb=2048
//
// Properties checked beyond "no crash": a parsed QR is detected as a personal QR (never as a
// citizen-ID card), serialises to JSON with exactly the 14 payload keys, its ID kind agrees with
// its length, its birth date is not after the given day, and its re-encoding parses to the same
// QR. Every refusal carries a message.

@_cdecl("LLVMFuzzerTestOneInput")
public func vietnamPersonalQRFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let today = CitizenIDCard.CalendarDay(year: 2025, month: 6, day: 1)!
    let kind = PipeSeparatedQR.kind(of: text)
    do {
        let qr = try VietnamPersonalQR(parsing: text, today: today)
        precondition(kind == .personalQR, "a parseable personal QR must be detected as one")
        let json = qr.json()
        precondition(json.objectValue?.count == 14)
        _ = json.serialized()
        switch qr.idKind {
        case .cmnd: precondition(qr.idNumber.utf8.count == 9)
        case .cccd: precondition(qr.idNumber.utf8.count == 12)
        case .passport: precondition(qr.idNumber.utf8.count == 8)
        }
        if case .day(let day) = qr.birthDate { precondition(day <= today && day.year >= 1900) }
        precondition(qr.birthDate.year <= today.year)
        let sex = qr.sex == .male ? "1" : qr.sex == .female ? "2" : "0"
        var ext = [qr.proxyQID ?? "", sex, qr.healthInsurance ?? "", qr.phone ?? ""]
        if let extra = qr.extExtra { ext.append(extra) }
        let fields = [
            qr.idNumber, qr.name, qr.birthDate.asWritten, qr.declaredOnBehalf ? "1" : "0", qr.qid, ext.joined(separator: "<"),
        ]
        let again = try VietnamPersonalQR(parsing: fields.joined(separator: "|"), today: today)
        precondition(again == qr, "re-encoding must round-trip")
    } catch {
        precondition(!error.message.isEmpty)
    }
    return 0
}
