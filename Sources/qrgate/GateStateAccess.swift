import ArgumentParser
import Foundation
import QRGateCore
import QRGateDaemon
import QRGateStore

/// How every command finds the gate's configuration (`run` included, so all resolve it alike)
/// and the device commands (`export`, `status`, `token`) its database.
enum GateStateAccess {
    /// The validated configuration, or exit 78 with every problem on stderr.
    static func configuration(file: String?) throws -> GatewayConfiguration {
        do {
            return try ConfigurationLoader().load(file: file)
        } catch {
            printError(error.description)
            throw ExitStatus.invalidConfiguration
        }
    }

    /// The database file of `configuration`.
    static func databasePath(_ configuration: GatewayConfiguration) -> String {
        configuration.statePath("qrgate.sqlite")
    }

    /// Opens the database read-only (no migration, no write), beside a running daemon.
    static func openReadOnly(_ configuration: GatewayConfiguration) throws -> GateDatabase {
        let path = databasePath(configuration)
        guard FileManager.default.fileExists(atPath: path) else {
            printError("qrgate: no database at \(path); the gate has not recorded anything yet (check --config and state_directory)")
            throw ExitStatus.negative
        }
        do {
            return try GateDatabase(path: path, readOnly: true)
        } catch {
            printError("qrgate: \(error.description)")
            throw ExitStatus.negative
        }
    }

    /// Opens the database for writing, creating the state directory and migrating as `run` does.
    static func openWritable(_ configuration: GatewayConfiguration) throws -> GateDatabase {
        do {
            try FileManager.default.createDirectory(atPath: configuration.stateDirectory, withIntermediateDirectories: true)
            return try GateDatabase(path: databasePath(configuration))
        } catch let error as StoreError {
            printError("qrgate: \(error.description)")
            throw ExitStatus.negative
        } catch {
            printError("qrgate: cannot create the state directory \(configuration.stateDirectory): \(error.localizedDescription)")
            throw ExitStatus.negative
        }
    }

    /// Who runs the command, for the access log.
    static var localUser: String {
        let environment = ProcessInfo.processInfo.environment
        let user = environment["SUDO_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "uid \(getuid())"
        return "local:" + user
    }
}
