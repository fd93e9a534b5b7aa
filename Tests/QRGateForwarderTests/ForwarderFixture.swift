import AsyncHTTPClient
import Foundation
import GRDB
import Logging
import QRGateCore
import QRGateForwarder
import QRGateStore
import QRGateTestSupport
import Synchronization

/// A temporary gate database with check-ins, and helpers to run a forwarder against a receiver.
struct ForwarderFixture {
    let directory: String
    let database: GateDatabase
    let store: CheckInStore

    init(quotaBytes: Int64? = nil) throws {
        directory = NSTemporaryDirectory() + "qrgate-fw-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        database = try GateDatabase(path: directory + "/gate.sqlite", quotaBytes: quotaBytes)
        store = CheckInStore(database: database)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    /// Records `count` check-ins (in one transaction per 500).
    @discardableResult
    func seed(_ count: Int, from first: Int = 0) async throws -> [String] {
        var ids: [String] = []
        var index = first
        while index < first + count {
            let chunk = min(500, first + count - index)
            let drafts = (index..<(index + chunk)).map { CheckInFactory.draft(person: $0, at: Self.start.addingTimeInterval(Double($0))) }
            ids += try await store.recordAll(drafts, direction: .fixed(.entry)).map(\.id)
            index += chunk
        }
        return ids
    }

    static var logger: Logger {
        var logger = Logger(label: "forwarder-test")
        logger.logLevel = .critical
        return logger
    }

    /// A forwarder for `receiver` with small batches, no linger and a virtual clock.
    func forwarder(
        client: HTTPClient,
        receiver: CentralReceiver,
        clock: VirtualClock,
        maxRecords: Int = 8,
        now: @escaping @Sendable () -> Date = { ForwarderFixture.start },
        monitor: ForwarderMonitor = ForwarderMonitor(),
        seed: UInt64 = 1,
        maxBackoff: Duration = .seconds(300),
        requestTimeout: Duration = .milliseconds(400),
        hooks: Forwarder.Hooks = .init(),
        gzip: Bool = true
    ) -> Forwarder {
        var endpoint = CentralEndpoint(baseURL: receiver.baseURL, gateID: "gate-01")
        endpoint.gzipRequests = gzip
        endpoint.requestTimeout = requestTimeout
        endpoint.connectTimeout = requestTimeout
        var configuration = Forwarder.Configuration(gateID: "gate-01")
        configuration.machine.maxRecords = maxRecords
        configuration.machine.maxBackoff = maxBackoff
        configuration.linger = .zero
        configuration.idlePoll = .milliseconds(50)
        var forwarder = Forwarder(
            store: store,
            transport: HTTPBatchTransport(client: client, endpoint: endpoint, now: now),
            configuration: configuration,
            clock: clock,
            now: now,
            random: SeededRandom(seed: seed),
            monitor: monitor,
            logger: Self.logger
        )
        forwarder.hooks = hooks
        return forwarder
    }

    /// Runs `forwarder` until the outbox is empty (polled; at most `timeout` real time), then stops it.
    /// Returns whether it drained; rethrows what the forwarder threw.
    func drain(_ forwarder: Forwarder, timeout: Duration = .seconds(90)) async throws -> Bool {
        let store = self.store
        return try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await forwarder.run()
                return false
            }
            group.addTask {
                let deadline = ContinuousClock.now + timeout
                while ContinuousClock.now < deadline {
                    if try await store.outboxDepth() == 0 { return true }
                    try await Task.sleep(for: .milliseconds(10))
                }
                return false
            }
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// All rows of the `forwarded` table.
    func forwardedIDs() async throws -> Set<String> {
        try await database.writer.read { Set(try String.fetchAll($0, sql: "SELECT check_in_id FROM forwarded")) }
    }
}

/// A counter shared with hooks.
final class HitCounter: Sendable {
    private let value = Mutex(0)
    func increment() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
    var current: Int { value.withLock { $0 } }
}

/// A value shared with hooks.
final class Box<T: Sendable>: Sendable {
    private let value: Mutex<T>
    init(_ initial: T) { value = Mutex(initial) }
    func set(_ new: T) { value.withLock { $0 = new } }
    func update(_ change: (inout T) -> Void) { value.withLock { change(&$0) } }
    var current: T { value.withLock { $0 } }
}

/// Resident set size now and its peak, from /proc/self/status (kB).
func residentKilobytes() -> (current: Int, peak: Int) {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    func field(_ name: String) -> Int {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
        return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "0") ?? 0
    }
    return (field("VmRSS:"), field("VmHWM:"))
}
