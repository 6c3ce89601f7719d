import FluentKit
import Foundation
import Hummingbird

/// "Forgot your password?": a one-time link by mail to the address, if it has an account.
///
/// The page says the same whatever the address (a link was sent if an account exists), so it cannot
/// be used to find out who has an account; requests are limited per address and per client like
/// sign-in attempts (counted in the database, so across instances). With mail off the page says to
/// ask the secretariat, who can make a link on the user's page.
struct PasswordResetController: Sendable {
    let services: Services
    static let linkHours = 2

    func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await services.formPage(request, context) { chrome, csrf in
            PasswordResetPages.page(mailOn: services.outbox.isOn, email: "", sent: false, chrome: chrome, csrf: csrf)
        }
    }

    func request(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let form = try await FormData.read(request)
        let email = UserQueries.normalise(email: form["email"])
        guard services.outbox.isOn, Validate.isEmail(email) else {
            return try await services.formPage(request, context, status: services.outbox.isOn ? .unprocessableContent : .ok) {
                chrome, csrf in
                PasswordResetPages.page(
                    mailOn: services.outbox.isOn, email: form["email"], sent: false, chrome: chrome, csrf: csrf)
            }
        }
        // Its own counters (prefixed keys): asking for links does not use up sign-in attempts.
        let limiter = LoginLimiter(services: services)
        let account = "reset:" + email
        let client = "reset:" + context.clientKey
        if let seconds = try await limiter.retryAfter(email: account, client: client) {
            throw AppError.tooManyRequests(retryAfter: seconds)
        }
        try await limiter.recordFailure(email: account, client: client)
        if let user = try await UserQueries.byEmail(email, on: services.db), user.isActive, let userID = user.id {
            let token = Token.random()
            let now = services.clock.now()
            try await services.db.transaction { db in
                // One live link at a time: a new one retires the others.
                try await SetupToken.query(on: db).filter(\.$user.$id == userID).filter(\.$usedAt == nil).set(\.$usedAt, to: now)
                    .update()
                try await SetupToken(
                    tokenHash: Token.digest(token), userID: userID,
                    expiresAt: now.addingTimeInterval(Double(Self.linkHours) * 3600)
                ).create(on: db)
                try await Audit.record(
                    "user.password_reset_requested", entity: "user", id: userID.uuidString, actor: nil, at: now, on: db)
                for recipient in try await MailRecipients.users([userID], on: db) {
                    try await services.outbox.send(
                        PasswordLink(setupPath: Paths.setupPassword(token), hours: Self.linkHours, requested: true),
                        to: recipient,
                        on: db)
                }
            }
        }
        return try await services.formPage(request, context) { chrome, csrf in
            PasswordResetPages.page(mailOn: true, email: "", sent: true, chrome: chrome, csrf: csrf)
        }
    }
}

enum PasswordResetPages {
    static func page(mailOn: Bool, email: String, sent: Bool, chrome: Chrome, csrf: String) -> String {
        let t = chrome.t
        return Layout.render(title: t("reset.title"), chrome: chrome) {
            h1 { t("reset.title") }
            if !mailOn {
                para(.class("lead")) { t("reset.mail_off") }
            } else if sent {
                div(.class("notice"), .custom("role", "status")) {
                    para { t("reset.sent", ["hours": String(PasswordResetController.linkHours)]) }
                }
            } else {
                para(.class("lead")) { t("reset.lead") }
                form(.class("forgot-password"), .action(Paths.forgotPassword), .post) {
                    Forms.csrf(csrf)
                    Forms.text(
                        "email", label: t("login.email"), value: email, errors: [:], t: t, type: "email", required: true,
                        autocomplete: "username")
                    Forms.submit(t("reset.submit"))
                }
            }
            para { link(.href(Paths.login)) { t("reset.back") } }
        }
    }
}
