import Foundation
import QRGateCore
import Yams

/// The central service's settings: defaults, then one YAML file, then `QRGATE_CENTRAL_*`
/// environment overrides (and systemd's `CREDENTIALS_DIRECTORY` for the signing key), as the
/// gate reads its own. See `device-config/central.example.yaml`.
public struct CentralConfiguration: Sendable, Equatable {
    /// Address the HTTP API listens on.
    public var listenHost = "127.0.0.1"
    /// Port (0: any free port, reported in `READY=1`'s status).
    public var listenPort = 8480
    /// PostgreSQL, as a `postgres://user[:password]@host[:port]/database` URL.
    public var databaseURL = "postgres://qrgate@127.0.0.1:5432/qrgate_central"
    /// A file holding the database password (instead of one in the URL).
    public var databasePasswordFile = ""
    /// Connections in this process's pool.
    public var databasePoolSize = 8
    /// Largest request body accepted, in bytes on the wire (413 above).
    public var maxBodyBytes = 4 << 20
    /// Largest body after gzip inflation.
    public var maxInflatedBytes = 16 << 20
    /// Most records in one batch (400 above).
    public var maxRecordsPerBatch = 5_000
    /// Records each gate may deliver per second, averaged (429 beyond its burst).
    public var gateRecordsPerSecond = 200.0
    /// Records a gate may deliver at once before the rate applies.
    public var gateBurstRecords = 10_000.0
    /// The central signing key (PEM P-256 private key); empty: `$CREDENTIALS_DIRECTORY/central-signing-key`.
    public var signingKeyFile = ""
    /// Days the personal fields (subject, declaration) of a record are kept; 0 keeps them.
    public var personalRetentionDays = 28
    /// A gate that has not delivered or reported for this long is flagged silent.
    public var silentAfterMinutes = 15
    /// A gate whose trust list was issued longer ago than this is flagged stale.
    public var staleTrustListHours = 72

    /// The defaults.
    public init() {}

    /// Where the signing key is read from: the configured file, else the systemd credential.
    public func signingKeyPath(environment: [String: String]) -> String? {
        if !signingKeyFile.isEmpty { return signingKeyFile }
        if let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty { return directory + "/central-signing-key" }
        return nil
    }
}

/// A configuration that cannot be used: every problem with its key, the bad value and what is allowed.
public struct CentralConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The file read, if any.
    public var path: String?
    /// `key: value is wrong; allowed: …` lines.
    public var problems: [String]

    public var description: String {
        "configuration \(path ?? "(built-in defaults)") has \(problems.count) problem(s):\n" + problems.map { "  - " + $0 }.joined(separator: "\n")
    }
}

/// Reads `CentralConfiguration` from a YAML file and the environment.
public struct CentralConfigurationLoader: Sendable {
    /// The environment consulted.
    public var environment: [String: String]

