// libFuzzer entry for the COSE_Sign1 parser, zlib inflate, the CWT claims and the payload
// → JSON conversion (every layer an HC1 code passes except the cryptography).
// Build and run: see Fuzz/README.md.

@_cdecl("LLVMFuzzerTestOneInput")
public func coseFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var limits = Zlib.Limits()
    limits.maxOutputBytes = 64 * 1024
    if let claims = try? CWTClaims(decoding: bytes) {
        _ = claims.healthCertificate.jsonValue.serialized()
    }
    for candidate in [bytes, (try? Zlib.inflate(bytes, limits: limits)) ?? []] {
        guard let message = try? COSESign1(decoding: candidate) else { continue }
        _ = message.keyIdentifier
        _ = message.algorithm
        _ = message.signatureInput
        if let claims = try? CWTClaims(decoding: message.payload) {
            _ = claims.healthCertificate.jsonValue.serialized()
            _ = claims.issuedAt.map(ISO8601Timestamp.format)
            _ = claims.expiresAt.map(ISO8601Timestamp.format)
        }
        let reparsed = try? COSESign1(decoding: message.encoded())
        precondition(
            reparsed?.payload == message.payload && reparsed?.protectedBytes == message.protectedBytes,
            "COSE_Sign1 re-encoding does not round-trip")
    }
    return 0
}
