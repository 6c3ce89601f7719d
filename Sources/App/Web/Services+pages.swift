import Foundation
import Hummingbird

extension Services {
    func chrome(_ request: Request, _ context: AppRequestContext, csrfToken: String? = nil) -> Chrome {
        Chrome.make(catalogue: catalogue, request: request, context: context, csrfToken: csrfToken)
    }

    func translator(_ locale: AppLocale) -> Translator { Translator(locale: locale, catalogue: catalogue) }

    /// A page made from a cached read. Visitors get the rendered page from the cache, per language
    /// and URL (made with a chrome that holds no form token, so no visitor's token is kept).
    /// Signed-in readers get a page rendered from the cached value with their own chrome: their
    /// name, their form token, their rights — as fast as visitors, without sharing their parts.
    func cachedPage<Key, Value>(
        _ read: CachedRead<Key, Value>, _ key: Key, _ request: Request, _ context: AppRequestContext, variant: String = "",
        render: (Value, Chrome) throws -> String
    ) async throws -> HTMLResponse {
        guard context.user != nil else {
            var visitor = context
            visitor.session = nil
            let chrome = chrome(request, visitor)
            let html = try await cache.text(read, key, variant: "\(context.locale.rawValue)|\(request.uri)|\(variant)", in: query)
            {
                try render($0, chrome)
            }
            return HTMLResponse(html: html)
        }
        return HTMLResponse(html: try render(try await cache.value(read, key, in: query), chrome(request, context)))
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
    static func confidenceBadge(_ confidence: String, t: Translator) -> Node {
        span(
            .class(Vocabulary.isUnverified(confidence) ? "badge unverified" : "badge verified"),
            .title(t("confidence.\(confidence).explain"))
        ) { t("confidence.\(confidence)") }
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
