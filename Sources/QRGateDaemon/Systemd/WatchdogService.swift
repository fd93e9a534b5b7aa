import Logging
import ServiceLifecycle

/// Pings systemd's watchdog every half `WATCHDOG_USEC`, but only while every registered
/// loop is beating, and refreshes `STATUS=` on the same beat.
public struct WatchdogService: Service, CustomStringConvertible {
    let notifier: SystemdNotifier
    let health: ServiceHealth
    let status: GatewayStatusBoard
    let logger: Logger
    let interval: Duration

    public var description: String { "Watchdog" }

    /// Pings at half the watchdog interval, or refreshes status every `statusInterval` when
    /// systemd's watchdog is off.
    public init(
        notifier: SystemdNotifier,
        health: ServiceHealth,
        status: GatewayStatusBoard,
        logger: Logger,
        statusInterval: Duration = .seconds(10)
    ) {
        self.notifier = notifier
        self.health = health
        self.status = status
        self.logger = logger
        self.interval = notifier.watchdogInterval.map { $0 / 2 } ?? statusInterval
    }

    public func run() async throws {
        var wasHealthy = true
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let silent = health.silentComponents()
            if silent.isEmpty {
                if notifier.watchdogInterval != nil { notifier.notify("WATCHDOG=1") }
                if !wasHealthy { logger.notice("all loops are beating again; watchdog pings resumed") }
                wasHealthy = true
                notifier.notify("STATUS=" + status.summary())
            } else {
                if wasHealthy {
                    logger.error(
                        "loops stopped beating; withholding watchdog pings so systemd restarts the daemon",
                        metadata: ["watchdog.silent": .array(silent.map { .string($0) })]
                    )
                }
                wasHealthy = false
                notifier.notify("STATUS=unhealthy: " + silent.joined(separator: ", ") + " not responding")
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}

/// The last service of the group, so the first to hear of a graceful shutdown: it tells
/// systemd `STOPPING=1` at once, before intake and the other services wind down.
public struct ShutdownAnnouncer: Service, CustomStringConvertible {
    let notifier: SystemdNotifier
    let logger: Logger

    public var description: String { "ShutdownAnnouncer" }

    /// Creates the announcer.
    public init(notifier: SystemdNotifier, logger: Logger) {
        self.notifier = notifier
        self.logger = logger
    }

    public func run() async throws {
        try? await gracefulShutdown()
        logger.notice("stopping: intake closes first, then the local API")
        notifier.notify("STOPPING=1")
    }
}
