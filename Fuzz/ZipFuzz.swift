// libFuzzer entry for the ZIP reader DIVOC QRs need (`ZipArchive`: central directory or local
// headers, stored and raw-DEFLATE entries). Compiled together with the codec sources (no
// module import):
//
//   swiftc -sanitize=fuzzer,address -parse-as-library -O Fuzz/ZipFuzz.swift \
//     Sources/QRGateCore/Codecs/ZipArchive.swift Sources/QRGateCore/Codecs/Zlib*.swift \
//     Sources/QRGateCore/Codecs/Gzip.swift Sources/QRGateCore/Domain/GateError.swift -o /tmp/zip-fuzz
//   /tmp/zip-fuzz -max_total_time=60 -rss_limit_mb=2048
//
// Seeded with the two real DIVOC archives (scripts/fuzz zip). Properties checked beyond "no
// crash": never more entries than the limit, no entry's contents beyond the size limit, every
// entry read matches its CRC-32 and (when declared) its size; every refusal has a reason.

private let limits: ZipArchive.Limits = {
    var limits = ZipArchive.Limits()
    limits.maxEntries = 8
    limits.maxEntryBytes = 64 * 1024
    return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func zipFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let archive = try ZipArchive(bytes: bytes, limits: limits)
        precondition(archive.entries.count <= limits.maxEntries, "the entry limit holds")
        for entry in archive.entries {
            do {
                let contents = try archive.contents(of: entry)
                precondition(contents.count <= limits.maxEntryBytes, "the size limit holds")
                if let declared = entry.uncompressedSize { precondition(contents.count == declared, "the declared size holds") }
                precondition(Gzip.crc32(contents) == entry.crc32, "the CRC-32 holds")
            } catch {
                precondition(!error.message.isEmpty)
            }
        }
    } catch {
        precondition(!error.message.isEmpty)
    }
    return 0
}
