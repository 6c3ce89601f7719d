import FluentKit
import Foundation
import SQLKit
import Hummingbird

/// Signing in and out, the account page, passwords, one-time set-up links and API tokens.
struct AccountsController: Sendable {
    let services: Services
    var limiter: LoginLimiter { LoginLimiter(services: services) }

    func loginForm(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await services.formPage(request, context) { chrome, csrf in
            AccountPages.login(email: "", next: Self.safeNext(request.query("next")), error: nil, chrome: chrome, csrf: csrf)
        }
    }

    func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request)
        let email = UserQueries.normalise(email: form["email"])
        let password = form.values["password"]?.first ?? ""
        let next = Self.safeNext(form["next"])
        if let seconds = try await limiter.retryAfter(email: email, client: context.clientKey) {
            throw AppError.tooManyRequests(retryAfter: seconds)
        }
        let user = try await UserQueries.byEmail(email, on: services.db)
        // Verify against a decoy hash when there is no such account, so timing does not reveal accounts.
        let matches = try await Passwords.verify(password, hash: user?.passwordHash ?? Passwords.decoyHash)
        guard let user, matches, user.passwordHash != nil, user.isActive, let userID = user.id else {
            try await limiter.recordFailure(email: email, client: context.clientKey)
            return try await services.formPage(request, context, status: .unauthorized) { chrome, csrf in
                AccountPages.login(email: form["email"], next: next, error: "login.failed", chrome: chrome, csrf: csrf)
            }.response(from: request, context: context)
        }
        try await limiter.clear(email: email)
        let cookie = try await services.sessions.signIn(userID: userID, request: request)
        return try SeeOther(location: next.isEmpty ? Paths.account : next, cookies: [cookie]).response(
            from: request, context: context)
    }

    func logout(_ request: Request, context: AppRequestContext) async throws -> SeeOther {
        let cookie = try await services.sessions.signOut(request: request)
        return SeeOther(location: Paths.home, cookies: cookie.map { [$0] } ?? [])
    }

    func account(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        try await renderAccount(request, context, newToken: nil)
    }

    func createToken(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        let form = try await FormData.read(request)
        let label = String(form["label"].prefix(100))
        guard !label.isEmpty else {
            return try await renderAccount(request, context, newToken: nil, errors: ["label": "validation.required"])
        }
        let token = try await ApiTokens.create(for: context.user.id, label: label, on: services.db)
        try await Audit.record(
            "api_token.create", entity: "user", id: context.user.id.uuidString, actor: context.user,
            after: ["label": label], at: services.clock.now(), on: services.db)
        return try await renderAccount(request, context, newToken: token)
    }

    func passwordForm(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        try await services.formPage(request, context.base) { chrome, csrf in
            AccountPages.changePassword(errors: [:], chrome: chrome, csrf: csrf, done: request.query("done") == "1")
        }
    }

    func changePassword(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = try await FormData.read(request)
        let current = form.values["current_password"]?.first ?? ""
        let new = form.values["password"]?.first ?? ""
        guard let user = try await User.find(context.user.id, on: services.db) else { throw AppError.signInRequired }
        var errors: [String: String] = [:]
        if try await !Passwords.verify(current, hash: user.passwordHash ?? Passwords.decoyHash) {
            errors["current_password"] = "validation.current_password"
        }
        if let problem = Passwords.problem(new, confirmation: form.values["password_confirmation"]?.first ?? "") {
            errors["password"] = problem
        }
        guard errors.isEmpty else {
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
                AccountPages.changePassword(errors: errors, chrome: chrome, csrf: csrf, done: false)
            }.response(from: request, context: context)
        }
        user.passwordHash = try await Passwords.hash(new, cost: services.config.bcryptCost)
        try await services.db.transaction { db in
            try await user.save(on: db)
            try await Audit.record(
                "user.password_change", entity: "user", id: context.user.id.uuidString, actor: context.user,
                at: services.clock.now(), on: db)
        }
        // A new session id after a credential change.
        let cookie = try await services.sessions.signIn(userID: context.user.id, request: request)
        return try SeeOther(location: Paths.with(Paths.changePassword, query: [("done", "1")]), cookies: [cookie])
            .response(from: request, context: context)
    }

    func setupForm(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let token = try context.parameters.require("token")
        let (_, user) = try await validSetup(token)
        return try await services.formPage(request, context) { chrome, csrf in
            AccountPages.setup(token: token, email: user.email, errors: [:], chrome: chrome, csrf: csrf)
        }
    }

    func setup(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let (setup, user) = try await validSetup(token)
        let form = try await FormData.read(request)
        let password = form.values["password"]?.first ?? ""
        if let problem = Passwords.problem(password, confirmation: form.values["password_confirmation"]?.first ?? "") {
            return try await services.formPage(request, context, status: .unprocessableContent) { chrome, csrf in
                AccountPages.setup(token: token, email: user.email, errors: ["password": problem], chrome: chrome, csrf: csrf)
            }.response(from: request, context: context)
        }
        let hash = try await Passwords.hash(password, cost: services.config.bcryptCost)
        let now = services.clock.now()
        try await services.db.transaction { db in
            user.passwordHash = hash
            try await user.save(on: db)
            setup.usedAt = now
            try await setup.save(on: db)
            try await Audit.record(
                "user.password_set", entity: "user", id: try user.requireID().uuidString,
                actor: UserQueries.snapshot(user), at: now, on: db)
        }
        let cookie = try await services.sessions.signIn(userID: try user.requireID(), request: request)
        return try SeeOther(location: Paths.account, cookies: [cookie]).response(from: request, context: context)
    }

    private func validSetup(_ token: String) async throws -> (SetupToken, User) {
        guard
            let setup = try await SetupToken.query(on: services.db).filter(\.$tokenHash == Token.digest(token)).with(\.$user)
                .first(),
            setup.usedAt == nil, setup.expiresAt > services.clock.now(), setup.user.isActive
        else { throw AppError(kind: .notFound, messageKey: "error.setup_link_invalid") }
        return (setup, setup.user)
    }

    private func renderAccount(
        _ request: Request, _ context: SignedInContext, newToken: String?, errors: [String: String] = [:]
    ) async throws -> HTMLResponse {
        let tokens = try await ApiTokens.list(of: context.user.id, on: services.db)
        // Reminders for the city's editors: its actions that have gone without an update too long.
        var due: [ActionSummary] = []
        if let cityID = context.user.cityID,
            let slug = try await services.cache.value(DirectoryReads.cities, Whole(), in: services.query)
                .first(where: { $0.id == cityID })?.slug
        {
            let now = services.clock.now()
            due = try await services.plan(slug: slug).actions.filter { $0.updateDue(now: now) }
        }
        let reminders = due
        let reviews = ReviewTask.tasks(
            for: context.user, in: try await services.cache.value(ReviewReads.directory, Whole(), in: services.query),
            now: services.clock.now())
        return try await services.formPage(request, context.base, status: errors.isEmpty ? .ok : .unprocessableContent) {
            chrome, csrf in
            AccountPages.account(
                user: context.user, tokens: tokens, newToken: newToken, due: reminders, reviews: reviews, errors: errors,
                chrome: chrome, csrf: csrf)
        }
    }

    /// Only local paths are followed after sign-in (no open redirect).
    static func safeNext(_ next: String) -> String {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains("\r"), !next.contains("\n") else {
            return ""
        }
        return next
    }
}

