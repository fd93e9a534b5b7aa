import Foundation
import Logging
import QRGateDaemon
import QRGateTestSupport
import Testing

/// A loop that stops beating must stop the watchdog pings, so systemd restarts the daemon.
@Suite struct WatchdogTests {
    @Test func withholdsPingsWhileALoopIsSilentAndResumesWhenItBeats() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let path = temporary.url.appendingPathComponent("n.sock").path
        let listener = try NotifySocketListener(path: path)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path, "WATCHDOG_USEC": "100000"])
        let health = ServiceHealth()
        health.register("scanner", allowance: .milliseconds(30))
        try await Task.sleep(for: .milliseconds(60))  // the scanner is now silent

        let watchdog = WatchdogService(notifier: notifier, health: health, status: GatewayStatusBoard(), logger: Logger(label: "test"))
        await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await watchdog.run() }
            // Watch at least three watchdog turns (every 50 ms) while the scanner stays silent.
            var silentMessages: [String] = []
            let silentDeadline = Date().addingTimeInterval(60)
            while silentMessages.filter({ $0.contains("STATUS=unhealthy: scanner") }).count < 3 && Date() < silentDeadline {
                if let m = await listener.receiveAsync(timeout: 0.1) { silentMessages.append(m) }
            }
            #expect(silentMessages.filter { $0.contains("STATUS=unhealthy: scanner") }.count >= 3)
            #expect(!silentMessages.contains { $0.contains("WATCHDOG=1") }, "pinged while a loop was silent")

            // The loop recovers: beats resume, and so do the pings.
            var resumed = false
            let deadline = Date().addingTimeInterval(60)
            while !resumed && Date() < deadline {
                health.beat("scanner")
                if let m = await listener.receiveAsync(timeout: 0.02), m.contains("WATCHDOG=1") { resumed = true }
            }
            #expect(resumed)
            group.cancelAll()
        }
    }

    @Test func aManagerThatStopsReadingNeverBlocksTheDaemon() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let path = temporary.url.appendingPathComponent("full.sock").path
        let listener = try NotifySocketListener(path: path)  // bound, never read
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        let started = Date()
        let delivered = (0..<200).map { _ in notifier.notify("WATCHDOG=1") }.filter { $0 }.count
        #expect(Date().timeIntervalSince(started) < 2, "a full queue must not block the sender")
        #expect(delivered < 200, "what the queue cannot take is dropped, not waited for")
        #expect(delivered > 0)
        withExtendedLifetime(listener) {}
    }

    @Test func noNotifySocketMeansNoOp() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        #expect(!notifier.notify("READY=1"))
        #expect(notifier.watchdogInterval == nil)
    }
}
