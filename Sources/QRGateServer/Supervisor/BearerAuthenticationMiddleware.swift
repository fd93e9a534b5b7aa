import Foundation
import Hummingbird
import Logging
import QRGateStore

/// Authenticates `Authorization: Bearer <secret>` against the stored token hashes, throttles
/// addresses that keep failing, and puts the token in the context.
public struct BearerAuthenticationMiddleware: RouterMiddleware {
    /// The request context.
    public typealias Context = SupervisorRequestContext

    let tokens: APITokenStore
    let throttle: AuthenticationThrottle

    /// Creates the middleware.
    public init(tokens: APITokenStore, throttle: AuthenticationThrottle) {
        self.tokens = tokens
        self.throttle = throttle
    }

    /// Authenticates, then calls `next`.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let address = context.clientAddress ?? "unknown"
        if let wait = throttle.retryAfter(address: address) {
            let seconds = max(1, Int((Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18).rounded(.up)))
            throw SupervisorAPIError(
                .throttled,
                status: .tooManyRequests,
                message: "too many failed authentications from this address; wait \(seconds) s and check the token",
                headers: [.retryAfter: String(seconds)]
            )
        }
        guard let header = request.headers[.authorization] else {
            throw SupervisorAPIError(
                .missingToken,
                status: .unauthorized,
                message: "send 'Authorization: Bearer <token>'; an operator creates tokens with 'qrgate token create'",
                headers: [.wwwAuthenticate: "Bearer realm=\"qrgate\""]
            )
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        var token: APIToken?
        if parts.count == 2, parts[0].lowercased() == "bearer" {
            do {
                token = try await tokens.authenticate(secret: String(parts[1]).trimmingCharacters(in: .whitespaces))
            } catch {
                context.logger.error("token lookup failed", metadata: ["error": .string("\(error)")])
                throw SupervisorAPIError(.storeFailed, status: .internalServerError, message: "the token store could not be read; try again, and check the gate's log")
            }
        }
        guard let token else {
            throttle.recordFailure(address: address)
            context.logger.notice("authentication failed", metadata: ["http.client": .string(address)])
            throw SupervisorAPIError(
                .invalidToken,
                status: .unauthorized,
                message: "the token is unknown or revoked; ask an operator for a new one ('qrgate token create')",
                headers: [.wwwAuthenticate: "Bearer realm=\"qrgate\", error=\"invalid_token\""]
            )
        }
        var context = context
        context.token = token
        context.logger[metadataKey: "api.token_id"] = .string(token.id)
        return try await next(request, context)
    }
}

/// Lets through only tokens whose role is in `roles`; others get 403 and no data.
public struct RoleRequirementMiddleware: RouterMiddleware {
    /// The request context.
    public typealias Context = SupervisorRequestContext

    let roles: Set<APIRole>

    /// Requires one of `roles`.
    public init(_ roles: Set<APIRole>) {
        self.roles = roles
    }

    /// Checks the role, then calls `next`.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let role = context.token?.role, roles.contains(role) else {
            let allowed = roles.map(\.rawValue).sorted().joined(separator: " or ")
            throw SupervisorAPIError(.forbidden, status: .forbidden, message: "this endpoint needs a \(allowed) token")
        }
        return try await next(request, context)
    }
}
