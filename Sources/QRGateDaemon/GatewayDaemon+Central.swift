import Foundation
import Logging
import QRGateCheckIn
import QRGateForwarder
import QRGateStore
import ServiceLifecycle

/// The daemon's link to the central tracing service: the forwarder and sync services (none
/// when `central.url` is absent), the status monitor, and the trust-list freshness the scan
/// pipeline consults (`isTrustListStale(now:)`).
struct CentralLink {
    /// Services for the group, in start order.
    var services: [any Service]
    /// Outbox and sync figures (also feeds the status board).
    var monitor: ForwarderMonitor
    /// Trust-list staleness, shared with the pipeline.
    var freshness: TrustListFreshness

    /// Builds the link from the `central:` section. Throws `CentralLinkError` for unreadable files.
    static func make(
        configuration: GatewayConfiguration,
        database: GateDatabase,
        status: GatewayStatusBoard,
        logger: Logger,
        verification: VerificationData? = nil,
        version: String = "unknown"
    ) throws -> CentralLink {
        let central = configuration.central
        let monitor = ForwarderMonitor { snapshot in
            status.setOutboxDepth(snapshot.outboxDepth)
            if let last = snapshot.lastSuccess { status.recordForward(at: last) }
            status.setCentralAlarm(
                snapshot.authAlarm ?? (snapshot.storeAlarm != nil ? "forwarder store failing" : nil)
                    ?? (snapshot.trustListStale ? "trust list stale" : nil))
            status.setForwardingDetail(
                oldestUnsentSeconds: snapshot.oldestUnsentAgeSeconds, deadLetters: snapshot.deadLetters, retriesByClass: snapshot.retriesByClass)
        }
        let freshness = TrustListFreshness(maxAge: central.trustListMaxAgeHours * 3600)
        guard let url = central.url else {
            logger.notice("forwarding disabled: central.url is not set")
            return CentralLink(services: [], monitor: monitor, freshness: freshness)
        }
        var endpoint = CentralEndpoint(baseURL: url, gateID: configuration.gate.id)
        endpoint.bearerToken = try central.tokenFile.map { try CentralEndpoint.readToken(file: configuration.statePath($0)) }
        endpoint.caFile = central.caFile.map(configuration.statePath)
        endpoint.clientCertificateFile = central.clientCertificateFile.map(configuration.statePath)
        endpoint.clientKeyFile = central.clientKeyFile.map(configuration.statePath)
        endpoint.requestTimeout = .milliseconds(Int64(central.requestTimeoutSeconds * 1000))
        endpoint.gzipRequests = central.gzipRequests

        var forwarding = Forwarder.Configuration(gateID: configuration.gate.id)
        forwarding.machine.maxRecords = central.batchMaxRecords
        forwarding.machine.maxBackoff = .milliseconds(Int64(central.maxBackoffSeconds * 1000))
        forwarding.maxBatchBytes = central.batchMaxBytes
        forwarding.linger = .milliseconds(Int64(central.lingerSeconds * 1000))
        forwarding.deadLetterRetentionDays = configuration.storage.retentionDays
        var services: [any Service] = [
            ForwarderService(endpoint: endpoint, store: CheckInStore(database: database), configuration: forwarding, monitor: monitor, logger: logger)
        ]
        // The gate's own figures for the central fleet view, on their own schedule.
        services.append(
            GateStatusReporter(
                endpoint: endpoint, monitor: monitor, stateStore: SyncStateStore(database: database), version: version,
                interval: .seconds(min(central.syncIntervalSeconds, 300)), logger: logger))
        if let keyFile = central.signingKeyFile {
            let sync = CentralSync(
                endpoint: endpoint,
                resources: SyncResource.standard(
                    prepareTrustList: { envelope in try verification?.prepare(.trustList, data: envelope.payload) ?? {} },
                    prepareRuleSets: { envelope in try verification?.prepare(.ruleSets, data: envelope.payload) ?? {} },
                    prepareValueSets: { envelope in try verification?.prepare(.valueSets, data: envelope.payload) ?? {} },
                    prepareRevocationList: { envelope in
                        try verification?.prepareRevocationList(envelope.payload, version: envelope.version, issuedAt: envelope.issuedAt) ?? {}
                    },
                    prepareCredentialTrust: { envelope in try verification?.prepare(.credentialTrust, data: envelope.payload) ?? {} }),
                verifier: try ResourceVerifier(pemFile: configuration.statePath(keyFile)),
                stateStore: SyncStateStore(database: database),
                directory: configuration.statePath("central"),
                freshness: freshness,
                logger: logger
            )
            services.append(CentralSyncService(sync: sync, interval: .milliseconds(Int64(central.syncIntervalSeconds * 1000)), monitor: monitor))
        } else {
            logger.warning("central sync disabled: central.signing_key_file is not set, and unverified lists are never used")
        }
        return CentralLink(services: services, monitor: monitor, freshness: freshness)
    }
}