    /// Creates a loader.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The file to read: the explicit one, else `QRGATE_CENTRAL_CONFIG`, else
    /// `$CONFIGURATION_DIRECTORY/central.yaml` when it exists.
    public func configurationFile(explicit: String?) -> String? {
        if let explicit, !explicit.isEmpty { return explicit }
        if let value = environment["QRGATE_CENTRAL_CONFIG"], !value.isEmpty { return value }
        if let directory = environment["CONFIGURATION_DIRECTORY"]?.split(separator: ":").first {
            let candidate = String(directory) + "/central.yaml"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    private typealias Setter = @Sendable (inout CentralConfiguration, String) -> String?

    private static func integer(_ range: ClosedRange<Int>, _ keyPath: WritableKeyPath<CentralConfiguration, Int>) -> Setter {
        nonisolated(unsafe) let path = keyPath
        return { configuration, text in
            guard let value = Int(text), range.contains(value) else { return "an integer from \(range.lowerBound) to \(range.upperBound)" }
            configuration[keyPath: path] = value
            return nil
        }
    }

    private static func decimal(_ range: ClosedRange<Double>, _ keyPath: WritableKeyPath<CentralConfiguration, Double>) -> Setter {
        nonisolated(unsafe) let path = keyPath
        return { configuration, text in
            guard let value = Double(text), range.contains(value) else { return "a number from \(range.lowerBound) to \(range.upperBound)" }
            configuration[keyPath: path] = value
            return nil
        }
    }

    private static func text(_ keyPath: WritableKeyPath<CentralConfiguration, String>) -> Setter {
        nonisolated(unsafe) let path = keyPath
        return { configuration, text in
            configuration[keyPath: path] = text
            return nil
        }
    }

    /// Every key of the file, dotted.
    private static let setters: [String: Setter] = [
        "listen.address": { configuration, text in
            guard !text.isEmpty, !text.contains(" ") else { return "an IP address or host name" }
            configuration.listenHost = text
            return nil
        },
        "listen.port": integer(0...65_535, \.listenPort),
        "database.url": { configuration, text in
            guard (try? PostgresURL(text)) != nil else { return "postgres://user[:password]@host[:port]/database" }
            configuration.databaseURL = text
            return nil
        },
        "database.password_file": text(\.databasePasswordFile),
        "database.pool_size": integer(1...200, \.databasePoolSize),
        "ingest.max_body_bytes": integer(1_024...(256 << 20), \.maxBodyBytes),
        "ingest.max_inflated_bytes": integer(1_024...(1 << 30), \.maxInflatedBytes),
        "ingest.max_records_per_batch": integer(1...100_000, \.maxRecordsPerBatch),
        "ingest.gate_records_per_second": decimal(0.001...1_000_000, \.gateRecordsPerSecond),
        "ingest.gate_burst_records": decimal(1...10_000_000, \.gateBurstRecords),
        "signing_key_file": text(\.signingKeyFile),
        "retention.personal_days": integer(0...36_500, \.personalRetentionDays),
        "fleet.silent_after_minutes": integer(1...100_000, \.silentAfterMinutes),
        "fleet.stale_trust_list_hours": integer(1...100_000, \.staleTrustListHours),
    ]

    /// Environment variables and the key each overrides.
    public static let environmentKeys: [(variable: String, key: String)] = [
        ("QRGATE_CENTRAL_LISTEN_ADDRESS", "listen.address"),
        ("QRGATE_CENTRAL_LISTEN_PORT", "listen.port"),
        ("QRGATE_CENTRAL_DATABASE_URL", "database.url"),
        ("QRGATE_CENTRAL_DATABASE_PASSWORD_FILE", "database.password_file"),
        ("QRGATE_CENTRAL_SIGNING_KEY_FILE", "signing_key_file"),
        ("QRGATE_CENTRAL_PERSONAL_RETENTION_DAYS", "retention.personal_days"),
    ]

    /// Loads and validates; throws listing every problem.
    public func load(file explicit: String?) throws(CentralConfigurationError) -> CentralConfiguration {
        let file = configurationFile(explicit: explicit)
        var configuration = CentralConfiguration()
        var problems: [String] = []
        if let file {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw CentralConfigurationError(
                    path: file, problems: ["file: \(file) is not a readable UTF-8 YAML file (check the path and its permissions)"])
            }
            do {
                if let node = try Yams.compose(yaml: text) {
                    guard case .mapping = node else {
                        throw CentralConfigurationError(path: file, problems: ["the file must be a YAML mapping of keys"])
                    }
                    walk(node, prefix: "", into: &configuration, problems: &problems)
                }
            } catch let error as CentralConfigurationError {
                throw error
            } catch {
                throw CentralConfigurationError(path: file, problems: ["the file is not valid YAML: \(error)"])
            }
        }
        for (variable, key) in Self.environmentKeys {
            guard let value = environment[variable] else { continue }
            if let allowed = Self.setters[key]?(&configuration, value) {
                problems.append("\(variable) (\(key)): \(value) is not allowed; allowed: \(allowed)")
            }
        }
        if !configuration.databasePasswordFile.isEmpty && !FileManager.default.isReadableFile(atPath: configuration.databasePasswordFile) {
            problems.append(
                "database.password_file: \(configuration.databasePasswordFile) cannot be read; allowed: a readable file holding the password")
        }
        if !problems.isEmpty { throw CentralConfigurationError(path: file, problems: problems) }
        return configuration
    }

    private func walk(_ node: Node, prefix: String, into configuration: inout CentralConfiguration, problems: inout [String]) {
        guard case .mapping(let mapping) = node else { return }
        for (keyNode, value) in mapping {
            let key = prefix + (keyNode.string ?? "?")
            let line = keyNode.mark.map { " (line \($0.line))" } ?? ""
            switch value {
            case .mapping:
                if Self.setters.keys.contains(where: { $0.hasPrefix(key + ".") }) {
                    walk(value, prefix: key + ".", into: &configuration, problems: &problems)
                } else {
                    problems.append("\(key)\(line): unknown section; allowed: \(Self.sections)")
                }
            case .scalar(let scalar):
                guard let setter = Self.setters[key] else {
                    problems.append("\(key)\(line): unknown key; allowed: \(Self.setters.keys.sorted().joined(separator: ", "))")
                    continue
                }
                if let allowed = setter(&configuration, scalar.string) {
                    problems.append("\(key)\(line): \(scalar.string) is not allowed; allowed: \(allowed)")
                }
            default:
                problems.append("\(key)\(line): a list is not allowed here")
            }
        }
    }

    private static var sections: String {
        Set(setters.keys.compactMap { $0.split(separator: ".").count > 1 ? String($0.split(separator: ".")[0]) : nil }).sorted().joined(
            separator: ", ")
    }
}

/// A `postgres://user[:password]@host[:port]/database` URL.
public struct PostgresURL: Sendable, Equatable {
    /// Host name or address.
    public var host: String
    /// Port.
    public var port: Int
    /// User name.
    public var user: String
    /// Password, when the URL carries one.
    public var password: String?
    /// Database.
    public var database: String

    /// Parses the URL; throws when it is not one.
    public init(_ text: String) throws(CentralError) {
        guard let components = URLComponents(string: text), components.scheme == "postgres" || components.scheme == "postgresql",
            let host = components.host, !host.isEmpty, let user = components.user, !user.isEmpty
        else {
            throw CentralError(code: .invalidConfiguration, message: "\(text) is not a postgres://user@host[:port]/database URL")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw CentralError(code: .invalidConfiguration, message: "\(text) names no database (postgres://user@host[:port]/database)")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user
        self.password = components.password
        self.database = database
    }
}
