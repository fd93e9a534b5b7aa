import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import QRGateCore
import QRGateStore
import ServiceLifecycle

/// What a gate tells the central service about itself (`POST /v1/gates/{gateId}/status`), so
/// the fleet view can flag gates that fall silent or behind: its version, the outbox and dead
/// letters, and the signed versions and issue times of its synced lists.
public enum GateStatusReport {
    /// The report as JSON.
    public static func encode(version: String, status: ForwarderStatus, synced: [String: SyncState], now: Date) -> [UInt8] {
        var out = JSONWriter(capacity: 512)
        out.raw("{\"version\":")
        out.string(version)
        out.raw(",\"reported_at\":")
        out.string(now.formatted(.iso8601))
        out.raw(",\"outbox_depth\":")
        out.number(Int64(status.outboxDepth))
        out.raw(",\"oldest_unsent_age_seconds\":")
        if let age = status.oldestUnsentAgeSeconds { out.number(age) } else { out.null() }
        out.raw(",\"dead_letters\":")
        out.number(Int64(status.deadLetters))
        out.raw(",\"last_success\":")
        out.string(status.lastSuccess?.formatted(.iso8601))
        out.raw(",\"alarm\":")
        out.string(status.authAlarm ?? status.storeAlarm ?? (status.trustListStale ? "trust list stale" : nil))
        for (resource, key) in [("trust-list", "trust_list"), ("rule-sets", "rule_sets"), ("value-sets", "value_sets")] {
            let state = synced[resource]
            out.raw(",\"")
            out.json(Array(key.utf8))
            out.raw("_version\":")
            if let version = state?.signedVersion { out.number(version) } else { out.null() }
            out.raw(",\"")
            out.json(Array(key.utf8))
            out.raw("_issued_at\":")
            out.string(state?.issuedAtMilliseconds.map { Date(timeIntervalSince1970: Double($0) / 1000).formatted(.iso8601) })
        }
        out.raw("}")
        return out.bytes
    }
}

/// Sends the gate's status report to the central service on its own schedule (at start, then
/// every `interval`). A report that fails is simply sent again next time; it never touches
/// the outbox or the forwarder.
public struct GateStatusReporter: Service, CustomStringConvertible {
    /// Where to send.
    public var endpoint: CentralEndpoint
    /// The forwarder's figures.
    public var monitor: ForwarderMonitor
    /// The synced lists' state.
    public var stateStore: SyncStateStore
    /// The gate's version.
    public var version: String
    /// Time between two reports.
    public var interval: Duration
    /// Logger.
    public var logger: Logger

    /// Creates the reporter.
    public init(endpoint: CentralEndpoint, monitor: ForwarderMonitor, stateStore: SyncStateStore, version: String, interval: Duration, logger: Logger)
    {
        self.endpoint = endpoint
        self.monitor = monitor
        self.stateStore = stateStore
        self.version = version
        self.interval = interval
        self.logger = logger
    }

    /// Short, for lifecycle logs.
    public var description: String { "GateStatusReporter" }

    /// Reports until shutdown.
    public func run() async throws {
        try await HTTPClient.withHTTPClient(configuration: try endpoint.clientConfiguration()) { client in
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                await report(client: client)
                guard await ContinuousClock().pauseUnlessStopping(for: interval) else { return }
            }
        }
    }

    /// Sends one report; returns the HTTP status (nil when the service could not be reached).
    @discardableResult
    public func report(client: HTTPClient) async -> Int? {
        var synced: [String: SyncState] = [:]
        for resource in ["trust-list", "rule-sets", "value-sets"] {
            if let state = try? await stateStore.state(of: resource) { synced[resource] = state }
        }
        var request = HTTPClientRequest(url: endpoint.url("/v1/gates/\(endpoint.gateID)/status"))
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let token = endpoint.bearerToken { request.headers.add(name: "Authorization", value: "Bearer " + token) }
        request.body = .bytes(ByteBuffer(bytes: GateStatusReport.encode(version: version, status: monitor.snapshot, synced: synced, now: Date())))
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(endpoint.requestTimeout.nanoseconds))
            _ = try? await response.body.collect(upTo: 64 << 10)
            let status = Int(response.status.code)
            if !(200..<300).contains(status) { logger.debug("status report refused", metadata: ["http.status": "\(status)"]) }
            return status
        } catch {
            logger.debug("status report not delivered", metadata: ["error": .string("\(error)")])
            return nil
        }
    }
}
