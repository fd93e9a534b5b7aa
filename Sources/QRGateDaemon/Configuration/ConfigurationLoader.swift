import Foundation
import Yams

/// Reads the gateway configuration: defaults, then the YAML file, then environment
/// overrides (`QRGATE_…`, and systemd's `STATE_DIRECTORY`). Every problem is collected and
/// reported together with its key, the bad value and what is allowed.
///
/// YAML was chosen because operators edit this file by hand on a kiosk over SSH: it allows
/// comments, and Yams (maintained, libyaml underneath) reports the line of every node, so a
/// problem can name where it is.
public struct ConfigurationLoader: Sendable {
    /// Environment variables consulted (normally the process environment).
    public var environment: [String: String]

    /// Creates a loader reading the given environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The configuration file to read: the explicit one, else `QRGATE_CONFIG`, else
    /// `$CONFIGURATION_DIRECTORY/gateway.yaml` when systemd set that directory and the file exists.
    public func configurationFile(explicit: String?) -> String? {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["QRGATE_CONFIG"], !fromEnvironment.isEmpty { return fromEnvironment }
        if let directory = environment["CONFIGURATION_DIRECTORY"]?.split(separator: ":").first {
            let candidate = String(directory) + "/gateway.yaml"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Loads and validates; throws `ConfigurationError` listing every problem.
    public func load(file explicitFile: String?) throws(ConfigurationError) -> GatewayConfiguration {
        let file = configurationFile(explicit: explicitFile)
        var configuration = GatewayConfiguration()
        var problems: [ConfigurationProblem] = []

        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ConfigurationError(
                    path: file,
                    problems: [.init(key: "file", value: file, allowed: "a readable YAML file (check the path and its permissions)")]
                )
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(path: file, problems: [.init(key: "file", value: nil, allowed: "UTF-8 text")])
            }
            apply(yaml: text, to: &configuration, problems: &problems)
        }
        applyEnvironment(to: &configuration, problems: &problems)
        validateCombination(configuration, problems: &problems)
        if !problems.isEmpty { throw ConfigurationError(path: file, problems: problems) }
        return configuration
    }

    // MARK: - The keys

    private typealias Setter = @Sendable (inout GatewayConfiguration, String) -> String?

    /// Each key with a setter that returns `nil` on success or the description of what is allowed.
    private static let keys: [(key: String, set: Setter)] = baseKeys + centralKeys

