import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

// Load generator for qrgate-central (docs/PERFORMANCE.md, "Central service"): simulates GATES
// gates, each sending batches of RECORDS check-ins as the forwarder does (one batch in flight
// per gate), spread over the central processes listening on PORTS, for SECONDS seconds.
// Tokens: the gates are named load-0 … load-(GATES-1) with token "load-token-<n>" (run.sh
// registers their digests). Prints records/s acknowledged, acknowledgement latency p50/p99 and
// the CPU the central processes (PIDS) used per 1,000 records.
//   central-load-generator PORTS(comma) PIDS(comma) GATES RECORDS SECONDS

let arguments = CommandLine.arguments
guard arguments.count == 6, let gates = Int(arguments[3]), let perBatch = Int(arguments[4]), let seconds = Double(arguments[5]) else {
    FileHandle.standardError.write(Data("usage: central-load-generator PORTS PIDS GATES RECORDS SECONDS\n".utf8))
    exit(2)
}
let ports = arguments[1].split(separator: ",").compactMap { Int($0) }
let pids = arguments[2].split(separator: ",").compactMap { Int32($0) }

func cpuSeconds(_ pid: Int32) -> Double {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = text.lastIndex(of: ")") else { return 0 }
    let fields = text[text.index(after: close)...].split(separator: " ")
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the ")" (state is the first).
    let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
    return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
}

func postgresCPUSeconds() -> Double {
    var total = 0.0
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let pid = Int32(entry), let comm = try? String(contentsOfFile: "/proc/\(entry)/comm", encoding: .utf8), comm.hasPrefix("postgres")
        else { continue }
        total += cpuSeconds(pid)
    }
    return total
}

func uuid7(_ milliseconds: Int64) -> String {
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255) }
    for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
    bytes[6] = 0x70 | (bytes[6] & 0x0f)
    bytes[8] = 0x80 | (bytes[8] & 0x3f)
    let hex = bytes.map { String(format: "%02x", $0) }.joined()
    return [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)].joined(
        separator: "-")
}

func batch(gate: Int, sequence: inout Int64) -> [UInt8] {
    let now = Int64(Date().timeIntervalSince1970 * 1000)
    var records: [String] = []
    records.reserveCapacity(perBatch)
    for _ in 0..<perBatch {
        sequence += 1
        let person = Int.random(in: 0..<50_000)
        records.append(
            """
            {"id":"\(uuid7(now))","sequence":"\(sequence)","gate":"load-\(gate)","site":"site-\(gate / 10)","direction":"\(sequence % 2 == 0 ? "exit" : "entry")","recorded_at_ms":"\(now)","boot_ns":"\(sequence)","clock_synced":true,"flags":[],"credential":{"kind":"eu_dcc","verified":true,"issuer":"VN","doses":"2/2","event_date":"2021-09-01","valid_until":null},"decision":"admit","reasons":[],"rule_set_version":"VN-1.0.0","paired_entry_id":null,"personal_digest":"\(String(repeating: "d", count: 64))","hash":"\(String(repeating: "a", count: 64))","previous_hash":"\(String(repeating: "b", count: 64))","pairing_key":"p\(person)","subject":{"id_number":"00109\(person)","name":"Nguyen Van \(person)","birth_date":"1990-01-15"}}
            """)
    }
    return Array(
        "{\"batch_id\":\"\(UUID().uuidString)\",\"gate_id\":\"load-\(gate)\",\"chain_head\":{\"sequence\":\(sequence),\"hash\":\"h\"},\"records\":[\(records.joined(separator: ","))]}"
            .utf8)
}

struct Totals {
    var records = 0
    var batches = 0
    var failures = 0
    var latencies: [Double] = []
}
let totals = Mutex(Totals())

var configuration = HTTPClient.Configuration()
configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)
let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
let centralBefore = pids.map(cpuSeconds).reduce(0, +)
let postgresBefore = postgresCPUSeconds()
let start = Date()
let deadline = start.addingTimeInterval(seconds)
await withTaskGroup(of: Void.self) { group in
    for gate in 0..<gates {
        group.addTask {
            var sequence: Int64 = 0
            let port = ports[gate % ports.count]
            // Gates do not start in lockstep.
            try? await Task.sleep(for: .milliseconds(Int.random(in: 0..<1000)))
            while Date() < deadline {
                let body = batch(gate: gate, sequence: &sequence)
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/gates/load-\(gate)/check-ins:batch")
                request.method = .POST
                request.headers.add(name: "Authorization", value: "Bearer load-token-\(gate)")
                request.headers.add(name: "Content-Type", value: "application/json")
                request.headers.add(name: "Idempotency-Key", value: "load-\(gate)-\(sequence)")
                request.body = .bytes(ByteBuffer(bytes: body))
                let sent = ContinuousClock.now
                do {
                    let response = try await client.execute(request, timeout: .seconds(60))
                    let answer = try await response.body.collect(upTo: 1 << 20)
                    let elapsed = sent.duration(to: .now)
                    let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
                    let accepted = response.status.code == 200 ? String(buffer: answer).components(separatedBy: "\"accepted\"").count - 1 : 0
                    totals.withLock {
                        $0.records += accepted
                        $0.batches += 1
                        $0.latencies.append(ms)
                        if response.status.code != 200 { $0.failures += 1 }
                    }
                } catch {
                    totals.withLock { $0.failures += 1 }
                }
            }
        }
    }
}
let elapsed = Date().timeIntervalSince(start)
let centralCPU = pids.map(cpuSeconds).reduce(0, +) - centralBefore
let postgresCPU = postgresCPUSeconds() - postgresBefore
try await client.shutdown()
let result = totals.withLock { $0 }
let sorted = result.latencies.sorted()
func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
print(
    String(
        format:
            "gates %d, %d records/batch, %d central process(es), %.0f s: %d records acknowledged = %.0f records/s; %d batches, %d failed; ack latency p50 %.1f ms, p99 %.1f ms; CPU per 1,000 records: central %.3f s, PostgreSQL %.3f s",
        gates, perBatch, ports.count, elapsed, result.records, Double(result.records) / elapsed, result.batches, result.failures, percentile(0.5),
        percentile(0.99), centralCPU / Double(max(1, result.records)) * 1000, postgresCPU / Double(max(1, result.records)) * 1000))
