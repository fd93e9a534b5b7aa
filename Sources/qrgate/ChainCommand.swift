import ArgumentParser
import Foundation
import QRGateCheckIn
import QRGateCore
import QRGateDaemon
import QRGateStore

/// `qrgate chain verify`: walk the audit chain and report the first broken link.
struct ChainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Check the audit chain of recorded check-ins.",
        subcommands: [Verify.self]
    )

    /// `qrgate chain verify`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Verify the audit chain and report the first broken link.",
            discussion: "Prints the result as one JSON object; exit 0 when intact, 1 when a link is broken."
        )
        @Option(help: "Configuration file (for the state directory).") var config: String?

        func run() async throws {
            let configuration = try GateStateAccess.configuration(file: config)
            let path = configuration.statePath("qrgate.sqlite")
            guard FileManager.default.fileExists(atPath: path) else {
                printError("qrgate chain verify: no database at \(path); check state_directory")
                throw ExitStatus.negative
            }
            let report: ChainReport
            do {
                // The personal digests are keyed with the gate secret; without it only the links verify.
                let keys = try GateKeys.load(
                    stateDirectory: configuration.stateDirectory, gate: configuration.gate.id, site: configuration.gate.site,
                    environment: ProcessInfo.processInfo.environment, create: false)
                report = try await CheckInStore(database: try GateDatabase(path: path, readOnly: true), personalKeys: keys.personalKeys).verifyChain()
            } catch {
                printError("qrgate chain verify: \(error)")
                throw ExitStatus.negative
            }
            var object: [String: JSONValue] = [
                "intact": .bool(report.isIntact), "checked": .number(Double(report.checked)), "head": .string(report.head),
            ]
            if let sequence = report.firstBrokenSequence { object["first_broken_sequence"] = .number(Double(sequence)) }
            if let id = report.firstBrokenID { object["first_broken_id"] = .string(id) }
            if let problem = report.problem { object["problem"] = .string(problem.rawValue) }
            print(JSONValue.object(object).serialized())
            if !report.isIntact {
                printError("qrgate chain verify: \(report)")
                throw ExitStatus.negative
            }
        }
    }
}
