// libFuzzer entry for the CBOR decoder and encoder. Build and run: see Fuzz/README.md.

func cborSame(_ a: CBORValue, _ b: CBORValue) -> Bool {
    switch (a, b) {
    case (.float(let x), .float(let y)): return (x.isNaN && y.isNaN) || x.bitPattern == y.bitPattern
    case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { cborSame($0, $1) }
    case (.map(let x), .map(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { cborSame($0.key, $1.key) && cborSame($0.value, $1.value) }
    case (.tagged(let t, let x), .tagged(let u, let y)): return t == u && cborSame(x, y)
    default: return a == b
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func cborFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? CBORDecoder().decode(bytes) else { return 0 }
    // Whatever decodes must re-encode to something that decodes to the same item.
    let encoded = CBOREncoder.encode(value)
    guard let again = try? CBORDecoder().decode(encoded) else {
        preconditionFailure("CBOR re-encoding does not decode")
    }
    precondition(cborSame(value, again), "CBOR re-encoding changed the item")
    return 0
}
