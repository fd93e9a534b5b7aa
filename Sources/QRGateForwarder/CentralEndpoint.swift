import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import QRGateCore

/// Why the central link could not be set up, with what to do.
public struct CentralLinkError: GateError {
    /// Kinds of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String {
            case invalidURL, unreadableFile, invalidCertificate, verificationFailed, storageFailed, wrongResource, versionNotNewer
        }
        private let kind: Kind
        /// `central.url` is not an http(s) URL.
        public static let invalidURL = Code(kind: .invalidURL)
        /// A configured file (token, CA, certificate, key) cannot be read.
        public static let unreadableFile = Code(kind: .unreadableFile)
        /// A PEM certificate or key cannot be parsed.
        public static let invalidCertificate = Code(kind: .invalidCertificate)
        /// A downloaded resource failed its signature or content check.
        public static let verificationFailed = Code(kind: .verificationFailed)
        /// A verified resource could not be stored.
        public static let storageFailed = Code(kind: .storageFailed)
        /// A signed envelope names another resource than the one requested (a list served in the wrong place).
        public static let wrongResource = Code(kind: .wrongResource)
        /// A signed envelope's version is not newer than the installed one (a replay or rollback).
        public static let versionNotNewer = Code(kind: .versionNotNewer)
        public var description: String { kind.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// What it means and what to do.
    public var message: String
    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int

    /// Creates an error.
    public init(code: Code, message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }
}

/// Where and how to reach the central tracing service.
public struct CentralEndpoint: Sendable, Equatable {
    /// Base URL, e.g. `https://central.example/`; paths are appended.
    public var baseURL: String
    /// This gate's id (the `{gateId}` path parameter).
    public var gateID: String
    /// Bearer token, when the gate authenticates with one.
    public var bearerToken: String?
    /// Whether batch bodies are sent gzip-compressed (`Content-Encoding: gzip`).
    public var gzipRequests = false
    /// PEM file of CA certificates to trust instead of the system store.
    public var caFile: String?
    /// PEM client certificate (chain), for mutual TLS.
    public var clientCertificateFile: String?
    /// PEM private key of the client certificate.
    public var clientKeyFile: String?
    /// Deadline of one request.
    public var requestTimeout: Duration = .seconds(30)
    /// Connect timeout.
    public var connectTimeout: Duration = .seconds(10)

    /// Creates an endpoint.
    public init(baseURL: String, gateID: String) {
        self.baseURL = baseURL
        self.gateID = gateID
    }

    /// `path` under the base URL.
    public func url(_ path: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    /// The HTTP client configuration: TLS with the system trust store or `caFile`, and the
    /// client certificate when configured.
    public func clientConfiguration() throws(CentralLinkError) -> HTTPClient.Configuration {
        guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") else {
            throw CentralLinkError(
                code: .invalidURL, message: "central.url \(baseURL) is not an http:// or https:// URL; set it to the central service's base URL")
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        do {
            if let caFile {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            }
            if let clientCertificateFile, let clientKeyFile {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(clientCertificateFile).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: clientKeyFile, format: .pem))
            }
        } catch {
            throw CentralLinkError(
                code: .invalidCertificate,
                message:
                    "the TLS files of the central link cannot be read (\(error)); check central.ca_file, central.client_certificate_file and central.client_key_file"
            )
        }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: .nanoseconds(connectTimeout.nanoseconds), read: .nanoseconds(requestTimeout.nanoseconds))
        )
        configuration.httpVersion = .http1Only
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 2
        return configuration
    }

    /// Reads a bearer token from a file (trailing whitespace removed).
    public static func readToken(file: String) throws(CentralLinkError) -> String {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw CentralLinkError(
                code: .unreadableFile, message: "the token file \(file) cannot be read; check central.token_file and its permissions")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
