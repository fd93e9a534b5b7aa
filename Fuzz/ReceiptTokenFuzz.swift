// libFuzzer entry for the receipt token (`QRG1:` + Base45(zlib(COSE_Sign1(CBOR claims)))), the
// text any QR code held to the camera can carry. Only `ReceiptToken.verify` is called, so the
// entry keeps working as the claims grow. Compiled with every Sources/QRGateCore file against
// the swift-crypto, swift-certificates and swift-asn1 modules of the debug build (scripts/fuzz
// receipt does it).
//
// LLVMFuzzerInitialize writes two valid receipts signed by the entry's fixed key into
// $QRGATE_FUZZ_SEED_DIR, so the fuzzer starts from tokens that get past every layer.
//
// Properties checked beyond "no crash": a token that verifies names the expected site, is within
// its validity and was signed by the one known key; every refusal has a reason.

import Crypto
import Foundation

private let signingKey = try! P256.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 0x5A, count: 31) + [0x01])
private let keyring: ES256Keyring = {
    var keyring = ES256Keyring()
    keyring.add(signingKey.publicKey, gate: "gate-01", site: "demo-site")
    return keyring
}()
private let now = Date(timeIntervalSince1970: 1_795_000_000)

@_cdecl("LLVMFuzzerInitialize")
public func receiptTokenFuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    guard let folder = ProcessInfo.processInfo.environment["QRGATE_FUZZ_SEED_DIR"] else { return 0 }
    for (index, direction) in [Direction.entry, .exit].enumerated() {
        let claims = ReceiptClaims(
            checkInID: "0193a6f0-0000-7000-8000-00000000000\(index)", site: "demo-site", gate: "gate-01", direction: direction,
            decision: .admit, issuedAt: now.addingTimeInterval(-60), validUntil: now.addingTimeInterval(3600)
        )
        if let token = try? ReceiptToken.issue(claims, key: signingKey) {
            try? Data(token.utf8).write(to: URL(fileURLWithPath: folder + "/valid-\(index)"))
        }
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func receiptTokenFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let claims = try ReceiptToken.verify(text, keyring: keyring, at: now, site: "demo-site")
        precondition(claims.site == "demo-site", "a verified receipt is of the expected site")
        precondition(claims.validUntil >= now, "a verified receipt is within its validity")
    } catch {
        precondition(!error.message.isEmpty)
    }
    return 0
}
