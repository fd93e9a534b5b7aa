import ArgumentParser
import Foundation
import QRGateDaemon
import QRGateStore

extension CheckInExportFormat: ExpressibleByArgument {}

/// `qrgate export`: check-ins from the local database on standard output, read-only beside a
/// running daemon. The read is recorded in the access log first; when that row cannot be
/// written the command refuses (exit 1) and writes nothing to standard output.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export check-ins from the local database.",
        discussion:
            "Writes only the export on standard output. CSV is UTF-8 with a byte-order mark, every cell quoted; a formula trigger (= + - @ tab CR) that a spreadsheet could start a cell with, whatever its list separator, gets a leading '. The read is recorded in the access log first: when it cannot be (database read-only, disk full), nothing is exported and the exit status is 1."
    )
    @Option(help: "From this time, inclusive (ISO 8601, e.g. 2026-11-21T08:00:00+07:00 or 2026-11-21).") var since: String?
    @Option(help: "Until this time, exclusive (ISO 8601).") var until: String?
    @Option(help: "csv, json or ndjson.") var format: CheckInExportFormat = .csv
    @Option(help: "Only this site.") var site: String?
    @Option(help: "Only this gate.") var gate: String?
    @Option(help: "Configuration file. Default as for 'qrgate run'.") var config: String?

    func validate() throws {
        if let since, FilterTime.parse(since) == nil { throw ValidationError("--since must be an ISO 8601 time (got '\(since)')") }
        if let until, FilterTime.parse(until) == nil { throw ValidationError("--until must be an ISO 8601 time (got '\(until)')") }
    }

    func run() async throws {
        let configuration = try GateStateAccess.configuration(file: config)
        let database = try GateStateAccess.openReadOnly(configuration)
        let filter = CheckInFilter(
            since: since.flatMap(FilterTime.parse), until: until.flatMap(FilterTime.parse), site: site, gate: gate
        )

        // Every read of personal data is in the access log: no row, no export.
        let entry = AccessLogEntry(
            atMilliseconds: Int64(Date().timeIntervalSince1970 * 1000), tokenID: nil, actor: GateStateAccess.localUser,
            channel: .cli, endpoint: "qrgate export",
            filter: (["format=" + format.rawValue] + [filter.canonicalDescription]).filter { !$0.isEmpty }.joined(separator: "&"),
            rowCount: 0
        )
        let log: StandaloneAccessLog
        let entryID: Int64
        do {
            log = try StandaloneAccessLog(path: database.path)
            entryID = try log.begin(entry)
        } catch {
            printError(
                "qrgate: refusing to export: the read cannot be recorded in the access log (\(error)); "
                    + "run as the gate's user with the database writable (and the disk not full), then try again"
            )
            throw ExitStatus.negative
        }

        let output = FileHandle.standardOutput
        let rows: Int
        do {
            rows = try await SupervisorQueries(database: database).export(filter: filter, format: format) { bytes in
                try output.write(contentsOf: bytes)
            }
        } catch {
            printError("qrgate: the export stopped: \(error)")
            throw ExitStatus.negative
        }
        do { try log.complete(id: entryID, rowCount: rows) } catch {
            printError("qrgate: the access log entry \(entryID) was recorded but its row count could not be stored (\(error))")
        }
        printError("qrgate: exported \(rows) check-ins")
    }
}
