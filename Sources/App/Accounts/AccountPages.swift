import Foundation

enum AccountPages {
    static func login(email: String, next: String, error: String?, chrome: Chrome, csrf: String) -> String {
        let t = chrome.t
        return Layout.render(title: t("login.title"), chrome: chrome) {
            h1 { t("login.title") }
            if let error { div(.class("error-summary"), .custom("role", "alert")) { para { t(error) } } }
            form(.class("login"), .action(Paths.login), .post) {
                Forms.csrf(csrf)
                input(.type("hidden"), .name("next"), .value(next))
                Forms.text(
                    "email", label: t("login.email"), value: email, errors: [:], t: t, type: "email", required: true,
                    autocomplete: "username")
                Forms.text(
                    "password", label: t("login.password"), value: "", errors: [:], t: t, type: "password", required: true,
                    autocomplete: "current-password", maxLength: 200)
                Forms.submit(t("login.submit"))
            }
            para { link(.href(Paths.forgotPassword)) { t("reset.link") } }
            para {
                t("login.no_account")
                " "
                link(.href(Paths.apply)) { t("nav.join") }
            }
        }
    }

    static func account(
        user: CurrentUser, tokens: [TokenRow], newToken: String?, due: [ActionSummary] = [], reviews: [ReviewTask] = [],
        errors: [String: String], chrome: Chrome, csrf: String
    ) -> String {
        let t = chrome.t
        return Layout.render(title: t("account.title"), chrome: chrome) {
            h1 { t("account.title") }
            ReviewTask.list(reviews, t: t)
            if !due.isEmpty {
                div(.class("notice reminders"), .custom("role", "status")) {
                    h2 { t("actions.reminders", ["count": String(due.count)]) }
                    ul {
                        for action in due {
                            li {
                                link(.href(Paths.action(action.citySlug, action.id))) { t.pick(action.titles) }
                                " — " + t("actions.reminder_text", ["days": String(action.updateEveryDays)])
                            }
                        }
                    }
                }
            }
            dl {
                dt { t("user.name") }
                dd { user.name }
                dt { t("user.email") }
                dd { user.email }
                dt { t("user.role") }
                dd { t("role.\(user.role.rawValue)") + (user.isExpert ? " · " + t("user.expert") : "") }
                if let slug = user.organisationSlug {
                    dt { t("user.organisation") }
                    dd { link(.href(Paths.organisation(slug))) { slug } }
                }
            }
            para {
                link(.class("button"), .href(Paths.changePassword)) { t("password.change_title") }
                " "
                link(.class("button secondary"), .href(Paths.mailPreferences)) { t("mail.preferences.title") }
            }
            section {
                h2 { t("tokens.title") }
                para(.class("hint")) { t("tokens.hint") }
                if let newToken {
                    div(.class("notice"), .custom("role", "status")) {
                        para { strong { t("tokens.copy_now") } }
                        para { code(.id("new-token")) { newToken } }
                    }
                }
                if !tokens.isEmpty {
                    ul { for token in tokens { li { token.label + " · " + (token.createdAt.map { t.date($0) } ?? "") } } }
                }
                form(.class("create-token"), .action(Paths.apiTokens), .post) {
                    Forms.csrf(csrf)
                    Forms.text("label", label: t("tokens.label"), value: "", errors: errors, t: t, required: true, maxLength: 100)
                    Forms.submit(t("tokens.create"))
                }
            }
        }
    }

    static func changePassword(errors: [String: String], chrome: Chrome, csrf: String, done: Bool) -> String {
        let t = chrome.t
        return Layout.render(title: t("password.change_title"), chrome: chrome) {
            h1 { t("password.change_title") }
            if done { div(.class("notice"), .custom("role", "status")) { para { t("password.changed") } } }
            Forms.errorSummary(
                errors, order: ["current_password", "password", "password_confirmation"],
                labels: ["current_password": t("password.current"), "password": t("password.new")], t: t)
            form(.class("change-password"), .action(Paths.changePassword), .post) {
                Forms.csrf(csrf)
                Forms.text(
                    "current_password", label: t("password.current"), value: "", errors: errors, t: t, type: "password",
                    required: true, autocomplete: "current-password", maxLength: 200)
                Forms.text(
                    "password", label: t("password.new"), value: "", errors: errors, t: t, type: "password", required: true,
                    hint: t("password.rules"), autocomplete: "new-password", maxLength: 200)
                Forms.text(
                    "password_confirmation", label: t("password.confirm"), value: "", errors: errors, t: t, type: "password",
                    required: true, autocomplete: "new-password", maxLength: 200)
                Forms.submit(t("common.save"))
            }
        }
    }

    static func setup(token: String, email: String, errors: [String: String], chrome: Chrome, csrf: String) -> String {
        let t = chrome.t
        return Layout.render(title: t("setup.title"), chrome: chrome) {
            h1 { t("setup.title") }
            para(.class("lead")) { t("setup.lead", ["email": email]) }
            Forms.errorSummary(
                errors, order: ["password", "password_confirmation"], labels: ["password": t("password.new")], t: t)
            form(.class("setup-password"), .action(Paths.setupPassword(token)), .post) {
                Forms.csrf(csrf)
                Forms.text(
                    "password", label: t("password.new"), value: "", errors: errors, t: t, type: "password", required: true,
                    hint: t("password.rules"), autocomplete: "new-password", maxLength: 200)
                Forms.text(
                    "password_confirmation", label: t("password.confirm"), value: "", errors: errors, t: t, type: "password",
                    required: true, autocomplete: "new-password", maxLength: 200)
                Forms.submit(t("setup.submit"))
            }
        }
    }
}
