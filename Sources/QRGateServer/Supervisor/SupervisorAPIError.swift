import Foundation
import Hummingbird
import NIOCore
import QRGateCore

/// An error the local API answers with: a status, a stable code and a message saying what
/// the caller can do, as `{"error": {"code", "message"}}`.
public struct SupervisorAPIError: HTTPResponseError, GateError {
    /// Stable error codes of the API.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String {
            case missingToken = "missing_token"
            case invalidToken = "invalid_token"
            case forbidden
            case throttled
            case badRequest = "bad_request"
            case accessLogUnavailable = "access_log_unavailable"
            case storeFailed = "store_failed"
            case bodyTooLarge = "body_too_large"
            case imageTooLarge = "image_too_large"
            case unsupportedMediaType = "unsupported_media_type"
            case undecodableImage = "undecodable_image"
            case busy
            case notAvailable = "not_available"
        }
        private let kind: Kind
        /// No `Authorization: Bearer` header.
        public static let missingToken = Code(kind: .missingToken)
        /// The token is unknown or revoked.
        public static let invalidToken = Code(kind: .invalidToken)
        /// The token's role may not use this endpoint.
        public static let forbidden = Code(kind: .forbidden)
        /// Too many failed authentications from this address.
        public static let throttled = Code(kind: .throttled)
        /// A query parameter is missing or malformed.
        public static let badRequest = Code(kind: .badRequest)
        /// The read could not be recorded in the access log, so no personal data is returned.
        public static let accessLogUnavailable = Code(kind: .accessLogUnavailable)
        /// The database could not be read.
        public static let storeFailed = Code(kind: .storeFailed)
        /// The request body is larger than the endpoint accepts (413).
        public static let bodyTooLarge = Code(kind: .bodyTooLarge)
        /// The image claims more pixels than the gate decodes (413).
        public static let imageTooLarge = Code(kind: .imageTooLarge)
        /// The body's type or the image's format is not one the endpoint takes (415).
        public static let unsupportedMediaType = Code(kind: .unsupportedMediaType)
        /// The image is truncated, corrupt or empty (422).
        public static let undecodableImage = Code(kind: .undecodableImage)
        /// The gate is busy with other work of this kind; retry after `Retry-After` (503).
        public static let busy = Code(kind: .busy)
        /// The endpoint is not available on this gate (503).
        public static let notAvailable = Code(kind: .notAvailable)
        /// The code as text.
        public var description: String { kind.rawValue }
    }

    /// The stable code.
    public var code: Code
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// What it means and what to do.
    public var message: String
    /// Extra response headers (`Retry-After`, `WWW-Authenticate`).
    public var headers: HTTPFields
    /// A finer machine-readable reason (e.g. `truncated`, `corrupt` for an undecodable image).
    public var reason: String?

    /// Source file that raised the error.
    public var file: String
    /// Source line that raised the error.
    public var line: Int

    /// Creates an error.
    public init(
        _ code: Code, status: HTTPResponse.Status, message: String, headers: HTTPFields = [:], reason: String? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.status = status
        self.message = message
        self.headers = headers
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// Status, code and message in one line.
    public var description: String { "\(status.code) \(code): \(message)" }

    /// The JSON error response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var bytes: [UInt8] = Array("{\"error\":{\"code\":\"\(code)\",\"message\":".utf8)
        bytes.append(contentsOf: JSONText.string(message).utf8)
        if let reason { bytes.append(contentsOf: Array((",\"reason\":" + JSONText.string(reason)).utf8)) }
        bytes.append(contentsOf: Array("}}\n".utf8))
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func badRequest(_ message: String) -> Self {
        Self(.badRequest, status: .badRequest, message: message)
    }
}

/// JSON text helpers for small responses, on the one ``JSONWriter``.
enum JSONText {
    /// A JSON string literal.
    static func string(_ text: String) -> String {
        var writer = JSONWriter(capacity: text.utf8.count + 2)
        writer.string(text)
        return writer.text
    }

    /// A JSON string or null.
    static func optional(_ text: String?) -> String {
        text.map(string) ?? "null"
    }
}
