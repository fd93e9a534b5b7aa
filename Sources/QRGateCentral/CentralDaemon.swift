import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

#if canImport(Glibc)
import Glibc
#endif

/// `qrgate-central run`: migrates the schema, serves the API, purges personal fields past
/// their retention, and tells systemd when it is ready (`Type=notify`).
public struct CentralDaemon: Sendable {
    /// The settings.
    public var configuration: CentralConfiguration
    /// The process environment (systemd's `NOTIFY_SOCKET`, `CREDENTIALS_DIRECTORY`).
    public var environment: [String: String]
    /// Where the log goes.
    public var logger: Logger

    /// Creates the daemon.
    public init(configuration: CentralConfiguration, environment: [String: String], logger: Logger) {
        self.configuration = configuration
        self.environment = environment
        self.logger = logger
    }

    /// Runs until SIGTERM or SIGINT.
    public func run() async throws {
        let database = try CentralDatabase(
            url: configuration.databaseURL, passwordFile: configuration.databasePasswordFile, poolSize: configuration.databasePoolSize, logger: logger
        )
        let configuration = configuration
        let logger = logger
        let notifier = SystemdNotify(environment: environment)
        let server = CentralServer(database: database, configuration: configuration, logger: logger)
        let starter = StartupService(database: database, logger: logger)
        let application = Application(
            router: server.router(),
            configuration: .init(address: .hostname(configuration.listenHost, port: configuration.listenPort), serverName: "qrgate-central"),
            onServerRunning: { channel in
                let address = channel.localAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "?"
                logger.notice("central API listening", metadata: ["http.address": .string(address)])
                // Ready once the schema is current and the API listens (migration runs first, below).
                if starter.isMigrated { notifier.notify("READY=1\nSTATUS=listening " + address) }
            },
            logger: logger
        )
        let purge = PurgeService(database: database, retentionDays: configuration.personalRetentionDays, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: database.client),
                    .init(service: starter, successTerminationBehavior: .ignore),
                    .init(service: purge),
                    .init(service: GatedService(inner: application, after: starter)),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                cancellationSignals: [],
                logger: logger
            )
        )
        try await group.run()
        notifier.notify("STOPPING=1")
        logger.info("stopped")
    }
}

/// Migrates the schema once the pool runs; others wait for it.
final class StartupService: Service, Sendable {
    let database: CentralDatabase
    let logger: Logger
    private let migrated = Mutex(false)
    private let done = AsyncStream<Void>.makeStream()

    init(database: CentralDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    var isMigrated: Bool { migrated.withLock { $0 } }

    func run() async throws {
        try await database.migrate()
        migrated.withLock { $0 = true }
        done.continuation.finish()
    }

    func wait() async {
        for await _ in done.stream {}
    }
}

/// Starts `inner` only after the schema is migrated.
struct GatedService<Inner: Service>: Service {
    let inner: Inner
    let after: StartupService

    func run() async throws {
        await after.wait()
        try Task.checkCancellation()
        try await inner.run()
    }
}

/// Removes personal fields past their retention, hourly (every process does it; it is idempotent).
struct PurgeService: Service {
    let database: CentralDatabase
    let retentionDays: Int
    let logger: Logger

    func run() async throws {
        guard retentionDays > 0 else {
            try? await gracefulShutdown()
            return
        }
        // The first purge soon after start, then hourly; a graceful shutdown ends any wait.
        var wait: Duration = .seconds(30)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let pause = wait
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            guard !Task.isCancelled && !Task.isShuttingDownGracefully else { return }
            wait = .seconds(3600)
            do {
                let cutoff = Int64(Date().timeIntervalSince1970 * 1000) - Int64(retentionDays) * 86_400_000
                let purged = try await database.purgePersonalFields(before: cutoff)
                if purged > 0 { logger.notice("personal fields purged", metadata: ["purge.records": "\(purged)"]) }
            } catch {
                logger.warning("retention purge failed; retried within the hour", metadata: ["error": "\(error)"])
            }
        }
    }
}

/// systemd's notification socket (`NOTIFY_SOCKET`), without libsystemd.
struct SystemdNotify: Sendable {
    let path: String?

    init(environment: [String: String]) {
        path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func notify(_ state: String) {
        guard let path else { return }
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (bytes.first == 0 ? 0 : 1))
        let message = Array(state.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                message.withUnsafeBytes {
                    sendto(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT), socketAddress, length)
                }
            }
        }
    }
}
