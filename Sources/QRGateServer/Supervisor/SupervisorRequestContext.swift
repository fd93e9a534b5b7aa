import Hummingbird
import NIOCore
import QRGateStore

/// The request context of the local API: who is calling (the authenticated token) and from
/// which address (for throttling failed authentications).
public struct SupervisorRequestContext: RequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The token that authenticated this request, once ``BearerAuthenticationMiddleware`` ran.
    public var token: APIToken?
    /// How the caller came: the API (a bearer token) or the console (a session); the access log
    /// records it with every read.
    public var channel: AccessLogEntry.Channel = .api
    /// The peer's IP address, when the transport knows it.
    public let clientAddress: String?

    /// Creates the context for one request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        token = nil
        clientAddress = source.channel.remoteAddress?.ipAddress
    }
}
