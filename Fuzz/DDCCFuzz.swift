// libFuzzer entry for the WHO DDCC mapping: any bytes as the signed CBOR of an `HC1:` QR
// (`WHODDCC.content`: the core data set itself or inside claim −260), then its schema check,
// holder and health evidence in the DCC data model. Compiled with every Sources/QRGateCore file
// against the package modules of the debug build (scripts/fuzz ddcc); seeded with the payloads
// of the real DDCCs in Tests/Fixtures/credentials-world/who-ddcc.
//
// Properties checked beyond "no crash": a recognised data set gives a payload the JSON writer
// serialises, a holder whose birth date is at most 10 characters, and evidence whose payload
// has at most one of `v`/`t` with whole dose numbers; every schema issue has a reason.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func ddccFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let content = WHODDCC.content(ofPayload: bytes) else { return 0 }
    let payload = content.coreDataSet.jsonValue
    _ = payload.serialized()
    let issues = WHODDCC.schemaIssues(payload)
    precondition(issues.allSatisfy { !$0.message.isEmpty && $0.check == .schema })
    let holder = WHODDCC.holder(of: payload)
    precondition((holder.birthDate?.count ?? 0) <= 10 || holder.birthDate?.contains("T") == false)
    let evidence = WHODDCC.healthEvidence(of: payload, holder: holder, claims: content.claims)
    precondition(!(evidence.payload["v"] != nil && evidence.payload["t"] != nil), "one kind of event")
    for entry in evidence.payload["v"]?.arrayValue ?? [] {
        let dose = entry["dn"]?.numberValue ?? -1
        precondition(dose == dose.rounded(), "whole dose numbers")
    }
    _ = evidence.payload.serialized()
    return 0
}
