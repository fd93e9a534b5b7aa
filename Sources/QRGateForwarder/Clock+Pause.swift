import ServiceLifecycle

extension Clock where Duration == Swift.Duration {
    /// Sleeps for `duration`; false when a graceful shutdown or cancellation interrupted the sleep
    /// (or arrived during it), so a service loop can end at once.
    func pauseUnlessStopping(for duration: Duration) async -> Bool {
        do {
            try await cancelWhenGracefulShutdown { try await self.sleep(for: duration) }
        } catch {
            return false
        }
        return !Task.isCancelled && !Task.isShuttingDownGracefully
    }
}
