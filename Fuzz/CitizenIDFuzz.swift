// libFuzzer entry for the citizen-ID QR parser. Compiled together with the parser's sources
// (no module import):
//
//   swiftc -sanitize=fuzzer,address -parse-as-library -O Fuzz/CitizenIDFuzz.swift \
//     Sources/QRGateCore/CitizenID/*.swift Sources/QRGateCore/JSON/JSONValue.swift \
//     Sources/QRGateCore/JSON/JSONValue+Serialization.swift -o /tmp/cid-fuzz
//   /tmp/cid-fuzz -max_total_time=60
//
// Properties checked beyond "no crash": a parsed card serialises to JSON with exactly the seven
// contract keys, its dates are YYYY-MM-DD, its ID number is 12 digits, parsing its own
// re-encoding gives the same card, and text that parses also passes format detection.

@_cdecl("LLVMFuzzerTestOneInput")
public func citizenIDFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let looksLike = looksLikeCitizenID(text)
    do {
        let card = try CitizenIDCard(parsing: text)
        precondition(looksLike, "parseable text must look like a citizen ID")
        precondition(card.idNumber.utf8.count == 12 && card.idNumber.utf8.allSatisfy { $0 >= 48 && $0 <= 57 })
        let json = card.json()
        precondition(json.objectValue?.count == 7)
        precondition(json["birth_date"]?.stringValue?.utf8.count == 10)
        _ = json.serialized()
        func ddmmyyyy(_ d: CitizenIDCard.CalendarDay) -> String {
            let iso = Array(d.iso8601)
            return String(iso[8...9]) + String(iso[5...6]) + String(iso[0...3])
        }
        let sex = card.sex == .male ? "Nam" : "Nữ"
        var fields = [
            card.idNumber, card.oldIDNumber ?? "", card.fullName, ddmmyyyy(card.birthDate), sex, card.address,
        ]
        if let issue = card.issueDate { fields.append(ddmmyyyy(issue)) }
        if !card.address.contains("|"), !card.fullName.contains("|") {
            let again = try CitizenIDCard(parsing: fields.joined(separator: "|"))
            precondition(again == card, "re-encoding must round-trip")
        }
    } catch {
        precondition(!error.message.isEmpty)
    }
    return 0
}
