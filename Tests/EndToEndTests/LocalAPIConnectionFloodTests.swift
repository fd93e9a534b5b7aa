import Foundation
import QRGateTestSupport
import Testing

@testable import QRGateServer

#if canImport(Glibc)
import Glibc
#endif

/// Issue 12 item 7: no client can stop the daemon by holding connections open.
@Suite(.serialized) struct LocalAPIConnectionFloodTests {
    /// 1,100 idle connections once exhausted the daemon's file descriptors and the ServiceGroup
    /// exited. Now the local API holds at most `http.max_connections` (256 by default), closes the
    /// longest-idle one to admit a new one, and closes idle connections after the idle timeout.
    @Test func elevenHundredIdleConnectionsDoNotStopTheDaemon() throws {
        let daemon = try RunningGate()
        defer { daemon.stop() }
        // The daemon keeps the default soft limit on open files (1024 here): the bound must hold
        // without LimitNOFILE. Only this test process raises its own limit to open the flood.
        try daemon.start(yaml: "http:\n  idle_timeout_seconds: 3\n", environment: ["WATCHDOG_USEC": "2000000"])
        let flood = 1100
        let available = LoopbackSocket.raiseOpenFileLimit(to: flood + 200)
        try #require(available >= flood + 100, "the test needs \(flood + 100) open files, the hard limit allows \(available)")

        var sockets: [Int32] = []
        defer { sockets.forEach { close($0) } }
        let floodStarted = Date()
        for _ in 0..<flood where Date().timeIntervalSince(floodStarted) < 60 {
            if let socket = LoopbackSocket.open(port: daemon.port) { sockets.append(socket) }
        }
        #expect(sockets.count >= 1000, "the kernel should accept the connections; got \(sockets.count)")

        // /health still answers, promptly, while the flood is held open.
        let health = LoopbackExchange.send("GET", "/health", port: daemon.port, timeout: 5)
        #expect(health?.status == 200)
        #expect((health?.seconds ?? 99) < 2, "health took \(health?.seconds ?? -1) s under the flood")
        #expect(daemon.isRunning)

        // The daemon holds at most its limit: the rest were closed by the daemon.
        var open = sockets.count
        let settle = Date()
        while open > 256 && Date().timeIntervalSince(settle) < 2.5 {
            usleep(100_000)
            open = sockets.filter { !LoopbackSocket.isClosedByPeer($0) }.count
        }
        #expect(open <= 256, "\(open) flood connections are still held open; the limit is 256")

        // The watchdog keeps being pinged: every loop still beats.
        let ping = daemon.notifications.collect(until: { $0.contains("WATCHDOG=1") }, timeout: 4)
        #expect(ping.matched, "no WATCHDOG=1 while the flood was held")

        // After the idle timeout (3 s) every idle connection is closed.
        let idleDeadline = Date().addingTimeInterval(8)
        var stillOpen = sockets.filter { !LoopbackSocket.isClosedByPeer($0) }.count
        while stillOpen > 0 && Date() < idleDeadline {
            usleep(200_000)
            stillOpen = sockets.filter { !LoopbackSocket.isClosedByPeer($0) }.count
        }
        #expect(stillOpen == 0, "\(stillOpen) idle connections outlived the 3 s idle timeout")

        #expect(LoopbackExchange.send("GET", "/health", port: daemon.port, timeout: 5)?.status == 200)
        #expect(daemon.isRunning, "the daemon exited under the flood: \(daemon.log.suffix(2000))")
        // The notify socket's queue filled up while this test read none of the pings: the daemon
        // drops what it cannot queue instead of blocking, so it still stops gracefully.
        #expect(daemon.stop() == 0)
    }

    /// A connection that is serving a request is never the one evicted: a slow export or
    /// upload keeps its connection while idle ones make room.
    @Test func idleConnectionsMakeRoomButBusyOnesAreKept() throws {
        var table = ConnectionTable<Int, Int>(maximum: 2)
        #expect(table.open(1, at: 0) == .admit)
        #expect(table.open(2, at: 1) == .admit)
        table.requestStarted(1, at: 2)
        #expect(table.open(3, at: 3) == .admitEvicting(2), "the idle connection makes room, the busy one stays")
        table.requestStarted(3, at: 4)
        #expect(table.open(4, at: 5) == .refuse, "every connection is serving a request")
        table.requestEnded(1, at: 6)
        #expect(table.open(4, at: 7) == .admitEvicting(1))
        #expect(table.count == 2)
        table.close(3)
        #expect(table.open(5, at: 8) == .admit)
    }
}
