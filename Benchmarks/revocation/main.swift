import Foundation
import Logging
import QRGateCheckIn
import QRGateCore
import QRGateFiles

// The EU DCC revocation index (#18 item 2), measured; Benchmarks/revocation/run.sh runs the modes
// in separate processes so each one's peak RSS is its own:
//   write N FILE    N random keys installed as a keys file (as a sync would leave it)
//   lookup FILE     open FILE, build the index, time 1,000,000 absent and 100,000 present lookups
//   set N           the same lookups in a Swift Set of N keys (the plain in-memory peer)
//   install N DIR   a qrgate-revocation-1 list of N entries through VerificationData.prepareRevocationList
//                   (parse, hash, sort, write, index), as the central sync installs it

/// A memory figure of this process from /proc/self/status (`VmRSS:` now, `VmHWM:` the peak), in MiB.
func statusMiB(_ field: String) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    let value = status.split(separator: "\n").first { $0.hasPrefix(field) }?.split(separator: " ").dropFirst().first
    return (Double(value ?? "0") ?? 0) / 1024
}
func residentMiB() -> Double { statusMiB("VmRSS:") }
func peakMiB() -> Double { statusMiB("VmHWM:") }

struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func keys(_ count: Int, seed: UInt64) -> [RevocationKey] {
    var generator = Generator(state: seed)
    return (0..<count).map { _ in RevocationKey(high: generator.next(), low: generator.next()) }
}

func percentiles(_ samples: inout [Double]) -> String {
    samples.sort()
    func at(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
    return String(format: "p50 %.2f µs, p99 %.2f µs, p99.9 %.2f µs, max %.1f µs", at(0.5), at(0.99), at(0.999), samples.last ?? 0)
}

func timeLookups(_ name: String, probes: [RevocationKey], expect: Bool, _ contains: (RevocationKey) -> Bool) {
    var samples: [Double] = []
    samples.reserveCapacity(probes.count)
    var wrong = 0
    let clock = ContinuousClock()
    for probe in probes {
        let start = clock.now
        let found = contains(probe)
        let elapsed = clock.now - start
        if found != expect { wrong += 1 }
        samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
    }
    print("\(name): \(probes.count) lookups, \(percentiles(&samples)), wrong answers \(wrong)")
}

let arguments = CommandLine.arguments
switch arguments.count > 1 ? arguments[1] : "" {
case "write":
    let count = Int(arguments[2])!
    var all = keys(count, seed: 1)
    all.sort()
    try RevocationKeyFile.install(all, version: 1, issuedAt: Date(), to: arguments[3])
    print("write: \(count) keys to \(arguments[3])")
case "lookup":
    let before = residentMiB()
    let clock = ContinuousClock()
    let opened = clock.now
    let file = try RevocationKeyFile(path: arguments[2])
    let index = try file.index()
    let built = clock.now - opened
    let after = residentMiB()
    print(
        String(
            format: "index: %d keys, built in %.2f s, index bytes %.1f MiB, RSS %.1f → %.1f MiB (peak %.1f MiB)", index.count,
            Double(built.components.seconds) + Double(built.components.attoseconds) / 1e18, Double(index.residentBytes) / 1_048_576, before,
            after, peakMiB()))
    let absent = keys(1_000_000, seed: 99)
    let present = Array(keys(index.count, seed: 1).shuffled().prefix(100_000))
    timeLookups("index, absent", probes: absent, expect: false, index.contains)
    timeLookups("index, present", probes: present, expect: true, index.contains)
    print(String(format: "after lookups: RSS %.1f MiB, peak %.1f MiB", residentMiB(), peakMiB()))
case "set":
    let count = Int(arguments[2])!
    let before = residentMiB()
    let set = Set(keys(count, seed: 1))
    print(String(format: "Set<RevocationKey>: %d keys, RSS %.1f → %.1f MiB (peak %.1f MiB)", set.count, before, residentMiB(), peakMiB()))
    let absent = keys(1_000_000, seed: 99)
    let present = Array(keys(count, seed: 1).shuffled().prefix(100_000))
    timeLookups("set, absent", probes: absent, expect: false, set.contains)
    timeLookups("set, present", probes: present, expect: true, set.contains)
case "install":
    let count = Int(arguments[2])!
    let directory = arguments[3]
    var generator = Generator(state: 7)
    let hashes = (0..<count).map { _ in (0..<16).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }
    let payload = Data(DCCRevocationResource.encode([(Array("benchkid".utf8), .uci, hashes)]))
    print(String(format: "install: payload %.1f MiB for %d entries", Double(payload.count) / 1_048_576, count))
    var logger = Logger(label: "revocation-bench")
    logger.logLevel = .info
    let data = VerificationData(
        snapshot: VerificationSnapshot(trust: TrustStore(), rules: nil), country: "VN", logger: logger,
        revocationKeysPath: directory + "/revocation.keys")
    let clock = ContinuousClock()
    let started = clock.now
    let publish = try data.prepareRevocationList(payload, version: 1, issuedAt: Date())
    publish()
    let took = clock.now - started
    print(
        String(
            format: "install: %d entries in %.2f s (peak RSS %.1f MiB); status: %@", count,
            Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18, peakMiB(), data.revocationStatus ?? "none"))
default:
    print("usage: revocation-bench write N FILE | lookup FILE | set N | install N DIR")
    exit(2)
}
