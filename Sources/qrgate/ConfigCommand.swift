import ArgumentParser
import Foundation
import QRGateDaemon

/// `qrgate config …`.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Work with the gateway configuration.",
        subcommands: [Check.self]
    )

    /// `qrgate config check`: every problem with its key, value and what is allowed.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate a configuration file and the QRGATE_* environment; report every problem."
        )

        @Option(name: .long, help: "Configuration file (YAML). Default as for 'qrgate run'.")
        var config: String?

        func run() throws {
            let loader = ConfigurationLoader()
            do {
                let configuration = try loader.load(file: config)
                let file = loader.configurationFile(explicit: config) ?? "(built-in defaults)"
                print("configuration \(file) is valid")
                print("gate \(configuration.gate.id) at site \(configuration.gate.site), mode \(configuration.gate.mode.rawValue)")
                print("state directory \(configuration.stateDirectory); local API \(configuration.http.host):\(configuration.http.port)")
            } catch {
                printError(error.description)
                throw ExitStatus.invalidConfiguration
            }
        }
    }
}
