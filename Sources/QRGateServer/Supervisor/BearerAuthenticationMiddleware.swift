import Foundation
import Hummingbird
import Logging
import QRGateStore

/// Authenticates `Authorization: Bearer <secret>` against the stored token hashes, slows down
/// credentials that keep failing (never a valid one: see ``AuthenticationThrottle``), and puts
/// the token in the context.
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

    /// Authenticates, then calls `next`. The credential is always checked first; the throttle
    /// only decides whether a wrong one is answered 401 or 429.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let address = context.clientAddress ?? "unknown"
        guard let header = request.headers[.authorization] else {
            throw SupervisorAPIError(
                .missingToken,
                status: .unauthorized,
                message: "send 'Authorization: Bearer <token>'; an operator creates tokens with 'qrgate token create'",
                headers: [.wwwAuthenticate: "Bearer realm=\"qrgate\""]
            )
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let credential = parts.count == 2 && parts[0].lowercased() == "bearer" ? String(parts[1]).trimmingCharacters(in: .whitespaces) : nil
        var context = context
        let token = try await authenticate(credential: credential, presented: header, address: address, logger: context.logger)
        context.token = token
        context.logger[metadataKey: "api.token_id"] = .string(token.id)
        return try await next(request, context)
    }

    /// The token whose secret is `credential`, or the 401 (or, for a credential that keeps
    /// failing from `address`, 429) to answer with. `presented` is what the client sent, the
    /// throttle's key when it holds no credential at all.
    func authenticate(credential: String?, presented: String, address: String, logger: Logger) async throws -> APIToken {
        var token: APIToken?
        if let credential {
            do {
                token = try await tokens.authenticate(secret: credential)
            } catch {
                logger.error("token lookup failed", metadata: ["error": .string("\(error)")])
                throw SupervisorAPIError(
                    .storeFailed, status: .internalServerError, message: "the token store could not be read; try again, and check the gate's log")
            }
        }
        guard let token else {
            let key = AuthenticationThrottle.Key(address: address, credential: credential ?? presented)
            if let wait = throttle.recordFailure(key) {
                let seconds = max(1, Int((Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18).rounded(.up)))
                logger.debug("authentication failed while throttled", metadata: ["http.client": .string(address)])
                throw SupervisorAPIError(
                    .throttled,
                    status: .tooManyRequests,
                    message: "this token keeps failing from this address; wait \(seconds) s and check the token",
                    headers: [.retryAfter: String(seconds), .wwwAuthenticate: "Bearer realm=\"qrgate\", error=\"invalid_token\""]
                )
            }
            logger.notice("authentication failed", metadata: ["http.client": .string(address)])
            throw SupervisorAPIError(
                .invalidToken,
                status: .unauthorized,
                message: "the token is unknown or revoked; ask an operator for a new one ('qrgate token create')",
                headers: [.wwwAuthenticate: "Bearer realm=\"qrgate\", error=\"invalid_token\""]
            )
        }
        return token
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
