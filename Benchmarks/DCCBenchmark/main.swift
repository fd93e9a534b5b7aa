// Measures EU DCC decode + verify + schema throughput on one core.
//
//   QRGATE_BENCHMARKS=1 swift build -c release --product dcc-benchmark
//   .build/release/dcc-benchmark [seconds-per-case] [fixtures-folder] [--stages]
//
// Fixtures default to Tests/Fixtures/dcc next to this file's package.
import Foundation
import QRGateCore

let arguments = CommandLine.arguments
let positional = arguments.dropFirst().filter { !$0.hasPrefix("--") }
let secondsPerCase = positional.first.flatMap(Double.init) ?? 3
let fixtures =
    positional.count > 1
    ? URL(fileURLWithPath: positional[positional.startIndex + 1])
    : URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/dcc")

struct Vector {
    var name: String
    var text: String
    var trust: TrustStore
    var clock: Date
}

func load(_ name: String, _ path: String) throws -> Vector {
    let data = try Data(contentsOf: fixtures.appendingPathComponent(path))
    let json = try JSONValue(parsing: Array(data))
    let context = json["TESTCTX"]!
    let der = Array(Data(base64Encoded: context["CERTIFICATE"]!.stringValue!)!)
    return Vector(
        name: name, text: json["PREFIX"]!.stringValue!,
        trust: TrustStore(certificates: [try SignerCertificate(derEncoded: der)]),
        clock: ISO8601Timestamp.parse(context["VALIDATIONCLOCK"]!.stringValue!)!)
}

/// CPU time of the calling thread, in nanoseconds: immune to other processes sharing the cores.
func threadCPUNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

func measure(_ label: String, _ body: () -> Bool) {
    // Warm up, then run for the configured wall time.
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
    let label = label.padding(toLength: 60, withPad: " ", startingAt: 0)
    print(
        "\(label) \(format(perCPUSecond)) /CPU-s  \(format(1e6 / perCPUSecond, 1)) µs CPU/op  (wall: \(format(Double(count) / wall)) /s)  \(ok ? "ok" : "UNEXPECTED RESULT")"
    )
}

func format(_ value: Double, _ decimals: Int = 0) -> String {
    String(format: "%8.\(decimals)f", value)
}

let cases = [
    try load("ES256 (AT/1)", "AT/2DCode/raw/1.json"),
    try load("PS256 (CH/1, RSA-2048)", "CH/2DCode/raw/1.json"),
]
print("dcc-benchmark: \(secondsPerCase) s per case, one thread")
for vector in cases {
    let report = DCCInspector().inspect(.text(vector.text), trust: vector.trust, at: vector.clock)
    guard report.status(.signature) == .pass, report.status(.cbor) == .pass else {
        print("\(vector.name): the vector does not verify: \(report.errors)")
        exit(1)
    }
    measure("\(vector.name) full inspect (decode+verify+schema)") {
        DCCInspector().inspect(.text(vector.text), trust: vector.trust, at: vector.clock).status(.signature) == .pass
    }
    if CommandLine.arguments.contains("--stages") {
        let body = String(vector.text.dropFirst(4))
        let compressed = try Base45.decode(body)
        let cose = try Zlib.inflate(compressed)
        let message = try COSESign1(decoding: cose)
        let claims = try CWTClaims(decoding: message.payload)
        measure("  stage base45") { (try? Base45.decode(body)) != nil }
        measure("  stage inflate") { (try? Zlib.inflate(compressed)) != nil }
        measure("  stage COSE parse") { (try? COSESign1(decoding: cose)) != nil }
        measure("  stage CWT claims") { (try? CWTClaims(decoding: message.payload)) != nil }
        measure("  stage payload to JSON") { claims.healthCertificate.jsonValue != .null }
        measure("  stage schema") { DCCInspector.schemaIssues(claims.healthCertificate.jsonValue).isEmpty }
        measure("  stage signature") { (try? message.verifySignature(with: vector.trust.entries[0].certificate.publicKey)) == true }
    }
    measure("\(vector.name) decode only (no trusted key)") {
        DCCInspector().inspect(.text(vector.text), trust: TrustStore(), at: vector.clock).status(.cbor) == .pass
    }
}
