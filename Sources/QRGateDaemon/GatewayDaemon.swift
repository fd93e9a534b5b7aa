import Foundation
import Hummingbird
import Logging
import NIOCore
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

    /// Creates the daemon.
    public init(configuration: GatewayConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.configuration = configuration
        self.environment = environment
    }

    /// Runs until a graceful shutdown completes. Throws `StoreError` when the database cannot be used.
    public func run(logger: Logger) async throws {
        let notifier = SystemdNotifier(environment: environment)
        let health = ServiceHealth()
        let status = GatewayStatusBoard()

        try FileManager.default.createDirectory(atPath: configuration.stateDirectory, withIntermediateDirectories: true)
        let databasePath = configuration.statePath("qrgate.sqlite")
        let database = try GateDatabase(path: databasePath)
        logger.info("database open", metadata: ["store.path": .string(databasePath)])

        let readyOnce = Mutex(false)
        let api = LocalAPI(readiness: { (true, status.summary()) })
        let application = Application(
            router: api.router(),
            configuration: .init(address: .hostname(configuration.http.host, port: configuration.http.port), serverName: "qrgate"),
            onServerRunning: { channel in
                let address = channel.localAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "?"
                status.setListening(address)
                logger.info("local API listening", metadata: ["http.address": .string(address)])
                // The database is open and the API listens: tell systemd we are ready.
                let first = readyOnce.withLock { wasReady in
                    defer { wasReady = true }
                    return !wasReady
                }
                if first { notifier.notify("READY=1\nSTATUS=" + status.summary()) }
            },
            logger: logger
        )

        let storeProbe = StoreProbeService(database: database, health: health, logger: logger)
        let watchdog = WatchdogService(notifier: notifier, health: health, status: status, logger: logger)
        let announcer = ShutdownAnnouncer(notifier: notifier, logger: logger)
        let central = try CentralLink.make(configuration: configuration, database: database, status: status, logger: logger)

        // Reverse order on shutdown: the announcer tells systemd first, then the API stops,
        // then the central sync and the forwarder, the store probe and the watchdog last.
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: watchdog),
                    .init(service: storeProbe),
                ] + central.services.map { .init(service: $0) } + [
                    .init(service: application),
                    .init(service: announcer),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                cancellationSignals: [],
                logger: logger
            ).withGrace(seconds: configuration.shutdownGraceSeconds)
        )
        try await group.run()
        logger.info("stopped")
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
    let health: ServiceHealth
    let logger: Logger
    var interval: Duration = .seconds(2)

    var description: String { "StoreProbe" }

    func run() async throws {
        health.register("store", allowance: interval * 5)
        defer { health.unregister("store") }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await database.ping()
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
