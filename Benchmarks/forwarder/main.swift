// Drains a backlog of check-ins to the loopback reference receiver and reports records/s
// and peak RSS (VmHWM). Build and run in release:
//   swift build -c release --product qrgate-forwarder-benchmark
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

let arguments = CommandLine.arguments
let total = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
let batch = arguments.count > 2 ? Int(arguments[2]) ?? 1000 : 1000

let logger: Logger = {
    var logger = Logger(label: "forwarder-benchmark")
    logger.logLevel = .critical
    return logger
}()

let directory = NSTemporaryDirectory() + "qrgate-fw-bench-" + UUID().uuidString
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }
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
let seedTime = ContinuousClock.now - seedClock
let rssBefore = memoryKilobytes("VmRSS:")
print("seeded \(total) check-ins in \(seedTime); RSS before drain \(rssBefore) kB")

try await CentralReceiver.with { receiver in
    var endpoint = CentralEndpoint(baseURL: receiver.baseURL, gateID: "gate-01")
    endpoint.requestTimeout = .seconds(30)
    var configuration = Forwarder.Configuration(gateID: "gate-01")
    configuration.machine.maxRecords = batch
    configuration.maxBatchBytes = 2 << 20
    configuration.linger = .zero
    configuration.idlePoll = .milliseconds(20)
    configuration.statusEveryBatches = 32
    let began = ContinuousClock.now
    let drained: Bool = try await HTTPClient.withHTTPClient { client in
        let forwarder = Forwarder(
            store: store,
            transport: HTTPBatchTransport(client: client, endpoint: endpoint),
            configuration: configuration,
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
                    if try await store.outboxDepth() == 0 { return true }
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
    let accepted = receiver.acceptedSet.count
    print("drained: \(drained); accepted by receiver: \(accepted) of \(total); requests: \(receiver.requests.count)")
    print(String(format: "drain time %.2f s; %.0f records/s; batch %d", seconds, Double(total) / seconds, batch))
    print("peak RSS (VmHWM) \(memoryKilobytes("VmHWM:")) kB; RSS now \(memoryKilobytes("VmRSS:")) kB")
    if !drained || accepted != total { exit(1) }
}
