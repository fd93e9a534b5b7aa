import ArgumentParser
import Foundation
import QRGateDaemon

/// `qrgate demo`: fresh sample images for a configuration that trusts the demo.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write the demo's sample QR images (admit, refuse, refer, identity mismatch).",
        discussion: """
            Only for a configuration with trust.demo_directory (the example configuration): the images \
            are signed with the demo's public keys, which no production gate trusts. Copy them one at a \
            time into the watched folder and watch the kiosk screen.
            """
    )

    @Option(help: "Configuration file. Default as for 'qrgate run'.") var config: String?
    @Option(help: "Folder for the images. Default: demo/ in the state directory.") var out: String?

    func run() throws {
        let configuration = try GateStateAccess.configuration(file: config)
        let demo: GateDemo
        do {
            guard let configured = try configuration.demo() else {
                printError("qrgate: this configuration has no demo (trust.demo_directory is empty); use device-config/gateway.example.yaml")
                throw ExitStatus.negative
            }
            demo = configured
        } catch let error as ConfigurationError {
            printError(error.description)
            throw ExitStatus.invalidConfiguration
        }
        let folder = out ?? configuration.statePath("demo")
        let samples: [GateDemo.Sample]
        do {
            samples = try demo.writeSamples(to: folder)
        } catch {
            printError("qrgate: the demo images could not be written to \(folder): \(error)")
            throw ExitStatus.negative
        }
        let inbox = configuration.scanner.source == .folder ? configuration.statePath(configuration.scanner.folder) : nil
        print("demo images in \(folder) (valid from now: certificates for a year, the declaration for a day)")
        for sample in samples {
            print("  \(sample.file)  \(sample.expect): \(sample.about)")
        }
        if let inbox {
            print("try one:  cp \(folder)/1-admit.png \(inbox)/")
        }
        let host = configuration.http.host.contains(":") ? "[\(configuration.http.host)]" : configuration.http.host
        print("the kiosk screen: http://\(host):\(configuration.http.port)/kiosk")
    }
}
