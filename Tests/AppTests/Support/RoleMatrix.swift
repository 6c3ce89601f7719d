import FluentKit
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import App

/// The role × action matrices of the site and the API, in one vocabulary: the same people, the
/// same rows, the same report. A row names a request and the status each role must get.
enum RoleMatrix {
    /// The people of every matrix: a visitor, an applicant (a session, no account), members of the
    /// two fixture cities' governments, an expert (of Beta City's organisation) and the secretariat.
    enum Who: String, CaseIterable, Sendable {
        case visitor, applicant, memberA, memberB, expert, secretariat

        var isSignedIn: Bool { self != .visitor && self != .applicant }
    }

    struct Row: Sendable {
        let method: HTTPRequest.Method
        let path: String
        /// Form fields (site) — or, with `contentType`, the body (API).
        let form: [(String, String)]
        let body: String?
        let contentType: String?
        let expected: @Sendable (Who) -> HTTPResponse.Status
        /// The roles try in reverse order (when the first to succeed changes what the others get).
        var reversed = false

        init(
            _ method: HTTPRequest.Method, _ path: String, form: [(String, String)] = [], reversed: Bool = false,
            expected: @escaping @Sendable (Who) -> HTTPResponse.Status
        ) {
            self.method = method
            self.path = path
            self.form = form
            self.body = nil
            self.contentType = nil
            self.reversed = reversed
            self.expected = expected
        }

        init(
            _ method: HTTPRequest.Method, _ path: String, body: String?, type: String?,
            expected: @escaping @Sendable (Who) -> HTTPResponse.Status
        ) {
            self.method = method
            self.path = path
            self.form = []
            self.body = body
            self.contentType = type
            self.expected = expected
        }
    }

    /// The same status for everyone.
    static func everyone(_ status: HTTPResponse.Status) -> @Sendable (Who) -> HTTPResponse.Status { { _ in status } }

    /// Site rule: `allowed` get `ok`; people not signed in are sent to sign in (GET) or get 401
    /// (other methods); everyone else gets 403.
    static func only(
        _ allowed: Set<Who>, ok: HTTPResponse.Status, method: HTTPRequest.Method
    ) -> @Sendable (Who) -> HTTPResponse.Status {
        { who in
            if allowed.contains(who) { return ok }
            if !who.isSignedIn { return method == .get ? .seeOther : .unauthorized }
            return .forbidden
        }
    }

    /// API rule: `allowed` get `ok`; callers without a token 401; everyone else `otherwise` (403 by default).
    static func api(
        _ allowed: Set<Who>, ok: HTTPResponse.Status, otherwise: HTTPResponse.Status = .forbidden
    ) -> @Sendable (Who) -> HTTPResponse.Status {
        { who in allowed.contains(who) ? ok : who.isSignedIn ? otherwise : .unauthorized }
    }

    /// One browser per role: the four accounts signed in, the visitor and the applicant with a
    /// session (a form page opened, so they hold a form token).
    static func browsers(_ client: any TestClientProtocol, _ fixtures: Fixtures) async throws -> [Who: Browser] {
        var browsers: [Who: Browser] = [:]
        for who in Who.allCases { browsers[who] = Browser(client) }
        for (who, user) in accounts(fixtures) {
            #expect(try await browsers[who]!.signIn(user.email).status == .seeOther)
        }
        try await browsers[.visitor]!.get("/login")
        try await browsers[.applicant]!.get("/membership/apply")
        return browsers
    }

    /// One API caller per role: a token for each account; the visitor and the applicant have none.
    static func callers(_ client: any TestClientProtocol, _ fixtures: Fixtures, on db: any Database) async throws -> [Who:
        APICaller]
    {
        var callers: [Who: APICaller] = [
            .visitor: APICaller(client: client, token: nil), .applicant: APICaller(client: client, token: nil),
        ]
        for (who, user) in accounts(fixtures) {
            callers[who] = APICaller(
                client: client, token: try await ApiTokens.create(for: try user.requireID(), label: "t", on: db))
        }
        return callers
    }

    /// Every row for every role through the site: forms post with the browser's token (a page of
    /// the site is opened first so every role holds a fresh one).
    static func check(_ rows: [Row], site browsers: [Who: Browser], refresh: String = "/cities") async throws {
        for row in rows {
            for who in row.reversed ? Who.allCases.reversed() : Who.allCases {
                let browser = browsers[who]!
                if row.method != .get { try await browser.get(refresh) }
                let page = row.method == .get ? try await browser.get(row.path) : try await browser.post(row.path, row.form)
                #expect(
                    page.status == row.expected(who),
                    "\(who.rawValue) \(row.method) \(row.path): got \(page.status.code), expected \(row.expected(who).code)")
            }
        }
    }

    /// Every row for every role through the API.
    static func check(_ rows: [Row], api callers: [Who: APICaller]) async throws {
        for row in rows {
            for who in Who.allCases {
                let page = try await callers[who]!.call(row.method, row.path, type: row.contentType, body: row.body)
                #expect(
                    page.status == row.expected(who),
                    "\(who.rawValue) \(row.method) \(row.path): got \(page.status.code) \(page.body.prefix(200))")
            }
        }
    }

    private static func accounts(_ fixtures: Fixtures) -> [(Who, User)] {
        [
            (.memberA, fixtures.memberA), (.memberB, fixtures.memberB), (.expert, fixtures.expert),
            (.secretariat, fixtures.secretariat),
        ]
    }
}

/// An API client with (or without) a bearer token.
struct APICaller: Sendable {
    let client: any TestClientProtocol
    let token: String?

    func call(_ method: HTTPRequest.Method, _ path: String, type: String? = nil, body: String? = nil) async throws -> Page {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let type { headers[.contentType] = type }
        let response = try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }
}
