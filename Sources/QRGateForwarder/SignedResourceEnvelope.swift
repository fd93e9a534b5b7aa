import Crypto
import Foundation

/// The signed envelope every synced resource travels in: it binds the payload to its
/// resource name, a monotonically increasing version and the time it was issued, so that a
/// mirror can neither replay an older list, nor serve one resource in place of another, nor
/// keep a list alive past its age by answering `304`.
///
/// The response body is this JSON object; `X-QRGate-Signature` is the ES256 signature over
/// the exact body bytes, so every field below is covered:
///
/// ```json
/// {"format": "qrgate-signed-resource-1", "resource": "trust-list", "version": 42,
///  "issued_at": "2026-11-30T12:00:00Z", "payload": "<base64 of the resource bytes>"}
/// ```
///
/// The payload is Base64 so the gate installs exactly the bytes the publisher signed.
public struct SignedResourceEnvelope: Sendable, Equatable {
    /// The only format this gate reads.
    public static let format = "qrgate-signed-resource-1"

    /// Resource name (`trust-list`, `rule-sets`, `value-sets`, `revocation-list`).
    public var resource: String
    /// The publisher's version counter for this resource: each new issue is larger.
    public var version: Int64
    /// When the publisher issued this version (what trust-list freshness is measured from).
    public var issuedAt: Date
    /// The resource bytes.
    public var payload: Data

    /// Creates an envelope.
    public init(resource: String, version: Int64, issuedAt: Date, payload: Data) {
        self.resource = resource
        self.version = version
        self.issuedAt = issuedAt
        self.payload = payload
    }

    private struct Wire: Codable {
        var format: String
        var resource: String
        var version: Int64
        var issued_at: String
        var payload: String
    }

    /// The envelope as the body bytes a publisher signs and serves (sorted keys).
    public func encoded() -> Data {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let wire = Wire(
            format: Self.format,
            resource: resource,
            version: version,
            issued_at: formatter.string(from: issuedAt),
            payload: payload.base64EncodedString()
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding strings and an integer cannot fail.
        return (try? encoder.encode(wire)) ?? Data()
    }

    /// The envelope and its base64 raw r‖s ES256 signature, for a publisher (the reference
    /// central service in tests, or tooling) to serve as body and `X-QRGate-Signature`.
    public func signed(with key: P256.Signing.PrivateKey) throws -> (body: Data, signature: String) {
        let body = encoded()
        return (body, try key.signature(for: body).rawRepresentation.base64EncodedString())
    }

    /// Reads an envelope from verified body bytes. Throws `verificationFailed` with the reason
    /// when the body is not an envelope of this format.
    public static func decode(_ body: Data) throws(CentralLinkError) -> SignedResourceEnvelope {
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: body)
        } catch {
            throw CentralLinkError(
                code: .verificationFailed,
                message:
                    "the download is signed but not a \(format) envelope (\(error)); the central service must wrap each resource in one. The previous version stays in use"
            )
        }
        guard wire.format == format else {
            throw CentralLinkError(
                code: .verificationFailed,
                message:
                    "the download's envelope format is \(wire.format), this gate reads \(format); update the gate or the central service. The previous version stays in use"
            )
        }
        guard wire.version > 0 else {
            throw CentralLinkError(
                code: .verificationFailed,
                message: "the envelope's version \(wire.version) is not a positive integer; the previous version stays in use")
        }
        guard let issuedAt = parseTime(wire.issued_at) else {
            throw CentralLinkError(
                code: .verificationFailed,
                message: "the envelope's issued_at \(wire.issued_at) is not an RFC 3339 UTC time; the previous version stays in use")
        }
        guard let payload = Data(base64Encoded: wire.payload) else {
            throw CentralLinkError(code: .verificationFailed, message: "the envelope's payload is not Base64; the previous version stays in use")
        }
        return SignedResourceEnvelope(resource: wire.resource, version: wire.version, issuedAt: issuedAt, payload: payload)
    }

    static func parseTime(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        return ISO8601DateFormatter().date(from: text)
    }
}
