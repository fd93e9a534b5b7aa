import ArgumentParser
import Foundation
import QRGateCore
import QRGateDaemon
import QRGateFiles

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
                _ = try configuration.demo()
                let file = loader.configurationFile(explicit: config) ?? "(built-in defaults)"
                print("configuration \(file) is valid")
                print("gate \(configuration.gate.id) at site \(configuration.gate.site), mode \(configuration.gate.mode.rawValue)")
                print("state directory \(configuration.stateDirectory); local API \(configuration.http.host):\(configuration.http.port)")
                for warning in Self.demoWarnings(configuration) { printError("warning: " + warning) }
            } catch {
                printError("\(error)")
                throw ExitStatus.invalidConfiguration
            }
        }

        /// A configuration that trusts the demo signer, through `trust.demo_directory` or a copy of
        /// its certificate in `trust.path`, is fit for a demonstration only.
        static func demoWarnings(_ configuration: GatewayConfiguration) -> [String] {
            var warnings: [String] = []
            if !configuration.trust.demoDirectory.isEmpty {
                warnings.append(
                    "trust.demo_directory is set (\(configuration.trust.demoDirectory)): this gate trusts the demo signer, whose private key is public, and its screen shows DEMO; set it to \"\" on a real checkpoint"
                )
            }
            let trustPath = configuration.statePath(configuration.trust.path)
            if let trust = try? TrustStore.load(path: trustPath), GateDemo.trustsDemo(trust) {
                warnings.append(
                    "\(trustPath) holds the demo signer certificate (kid \(Data(GateDemo.signerKeyIdentifier).base64EncodedString())): anyone can sign certificates it accepts; remove it on a real checkpoint"
                )
            }
            return warnings
        }
    }
}
