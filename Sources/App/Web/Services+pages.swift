import Foundation
import Hummingbird

extension Services {
    func chrome(_ request: Request, _ context: AppRequestContext, csrfToken: String? = nil) -> Chrome {
        Chrome.make(catalogue: catalogue, request: request, context: context, csrfToken: csrfToken)
    }

    func translator(_ locale: AppLocale) -> Translator { Translator(locale: locale, catalogue: catalogue) }

    /// A page made from a cached read, the same for every reader of one audience: visitors; or
    /// signed-in readers of one role and organisation to whom `rights` gives the same answer (what
    /// the page lets them do, e.g. "may edit this city"). It is rendered once per audience, language
    /// and URL, and a signed-in reader's form token is put in per request (`SharedPage`), so the
    /// people who do the work get their pages as fast as visitors. Visitors' pages never carry a
    /// token (a visitor's session is left out of their rendering).
    func cachedPage<Key, Value>(
        _ read: CachedRead<Key, Value>, _ key: Key, _ request: Request, _ context: AppRequestContext, variant: String = "",
        rights: PageRights<Value> = .same, render: (Value, Chrome) throws -> String
    ) async throws -> HTMLResponse {
        let user = context.user
        var reader = context
        if user == nil { reader.session = nil }
        let chrome = SharedPage.$rendering.withValue(true) { self.chrome(request, reader) }
        let base = "\(context.locale.rawValue)|\(request.uri)|\(variant)|\(SharedPage.audience(of: user))"
        let audience: (Value) -> String = { value in user.map { base + "|" + rights.key(value, $0) } ?? base }
        let page = try await cache.derived(read, key, variant: audience, in: query) { SharedPage.split(try render($0, chrome)) }
        return HTMLResponse(html: page.filled(with: user == nil ? nil : context.session?.csrfToken))
    }

    /// A page that contains a form: makes sure the visitor has a session to hold the form token,
    /// and sets its cookie when it is new.
    func formPage(
        _ request: Request, _ context: AppRequestContext, status: HTTPResponse.Status = .ok,
        render: (Chrome, String) -> String
    ) async throws -> HTMLResponse {
        let (session, cookie) = try await sessions.ensure(request, existing: context.session)
        let chrome = chrome(request, context, csrfToken: session.csrfToken)
        return HTMLResponse(html: render(chrome, session.csrfToken), status: status, cookies: cookie.map { [$0] } ?? [])
    }
}

/// What a page lets a signed-in reader do, as a key: readers with the same key see the same page.
struct PageRights<Value> {
    let key: (Value, CurrentUser) -> String

    /// Every reader sees the same page (no editing parts).
    static var same: PageRights { PageRights { _, _ in "" } }

    /// Editors of the page's city see its editing parts (`EditorRule`).
    static func cityEditor(_ city: @escaping (Value) -> UUID?) -> PageRights {
        PageRights { value, user in city(value).map { EditorRule.mayEdit(city: $0, user: user) ? "editor" : "reader" } ?? "" }
    }
}

extension Request {
    /// An absolute URL for a path, for links people copy and send (set-up links).
    func absoluteURL(_ path: String, publicURL: String?) -> String {
        if let publicURL, !publicURL.isEmpty { return publicURL.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path }
        let host = head.authority ?? "127.0.0.1"
        return "http://\(host)\(path)"
    }

    func query(_ name: String) -> String {
        uri.queryParameters.get(name)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// `page` from the query string, at least 1.
    var pageNumber: Int { min(max(1, Int(query("page")) ?? 1), Paging.maxPage) }
}

/// Small pieces shared by several pages.
enum Components {
    /// One badge per confidence tag (`"[TRANSCRIPTION]; DERIVED"` shows two).
    static func confidenceBadge(_ confidence: String, t: Translator) -> Node {
        Node.fragment(
            Vocabulary.confidenceParts(confidence).map { part in
                span(
                    .class(Vocabulary.isUnverified(part) ? "badge unverified" : "badge verified"),
                    .title(t("confidence.\(part).explain"))
                ) { t("confidence.\(part)") }
            })
    }

    static func country(_ code: String?, t: Translator) -> String {
        guard let code, !code.isEmpty else { return "—" }
        let key = "country.\(code)"
        let name = t(key)
        return name == key ? code : name
    }

    static func pager<Item>(_ page: PageOf<Item>, path: String, query: [(String, String)], t: Translator) -> Node? {
        guard page.pageCount > 1 else { return nil }
        return nav(.class("pager"), .aria("label", t("list.pages"))) {
            if page.page > 1 {
                link(.href(Paths.with(path, query: query + [("page", String(page.page - 1))])), .rel("prev")) {
                    t("list.previous")
                }
            }
            span { t("list.page_of", ["page": String(page.page), "count": String(page.pageCount)]) }
            if page.page < page.pageCount {
                link(.href(Paths.with(path, query: query + [("page", String(page.page + 1))])), .rel("next")) { t("list.next") }
            }
        }
    }

    /// The GET form above a directory list: name, country and type.
    static func directoryFilters(
        action: String, filter: ListFilter, countries: [String], typeLabel: String, types: [(value: String, label: String)],
        nameHint: String?, t: Translator
    ) -> Node {
        form(.class("filters"), .action(action), .get, .custom("role", "search")) {
            Forms.text("q", label: t("filter.name"), value: filter.query, errors: [:], t: t, type: "search", hint: nameHint)
            Forms.select(
                "country", label: t("filter.country"), options: countries.map { ($0, country($0, t: t)) },
                selected: filter.country, errors: [:], t: t, blank: t("filter.any"))
            Forms.select(
                "type", label: typeLabel, options: types, selected: filter.type, errors: [:], t: t, blank: t("filter.any"))
            Forms.submit(t("filter.apply"))
        }
    }

    static func sources(_ sources: [String], t: Translator) -> Node? {
        guard !sources.isEmpty else { return nil }
        return para(.class("sources")) {
            strong { t("common.sources") + ": " }
            sources.joined(separator: ", ")
        }
    }
}
