// Check-in pipeline and receipt benchmarks (issues 6 and 7). Build in release:
//   QRGATE_BENCHMARKS=1 swift build -c release --product pipeline-bench
//   .build/release/pipeline-bench all [DIRECTORY]
// DIRECTORY is where the databases go (default: a fresh folder under the working directory,
// so floor and pipeline share one disk). Ratios between rows of one run are what count.
import Foundation
import GRDB
import Logging
import QRGateCheckIn
import QRGateCore
import QRGateDaemon
import QRGateFiles
import QRGateImaging
import QRGateReceipts
import QRGateStore
import QRGateTestSupport

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
}

func milliseconds(_ d: Duration) -> Double {
    let (s, a) = d.components
    return Double(s) * 1000 + Double(a) / 1e15
}

func peakRSSMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return (Double(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0) / 1024
    }
    return 0
}

func report(_ name: String, _ samples: [Double]) {
    let sorted = samples.sorted()
    print(
        String(
            format: "%-44@ n=%6d  p50 %7.3f ms  p99 %7.3f ms  mean %7.3f ms", name as NSString, sorted.count,
            percentile(sorted, 0.5), percentile(sorted, 0.99), sorted.reduce(0, +) / Double(max(1, sorted.count))))
}

struct Fixture {
    let directory: String
    let configuration: GatewayConfiguration
    let intake: ScanIntake
    let text: String

    // Not async: Swift 6.3.1 crashes (signal 11, CoroSplit) splitting this init as a coroutine in -c release.
    init(directory: String, name: String) throws {
        self.directory = directory + "/" + name
        try? FileManager.default.removeItem(atPath: self.directory)
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        var configuration = GatewayConfiguration()
        configuration.stateDirectory = self.directory
        configuration.receipts.directory = ""
        configuration.storage.quotaMiB = 4096
        self.configuration = configuration
        let issuer = try TestDCCIssuer()
        let now = Date()
        text = try issuer.issue(TestDCCIssuer.vaccination(), issuedAt: now.addingTimeInterval(-3600), expiresAt: now.addingTimeInterval(86_400))
        let database = try GateDatabase(path: self.directory + "/qrgate.sqlite", quotaBytes: 4 << 30)
        let trust = TrustStore(certificates: [try SignerCertificate(derEncoded: issuer.certificateDER)])
        let rulesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("device-config/rules").path
        let rules = try RuleFiles.evaluator(directory: rulesDirectory, country: "VN")
        let keys = try GateKeys.load(stateDirectory: self.directory, gate: "bench", site: "demo-site", environment: [:])
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        var checkIn = configuration.checkIn
        checkIn.duplicateWindow = .zero
        let pipeline = CheckInPipeline(
            configuration: checkIn,
            assessor: CredentialAssessor(
                trust: trust, rules: rules, country: "VN", site: "demo-site", keyring: keys.keyring, personalKeys: keys.personalKeys),
            policy: AdmissionPolicy(), store: CheckInStore(database: database, personalKeys: keys.personalKeys), keys: keys,
            clock: SystemGateClock(), logger: logger)
        intake = ScanIntake(pipeline: pipeline)
    }
}

/// The floor: one INSERT of a comparable row per WAL + synchronous=FULL transaction.
func floorSamples(directory: String, count: Int) throws -> [Double] {
    let path = directory + "/floor.sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let pool = try DatabasePool(path: path)
    try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
    try pool.write { try $0.execute(sql: "CREATE TABLE t (id TEXT PRIMARY KEY, body BLOB NOT NULL)") }
    let body = Data(repeating: 0x42, count: 600)
    let clock = ContinuousClock()
    var samples: [Double] = []
    for i in 0..<count {
        let start = clock.now
        try pool.write { try $0.execute(sql: "INSERT INTO t VALUES (?, ?)", arguments: ["row-\(i)", body]) }
        samples.append(milliseconds(clock.now - start))
    }
    return samples
}

func pipelineSamples(_ fixture: Fixture, count: Int) async -> [Double] {
    let clock = ContinuousClock()
    var samples: [Double] = []
    for _ in 0..<count {
        let start = clock.now
        _ = await fixture.intake.submit([fixture.text], origin: "bench")
        samples.append(milliseconds(clock.now - start))
    }
    return samples
}

