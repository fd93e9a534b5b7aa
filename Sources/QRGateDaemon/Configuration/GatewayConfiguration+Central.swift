extension GatewayConfiguration {
    /// The link to the central tracing service (`central:` section). Forwarding and sync are
    /// off while `url` is nil.
    public struct Central: Sendable, Equatable {
        /// Base URL of the central service (`central.url`); https, or http on loopback only.
        public var url: String?
        /// File holding the gate's bearer token (`central.token_file`).
        public var tokenFile: String?
        /// PEM CA bundle to trust instead of the system store (`central.ca_file`).
        public var caFile: String?
        /// PEM client certificate for mutual TLS (`central.client_certificate_file`).
        public var clientCertificateFile: String?
        /// PEM private key of the client certificate (`central.client_key_file`).
        public var clientKeyFile: String?
        /// PEM P-256 public key that signs trust lists, rules and value sets (`central.signing_key_file`);
        /// without it the sync is off (nothing unverified is ever used).
        public var signingKeyFile: String?
        /// Most records per request (`central.batch_max_records`).
        public var batchMaxRecords = 500
        /// Largest request body in bytes (`central.batch_max_bytes`).
        public var batchMaxBytes = 1 << 20
        /// Seconds a batch that is not full waits for more records (`central.linger_seconds`).
        public var lingerSeconds = 2.0
        /// Deadline of one request in seconds (`central.request_timeout_seconds`).
        public var requestTimeoutSeconds = 30.0
        /// Largest backoff between retries in seconds (`central.max_backoff_seconds`).
        public var maxBackoffSeconds = 300.0
        /// Seconds between two syncs (`central.sync_interval_seconds`).
        public var syncIntervalSeconds = 900.0
        /// Hours after which the trust list is stale (`central.trust_list_max_age_hours`).
        public var trustListMaxAgeHours = 72.0
        /// Hours after which the EU DCC revocation list is stale (`central.revocation_max_age_hours`).
        public var revocationMaxAgeHours = 72.0
        /// What a stale revocation list does (`central.revocation_when_stale`: `refuse` or `warn`).
        public var revocationWhenStale = "refuse"
        /// Send batch bodies gzip-compressed (`central.gzip_requests`).
        public var gzipRequests = false
        /// The defaults (forwarding off).
        public init() {}
    }
}
