import AsyncHTTPClient
import Foundation
import Logging
import QRGateStore
import ServiceLifecycle

/// The forwarder with its own HTTP client (TLS per ``CentralEndpoint``), as one `Service`
/// for the daemon's `ServiceGroup`. The client lives exactly as long as `run()`.
public struct ForwarderService: Service, CustomStringConvertible {
    /// Where to send.
    public var endpoint: CentralEndpoint
    /// The outbox.
    public var store: CheckInStore
    /// Batch and backoff limits.
    public var configuration: Forwarder.Configuration
    /// Status and metrics.
    public var monitor: ForwarderMonitor
    /// Logger.
    public var logger: Logger

    /// Creates the service.
    public init(endpoint: CentralEndpoint, store: CheckInStore, configuration: Forwarder.Configuration, monitor: ForwarderMonitor, logger: Logger) {
        self.endpoint = endpoint
        self.store = store
        self.configuration = configuration
        self.monitor = monitor
        self.logger = logger
    }

    /// Short, for lifecycle logs.
    public var description: String { "Forwarder" }

    /// Runs the forwarder until shutdown.
    public func run() async throws {
        let clientConfiguration = try endpoint.clientConfiguration()
        try await HTTPClient.withHTTPClient(configuration: clientConfiguration) { client in
            let forwarder = Forwarder(
                store: store,
                transport: HTTPBatchTransport(client: client, endpoint: endpoint),
                configuration: configuration,
                monitor: monitor,
                logger: logger
            )
            try await forwarder.run()
        }
    }
}
