// libFuzzer entry for the EU DCC revocation-list resource (`qrgate-revocation-1`) and the index
// built from it, compiled with all of Core (see scripts/fuzz, target `revocation`).
//
// Properties checked beyond "no crash": a list that reads gives whole 16-byte entries, the index
// built from them holds every one of them and nothing one bit away, and a refusal has a message.

import Crypto
import Foundation
import SwiftASN1
import X509

@_cdecl("LLVMFuzzerTestOneInput")
public func revocationListFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let keys = try DCCRevocationResource.keys(of: bytes)
        let index = try DCCRevocationIndex(store: InMemoryRevocationKeys(keys))
        let set = Set(keys)
        precondition(index.count == set.count)
        for key in keys.prefix(64) {
            precondition(index.contains(key))
            let near = RevocationKey(high: key.high, low: key.low ^ 1)
            precondition(index.contains(near) == set.contains(near))
        }
    } catch {
        precondition(!error.message.isEmpty)
    }
    return 0
}
