import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import QRGateCheckIn
import QRGateCore
import QRGateForwarder
import QRGateImaging
import QRGateScanner
import QRGateServer
import QRGateStore
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The composition root of `qrgate run`: opens the store, starts the local API and the
/// watchdog in one `ServiceGroup` that stops on SIGTERM/SIGINT, and talks to systemd.
public struct GatewayDaemon: Sendable {
    /// The validated configuration.
    public var configuration: GatewayConfiguration
    /// Process environment (systemd variables).
    public var environment: [String: String]
    /// Time.
    public var clock: any GateClock
    /// The gate's version, as its status reports to the central service name it.
    public var version = "unknown"

    /// Creates the daemon.
    public init(
        configuration: GatewayConfiguration,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        clock: any GateClock = SystemGateClock()
    ) {
        self.configuration = configuration
        self.environment = environment
        self.clock = clock
    }

    /// Runs until a graceful shutdown completes. Throws `StoreError` when the database cannot be used.
    public func run(logger: Logger) async throws {
        let notifier = SystemdNotifier(environment: environment)
        let health = ServiceHealth()
        let status = GatewayStatusBoard()

        try FileManager.default.createDirectory(atPath: configuration.stateDirectory, withIntermediateDirectories: true)
        let databasePath = configuration.statePath("qrgate.sqlite")
        let database = try GateDatabase(
            path: databasePath, quotaBytes: Int64(configuration.storage.quotaMiB) << 20, ballastBytes: 8 << 20)
        logger.info("database open", metadata: ["store.path": .string(databasePath)])

        let trustPath = configuration.statePath(configuration.trust.path)
        let demo = try configuration.demo()
        let verification = try VerificationData.load(
            trustPath: trustPath, rulesDirectory: configuration.trust.rulesDirectory, syncedDirectory: configuration.statePath("central"),
            country: configuration.gate.country, logger: logger, extraTrustPaths: demo.map { [$0.trustDirectory] } ?? [],
            revocationPolicy: VerificationData.RevocationPolicy(
                staleAfter: configuration.central.revocationMaxAgeHours * 3600,
                whenStale: DCCRevocationState.WhenStale(rawValue: configuration.central.revocationWhenStale) ?? .refuse))
        let snapshot = verification.current
        let demoMode = demo != nil || GateDemo.trustsDemo(snapshot.trust)
        if demoMode {
            logger.warning(
                "DEMO: this gate trusts the demo signer, whose key is public; its decisions prove nothing. Never in production.",
                metadata: ["trust.demo_directory": .string(configuration.trust.demoDirectory)])
        }
        if snapshot.trust.entries.isEmpty {
            logger.warning("no trust list: no certificate can verify until one is installed", metadata: ["trust.path": .string(trustPath)])
        }
        if let version = snapshot.rules?.ruleSet.version {
            logger.info("rule set loaded", metadata: ["rules.version": .string(version)])
        } else {
            logger.warning(
                "no rule set loaded: certificates are refused with rules_unavailable",
                metadata: ["rules.directory": .string(configuration.trust.rulesDirectory)])
        }
        let keys = try GateKeys.load(
            stateDirectory: configuration.stateDirectory, gate: configuration.gate.id, site: configuration.gate.site, environment: environment,
            declarationKeyFolders: demo.map { [$0.declarationKeysDirectory] } ?? [])
        var store = CheckInStore(database: database, personalKeys: keys.personalKeys)
        store.logger = logger
        logger.info(
            "receipt key ready",
            metadata: ["receipts.key_source": .string(keys.source), "receipts.site_keys": .stringConvertible(keys.keyring.count)])
        let central = try CentralLink.make(
            configuration: configuration, database: database, status: status, logger: logger, verification: verification, version: version)
        let policy = try AdmissionPolicy(configuration: configuration)
        var pipeline = CheckInPipeline(
            configuration: configuration.checkIn,
            assessor: CredentialAssessor(
                trust: snapshot.trust, rules: snapshot.rules, country: configuration.gate.country, site: configuration.gate.site,
                keyring: keys.keyring, declarationKeyring: keys.declarationKeyring, personalKeys: keys.personalKeys),
            policy: policy,
            store: store,
            keys: keys,
            clock: clock,
            logger: logger
        )
        pipeline.verification = verification
        let receipts = ReceiptDelivery(configuration: configuration.receiptDelivery, logger: logger)
        pipeline.receipts = receipts
        if configuration.central.url != nil && configuration.central.signingKeyFile != nil {
            let freshness = central.freshness
            pipeline.trustListStale = { freshness.isTrustListStale(now: $0) }
        }
        let intake = ScanIntake(pipeline: pipeline, scanned: { status.recordScan() })
        let outcomeLog = OutcomeLogService(outcomes: intake.outcomes.subscribe(), logger: logger)

        let readyOnce = Mutex(false)
        let metrics = GateMetrics()
        metrics.bootstrapMetricsSystem()
        var apiConfiguration = SupervisorAPIConfiguration()
        apiConfiguration.site = configuration.gate.site
        apiConfiguration.quotaBytes = Int64(configuration.storage.quotaMiB) << 20
        apiConfiguration.configurationJSON = configuration.operatorSummaryJSON
        apiConfiguration.personalKeys = keys.personalKeys
        apiConfiguration.metricsRequireToken = configuration.http.metricsNeedToken
        apiConfiguration.residents = policy.residents.values.sorted { $0.idNumber < $1.idNumber }
        apiConfiguration.maxHoursOutside = policy.maxHoursOutside
        if configuration.console.enabled {
            var console = ConsoleConfiguration()
            console.servesTLS = configuration.http.usesTLS
            console.sessions.idleTimeout = .seconds(configuration.console.idleMinutes * 60)
            apiConfiguration.console = console
        }
        let freshness = central.freshness
        let verificationClock = clock
        let trustListStaleNow = pipeline.trustListStale
        apiConfiguration.verificationStatus = {
            let snapshot = verification.current
            let issued = freshness.issuedAt
            let now = verificationClock.wallTime()
            var fields = [
                "\"signers\":\(snapshot.trust.entries.count)",
                "\"rule_set_version\":" + (snapshot.rules.map { JSONValue.string($0.ruleSet.version).serialized() } ?? "null"),
                "\"value_sets\":" + JSONValue.string(snapshot.valueSetsOrigin).serialized(),
                "\"trust_list_issued_at\":" + (issued.map { JSONValue.string($0.formatted(.iso8601)).serialized() } ?? "null"),
                "\"trust_list_age_seconds\":" + (issued.map { String(Int(now.timeIntervalSince($0))) } ?? "null"),
            ]
            fields.append("\"trust_list_stale\":\(trustListStaleNow(now))")
            let revocation = snapshot.trust.revocation
            fields.append("\"revocation_list_version\":" + (revocation.map { String($0.version) } ?? "null"))
            fields.append("\"revocation_entries\":" + (revocation.map { String($0.index.count) } ?? "null"))
            fields.append(
                "\"revocation_list_issued_at\":" + (revocation.map { JSONValue.string($0.issuedAt.formatted(.iso8601)).serialized() } ?? "null"))
            fields.append("\"revocation_list_stale\":\(revocation?.isStale(at: now) ?? false)")
            fields.append("\"revocation_status\":" + (verification.revocationStatus.map { JSONValue.string($0).serialized() } ?? "null"))
            return "{" + fields.joined(separator: ",") + "}"
        }
        var tls: TLSConfiguration?
        if configuration.http.usesTLS {
            let chain = try NIOSSLCertificate.fromPEMFile(configuration.statePath(configuration.http.tlsCertificate)).map {
                NIOSSLCertificateSource.certificate($0)
            }
            let key = try NIOSSLPrivateKey(file: configuration.statePath(configuration.http.tlsKey), format: .pem)
            tls = .localAPI(certificateChain: chain, privateKey: .privateKey(key))
            logger.info("local API serves TLS")
        }
        let connections = LocalAPIConnections(maximum: configuration.http.maxConnections, logger: logger)
        let server = HTTPServerBuilder.localAPI(
            connections: connections, idleTimeout: .milliseconds(Int64(configuration.http.idleTimeoutSeconds * 1000)), tls: tls)
        var readerLimits = ImageReader.Configuration()
        readerLimits.maxPixels = configuration.scanner.maxPixels
        let imageQueue = ImageWorkQueue()
        let imageScan = KioskImageScan(reader: readerLimits, queue: imageQueue)
        apiConfiguration.kioskScan = { request in
            var texts = request.texts
            if let image = request.image {
                texts += try await imageScan.texts(in: image)
            }
            // The kiosk goes the way every scan goes: de-dup, scan count, pipeline. A repeat within
            // the window answers with the first scan's outcome (same check-in id), never a second record.
            switch await intake.submit(texts, origin: "api", declaration: request.declaration) {
            case .processed(let outcome), .duplicate(previous: let outcome?):
                return KioskScanAnswer(json: outcome.json().serialized())
            case .waiting(let progress):
                return KioskScanAnswer(json: progress.json().serialized(), waiting: true)
            case .duplicate(previous: nil):
                // Seen within the window, but its outcome is no longer remembered (over a thousand
                // other codes since): the decision was shown; a retry after the window is a new scan.
                let seconds = max(1, Int(configuration.scanner.dedupSeconds.rounded(.up)))
                throw SupervisorAPIError(
                    .busy, status: .serviceUnavailable,
                    message: "this code was scanned moments ago and its decision shown; send it again in \(seconds) s",
                    headers: [.retryAfter: String(seconds)])
            }
        }
        let trustListStale = pipeline.trustListStale
        let readinessClock = clock
        let readiness: SupervisorAPI.Readiness = {
            var reasons: [String] = []
            if status.storeAtQuota { reasons.append("store_at_quota") }
            if trustListStale(readinessClock.wallTime()) { reasons.append("trust_list_stale") }
            if verification.current.rules == nil { reasons.append("no_rule_set") }
            if status.intakeAlarm != nil { reasons.append("intake_failing") }
            return ReadinessReport(reasons: reasons, summary: status.summary())
        }
        apiConfiguration.kiosk = .gate(
            outcomes: intake.outcomes, configuration: configuration, questions: try configuration.declarationQuestions(logger: logger),
            declare: apiConfiguration.kioskScan, readiness: readiness, demo: demoMode,
            hold: { await intake.holdPresentation(for: .seconds(90))?.secondsLeft })
        let api = SupervisorAPI(database: database, configuration: apiConfiguration, metrics: metrics, readiness: readiness)
        let application = Application(
            router: api.router(),
            server: server,
            configuration: .init(address: .hostname(configuration.http.host, port: configuration.http.port), serverName: "qrgate"),
            onServerRunning: { channel in
                let address = channel.localAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "?"
                status.setListening(address)
                logger.info("local API listening", metadata: ["http.address": .string(address)])
                let scheme = configuration.http.usesTLS ? "https" : "http"
                let host = channel.localAddress?.ipAddress.map { $0.contains(":") ? "[\($0)]" : $0 } ?? "?"
                let base = "\(scheme)://\(host):\(channel.localAddress?.port ?? 0)"
                logger.notice("kiosk screen at \(base)/kiosk; supervisor console at \(base)/console")
                // The database is open and the API listens: tell systemd we are ready.
                let first = readyOnce.withLock { wasReady in
                    defer { wasReady = true }
                    return !wasReady
                }
                if first { notifier.notify("READY=1\nSTATUS=" + status.summary()) }
            },
            logger: logger
        )

        let storeProbe = StoreProbeService(database: database, store: store, health: health, status: status, logger: logger)
        var signals = IntakeSignals()
        signals.beat = { health.beat("intake") }
        signals.alarm = { status.setIntakeAlarm($0) }
        signals.started = { health.register("intake", allowance: .seconds(30)) }
        signals.stopped = { health.unregister("intake") }
        let intakeService = IntakeService(
            source: configuration.intakeSource, maxPixels: configuration.scanner.maxPixels, intake: intake, signals: signals, logger: logger)
        var retention = RetentionService(store: store, retentionDays: configuration.storage.retentionDays, clock: clock, logger: logger)
        retention.files = RetentionFilePurger(configuration: configuration, databasePath: databasePath)
        let watchdog = WatchdogService(notifier: notifier, health: health, status: status, logger: logger)
        let announcer = ShutdownAnnouncer(notifier: notifier, logger: logger)

        // Reverse order on shutdown: the announcer tells systemd first, then intake stops (no new
        // check-ins), then the API, the central sync and the forwarder, the receipts in hand are
        // delivered, the outcome log ends, retention, the store probe and the watchdog last.
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: watchdog),
                    .init(service: storeProbe),
                    .init(service: retention),
                    .init(service: outcomeLog),
                    .init(service: receipts),
                ] + central.services.map { .init(service: $0) } + [
                    .init(service: application),
                    .init(service: intakeService),
                    .init(service: announcer),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                cancellationSignals: [],
                logger: logger
            ).withGrace(seconds: configuration.shutdownGraceSeconds)
        )
        do {
            try await group.run()
        } catch {
            await imageQueue.shutdown()
            throw error
        }
        await imageQueue.shutdown()
        logger.info("stopped")
    }
}

