import FluentKit
import Foundation
import SQLKit
import Hummingbird
import HummingbirdAuth

/// What a browser session holds on the server: who is signed in, and the form token (CSRF).
struct WebSession: Codable, Sendable {
    var userID: UUID?
    var csrfToken: String
}

/// Session handling on top of hummingbird-auth's `SessionStorage` with the database driver.
/// A visitor gets a session only when a page shows a form; signing in always starts a new
/// session id, so an id planted before sign-in is worthless (session fixation).
struct WebSessions: Sendable {
    static let cookieName = "lcc_session"
    static let keyPrefix = "session."
    let storage: SessionStorage<WebSession>
    let lifetime: Duration

    init(driver: any PersistDriver, secureCookies: Bool, lifetime: Duration) {
        self.storage = SessionStorage(
            driver,
            configuration: .init(
                sessionCookieParameters: .init(name: Self.cookieName, path: "/", secure: secureCookies, sameSite: .lax),
                keyPrefix: Self.keyPrefix
            )
        )
        self.lifetime = lifetime
    }

    func load(_ request: Request) async throws -> WebSession? {
        guard storage.getId(request: request) != nil else { return nil }
        return try? await storage.load(request: request)
    }

    /// The request's session and its signed-in user (with their organisation) in one query.
    /// An expired or unreadable session is no session; an inactive account is no user.
    /// The table versions come with it (`TableVersioning.snapshot`), so a reading request of a
    /// signed-in person costs one query before its cached page.
    func loadSignedIn(_ request: Request, on db: any Database, now: Date) async throws -> (
        session: WebSession, user: CurrentUser?, versions: [String: Int64]?
    )? {
        guard let id = storage.getId(request: request) else { return nil }
        let key = FluentPersistDriver.digest("\(Self.keyPrefix)\(id)")
        let sql = try db.sql()
        guard let row = try await sql.raw(SessionQueries.signedIn(key: key, postgres: sql.dialect.name == "postgresql")).first()
        else { return nil }
        if let expires = try row.decode(column: "expires_at", as: Date?.self), expires <= now { return nil }
        let value = try row.decode(column: "value", as: String.self)
        guard let session = try? JSONDecoder().decode(WebSession.self, from: Data(value.utf8)) else { return nil }
        return (
            session, try SessionQueries.user(from: row),
            TableVersioning.parse(try row.decode(column: "versions", as: String?.self))
        )
    }

    /// The session to put a form token in: the current one, or a new visitor session with its cookie.
    func ensure(_ request: Request, existing: WebSession?) async throws -> (WebSession, Cookie?) {
        if let existing { return (existing, nil) }
        let session = WebSession(userID: nil, csrfToken: Token.random())
        let cookie = try await storage.save(session: session, expiresIn: lifetime)
        return (session, cookie)
    }

    /// Replaces whatever session the request had with a new signed-in one.
    func signIn(userID: UUID, request: Request) async throws -> Cookie {
        if storage.getId(request: request) != nil { _ = try? await storage.delete(request: request) }
        return try await storage.save(session: WebSession(userID: userID, csrfToken: Token.random()), expiresIn: lifetime)
    }

    func signOut(request: Request) async throws -> Cookie? {
        guard storage.getId(request: request) != nil else { return nil }
        return try? await storage.delete(request: request)
    }
}
