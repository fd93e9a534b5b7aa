import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import QRGateDaemon
import QRGateServer
import QRGateTestSupport
import SwiftASN1
import Testing
import X509

#if canImport(Glibc)
import Glibc
#endif

/// The local API serves TLS when a certificate is configured, and only then may it leave loopback.
@Suite(.serialized) struct TLSTests {
    /// A self-signed certificate for 127.0.0.1 and its key, as PEM.
    static func selfSigned() throws -> (certificate: String, key: String) {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName("qrgate test gate") }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: Date().addingTimeInterval(-3600), notValidAfter: Date().addingTimeInterval(86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                SubjectAlternativeNames([.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))])
            },
            issuerPrivateKey: .init(key))
        return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
    }

    @Test func apiServesTLSWithTheConfiguredCertificate() async throws {
        let (certificate, key) = try Self.selfSigned()
        let daemon = try RunningGate { state in
            try certificate.write(to: state.appendingPathComponent("api.pem"), atomically: true, encoding: .utf8)
            try key.write(to: state.appendingPathComponent("api-key.pem"), atomically: true, encoding: .utf8)
        }
        try daemon.start(yaml: "http:\n  tls_certificate: api.pem\n  tls_key: api-key.pem\n")
        let port = daemon.port

        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(certificate.utf8)))
        var configuration = HTTPClient.Configuration()
        configuration.tlsConfiguration = tls
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let response = try await client.execute(HTTPClientRequest(url: "https://127.0.0.1:\(port)/health"), timeout: .seconds(10))
            #expect(response.status == .ok)
            let body = try await response.body.collect(upTo: 1024)
            #expect(String(buffer: body) == "ok\n")
        } catch {
            Issue.record("TLS request failed: \(error)")
        }
        try await client.shutdown()
        // Plain HTTP on the TLS port gets no HTTP answer.
        #expect(LoopbackHTTP.get(port: port, path: "/health")?.status != 200)
        #expect(daemon.stop() == 0)
    }

    /// TLS 1.0 and 1.1 are broken protocols; a client that offers nothing newer is refused at
    /// the handshake, while a TLS 1.2 client is served.
    @Test func clientOfferingOnlyTLS11IsRefused() async throws {
        let (certificate, key) = try Self.selfSigned()
        let daemon = try RunningGate { state in
            try certificate.write(to: state.appendingPathComponent("api.pem"), atomically: true, encoding: .utf8)
            try key.write(to: state.appendingPathComponent("api-key.pem"), atomically: true, encoding: .utf8)
        }
        defer { daemon.stop() }
        try daemon.start(yaml: "http:\n  tls_certificate: api.pem\n  tls_key: api-key.pem\n")

        func health(minimum: TLSVersion, maximum: TLSVersion) async -> Result<HTTPResponseStatus, any Error> {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates((try? NIOSSLCertificate.fromPEMBytes(Array(certificate.utf8))) ?? [])
            tls.minimumTLSVersion = minimum
            tls.maximumTLSVersion = maximum
            var configuration = HTTPClient.Configuration()
            configuration.tlsConfiguration = tls
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            let result: Result<HTTPResponseStatus, any Error>
            do {
                result = .success(
                    try await client.execute(HTTPClientRequest(url: "https://127.0.0.1:\(daemon.port)/health"), timeout: .seconds(10)).status)
            } catch {
                result = .failure(error)
            }
            try? await client.shutdown()
            return result
        }
        let old = await health(minimum: .tlsv1, maximum: .tlsv11)
        if case .success(let status) = old { Issue.record("a TLS 1.1 client was served (\(status))") }
        let current = await health(minimum: .tlsv12, maximum: .tlsv12)
        #expect((try? current.get()) == .ok, "a TLS 1.2 client is served: \(current)")
        #expect(
            TLSConfiguration.localAPI(certificateChain: [], privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(key.utf8), format: .pem)))
                .minimumTLSVersion == .tlsv12)
        #expect(daemon.stop() == 0)
    }

    @Test func offLoopbackNeedsTLSAndBothFiles() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (certificate, key) = try Self.selfSigned()
        try certificate.write(to: temporary.url.appendingPathComponent("c.pem"), atomically: true, encoding: .utf8)
        try key.write(to: temporary.url.appendingPathComponent("k.pem"), atomically: true, encoding: .utf8)
        let base = ["QRGATE_STATE_DIR": temporary.url.path, "QRGATE_HTTP_ADDRESS": "0.0.0.0:8443"]
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader(environment: base).load(file: nil) }

        let file = temporary.url.appendingPathComponent("g.yaml")
        try "http:\n  tls_certificate: c.pem\n  tls_key: k.pem\n".write(to: file, atomically: true, encoding: .utf8)
        let configuration = try ConfigurationLoader(environment: base).load(file: file.path)
        #expect(configuration.http.usesTLS)

        try "http:\n  tls_certificate: c.pem\n".write(to: file, atomically: true, encoding: .utf8)
        #expect { try ConfigurationLoader(environment: base).load(file: file.path) } throws: { error in
            (error as? ConfigurationError)?.problems.contains { $0.key == "http.tls_key" } == true
        }
    }
}
