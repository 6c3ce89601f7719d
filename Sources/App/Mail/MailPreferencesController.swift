import FluentKit
import Foundation
import Hummingbird

/// `/account/mail`: the language of one's mail and the optional messages (reminders, capacity
/// matches) one receives. Rendered per request: it shows one person's own settings.
struct MailPreferencesController: Sendable {
    let services: Services

    func show(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        var preferences = try await MailPreferences.load(context.user.id, on: services.db)
        if preferences == nil { preferences = try await defaults(for: context.user) }
        let shown = preferences ?? MailPreferences(locale: .en)
        return try await services.formPage(request, context.base) { chrome, csrf in
            MailPreferencesPage.render(
                shown, mailOn: services.outbox.isOn, saved: request.query("saved") == "1", chrome: chrome, csrf: csrf)
        }
    }

    func save(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = try await FormData.read(request)
        guard let locale = AppLocale(rawValue: form["locale"]) else { throw AppError.validation(["locale": "validation.choice"]) }
        let preferences = MailPreferences(
            locale: locale, reminders: form["reminders"] == "on", capacity: form["capacity"] == "on")
        let now = services.clock.now()
        try await services.db.transaction { db in
            try await preferences.save(context.user.id, at: now, on: db)
            try await Audit.record(
                "user.mail_preferences", entity: "user", id: context.user.id.uuidString, actor: context.user,
                after: [
                    "locale": locale.rawValue, "reminders": String(preferences.reminders),
                    "capacity": String(preferences.capacity),
                ], at: now, on: db)
        }
        return try SeeOther(location: Paths.with(Paths.mailPreferences, query: [("saved", "1")])).response(
            from: request, context: context)
    }

    private func defaults(for user: CurrentUser) async throws -> MailPreferences {
        let recipient = try await MailRecipients.users([user.id], on: services.db).first
        return MailPreferences(locale: recipient?.locale ?? .en)
    }
}

enum MailPreferencesPage {
    static func render(_ preferences: MailPreferences, mailOn: Bool, saved: Bool, chrome: Chrome, csrf: String) -> String {
        let t = chrome.t
        return Layout.render(title: t("mail.preferences.title"), chrome: chrome) {
            h1 { t("mail.preferences.title") }
            if saved { div(.class("notice"), .custom("role", "status")) { para { t("mail.preferences.saved") } } }
            if !mailOn { para(.class("notice")) { t("mail.preferences.mail_off") } }
            form(.class("mail-preferences"), .action(Paths.mailPreferences), .post) {
                Forms.csrf(csrf)
                Forms.select(
                    "locale", label: t("mail.preferences.locale"), options: AppLocale.allCases.map { ($0.rawValue, $0.endonym) },
                    selected: preferences.locale.rawValue, errors: [:], t: t)
                Forms.checkbox(
                    "reminders", label: t("mail.preferences.reminders"), checked: preferences.reminders, errors: [:], t: t)
                Forms.checkbox(
                    "capacity", label: t("mail.preferences.capacity"), checked: preferences.capacity, errors: [:], t: t)
                para(.class("hint")) { t("mail.preferences.always") }
                Forms.submit(t("common.save"))
            }
            para { link(.href(Paths.account)) { t("nav.account") } }
        }
    }
}
