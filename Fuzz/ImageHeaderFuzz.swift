// libFuzzer entry for image files as the watched folder and `POST /v1/scans` receive them:
// format detection, the PGM parser (pure Swift) and the PNG/JPEG header checks in the C shims
// over libpng and libjpeg. Compiled together with Sources/QRGateImaging (no module import):
//
//   swiftc -sanitize=fuzzer,address -parse-as-library -O -I Sources/CPNG -I Sources/CJPEG \
//     Fuzz/ImageHeaderFuzz.swift Sources/QRGateImaging/*.swift -o /tmp/image-fuzz
//   /tmp/image-fuzz -max_total_time=60 -rss_limit_mb=2048
//
// Properties checked beyond "no crash": a decoded frame has the size its header claims, within
// the pixel limit; bytes that are not PNG, JPEG or PGM are refused as unsupported (or empty);
// every refusal has a reason.

private let maxPixels = 1 << 20

@_cdecl("LLVMFuzzerTestOneInput")
public func imageHeaderFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var configuration = ImageReader.Configuration()
    configuration.maxPixels = maxPixels
    let format = ImageFormat.detect(bytes)
    do {
        let frame = try ImageReader(configuration: configuration).decode(bytes, name: "fuzz")
        precondition(format != nil, "only a recognised format decodes")
        precondition(frame.width > 0 && frame.height > 0, "a decoded frame is never empty")
        precondition(frame.width * frame.height <= maxPixels, "the pixel limit holds")
        precondition(frame.pixels.count == frame.width * frame.height)
    } catch {
        precondition(!error.description.isEmpty)
        if format == nil { precondition(error.code == .unsupportedFormat || error.code == .truncated) }
    }
    return 0
}