/// An API token as the account page lists it.
struct TokenRow: Sendable {
    let label: String
    let createdAt: Date?
}

enum ApiTokens {
    static let prefix = "lcc_"

    /// Creates a token and returns it; only its digest is kept.
    static func create(for userID: UUID, label: String, on db: any Database) async throws -> String {
        let token = prefix + Token.random()
        try await ApiToken(tokenHash: Token.digest(token), userID: userID, label: label).create(on: db)
        return token
    }

    /// A user's tokens (label and date; the secret is never kept), oldest first.
    static func list(of userID: UUID, on db: any Database) async throws -> [TokenRow] {
        try await db.sql().select().columns("label", "created_at").from("api_tokens").where("user_id", .equal, userID)
            .orderBy("created_at").all()
            .map {
                TokenRow(
                    label: try $0.decode(column: "label", as: String.self),
                    createdAt: try $0.decode(column: "created_at", as: Date?.self))
            }
    }

    /// The token's user, and the table versions read with it (see `TableVersioning.snapshot`).
    static func user(for token: String, on db: any Database) async throws -> (CurrentUser, [String: Int64]?)? {
        let sql = try db.sql()
        let query = SessionQueries.tokenUser(hash: Token.digest(token), postgres: sql.dialect.name == "postgresql")
        guard let row = try await sql.raw(query).first(), let user = try SessionQueries.user(from: row) else { return nil }
        return (user, TableVersioning.parse(try row.decode(column: "versions", as: String?.self)))
    }
}
