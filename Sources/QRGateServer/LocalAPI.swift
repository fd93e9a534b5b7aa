import Hummingbird
import Logging

/// The gate's local HTTP API. For now: liveness and readiness for operators and load
/// balancers; the supervisor endpoints arrive with authentication.
public struct LocalAPI: Sendable {
    /// Reports whether the gate can take check-ins and a one-line summary.
    public typealias Readiness = @Sendable () async -> (ready: Bool, summary: String)

    let readiness: Readiness

    /// Creates the API around a readiness probe.
    public init(readiness: @escaping Readiness) {
        self.readiness = readiness
    }

    /// The routes.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        let readiness = self.readiness
        router.get("/health") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get("/ready") { _, _ in
            let (ready, summary) = await readiness()
            return Response(
                status: ready ? .ok : .serviceUnavailable,
                headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: (ready ? "ready: " : "not ready: ") + summary + "\n"))
            )
        }
        return router
    }
}
