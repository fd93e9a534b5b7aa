// Measures WHO DDCC and DIVOC inspection on one core: the whole `qrgate inspect` path per QR
// (for DIVOC: Base64, ZIP, JSON, JSON-LD → RDF → URDNA2015 of the credential and of the proof
// options, SHA-256, RSA-PSS or Ed25519), and the canonicalization on its own.
//
//   QRGATE_BENCHMARKS=1 swift build -c release --product world-benchmark
//   .build/release/world-benchmark [seconds-per-case]
//
// The peer is Benchmarks/python/divoc_bench.py (pyld + cryptography) on the same vectors.
import Foundation
import QRGateCore
import QRGateFiles

let secondsPerCase = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 3
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/Fixtures/credentials-world")

func threadCPUNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

func measure(_ label: String, _ body: () -> Bool) {
    for _ in 0..<20 { _ = body() }
    var count = 0
    var ok = true
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = threadCPUNanoseconds()
    let deadline = start + UInt64(secondsPerCase * 1e9)
    var now = start
    while now < deadline {
        for _ in 0..<10 { ok = body() && ok }
        count += 10
        now = DispatchTime.now().uptimeNanoseconds
    }
    let wall = Double(now - start) / 1e9
    let cpu = Double(threadCPUNanoseconds() - cpuStart) / 1e9
    let perCPUSecond = Double(count) / cpu
    print(
        "\(label.padding(toLength: 52, withPad: " ", startingAt: 0)) \(String(format: "%8.0f", perCPUSecond)) /CPU-s  \(String(format: "%8.1f", 1e6 / perCPUSecond)) µs CPU/op  (wall: \(String(format: "%.0f", Double(count) / wall)) /s)  \(ok ? "ok" : "UNEXPECTED RESULT")"
    )
}

func vector(_ path: String) throws -> (text: String, trust: TrustStore, at: Date) {
    let json = try JSONValue(parsing: Array(try Data(contentsOf: fixtures.appendingPathComponent(path))))
    let trust = try TrustStore.load(path: fixtures.appendingPathComponent(json["trust"]!.stringValue!).path)
    return (json["qr"]!.stringValue!, trust, ISO8601Timestamp.parse(json["at"]!.stringValue!)!)
}

print("world-benchmark: \(secondsPerCase) s per case, one thread")
for (label, path) in [
    ("WHO DDCC (ES256, WHO test key) full inspect", "who-ddcc/who-real-ddcc-vs-1.json"),
    ("DIVOC India (RSA-2048 PS256) full inspect", "divoc/divoc-real-india-rsa.json"),
    ("DIVOC Indonesia (Ed25519) full inspect", "divoc/divoc-real-indonesia-ed25519.json"),
] {
    let v = try vector(path)
    guard CredentialInspector.inspect(text: v.text, trust: v.trust, at: v.at).isValid else {
        print("\(label): does not verify")
        exit(1)
    }
    measure(label) { CredentialInspector.inspect(text: v.text, trust: v.trust, at: v.at).isValid }
}
let india = try vector("divoc/divoc-real-india-rsa.json")
let zip = Data(base64Encoded: String(india.text.dropFirst(4)))!
guard case .object(var credential) = try JSONValue(parsing: try ZipArchive(bytes: Array(zip)).contents(of: "certificate.json")) else { exit(1) }
credential.removeValue(forKey: "proof")
let processor = JSONLDProcessor(loader: india.trust.jsonLDContexts)
measure("DIVOC India credential: JSON-LD → RDF") { (try? processor.toRDF(.object(credential)))?.isEmpty == false }
let quads = try processor.toRDF(.object(credential))
measure("DIVOC India credential: URDNA2015 of \(quads.count) quads") { (try? RDFCanonicalizer().canonicalNQuads(quads))?.isEmpty == false }
