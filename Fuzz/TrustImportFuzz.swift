// libFuzzer entry for `qrgate trust import`'s reader (EU DCC Gateway lists, DSC-TLs, signed
// redistributions), compiled with all of Core (see scripts/fuzz, target `trustimport`).
//
// Properties checked beyond "no crash": every entry taken is a certificate whose kid is its own,
// what is taken re-reads through the gate's trust-list format unchanged, and a refusal of the
// whole file has a message.

import Crypto
import Foundation
import SwiftASN1
import X509

@_cdecl("LLVMFuzzerTestOneInput")
public func trustImportFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let result = try TrustListImport.read(bytes)
        for entry in result.taken {
            precondition(entry.keyIdentifier == SignerCertificate.keyIdentifier(der: entry.certificate.der))
        }
        if !result.taken.isEmpty {
            let again = try TrustStore.entries(fromFileContents: result.trustListJSON(), fileName: "imported.json")
            precondition(again.map(\.certificate.der) == result.taken.map(\.certificate.der))
        }
    } catch {
        precondition(!error.message.isEmpty)
    }
    return 0
}
