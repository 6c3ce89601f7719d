import HTTPTypes
import FluentKit
import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore

/// Paths served to machines: no session, no form token, no HTML error pages.
enum Surface {
    static func isAPI(_ path: String) -> Bool { path.hasPrefix(Paths.apiPrefix) }
    static func isMachine(_ path: String) -> Bool {
        isAPI(path) || path == Paths.health || path == Paths.metrics || path == Paths.openAPI
            || path.hasPrefix(Paths.staticPrefix)
    }
}

/// Chooses the interface language: `?lang=` (remembered in a cookie), then the cookie,
/// then `Accept-Language`, then English.
struct LocaleMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "lcc_lang"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var context = context
        var remember: AppLocale?
        if let requested = request.uri.queryParameters.get("lang").flatMap(AppLocale.init(rawValue:)) {
            context.locale = requested
            remember = requested
        } else if let cookie = request.cookies[Self.cookieName]?.value, let saved = AppLocale(rawValue: String(cookie)) {
            context.locale = saved
        } else if let negotiated = AppLocale.negotiate(acceptLanguage: request.headers[.acceptLanguage]) {
            context.locale = negotiated
        }
        var response = try await next(request, context)
        if let remember {
            let cookie = Cookie(
                name: Self.cookieName, value: remember.rawValue, maxAge: 365 * 24 * 3600, path: "/", sameSite: .lax)
            response.headers.append(HTTPField(name: .setCookie, value: cookie.description))
        }
        response.headers[.contentLanguage] = context.locale.htmlTag
        return response
    }
}

/// Loads the browser session and the signed-in user (with their organisation) for site pages: one
/// query per request.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: Services

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        guard !Surface.isMachine(request.uri.path) else { return try await next(request, context) }
        var context = context
        guard let loaded = try await services.sessions.loadSignedIn(request, on: services.db, now: services.clock.now()) else {
            // A visitor without a session: the versions of every table in one query too (a page
            // of several cached reads would otherwise check each read's tables on its own).
            guard request.method == .get || request.method == .head else { return try await next(request, context) }
            let versions = try await TableVersioning.all(on: services.db)
            return try await TableVersioning.reading(request, with: versions) { try await next(request, context) }
        }
        context.session = loaded.session
        // A session whose account was deactivated keeps its form token but signs no one in.
        if loaded.session.userID != nil, loaded.user?.id == loaded.session.userID { context.user = loaded.user }
        context.facts.userID = context.user?.id
        return try await TableVersioning.reading(request, with: loaded.versions) { try await next(request, context) }
    }
}

/// Refuses every unsafe request to the site that does not carry the session's form token
/// (field `_csrf`, or header `X-CSRF-Token`). The API is exempt: it takes no cookies.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        guard ![.get, .head, .options].contains(request.method), !Surface.isAPI(request.uri.path) else {
            return try await next(request, context)
        }
        var request = request
        var presented = request.headers[CSRF.headerName]
        if presented == nil, (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/x-www-form-urlencoded") {
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: FormData.maxBodySize)
            } catch {
                throw AppError(kind: .payloadTooLarge, messageKey: "error.payload_too_large")
            }
            presented = FormData(encoded: String(buffer: body))[CSRF.fieldName]
        } else if presented == nil, let boundary = Multipart.boundary(of: request.headers[.contentType] ?? "") {
            // File uploads carry the form token as a part; the body stays collected for the handler.
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: UploadLimits.importBytes)
            } catch {
                throw AppError(kind: .payloadTooLarge, messageKey: "error.upload_too_large")
            }
            presented = Multipart.parse(Array(body.readableBytesView), boundary: boundary)?[CSRF.fieldName]?.text
        }
        guard let expected = context.session?.csrfToken, let presented, Token.constantTimeEquals(expected, presented) else {
            throw AppError.csrf
        }
        return try await next(request, context)
    }
}

enum CSRF {
    static let fieldName = "_csrf"
    static let headerName = HTTPField.Name("X-CSRF-Token")!
}

/// Headers every response carries. The pages use no inline script or style.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var response = try await next(request, context)
        response.headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        return response
    }
}

/// Answers HEAD like GET without the body (RFC 9110 §9.3.2). It wraps the router itself because
/// the router picks the route (by method) before any middleware runs.
struct HeadAsGetResponder<Inner: HTTPResponder>: HTTPResponder {
    let inner: Inner

    func respond(to request: Request, context: Inner.Context) async throws -> Response {
        guard request.method == .head else { return try await inner.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        let response = try await inner.respond(to: Request(head: head, body: request.body), context: context)
        var headers = response.headers
        if headers[.contentLength] == nil, let length = response.body.contentLength { headers[.contentLength] = String(length) }
        return Response(status: response.status, headers: headers, body: .init())
    }
}
