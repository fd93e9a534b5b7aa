import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import QRGateStore

/// Settings of the supervisor console (`/console`).
public struct ConsoleConfiguration: Sendable {
    /// Session limits.
    public var sessions = ConsoleSessions.Configuration()
    /// Whether the local API serves TLS: the cookie is then `Secure`, and the console is open
    /// off loopback. Without TLS only this machine may sign in, so a token never crosses a
    /// network in clear.
    public var servesTLS = false
    /// The defaults.
    public init() {}
}

/// The console the daemon serves to supervisors and operators: the page and its assets at
/// `/console` (they hold no data), sign-in and sign-out, and under `/console/api/` the same
/// endpoints as `/v1/`, authenticated by a session cookie instead of a bearer token, recorded in
/// the access log on the `console` channel.
///
/// Sign-in exchanges a supervisor or operator token for a session (``ConsoleSessions``): the
/// token is checked and throttled exactly as the API's bearer tokens are, and the browser keeps
/// only an HttpOnly, SameSite=Strict cookie. Every state-changing request (sign-out, token
/// management) needs the session's CSRF token in `X-CSRF-Token`, and every POST must come from
/// the console's own origin (`Origin`, `Sec-Fetch-Site`). Responses carry `no-store` and a
/// policy that allows only the console's own script and style.
final class SupervisorConsole: Sendable {
    /// The session cookie's name.
    static let cookieName = "qrgate_console"

    let configuration: ConsoleConfiguration
    let sessions: ConsoleSessions
    let authentication: BearerAuthenticationMiddleware
    let tokens: APITokenStore
    let site: String

    init(
        configuration: ConsoleConfiguration, sessions: ConsoleSessions, authentication: BearerAuthenticationMiddleware, tokens: APITokenStore,
        site: String
    ) {
        self.configuration = configuration
        self.sessions = sessions
        self.authentication = authentication
        self.tokens = tokens
        self.site = site
    }

    /// Only the console's own files; forms post only to the console itself.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// Adds the page, sign-in, sign-out and the session endpoint to `router`, and returns the
    /// group under which the API's endpoints are to be added (`/console/api`), behind the
    /// session check.
    func addRoutes(to router: Router<SupervisorRequestContext>) -> RouterGroup<SupervisorRequestContext> {
        let sessionCheck = ConsoleSessionMiddleware(sessions: sessions, tokens: tokens)
        let console = router.group("console").add(middleware: ConsoleGuardMiddleware(servesTLS: configuration.servesTLS))
        let assets = Dictionary(uniqueKeysWithValues: ConsoleAssets.all.map { ($0.fileName, $0.text) })
        let page = assets["index.html"] ?? ""
        console.get { _, _ in Self.asset(page, type: "text/html; charset=utf-8") }
        for (name, text) in assets where name != "index.html" {
            let type = name.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
            console.get(RouterPath(name)) { _, _ in Self.asset(text, type: type) }
        }
        console.post("sign-in") { request, context in try await self.signIn(request, context) }
        let api = console.group("api").add(middleware: sessionCheck)
        api.post("sign-out") { request, context in
            if let id = request.cookies[Self.cookieName]?.value { self.sessions.close(id) }
            var response = Response(status: .noContent)
            response.headers[values: .setCookie].append(self.cookie(value: "", maxAge: 0))
            return response
        }
        // Whether this browser is signed in: 200 either way, so the page's first look is no error.
        console.get("session") { request, _ in
            guard let (session, _) = try await sessionCheck.live(request) else {
                return SupervisorAPI.json("{\"signed_in\":false}\n")
            }
            let fields = [
                "\"signed_in\":true",
                "\"name\":" + JSONText.string(session.token.name),
                "\"role\":\"\(session.token.role.rawValue)\"",
                "\"csrf_token\":\"\(session.csrfToken)\"",
                "\"idle_timeout_seconds\":\(Int(self.configuration.sessions.idleTimeout.components.seconds))",
                "\"site\":" + JSONText.string(self.site),
            ]
            return SupervisorAPI.json("{" + fields.joined(separator: ",") + "}\n")
        }
        return api
    }

