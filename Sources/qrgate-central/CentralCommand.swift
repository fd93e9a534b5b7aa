import ArgumentParser
import Foundation
import Logging
import QRGateCentral

/// `qrgate-central`: the reference central tracing service (docs/central.md).
@main
struct CentralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qrgate-central",
        abstract: "The central tracing service for qrgate gates, on PostgreSQL.",
        subcommands: [Run.self, Config.self, Migrate.self, Gate.self, Operator.self, Publish.self]
    )

    /// The configuration file cannot be used (sysexits EX_CONFIG, as the gate's).
    static let invalidConfiguration = ExitCode(78)

    static func load(_ file: String?) throws -> CentralConfiguration {
        do {
            return try CentralConfigurationLoader().load(file: file)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw invalidConfiguration
        }
    }

    static func logger() -> Logger {
        var logger = Logger(label: "qrgate-central")
        logger.logLevel = ProcessInfo.processInfo.environment["QRGATE_CENTRAL_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }

    static func withDatabase<T: Sendable>(
        _ configuration: CentralConfiguration, _ body: @Sendable (CentralDatabase) async throws -> T
    ) async throws -> T {
        try await CentralDatabase.using(
            url: configuration.databaseURL, passwordFile: configuration.databasePasswordFile, poolSize: 2, logger: logger()
        ) { database in
            try await database.migrate()
            return try await body(database)
        }
    }

    struct Options: ParsableArguments {
        @Option(name: .long, help: "Configuration file (YAML). Default: $QRGATE_CENTRAL_CONFIG, else $CONFIGURATION_DIRECTORY/central.yaml.")
        var config: String?
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve the central API until SIGTERM.")
        @OptionGroup var options: Options

        func run() async throws {
            let configuration = try CentralCommand.load(options.config)
            LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
            try await CentralDaemon(configuration: configuration, environment: ProcessInfo.processInfo.environment, logger: CentralCommand.logger())
                .run()
        }
    }

    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Work with the configuration.", subcommands: [Check.self])

        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Validate the configuration file and the QRGATE_CENTRAL_* environment; report every problem.")
            @OptionGroup var options: Options

            func run() throws {
                let configuration = try CentralCommand.load(options.config)
                let file = CentralConfigurationLoader().configurationFile(explicit: options.config) ?? "(built-in defaults)"
                print("configuration \(file) is valid")
                print("listening on \(configuration.listenHost):\(configuration.listenPort); database \(redacted(configuration.databaseURL))")
                if configuration.signingKeyPath(environment: ProcessInfo.processInfo.environment) == nil {
                    print("no signing key configured: publish needs signing_key_file or the systemd credential central-signing-key")
                }
            }

            func redacted(_ url: String) -> String {
                guard var components = URLComponents(string: url), components.password != nil else { return url }
                components.password = "***"
                return components.string ?? url
            }
        }
    }

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date and print its version.")
        @OptionGroup var options: Options

        func run() async throws {
            let configuration = try CentralCommand.load(options.config)
            let version = try await CentralCommand.withDatabase(configuration) { try await $0.schemaVersion() }
            print("schema version \(version)")
        }
    }

    struct Gate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register gates.", subcommands: [Add.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Register a gate (or give it a new token); prints its bearer token for the gate's central.token_file.")
            @OptionGroup var options: Options
            @Argument(help: "Gate id, as in the gate's gate.id.") var gate: String
            @Option(name: .long, help: "The gate's site: records naming another site are rejected.") var site: String?

            func run() async throws {
                guard gate.range(of: "^[A-Za-z0-9._-]{1,64}$", options: .regularExpression) != nil else {
                    throw ValidationError("a gate id is 1 to 64 letters, digits, dots, underscores or hyphens")
                }
                let configuration = try CentralCommand.load(options.config)
                let (gate, site) = (gate, site)
                print(try await CentralCommand.withDatabase(configuration) { try await $0.addPrincipal(kind: "gate", name: gate, site: site) })
            }
        }
    }

    struct Operator: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "operator", abstract: "Register people who read the fleet, site views and traces.", subcommands: [Add.self])

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Register an operator (or give a new token); prints the bearer token.")
            @OptionGroup var options: Options
            @Argument(help: "The operator's name, as the access log will show it.") var name: String

            func run() async throws {
                let configuration = try CentralCommand.load(options.config)
                let name = name
                print(try await CentralCommand.withDatabase(configuration) { try await $0.addPrincipal(kind: "operator", name: name, site: nil) })
            }
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign FILE with the central signing key as the next version of KIND and serve it to the gates.")
        @OptionGroup var options: Options
        @Argument(help: "trust-list, rule-sets, value-sets, revocation-list or credential-trust.") var kind: String
        @Argument(help: "The resource's bytes (installed on the gates exactly as signed).") var file: String

        func run() async throws {
            guard let kind = SyncedResourceKind(rawValue: kind) else {
                throw ValidationError("KIND must be one of: " + SyncedResourceKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let configuration = try CentralCommand.load(options.config)
            guard let keyPath = configuration.signingKeyPath(environment: ProcessInfo.processInfo.environment) else {
                throw ValidationError(
                    "no signing key: set signing_key_file (or QRGATE_CENTRAL_SIGNING_KEY_FILE), or run with the systemd credential central-signing-key"
                )
            }
            let key = try CentralDatabase.signingKey(path: keyPath)
            guard let payload = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            let published = try await CentralCommand.withDatabase(configuration) { try await $0.publish(kind: kind, payload: payload, key: key) }
            print("published \(published.kind) version \(published.version) (ETag \(published.etag))")
        }
    }
}