extension GatewayConfiguration {
    /// The settings an operator may read through `GET /v1/configuration` (no secrets).
    var operatorSummaryJSON: String {
        let summary: JSONValue = [
            "gate": ["id": .string(gate.id), "site": .string(gate.site), "country": .string(gate.country), "mode": .string(gate.mode.rawValue)],
            "http": ["host": .string(http.host), "port": .number(Double(http.port))],
            "storage": ["retention_days": .number(Double(storage.retentionDays)), "quota_mib": .number(Double(storage.quotaMiB))],
            "scanner": ["source": .string(scanner.source.rawValue)], "log_level": .string(logLevel),
        ]
        return summary.serialized()
    }
}

extension ServiceGroupConfiguration {
    fileprivate func withGrace(seconds: Double) -> Self {
        var copy = self
        copy.maximumGracefulShutdownDuration = .milliseconds(Int64(seconds * 1000))
        return copy
    }
}

/// Probes the database writer on a fixed beat and reports liveness: a stuck writer (a
/// lock never released, a hung disk) stops the beats, and so the watchdog pings.
struct StoreProbeService: Service, CustomStringConvertible {
    let database: GateDatabase
    let store: CheckInStore
    let health: ServiceHealth
    let status: GatewayStatusBoard
    let logger: Logger
    var interval: Duration = .seconds(2)

    var description: String { "StoreProbe" }

    func run() async throws {
        health.register("store", allowance: interval * 5)
        defer { health.unregister("store") }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await database.ping()
                status.setOutboxDepth(try await store.outboxDepth())
                if let limit = database.checkInPageLimit {
                    status.setStoreAtQuota(try await database.pageUsage().used >= limit)
                }
                health.beat("store")
            } catch {
                logger.error("database probe failed", metadata: ["error": .string("\(error)")])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
