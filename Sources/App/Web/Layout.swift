import Foundation

/// What every page's frame needs to know about the request (never the request itself).
struct Chrome: Sendable {
    let t: Translator
    let user: CurrentUser?
    /// The session's form token, for the sign-out button and any form on the page.
    let csrfToken: String?
    /// Path and query of the current page without `lang`, for the language switch.
    let path: String
    let query: [(String, String)]

    var locale: AppLocale { t.locale }

    func languageLink(_ locale: AppLocale) -> String {
        Paths.with(path, query: query + [("lang", locale.rawValue)])
    }
}

/// The frame around every page: header with navigation and language switch, main, footer.
enum Layout {
    static func render(title: String, chrome: Chrome, @HTMLBuilder content: () -> [Node]) -> String {
        let t = chrome.t
        let body = content()
        var output = "<!doctype html>"
        output.reserveCapacity(24 * 1024)
        Node.element(
            "html", [.lang(chrome.locale.htmlTag)],
            [
                .element(
                    "head", [],
                    [
                        meta(.custom("charset", "utf-8")),
                        meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                        .element("title", [], [.text("\(title) · \(t("site.name"))")]),
                        linkTag(.rel("stylesheet"), .href(Paths.stylesheet)),
                    ]),
                .element(
                    "body", [],
                    [
                        link(.class("skip"), .href("#main")) { t("nav.skip") },
                        header(.class("site")) {
                            link(.class("brand"), .href(Paths.home)) { t("site.name") }
                            nav(.aria("label", t("nav.main"))) {
                                ul {
                                    li { link(.href(Paths.cities)) { t("nav.cities") } }
                                    li { link(.href(Paths.organisations)) { t("nav.organisations") } }
                                    li { link(.href(Paths.inventories)) { t("nav.inventories") } }
                                    li { link(.href(Paths.registry)) { t("nav.registry") } }
                                    li { link(.href(Paths.benchmarks)) { t("nav.benchmarks") } }
                                    li { link(.href(Paths.reviews)) { t("nav.reviews") } }
                                    li { link(.href(Paths.knowledge)) { t("nav.knowledge") } }
                                    li { link(.href(Paths.search)) { t("nav.search") } }
                                    if let user = chrome.user {
                                        if let slug = user.organisationSlug {
                                            li { link(.href(Paths.organisation(slug))) { t("nav.my_organisation") } }
                                        }
                                        if user.isSecretariat {
                                            li { link(.href(Paths.applications)) { t("nav.secretariat") } }
                                        }
                                        li { link(.href(Paths.capacity)) { t("nav.capacity") } }
                                        li { link(.href(Paths.account)) { t("nav.account") } }
                                    } else {
                                        li { link(.href(Paths.apply)) { t("nav.join") } }
                                        li { link(.href(Paths.login)) { t("nav.sign_in") } }
                                    }
                                }
                            }
                            if chrome.user != nil, let token = chrome.csrfToken {
                                form(.class("signout"), .action(Paths.logout), .post) {
                                    Forms.csrf(token)
                                    button(.type("submit")) { t("nav.sign_out") }
                                }
                            }
                            nav(.class("languages"), .aria("label", t("nav.language"))) {
                                ul {
                                    for locale in AppLocale.allCases {
                                        li {
                                            link(
                                                .href(chrome.languageLink(locale)), .lang(locale.htmlTag),
                                                .hreflang(locale.htmlTag),
                                                .when(locale == chrome.locale, .aria("current", "true"))
                                            ) { locale.endonym }
                                        }
                                    }
                                }
                            }
                        },
                        mainElement(.id("main")) { body },
                        footer(.class("site")) {
                            para { t("site.footer") }
                            para {
                                link(.href(Paths.openAPI)) { t("nav.api") }
                                " · "
                                link(.href(Paths.terms)) { t("nav.terms") }
                            }
                        },
                    ]),
            ]
        ).render(into: &output)
        return output
    }
}
