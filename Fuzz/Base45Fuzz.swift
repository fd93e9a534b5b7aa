// libFuzzer entry for Base45. Build and run: see Fuzz/README.md.

@_cdecl("LLVMFuzzerTestOneInput")
public func base45FuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Decoding arbitrary text must either fail cleanly or round-trip.
    if let decoded = try? Base45.decode(bytes: bytes) {
        let again = try? Base45.decode(Base45.encode(decoded))
        precondition(again == decoded, "Base45 re-encoding does not round-trip")
    }
    // Encoding arbitrary bytes must always decode back.
    precondition((try? Base45.decode(Base45.encode(bytes))) == bytes, "Base45 encode/decode mismatch")
    return 0
}