func latency(directory: String, count: Int) async throws {
    print("== per check-in latency (decoded DCC text -> verified -> ruled -> committed -> receipt token), side by side with the SQLite floor")
    let fixture = try Fixture(directory: directory, name: "latency")
    _ = await pipelineSamples(fixture, count: 50)  // warm-up
    _ = try floorSamples(directory: directory, count: 50)
    var floor: [Double] = []
    var pipeline: [Double] = []
    for _ in 0..<5 {  // interleaved rounds so both see the same disk and load
        floor += try floorSamples(directory: directory, count: count / 5)
        pipeline += await pipelineSamples(fixture, count: count / 5)
    }
    report("sqlite floor: 1 INSERT per FULL transaction", floor)
    report("qrgate pipeline (ES256 DCC, VN rules)", pipeline)
    let (f99, p99) = (percentile(floor.sorted(), 0.99), percentile(pipeline.sorted(), 0.99))
    print(
        String(
            format: "p99 ratio pipeline/floor %.2f; target p99 <= 2 x floor + 5 ms = %.3f ms: %@", p99 / f99, 2 * f99 + 5,
            (p99 <= 2 * f99 + 5 ? "met" : "NOT met") as NSString))
}

func concurrent(directory: String, seconds: Double) async throws {
    print("== sustained check-ins per second with 4 concurrent sources (\(Int(seconds)) s)")
    let fixture = try Fixture(directory: directory, name: "concurrent")
    let deadline = Date().addingTimeInterval(seconds)
    let total = await withTaskGroup(of: Int.self) { group in
        for _ in 0..<4 {
            group.addTask {
                var n = 0
                while Date() < deadline {
                    _ = await fixture.intake.submit([fixture.text], origin: "bench")
                    n += 1
                }
                return n
            }
        }
        return await group.reduce(0, +)
    }
    let floorStart = Date()
    let floorCount = try floorSamples(directory: directory, count: 2000).count
    let floorRate = Double(floorCount) / Date().timeIntervalSince(floorStart)
    print(
        String(
            format: "qrgate pipeline, 4 sources: %.0f check-ins/s; sqlite floor, 1 writer: %.0f inserts/s; ratio %.2f",
            Double(total) / seconds, floorRate, Double(total) / seconds / floorRate))
}

func memory(directory: String, count: Int) async throws {
    print("== peak RSS while recording \(count) check-ins")
    let fixture = try Fixture(directory: directory, name: "memory")
    let start = Date()
    await withTaskGroup(of: Void.self) { group in
        for worker in 0..<4 {
            group.addTask {
                for _ in stride(from: worker, to: count, by: 4) { _ = await fixture.intake.submit([fixture.text], origin: "bench") }
            }
        }
    }
    print(
        String(
            format: "%d check-ins in %.1f s (%.0f/s); peak RSS %.1f MiB (target <= 64 MB)", count, Date().timeIntervalSince(start),
            Double(count) / Date().timeIntervalSince(start), peakRSSMiB()))
}

func receipts(count: Int) throws {
    print("== receipt: token sign + QR encode + PNG render")
    let key = P256SigningKey.make()
    let clock = ContinuousClock()
    var samples: [Double] = []
    let now = Date()
    for i in 0..<count {
        let start = clock.now
        let claims = ReceiptClaims(
            checkInID: UUIDv7.make(at: now), site: "bv-bach-mai", gate: "cong-so-\(i % 4)", direction: .entry, decision: .admit,
            issuedAt: now, validUntil: now.addingTimeInterval(43_200))
        let token = try ReceiptToken.issue(claims, key: key)
        let png = try PNGRenderer(scale: 6).render(try QRCodeEncoder().encode(token))
        precondition(!png.isEmpty)
        samples.append(milliseconds(clock.now - start))
    }
    report("receipt sign + encode + PNG", samples)
    print(String(format: "target p99 <= 5 ms: %@", (percentile(samples.sorted(), 0.99) <= 5 ? "met" : "NOT met") as NSString))
}

let arguments = CommandLine.arguments
let mode = arguments.count > 1 ? arguments[1] : "all"
let directory = arguments.count > 2 ? arguments[2] : FileManager.default.currentDirectoryPath + "/.bench-pipeline"
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
switch mode {
case "latency": try await latency(directory: directory, count: 2000)
case "concurrent": try await concurrent(directory: directory, seconds: 10)
case "memory": try await memory(directory: directory, count: Int(arguments.count > 3 ? arguments[3] : "100000") ?? 100_000)
case "receipt": try receipts(count: 2000)
default:
    try receipts(count: 2000)
    try await latency(directory: directory, count: 2000)
    try await concurrent(directory: directory, seconds: 10)
    try await memory(directory: directory, count: 100_000)
}
