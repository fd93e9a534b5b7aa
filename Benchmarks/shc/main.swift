// Measures SMART Health Card verification throughput on one core: the whole inspector (shc:/
// numeric decoding, compact JWS, raw DEFLATE, payload, ES256 with the issuer's key by kid,
// revocation list, validity, the holder and the health evidence) per QR code.
//
//   QRGATE_BENCHMARKS=1 swift build -c release --product shc-benchmark
//   .build/release/shc-benchmark [seconds-per-case]
//
// Vectors and trust come from Tests/Fixtures/credentials-world (see docs/PERFORMANCE.md).
import Foundation
import QRGateCore
import QRGateFiles

let secondsPerCase = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 3
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/Fixtures/credentials-world")

/// CPU time of the calling thread, in nanoseconds: immune to other processes sharing the cores.
func threadCPUNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

func measure(_ label: String, _ body: () -> Bool) {
    for _ in 0..<200 { _ = body() }
    var count = 0
    var ok = true
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = threadCPUNanoseconds()
    let deadline = start + UInt64(secondsPerCase * 1e9)
    var now = start
    while now < deadline {
        for _ in 0..<100 { ok = body() && ok }
        count += 100
        now = DispatchTime.now().uptimeNanoseconds
    }
    let wall = Double(now - start) / 1e9
    let cpu = Double(threadCPUNanoseconds() - cpuStart) / 1e9
    let perCPUSecond = Double(count) / cpu
    let name = label.padding(toLength: 44, withPad: " ", startingAt: 0)
    print(
        "\(name) \(String(format: "%8.0f", perCPUSecond)) /CPU-s  \(String(format: "%6.1f", 1e6 / perCPUSecond)) µs CPU/op  (wall: \(String(format: "%8.0f", Double(count) / wall)) /s)  \(ok ? "ok" : "UNEXPECTED RESULT")"
    )
}

let trust = try TrustStore.loadReporting(path: root.appendingPathComponent("trust/shc").path).store
print("shc-benchmark: \(secondsPerCase) s per case, one thread")
for name in ["shc-gen-valid-vax", "shc-real-walgreens-lab", "shc-gen-valid-multi-chunk"] {
    let vector = try JSONValue(parsing: Array(try Data(contentsOf: root.appendingPathComponent("shc/\(name).json"))))
    let codes = vector["qr"]!.arrayValue?.compactMap(\.stringValue) ?? [vector["qr"]!.stringValue!]
    let at = ISO8601Timestamp.parse(vector["at"]!.stringValue!)!
    guard SmartHealthCardFormatInspector.inspect(codes: codes, issuers: trust.healthCardIssuers, at: at).isValid else {
        print("\(name): does not verify")
        exit(1)
    }
    measure("\(name) full verify") {
        SmartHealthCardFormatInspector.inspect(codes: codes, issuers: trust.healthCardIssuers, at: at).isValid
    }
}