    private static let baseKeys: [(key: String, set: Setter)] = [
        (
            "gate.id",
            { c, v in
                guard let id = identifier(v) else { return identifierRule }
                c.gate.id = id
                return nil
            }
        ),
        (
            "gate.site",
            { c, v in
                guard let site = identifier(v) else { return identifierRule }
                c.gate.site = site
                return nil
            }
        ),
        (
            "gate.country",
            { c, v in
                guard v.count == 2, v.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return "an ISO 3166-1 alpha-2 code such as VN" }
                c.gate.country = v
                return nil
            }
        ),
        ("gate.mode", { c, v in choice(v, into: &c.gate.mode) }),
        (
            "state_directory",
            { c, v in
                guard !v.isEmpty else { return "a folder path" }
                c.stateDirectory = v
                return nil
            }
        ),
        (
            "http.address",
            { c, v in
                guard let (host, port) = parseAddress(v) else { return "host:port with a port from 0 to 65535, e.g. 127.0.0.1:8080" }
                c.http.host = host
                c.http.port = port
                return nil
            }
        ),
        (
            "http.tls_certificate",
            { c, v in
                c.http.tlsCertificate = v
                return nil
            }
        ),
        (
            "http.tls_key",
            { c, v in
                c.http.tlsKey = v
                return nil
            }
        ),
        (
            "http.max_connections",
            { c, v in
                guard let count = Int(v), (8...16_384).contains(count) else { return "a whole number of connections from 8 to 16384" }
                c.http.maxConnections = count
                return nil
            }
        ),
        (
            "http.idle_timeout_seconds",
            { c, v in
                guard let seconds = Double(v), seconds >= 1, seconds <= 3600 else { return "a number of seconds from 1 to 3600" }
                c.http.idleTimeoutSeconds = seconds
                return nil
            }
        ),
        (
            "http.metrics_require_token",
            { c, v in
                guard let b = boolean(v) else { return "true or false" }
                c.http.metricsRequireToken = b
                return nil
            }
        ),
        (
            "logging.level",
            { c, v in
                let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
                guard levels.contains(v) else { return "one of " + levels.joined(separator: ", ") }
                c.logLevel = v
                return nil
            }
        ),
        ("scanner.source", { c, v in choice(v, into: &c.scanner.source) }),
        (
            "scanner.folder",
            { c, v in
                guard !v.isEmpty else { return "a folder path" }
                c.scanner.folder = v
                return nil
            }
        ),
        ("scanner.after_scan", { c, v in choice(v, into: &c.scanner.afterScan) }),
        (
            "scanner.keep_max_files",
            { c, v in
                guard let files = Int(v), files >= 1, files <= 100_000 else { return "a whole number of files from 1 to 100000" }
                c.scanner.keepMaxFiles = files
                return nil
            }
        ),
        (
            "scanner.keep_max_hours",
            { c, v in
                guard let hours = Double(v), hours > 0, hours <= 24 * 365 else { return "a number of hours above 0, at most 8760" }
                c.scanner.keepMaxHours = hours
                return nil
            }
        ),
        (
            "scanner.camera_device",
            { c, v in
                guard v.hasPrefix("/dev/") else { return "a device path under /dev/" }
                c.scanner.cameraDevice = v
                return nil
            }
        ),
        (
            "scanner.line_device",
            { c, v in
                guard !v.isEmpty else { return "a tty path or - for standard input" }
                c.scanner.lineDevice = v
                return nil
            }
        ),
        (
            "scanner.dedup_seconds",
            { c, v in
                guard let seconds = Double(v), seconds >= 0, seconds <= 3600 else { return "a number of seconds from 0 to 3600" }
                c.scanner.dedupSeconds = seconds
                return nil
            }
        ),
        (
            "scanner.presentation_seconds",
            { c, v in
                guard let seconds = Int(v), seconds >= 0, seconds <= 120 else { return "a whole number of seconds from 0 to 120 (0 = off)" }
                c.scanner.presentationSeconds = seconds
                return nil
            }
        ),
        (
            "scanner.max_pixels",
            { c, v in
                guard let pixels = Int(v), pixels >= 10_000, pixels <= 200_000_000 else { return "a whole number of pixels from 10000 to 200000000" }
                c.scanner.maxPixels = pixels
                return nil
            }
        ),
        (
            "kiosk.language",
            { c, v in
                guard ["both", "vi", "en"].contains(v) else { return "both, vi or en" }
                c.kiosk.language = v
                return nil
            }
        ),
        (
            "kiosk.result_seconds",
            { c, v in
                guard let seconds = Int(v), seconds >= 2, seconds <= 120 else { return "a whole number of seconds from 2 to 120" }
                c.kiosk.resultSeconds = seconds
                return nil
            }
        ),
        (
            "kiosk.questions_file",
            { c, v in
                c.kiosk.questionsFile = v
                return nil
            }
        ),
        (
            "kiosk.sound",
            { c, v in
                guard let b = boolean(v) else { return "true or false" }
                c.kiosk.sound = b
                return nil
            }
        ),
        (
            "console.enabled",
            { c, v in
                guard let b = boolean(v) else { return "true or false" }
                c.console.enabled = b
                return nil
            }
        ),
        (
            "console.idle_minutes",
            { c, v in
                guard let minutes = Int(v), minutes >= 1, minutes <= 480 else { return "a whole number of minutes from 1 to 480" }
                c.console.idleMinutes = minutes
                return nil
            }
        ),
        (
            "storage.retention_days",
            { c, v in
                guard let days = Int(v), days >= 1, days <= 3650 else { return "a whole number of days from 1 to 3650" }
                c.storage.retentionDays = days
                return nil
            }
        ),
        (
            "storage.quota_mib",
            { c, v in
                guard let mib = Int(v), mib >= 16, mib <= 1_048_576 else { return "a whole number of MiB from 16 to 1048576" }
                c.storage.quotaMiB = mib
                return nil
            }
        ),
        (
            "trust.path",
            { c, v in
                guard !v.isEmpty else { return "a file or folder of signer certificates" }
                c.trust.path = v
                return nil
            }
        ),
        (
            "trust.rules_directory",
            { c, v in
                guard !v.isEmpty else { return "a folder of CertLogic rule files" }
                c.trust.rulesDirectory = v
                return nil
            }
        ),
        (
            "trust.demo_directory",
            { c, v in
                c.trust.demoDirectory = v
                return nil
            }
        ),
        (
            "admission.require_certificate",
            { c, v in
                guard let b = boolean(v) else { return "true or false" }
                c.admission.requireCertificate = b
                return nil
            }
        ),
        (
            "admission.require_declaration",
            { c, v in
                guard let b = boolean(v) else { return "true or false" }
                c.admission.requireDeclaration = b
                return nil
            }
        ),
        (
            "admission.declaration_max_age_hours",
            { c, v in
                guard let hours = Int(v), (1...720).contains(hours) else { return "a whole number of hours from 1 to 720" }
                c.admission.declarationMaxAgeHours = hours
                return nil
            }
        ),
        (
            "admission.residents_file",
            { c, v in
                c.admission.residentsFile = v
                return nil
            }
        ),
        (
            "admission.max_hours_outside",
            { c, v in
                guard let hours = Int(v), (1...720).contains(hours) else { return "a whole number of hours from 1 to 720" }
                c.admission.maxHoursOutside = hours
                return nil
            }
        ),
        (
            "receipts.validity_hours",
            { c, v in
                guard let hours = Int(v), (1...720).contains(hours) else { return "a whole number of hours from 1 to 720" }
                c.receipts.validityHours = hours
                return nil
            }
        ),
        (
            "receipts.directory",
            { c, v in
                c.receipts.directory = v
                return nil
            }
        ),
        (
            "receipts.printer",
            { c, v in
                guard v.isEmpty || v.hasPrefix("/") || v.contains(":") else { return "a device path such as /dev/usb/lp0, host:9100, or empty" }
                c.receipts.printer = v
                return nil
            }
        ),
        (
            "receipts.paper",
            { c, v in
                guard ["58mm", "80mm"].contains(v) else { return "58mm or 80mm" }
                c.receipts.paper = v
                return nil
            }
        ),
        (
            "shutdown.grace_seconds",
            { c, v in
                guard let seconds = Double(v), seconds >= 1, seconds <= 80 else {
                    return "a number of seconds from 1 to 80 (systemd's TimeoutStopSec is 90)"
                }
                c.shutdownGraceSeconds = seconds
                return nil
            }
        ),
    ]

    /// Environment variables and the key each one overrides.
    public static let environmentOverrides: [(variable: String, key: String)] = [
        ("QRGATE_STATE_DIR", "state_directory"),
        ("QRGATE_HTTP_ADDRESS", "http.address"),
        ("QRGATE_LOG_LEVEL", "logging.level"),
        ("QRGATE_GATE_ID", "gate.id"),
        ("QRGATE_SITE", "gate.site"),
        ("QRGATE_GATE_MODE", "gate.mode"),
        ("QRGATE_SCANNER_SOURCE", "scanner.source"),
        ("QRGATE_SCANNER_FOLDER", "scanner.folder"),
    ]

    /// Every key the file may contain, for documentation and `config check`.
    public static var knownKeys: [String] { keys.map(\.key) }

    private static let identifierRule = "1 to 64 characters of letters, digits, '.', '_' or '-'"

    private static func boolean(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    private static func identifier(_ value: String) -> String? {
        guard (1...64).contains(value.count),
            value.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) })
        else { return nil }
        return value
    }

    private static func choice<T: RawRepresentable & CaseIterable>(_ value: String, into field: inout T) -> String?
    where T.RawValue == String {
        guard let parsed = T(rawValue: value) else { return "one of " + T.allCases.map(\.rawValue).joined(separator: ", ") }
        field = parsed
        return nil
    }

    /// Parses `host:port`, `[v6]:port`; the port must be 0...65535.
    static func parseAddress(_ text: String) -> (String, Int)? {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            if host.contains(":") { return nil }
        }
        guard !host.isEmpty, let port = Int(portText), (0...65535).contains(port) else { return nil }
        return (String(host), port)
    }

    // MARK: - Sources

    private func apply(yaml: String, to configuration: inout GatewayConfiguration, problems: inout [ConfigurationProblem]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            problems.append(.init(key: "file", value: nil, allowed: "valid YAML (\(error))"))
            return
        }
        guard let root else { return }  // an empty file means all defaults
        guard let mapping = root.mapping else {
            problems.append(.init(key: "(top level)", value: root.string, allowed: "a mapping of sections", line: root.mark.map { $0.line }))
            return
        }
        var seen = Set<String>()
        flatten(mapping, prefix: "", into: &configuration, seen: &seen, problems: &problems)
    }

    private func flatten(
        _ mapping: Node.Mapping,
        prefix: String,
        into configuration: inout GatewayConfiguration,
        seen: inout Set<String>,
        problems: inout [ConfigurationProblem]
    ) {
        for (keyNode, valueNode) in mapping {
            let name = keyNode.string ?? "?"
            let key = prefix.isEmpty ? name : prefix + "." + name
            let line = keyNode.mark.map { $0.line }
            if let nested = valueNode.mapping {
                if Self.keys.contains(where: { $0.key.hasPrefix(key + ".") }) {
                    flatten(nested, prefix: key, into: &configuration, seen: &seen, problems: &problems)
                } else {
                    problems.append(unknown(key, line: line))
                }
                continue
            }
            guard let entry = Self.keys.first(where: { $0.key == key }) else {
                problems.append(unknown(key, line: line))
                continue
            }
            if !seen.insert(key).inserted {
                problems.append(.init(key: key, value: valueNode.string, allowed: "the key only once", line: line))
                continue
            }
            guard let value = valueNode.scalar?.string else {
                problems.append(.init(key: key, value: nil, allowed: "a single value, not a list", line: line))
                continue
            }
            if let allowed = entry.set(&configuration, value) {
                problems.append(.init(key: key, value: value, allowed: allowed, line: line))
            }
        }
    }

    private func unknown(_ key: String, line: Int?) -> ConfigurationProblem {
        let suggestions = Self.keys.map(\.key).filter { $0.hasPrefix(key.split(separator: ".").first.map(String.init) ?? key) }
        let allowed = suggestions.isEmpty ? Self.keys.map(\.key).joined(separator: ", ") : suggestions.joined(separator: ", ")
        // A key may be empty (`: x`, or a bare anchor `&a:`): name it so the operator can find it.
        let shown = key.split(separator: ".", omittingEmptySubsequences: false).map { $0.isEmpty ? "(empty key)" : String($0) }.joined(separator: ".")
        return .init(key: shown, value: nil, allowed: "a known key (\(allowed))", line: line)
    }

    private func applyEnvironment(to configuration: inout GatewayConfiguration, problems: inout [ConfigurationProblem]) {
        // systemd's StateDirectory= comes first so that an explicit QRGATE_STATE_DIR still wins.
        if let stateDirectory = environment["STATE_DIRECTORY"]?.split(separator: ":").first {
            configuration.stateDirectory = String(stateDirectory)
        }
        for (variable, key) in Self.environmentOverrides {
            guard let value = environment[variable] else { continue }
            guard let entry = Self.keys.first(where: { $0.key == key }) else { continue }
            if let allowed = entry.set(&configuration, value) {
                problems.append(.init(key: variable, value: value, allowed: allowed))
            }
        }
    }

    private func validateCombination(_ configuration: GatewayConfiguration, problems: inout [ConfigurationProblem]) {
        Self.validateCentral(configuration, problems: &problems)
        if configuration.http.tlsCertificate.isEmpty != configuration.http.tlsKey.isEmpty {
            problems.append(
                .init(
                    key: configuration.http.tlsKey.isEmpty ? "http.tls_key" : "http.tls_certificate", value: nil,
                    allowed: "http.tls_certificate and http.tls_key together (PEM files), or neither"))
        }
        for (key, file) in [("http.tls_certificate", configuration.http.tlsCertificate), ("http.tls_key", configuration.http.tlsKey)]
        where !file.isEmpty && !FileManager.default.isReadableFile(atPath: configuration.statePath(file)) {
            problems.append(.init(key: key, value: file, allowed: "a readable PEM file (relative paths are under the state directory)"))
        }
        if !configuration.http.usesTLS && !LoopbackAddress.contains(configuration.http.host) {
            problems.append(
                .init(
                    key: "http.address",
                    value: "\(configuration.http.host):\(configuration.http.port)",
                    allowed:
                        "a loopback address (127.0.0.0/8 or ::1, written as an address, not a name), or set http.tls_certificate and http.tls_key: plain HTTP is only allowed on loopback"
                )
            )
        }
    }
}
