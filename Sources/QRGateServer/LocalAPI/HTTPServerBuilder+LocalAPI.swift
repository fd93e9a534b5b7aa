import HummingbirdCore
import HummingbirdTLS
import NIOCore
import NIOSSL

extension HTTPServerBuilder {
    /// The local API's HTTP/1.1 server: every connection admitted through `connections`
    /// (bounded, longest-idle evicted first), closed after `idleTimeout` without a request in
    /// progress, and served over TLS when `tls` is given.
    public static func localAPI(connections: LocalAPIConnections, idleTimeout: TimeAmount, tls: TLSConfiguration?) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            let http = HTTP1Channel(responder: connections.tracking(responder), configuration: .init(idleTimeout: idleTimeout))
            if let tls {
                return LimitedConnectionsChannel(base: try TLSChannel(http, tlsConfiguration: tls), connections: connections)
            }
            return LimitedConnectionsChannel(base: http, connections: connections)
        }
    }
}

extension TLSConfiguration {
    /// The local API's TLS server settings: TLS 1.2 or newer only.
    public static func localAPI(certificateChain: [NIOSSLCertificateSource], privateKey: NIOSSLPrivateKeySource) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: certificateChain, privateKey: privateKey)
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }
}
