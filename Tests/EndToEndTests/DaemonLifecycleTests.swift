import Foundation
import QRGateTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The built `qrgate run` as systemd sees it: notifications on a datagram socket the test
/// owns, watchdog pings, and a bounded graceful stop on SIGTERM.
@Suite(.serialized) struct DaemonLifecycleTests {
    @Test(arguments: ["path", "abstract"])
    func notifiesReadyWatchdogAndStopping(socketKind: String) throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let socketPath =
            socketKind == "path"
            ? temporary.url.appendingPathComponent("notify.sock").path
            : "@qrgate-test-\(UUID().uuidString.prefix(8))"
        let listener = try NotifySocketListener(path: socketPath)

        let process = Process()
        process.executableURL = QRGateBinary.url
        process.arguments = ["run"]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("QRGATE_") }
        environment["QRGATE_STATE_DIR"] = temporary.url.appendingPathComponent("state").path
        environment["QRGATE_HTTP_ADDRESS"] = "127.0.0.1:0"
        environment["NOTIFY_SOCKET"] = socketPath
        environment["WATCHDOG_USEC"] = "400000"
        environment["JOURNAL_STREAM"] = "8:12345"
        environment.removeValue(forKey: "WATCHDOG_PID")
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let ready = listener.collect(until: { $0.contains("READY=1") }, timeout: 60)
        #expect(ready.matched, "READY=1 never arrived; got \(ready.messages)")
        try #require(ready.matched)

        var pings = 0
        let deadline = Date().addingTimeInterval(10)
        while pings < 3 && Date() < deadline {
            if let message = listener.receive(timeout: 1), message.contains("WATCHDOG=1") { pings += 1 }
        }
        #expect(pings >= 3, "expected repeated WATCHDOG=1 at half of WATCHDOG_USEC")

        let stopStarted = Date()
        kill(process.processIdentifier, SIGTERM)
        let stopping = listener.collect(until: { $0.contains("STOPPING=1") }, timeout: 10)
        #expect(stopping.matched, "STOPPING=1 never arrived after SIGTERM")
        while process.isRunning && Date().timeIntervalSince(stopStarted) < 15 { usleep(20_000) }
        #expect(!process.isRunning, "the daemon did not stop within the graceful deadline")
        #expect(process.terminationStatus == 0)
        #expect(process.terminationReason == .exit)

        // Under journald every log line carries a syslog priority prefix.
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let lines = log.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("<") && $0.dropFirst(2).hasPrefix(">") }, "\(log)")
    }
}
