// libFuzzer entry for ICAO VDS-NC: detection and inspection of any text (the JSON document,
// base64url, the carried X.509 certificate), the RFC 8785 canonical writer, and the DER CRL
// parser. Built by scripts/fuzz (`vdsnc`) with every Core source and the debug build's
// packages (swift-crypto, swift-certificates, swift-asn1); when run from the repository, the
// Australian CSCA of the fixtures is trusted so the chain code is reached.
//
// Properties checked beyond "no crash": a recognised seal reports the six VDS-NC checks with a
// code and message per failure; the canonical form of any JSON value parses back to the same
// value and is a fixed point; a CRL either parses or is refused with a message.

import Foundation

// The CSCA's DER only: the trust store is built per input, so nothing that holds a BoringSSL
// key lives in a global (LeakSanitizer takes those for leaks).
let cscaDER: [[UInt8]] = {
    let pem = "Tests/Fixtures/credentials-world/trust/icao-vds-nc/AU_CSCA.pem"
    guard let data = FileManager.default.contents(atPath: pem),
        let entries = try? TrustStore.entries(fromFileContents: Array(data), fileName: "AU_CSCA.pem")
    else { return [] }
    return entries.map(\.certificate.der)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func vdsncFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    var trust = TrustStore()
    for der in cscaDER { trust.countrySigningAuthorities.add(certificateDER: der) }
    let inspector = VDSNCFormatInspector()
    if inspector.recognizes(text) {
        let report = inspector.inspect(text: text, trust: trust, at: Date(timeIntervalSince1970: 1_633_000_000))
        precondition(Set(report.checks.keys) == Set(InspectionReport.Check.vdsNCChecks))
        precondition(report.errors.allSatisfy { !$0.code.isEmpty && !$0.message.isEmpty })
        _ = report.json().serialized()
    }
    var limits = JSONValue.ParseLimits()
    limits.maxDepth = 64
    if let value = try? JSONValue(parsing: bytes, limits: limits) {
        let canonical = JSONWriter.canonicalBytes(value)
        let again = try! JSONValue(parsing: canonical, limits: limits)
        precondition(JSONWriter.canonicalBytes(again) == canonical, "the canonical form is a fixed point")
    }
    do {
        _ = try CertificateRevocationList(derEncoded: bytes)
    } catch {
        precondition(!error.message.isEmpty)
    }
    return 0
}
