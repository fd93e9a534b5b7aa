// libFuzzer entry for SMART Health Cards: the shc:/ text (chunks one per line), numeric mode,
// compact JWS, raw DEFLATE with its output cap, the payload, the issuer JWKS and revocation-list
// parsers, and the chunk helpers of the kiosk presentation. Built by scripts/fuzz (`shc`) with
// every Core source and the debug build's packages (swift-crypto).
//
// Properties checked beyond "no crash": every report has the nine SHC checks in their order
// (a check after a failed layer is skipped), every failure carries a code and message, a valid
// card has a holder and evidence; joining chunks keeps every other text and yields no more
// texts than it was given; a JWKS either loads keys or is refused with a message.

import Foundation

let issuer = "https://spec.smarthealth.cards/examples/issuer"
let specJWKS = #"""
    {"keys":[{"kty":"EC","kid":"3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s","use":"sig","alg":"ES256","crv":"P-256",
    "x":"11XvRWy1I2S0EyJlyf_bWfw_TQ5CJJNLw78bHXNxcgw","y":"eZXwxvO1hvCY0KucrPfKo7yAyMT6Ajc3N7OkAB6VYy8","crlVersion":1}]}
    """#

let trustedIssuers: HealthCardIssuers = {
    var issuers = HealthCardIssuers()
    _ = try? issuers.addKeySet(Array(specJWKS.utf8), issuer: issuer, source: "spec")
    return issuers
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func healthCardFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    let at = Date(timeIntervalSince1970: 1_750_000_000)

    let lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let report = SmartHealthCardFormatInspector.inspect(codes: lines, issuers: trustedIssuers, at: at)
    let order = InspectionReport.Check.smartHealthCardChecks
    precondition(Set(report.checks.keys) == Set(order), "every SHC check is reported")
    if let failed = order.firstIndex(where: { report.checks[$0] == .fail }), failed < order.firstIndex(of: .signature)! {
        precondition(order[(failed + 1)...].allSatisfy { report.checks[$0] == .skip }, "a failed layer skips what follows")
    }
    precondition(report.errors.allSatisfy { !$0.code.isEmpty && !$0.message.isEmpty })
    precondition(report.errors.count == report.checks.values.filter { $0 == .fail }.count)
    if report.isValid { precondition(report.healthEvidence != nil && report.payload != nil) }
    _ = report.json().serialized()

    let joined = SmartHealthCardQR.joiningChunks(lines)
    precondition(joined.count <= lines.count)
    for line in lines where !SmartHealthCardQR.hasPrefix(line) || (try? SmartHealthCardQR.chunk(Substring(line)))?.count == nil {
        precondition(joined.contains(line) || joined.contains { $0.contains(line) })
    }
    if let progress = SmartHealthCardQR.chunkProgress(lines) { precondition(progress.have.count <= progress.count) }

    var issuers = HealthCardIssuers()
    do {
        let skipped = try issuers.addKeySet(bytes, issuer: issuer, source: "fuzz")
        precondition(issuers.keyCount >= 1 && skipped.allSatisfy { !$0.message.isEmpty })
    } catch {
        precondition(!error.message.isEmpty && issuers.keyCount == 0)
    }
    do {
        try issuers.addRevocationList(bytes, issuer: issuer, source: "fuzz")
    } catch {
        precondition(!error.message.isEmpty)
    }
    return 0
}
