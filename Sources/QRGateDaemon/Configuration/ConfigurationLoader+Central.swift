import Foundation

extension ConfigurationLoader {
    /// The keys of the `central:` section.
    static let centralKeys: [(key: String, set: @Sendable (inout GatewayConfiguration, String) -> String?)] = [
        (
            "central.url",
            { c, v in
                guard let url = URL(string: v), let scheme = url.scheme, ["https", "http"].contains(scheme), url.host != nil else {
                    return "an https:// URL of the central service (http:// only on loopback)"
                }
                c.central.url = v
                return nil
            }
        ),
        ("central.token_file", { c, v in path(v) { c.central.tokenFile = $0 } }),
        ("central.ca_file", { c, v in path(v) { c.central.caFile = $0 } }),
        ("central.client_certificate_file", { c, v in path(v) { c.central.clientCertificateFile = $0 } }),
        ("central.client_key_file", { c, v in path(v) { c.central.clientKeyFile = $0 } }),
        ("central.signing_key_file", { c, v in path(v) { c.central.signingKeyFile = $0 } }),
        (
            "central.batch_max_records",
            { c, v in
                guard let n = Int(v), (1...10_000).contains(n) else { return "a whole number from 1 to 10000" }
                c.central.batchMaxRecords = n
                return nil
            }
        ),
        (
            "central.batch_max_bytes",
            { c, v in
                guard let n = Int(v), (4096...16_777_216).contains(n) else { return "a whole number of bytes from 4096 to 16777216" }
                c.central.batchMaxBytes = n
                return nil
            }
        ),
        (
            "central.gzip_requests",
            { c, v in
                switch v.lowercased() {
                case "true", "yes", "on": c.central.gzipRequests = true
                case "false", "no", "off": c.central.gzipRequests = false
                default: return "true or false"
                }
                return nil
            }
        ),
        ("central.linger_seconds", { c, v in seconds(v, 0...300) { c.central.lingerSeconds = $0 } }),
        ("central.request_timeout_seconds", { c, v in seconds(v, 1...300) { c.central.requestTimeoutSeconds = $0 } }),
        ("central.max_backoff_seconds", { c, v in seconds(v, 1...3600) { c.central.maxBackoffSeconds = $0 } }),
        ("central.sync_interval_seconds", { c, v in seconds(v, 60...86_400) { c.central.syncIntervalSeconds = $0 } }),
        (
            "central.trust_list_max_age_hours",
            { c, v in
                guard let hours = Double(v), hours >= 1, hours <= 8760 else { return "a number of hours from 1 to 8760" }
                c.central.trustListMaxAgeHours = hours
                return nil
            }
        ),
        (
            "central.revocation_max_age_hours",
            { c, v in
                guard let hours = Double(v), hours >= 1, hours <= 8760 else { return "a number of hours from 1 to 8760" }
                c.central.revocationMaxAgeHours = hours
                return nil
            }
        ),
        (
            "central.revocation_when_stale",
            { c, v in
                guard ["refuse", "warn"].contains(v) else { return "refuse or warn" }
                c.central.revocationWhenStale = v
                return nil
            }
        ),
    ]

    private static func path(_ value: String, _ set: (String) -> Void) -> String? {
        guard !value.isEmpty else { return "a file path" }
        set(value)
        return nil
    }

    private static func seconds(_ value: String, _ range: ClosedRange<Double>, _ set: (Double) -> Void) -> String? {
        guard let seconds = Double(value), range.contains(seconds) else {
            return "a number of seconds from \(Int(range.lowerBound)) to \(Int(range.upperBound))"
        }
        set(seconds)
        return nil
    }

    /// Problems between `central.*` keys.
    static func validateCentral(_ configuration: GatewayConfiguration, problems: inout [ConfigurationProblem]) {
        let central = configuration.central
        if (central.clientCertificateFile == nil) != (central.clientKeyFile == nil) {
            problems.append(
                .init(
                    key: "central.client_certificate_file",
                    value: central.clientCertificateFile ?? central.clientKeyFile,
                    allowed: "central.client_certificate_file and central.client_key_file together, or neither"
                )
            )
        }
        // The receipt signing key lives at gate-key.pem in the state directory; a client key of
        // the same name would make the two one key (or overwrite one with the other).
        if let clientKey = central.clientKeyFile,
            URL(fileURLWithPath: configuration.statePath(clientKey)).standardizedFileURL.path
                == URL(fileURLWithPath: configuration.statePath("gate-key.pem")).standardizedFileURL.path
        {
            problems.append(
                .init(
                    key: "central.client_key_file", value: clientKey,
                    allowed: "a file other than gate-key.pem, which is the gate's receipt signing key (e.g. central-client-key.pem)"))
        }
        if let url = central.url, url.hasPrefix("http://"), !(URL(string: url)?.host.map(LoopbackAddress.contains) ?? false) {
            problems.append(
                .init(
                    key: "central.url", value: url,
                    allowed: "an https:// URL: plain http:// is only allowed on a loopback address (127.0.0.0/8 or ::1)"))
        }
    }
}