    /// `POST /console/sign-in` with `token=<secret>` as a form: a session and back to the
    /// console (303), or back to the sign-in with the reason (`?signin=invalid|throttled|role`).
    func signIn(_ request: Request, _ context: SupervisorRequestContext) async throws -> Response {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            throw SupervisorAPIError(.unsupportedMediaType, status: .unsupportedMediaType, message: "sign in with the console's form")
        }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: 4096) } catch {
            throw SupervisorAPIError(.bodyTooLarge, status: .contentTooLarge, message: "a sign-in is at most 4096 bytes")
        }
        let secret = Self.formValue("token", in: String(buffer: body))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let token: APIToken
        do {
            token = try await authentication.authenticate(
                credential: secret.isEmpty ? nil : secret, presented: secret, address: context.clientAddress ?? "unknown", logger: context.logger)
        } catch let error as SupervisorAPIError where error.code == .throttled {
            return Self.redirect("/console?signin=throttled&wait=" + (error.headers[.retryAfter] ?? "60"))
        } catch let error as SupervisorAPIError where error.code == .invalidToken {
            return Self.redirect("/console?signin=invalid")
        }
        guard token.role == .supervisor || token.role == .operator else {
            context.logger.notice("console sign-in with a token of another role", metadata: ["api.token_id": .string(token.id)])
            return Self.redirect("/console?signin=role")
        }
        let session = sessions.open(for: token)
        context.logger.info("console session opened", metadata: ["api.token_id": .string(token.id), "api.role": .string(token.role.rawValue)])
        var response = Self.redirect("/console")
        response.headers[values: .setCookie].append(cookie(value: session.id, maxAge: nil))
        return response
    }

    func cookie(value: String, maxAge: Int?) -> String {
        var text = "\(Self.cookieName)=\(value); Path=/console; HttpOnly; SameSite=Strict"
        if configuration.servesTLS { text += "; Secure" }
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        return text
    }

    /// The value of `name` in an `application/x-www-form-urlencoded` body.
    static func formValue(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// In front of everything under `/console`: off loopback only over TLS; POSTs only from the
/// console's own origin; and on every answer (errors too) `no-store`, `nosniff`, no referrer
/// and the console's content security policy.
struct ConsoleGuardMiddleware: RouterMiddleware {
    typealias Context = SupervisorRequestContext

    let servesTLS: Bool

    func check(_ request: Request, _ context: Context) throws {
        guard servesTLS || KioskScreen.isLoopback(context.clientAddress) else {
            throw SupervisorAPIError(
                .forbidden, status: .forbidden,
                message:
                    "the console is open off this machine only over TLS (http.tls_certificate, http.tls_key); on the gate itself use http://127.0.0.1"
            )
        }
        guard request.method == .post else { return }
        // The browser's own word first (a page cannot set Sec-Fetch-Site); without it, the Origin.
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] {
            guard site == "same-origin" || site == "none" else { throw Self.crossSite }
        } else if let origin = request.headers[HTTPField.Name("Origin")!] {
            let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!] ?? ""
            guard origin == "http://" + host || origin == "https://" + host else { throw Self.crossSite }
        }
    }

    static let crossSite = SupervisorAPIError(
        .forbidden, status: .forbidden, message: "the console takes posts only from its own pages; open the console and try again")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            try check(request, context)
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.cacheControl] = "no-store"
        response.headers[.contentSecurityPolicy] = SupervisorConsole.contentSecurityPolicy
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        // Same-origin, not no-referrer: with no-referrer the browser sends `Origin: null` on the
        // console's own posts, and the origin check could not tell them from a forged one.
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return response
    }
}

/// Authenticates `/console/api/*` by the session cookie: the session must be live and its token
/// still active (a revoked token ends its sessions at once); state-changing requests must carry
/// the session's CSRF token. Puts the token in the context and marks the channel `console`.
struct ConsoleSessionMiddleware: RouterMiddleware {
    typealias Context = SupervisorRequestContext

    let sessions: ConsoleSessions
    let tokens: APITokenStore

    static let signInAgain = SupervisorAPIError(
        .missingToken, status: .unauthorized, message: "no live console session: sign in again with your token")

    /// The live session the request's cookie names, with its token as it is now; nil when there
    /// is none (no cookie, unknown, ended, or its token revoked: then all its sessions end).
    func live(_ request: Request) async throws -> (ConsoleSessions.Session, APIToken)? {
        // The page's own refreshes (the "now" view's polling) keep no session alive.
        let refresh = request.headers[HTTPField.Name("X-Console-Refresh")!] == "1"
        guard let id = request.cookies[SupervisorConsole.cookieName]?.value, !id.isEmpty, let session = sessions.use(id, touch: !refresh)
        else { return nil }
        let token: APIToken?
        do { token = try await tokens.activeToken(id: session.token.id) } catch {
            throw SupervisorAPIError(.storeFailed, status: .internalServerError, message: "the token store could not be read; try again")
        }
        guard let token else {
            sessions.close(tokenID: session.token.id)
            return nil
        }
        return (session, token)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let (session, token) = try await live(request) else { throw Self.signInAgain }
        if request.method != .get && request.method != .head {
            guard let presented = request.headers[HTTPField.Name("X-CSRF-Token")!], presented == session.csrfToken else {
                throw SupervisorAPIError(
                    .forbidden, status: .forbidden, message: "this request lacks the console's CSRF token; reload the console and try again",
                    reason: "csrf")
            }
        }
        var context = context
        context.token = token
        context.channel = .console
        context.logger[metadataKey: "api.token_id"] = .string(token.id)
        return try await next(request, context)
    }
}
