// Drains a backlog of check-ins to the loopback reference receiver and reports records/s
// and peak RSS (VmHWM) of the forwarding process. The receiver runs in a child process (the
// same executable with `receiver`), so the RSS measured is the gate's alone.
//
//   QRGATE_BENCHMARKS=1 swift build -c release --product qrgate-forwarder-benchmark
//   .build/release/qrgate-forwarder-benchmark [records] [batch]
import AsyncHTTPClient
import Foundation
import Logging
import QRGateCore
import QRGateForwarder
import QRGateStore
import QRGateTestSupport

func memoryKilobytes(_ field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field) })
    else { return 0 }
    return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "0") ?? 0
}

let logger: Logger = {
    var logger = Logger(label: "forwarder-benchmark")
    logger.logLevel = .critical
    return logger
}()

let arguments = CommandLine.arguments

if arguments.count > 1 && arguments[1] == "receiver" {
    // Child mode: serve until standard input closes, then print the number of accepted ids.
    try await CentralReceiver.with { receiver in
        FileHandle.standardOutput.write(Data((receiver.baseURL + "\n").utf8))
        await Task.detached { while readLine() != nil {} }.value
        let report = "accepted \(receiver.acceptedSet.count) duplicates \(receiver.duplicateDeliveries) requests \(receiver.requests.count)\n"
        FileHandle.standardOutput.write(Data(report.utf8))
    }
    exit(0)
}

let total = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
let batch = arguments.count > 2 ? Int(arguments[2]) ?? 1000 : 1000

let directory = NSTemporaryDirectory() + "qrgate-fw-bench-" + UUID().uuidString
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }

// The receiver child.
let child = Process()
child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
child.arguments = ["receiver"]
let toChild = Pipe()
let fromChild = Pipe()
child.standardInput = toChild
child.standardOutput = fromChild
try child.run()
let childOutput = fromChild.fileHandleForReading
func childLine() -> String {
    var bytes: [UInt8] = []
    while true {
        let chunk = childOutput.readData(ofLength: 1)
        if chunk.isEmpty || chunk.first == UInt8(ascii: "\n") { break }
        bytes.append(chunk.first!)
    }
    return String(decoding: bytes, as: UTF8.self)
}
let baseURL = childLine()
guard baseURL.hasPrefix("http://") else {
    print("the receiver did not start")
    exit(1)
}

let database = try GateDatabase(path: directory + "/gate.sqlite")
let store = CheckInStore(database: database)
let start = Date(timeIntervalSince1970: 1_780_000_000)
let seedClock = ContinuousClock.now
var seeded = 0
while seeded < total {
    let chunk = min(2000, total - seeded)
    let drafts = (seeded..<(seeded + chunk)).map { CheckInFactory.draft(person: $0, at: start.addingTimeInterval(Double($0) / 10)) }
    try await store.recordAll(drafts, direction: .fixed(.entry))
    seeded += chunk
}
print(
    "seeded \(total) check-ins in \(ContinuousClock.now - seedClock); RSS before drain \(memoryKilobytes("VmRSS:")) kB, peak so far \(memoryKilobytes("VmHWM:")) kB"
)

// Phase costs for one batch, for the record (read, encode).
do {
    let t0 = ContinuousClock.now
    let records = try await store.outboxBatch(limit: batch)
    let t1 = ContinuousClock.now
    let encoded = records.map(CentralBatchCodec.encodeRecord)
    let t2 = ContinuousClock.now
    let head = try await store.chainHead()
    let body = CentralBatchCodec.encodeBatch(batchID: "x", gateID: "gate-01", head: head, records: encoded)
    let t3 = ContinuousClock.now
    print("one batch of \(records.count): read \(t1 - t0), encode records \(t2 - t1), head + body \(t3 - t2), \(body.count) bytes")
}

// The record encoder, old and new, side by side on the same records (issue 17: <= 5 us a record).
do {
    let records = try await store.outboxBatch(limit: batch)
    var sizes = (old: 0, new: 0)
    func microsecondsPerRecord(_ encode: (StoredCheckIn) -> [UInt8], _ size: inout Int) -> Double {
        let rounds = 20
        let start = ContinuousClock.now
        for _ in 0..<rounds { for record in records { size &+= encode(record).count } }
        let (s, a) = (ContinuousClock.now - start).components
        return (Double(s) * 1e6 + Double(a) / 1e12) / Double(rounds * max(1, records.count))
    }
    _ = microsecondsPerRecord(CentralBatchCodec.encodeRecord, &sizes.new)  // warm-up
    let legacy = microsecondsPerRecord(LegacyRecordEncoder.encodeRecord, &sizes.old)
    let current = microsecondsPerRecord(CentralBatchCodec.encodeRecord, &sizes.new)
    let same = records.allSatisfy { LegacyRecordEncoder.encodeRecord($0) == CentralBatchCodec.encodeRecord($0) }
    print(
        String(
            format: "record encoder: old %.2f us/record, JSONWriter %.2f us/record, ratio %.1fx; identical output: %@",
            legacy, current, legacy / max(current, 0.001), same ? "yes" : "no"))
}

var endpoint = CentralEndpoint(baseURL: baseURL, gateID: "gate-01")
endpoint.requestTimeout = .seconds(30)
var configuration = Forwarder.Configuration(gateID: "gate-01")
configuration.machine.maxRecords = batch
configuration.maxBatchBytes = 2 << 20
configuration.linger = .zero
configuration.idlePoll = .milliseconds(20)
configuration.statusEveryBatches = 32
let began = ContinuousClock.now
let drained: Bool = try await HTTPClient.withHTTPClient { client in
    // Completion is read from the forwarder's own status (refreshed when the outbox is found
    // empty), so the benchmark does not add COUNT(*) scans of the backlog of its own.
    let monitor = ForwarderMonitor()
    let forwarder = Forwarder(
        store: store,
        transport: HTTPBatchTransport(client: client, endpoint: endpoint),
        configuration: configuration,
        monitor: monitor,
        logger: logger
    )
    return try await withThrowingTaskGroup(of: Bool.self) { group in
        group.addTask {
            try await forwarder.run()
            return false
        }
        group.addTask {
            let deadline = ContinuousClock.now + .seconds(600)
            while ContinuousClock.now < deadline {
                let status = monitor.snapshot
                if status.outboxDepth == 0 && status.lastSuccess != nil { return true }
                try await Task.sleep(for: .milliseconds(20))
            }
            return false
        }
        let first = try await group.next() ?? false
        group.cancelAll()
        return first
    }
}
let elapsed = ContinuousClock.now - began
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
try toChild.fileHandleForWriting.close()
let receiverReport = childLine()
child.waitUntilExit()
print("drained: \(drained); receiver: \(receiverReport)")
print(String(format: "drain time %.2f s; %.0f records/s; batch %d", seconds, Double(total) / seconds, batch))
func cpuSeconds(_ who: __rusage_who) -> Double {
    var usage = rusage()
    getrusage(who.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
print(
    String(
        format: "CPU time: forwarding process %.2f s (seeding included), receiver process %.2f s", cpuSeconds(RUSAGE_SELF),
        cpuSeconds(RUSAGE_CHILDREN)))
print("forwarding process peak RSS (VmHWM) \(memoryKilobytes("VmHWM:")) kB; RSS now \(memoryKilobytes("VmRSS:")) kB")
if !drained || !receiverReport.hasPrefix("accepted \(total) ") { exit(1) }
