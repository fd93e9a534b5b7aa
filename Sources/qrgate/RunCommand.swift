import ArgumentParser
import Foundation
import Logging
import QRGateDaemon

/// `qrgate run`: the daemon systemd starts.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the gateway daemon (what systemd starts)."
    )

    @Option(
        name: .long, help: "Configuration file (YAML). Default: $QRGATE_CONFIG, else $CONFIGURATION_DIRECTORY/gateway.yaml, else built-in defaults.")
    var config: String?

    func run() async throws {
        let configuration: GatewayConfiguration
        do {
            configuration = try GateStateAccess.configuration(file: config)
            // A demo folder that is not one: refused before anything is created on disk.
            do {
                _ = try configuration.demo()
            } catch {
                printError("\(error)")
                throw ExitStatus.invalidConfiguration
            }
        } catch {
            printError("qrgate: refusing to start with an invalid configuration (exit 78)")
            throw error
        }
        let logger = makeLogger(level: configuration.logLevel)
        do {
            var daemon = GatewayDaemon(configuration: configuration)
            daemon.version = qrgateVersion
            try await daemon.run(logger: logger)
        } catch let error as ConfigurationError {
            logger.critical("invalid configuration", metadata: ["error": .string("\(error)")])
            throw ExitStatus.invalidConfiguration
        } catch {
            logger.critical("cannot run", metadata: ["error": .string("\(error)")])
            throw ExitCode.failure
        }
    }
}
