import Foundation
import GRDB
import QRGateStore
import QRGateTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// T1: a child records check-ins and prints each id after its commit returned; it is
/// SIGKILLed at random moments, 100 times. Every printed id must be stored, the outbox must
/// agree with the check-ins, the file must be intact and the audit chain must verify.
@Suite struct KillDuringWritesTests {
    @Test func everyAcknowledgedCheckInSurvivesSIGKILL() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let path = temporary.url.appendingPathComponent("t1.sqlite").path
        var acknowledged: [String] = []
        var generator = SystemRandomNumberGenerator()
        let rounds = 100
        for _ in 0..<rounds {
            let process = Process()
            process.executableURL = QRGateBinary.product("qrgate-crash-writer")
            process.arguments = [path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Let it start and write for a random while (it must have opened the database).
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...120, using: &generator)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            // Only complete lines count: a line cut by the kill was never fully acknowledged.
            var lines = printed.split(separator: "\n", omittingEmptySubsequences: false)
            if printed.last != "\n" { lines.removeLast() }
            acknowledged.append(contentsOf: lines.filter { !$0.isEmpty }.map(String.init))
        }
        #expect(acknowledged.count > rounds, "the child barely wrote anything; the test proves little")

        let database = try GateDatabase(path: path)
        let store = CheckInStore(database: database)
        let stored = Set(try await store.all().map(\.id))
        let missing = acknowledged.filter { !stored.contains($0) }
        #expect(missing.isEmpty, "\(missing.count) acknowledged check-ins lost")
        let outbox = Set(try await store.outboxIDs(limit: 1_000_000))
        #expect(outbox == stored, "outbox and check-ins disagree")
        #expect(try await database.writer.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try await store.verifyChain().isIntact)
    }
}
