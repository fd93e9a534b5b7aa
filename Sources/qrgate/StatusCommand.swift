import ArgumentParser
import Foundation
import QRGateDaemon
import QRGateStore

/// `qrgate status`: the gate's stored state, read-only beside a running daemon.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the gate's state: outbox, last forward, quota.")
    @Flag(help: "Print one JSON object.") var json = false
    @Option(help: "Configuration file. Default as for 'qrgate run'.") var config: String?

    func run() async throws {
        let configuration = try GateStateAccess.configuration(file: config)
        let database = try GateStateAccess.openReadOnly(configuration)
        let report: GateStatusReport
        do {
            report = try await GateStatusReport.read(from: database, quotaBytes: Int64(configuration.storage.quotaMiB) << 20, now: Date())
        } catch {
            printError("qrgate: cannot read the gate's state: \(error)")
            throw ExitStatus.negative
        }
        if json {
            print(report.json)
            return
        }
        print("gate \(configuration.gate.id) at site \(configuration.gate.site)")
        print("check-ins stored: \(report.checkIns) (chain head \(report.chainHeadSequence))")
        print("last check-in: \(report.lastCheckInAtMilliseconds.map(ExportTime.iso8601(milliseconds:)) ?? "none")")
        print("outbox: \(report.outboxDepth) waiting, oldest \(Int(report.oldestUnsentAgeSeconds)) s")
        print("dead letters: \(report.deadLetters)")
        let quota = report.quotaBytes.map { "\($0 >> 20) MiB" } ?? "none"
        print("storage: \(report.usedBytes >> 10) KiB used of quota \(quota) (\(String(format: "%.1f", report.quotaUsedRatio * 100)) %)")
        print("access log entries: \(report.accessLogEntries)")
    }
}
