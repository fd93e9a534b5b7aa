import Foundation
import QRGateCore
import QRGateStore
import QRGateTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// T5 with the real daemon: `qrgate run` is SIGKILLed after the central service stored a batch
/// but before the daemon heard back (so before its outbox changed). After a restart the central
/// service's deduplicated set equals the local set, and the resent batch counts only as duplicates.
@Suite(.serialized) struct DaemonKillTests {
    @Test func sigkillBetweenCentralCommitAndLocalAckLosesAndDuplicatesNothing() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let state = temporary.url.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let database = try GateDatabase(path: state.appendingPathComponent("qrgate.sqlite").path)
        let store = CheckInStore(database: database)
        var recorded: [String] = []
        for i in 0..<30 {
            recorded.append(
                try await store.record(CheckInFactory.draft(person: i, at: Date().addingTimeInterval(Double(i))), direction: .fixed(.entry)).id)
        }
        let ids = recorded

        try await CentralReceiver.with { receiver in
            receiver.script([.storeThenHang])
            let config = temporary.url.appendingPathComponent("gateway.yaml")
            try """
            gate:
              id: gate-t5
            state_directory: \(state.path)
            http:
              address: 127.0.0.1:0
            central:
              url: \(receiver.baseURL)
              batch_max_records: 10
              linger_seconds: 0
              request_timeout_seconds: 120
              max_backoff_seconds: 1
              gzip_requests: true
            """.write(to: config, atomically: true, encoding: .utf8)

            func startDaemon() throws -> Process {
                let process = Process()
                process.executableURL = QRGateBinary.url
                process.arguments = ["run", "--config", config.path]
                process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("QRGATE_") && $0.key != "NOTIFY_SOCKET" }
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }

            // First life: the receiver stores the first batch of 10 and never answers; kill -9 then.
            let first = try startDaemon()
            var deadline = Date().addingTimeInterval(60)
            while receiver.acceptedSet.count < 10 && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
            try #require(receiver.acceptedSet.count == 10, "the central service never stored the first batch")
            #expect(try await store.outboxDepth() == 30, "nothing was acknowledged, so nothing left the outbox")

            // Second life: everything drains; the stored batch comes again and is answered as duplicates.
            let second = try startDaemon()
            defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
            deadline = Date().addingTimeInterval(90)
            while (try await store.outboxDepth()) > 0 && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
            kill(second.processIdentifier, SIGTERM)
            second.waitUntilExit()

            #expect(try await store.outboxDepth() == 0)
            #expect(receiver.acceptedSet == Set(ids), "central set equals local set")
            #expect(receiver.acceptedIDs.count == ids.count, "no record took effect twice")
            #expect(receiver.duplicateDeliveries == 10)
            #expect(receiver.gzipRequests == receiver.requests.count, "batches travel gzip-compressed")
        }
    }
}
