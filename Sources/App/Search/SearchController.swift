import Foundation
import Hummingbird

/// `GET /search?q=` (page) and `GET /api/v1/search?q=` (JSON): ranked results over everything
/// published, with filters and highlighted snippets.
struct SearchController: Sendable {
    let services: Services
    static let types = [
        "case_study", "news", "event", "publication", "city", "organisation", "programme", "action", ReviewSearch.reportType,
        ReviewSearch.recommendationType,
    ]
    static let perPage = 20

    static func filter(_ request: Request) throws -> SearchFilter {
        var filter = SearchFilter()
        var errors: [String: String] = [:]
        filter.type = request.query("type")
        if !filter.type.isEmpty && !types.contains(filter.type) { errors["type"] = "validation.choice" }
        filter.country = request.query("country").uppercased()
        if !filter.country.isEmpty && !Validate.isCountryCode(filter.country) { errors["country"] = "validation.country" }
        filter.sector = request.query("sector")
        if !filter.sector.isEmpty && !["I", "II", "III", "IV", "V"].contains(filter.sector) {
            errors["sector"] = "validation.choice"
        }
        filter.pathway = request.query("pathway")
        if !filter.pathway.isEmpty && !Vocabulary.pathways.contains(filter.pathway) { errors["pathway"] = "validation.choice" }
        let year = request.query("year")
        if !year.isEmpty {
            if let value = Int(year), (1900...2100).contains(value) {
                filter.year = value
            } else {
                errors["year"] = "validation.year"
            }
        }
        filter.language = request.query("language")
        if !filter.language.isEmpty && !Vocabulary.contentLanguages.contains(filter.language) {
            errors["language"] = "validation.choice"
        }
        if request.query("q").count > 200 { errors["q"] = "validation.too_long" }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        return filter
    }

    private func results(_ key: SearchKey) async throws -> (hits: [SearchHit], total: Int) {
        let found = try await services.cache.value(SearchReads.results, key, in: services.query)
        return (found.hits, found.total)
    }

    func page(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let query = request.query("q")
        let filter = try Self.filter(request)
        let page = request.pageNumber
        let key = SearchKey(query: query, filter: filter, limit: Self.perPage, offset: (page - 1) * Self.perPage)
        return try await services.cachedPage(SearchReads.results, key, request, context) { found, chrome in
            SearchPage.render(query: query, filter: filter, hits: found.hits, total: found.total, page: page, chrome: chrome)
        }
    }

    struct Result: Encodable, Sendable {
        let type: String
        let title: String
        let titles: [String: String]
        let url: String
        let snippet: String
        let score: Int
    }

    struct Body: Encodable, Sendable {
        let query: String
        let total: Int
        let results: [Result]
    }

    func api(_ request: Request, context: AppRequestContext) async throws -> JSONBody<Body> {
        let query = request.query("q")
        guard !query.isEmpty else { throw AppError.validation(["q": "validation.required"]) }
        let filter = try Self.filter(request)
        let (page, perPage) = try APIRequest.paging(request)
        let result = try await results(SearchKey(query: query, filter: filter, limit: perPage, offset: (page - 1) * perPage))
        let t = services.translator(context.locale)
        return JSONBody(
            value: Body(
                query: query, total: result.total,
                results: result.hits.map { hit in
                    Result(
                        type: hit.document.type, title: t.pick(hit.document.titles), titles: hit.document.titles,
                        url: hit.document.url,
                        snippet: hit.snippet.map {
                            $0.match ? "<mark>\(HTMLEscaping.escape($0.text))</mark>" : HTMLEscaping.escape($0.text)
                        }
                        .joined(),
                        score: hit.score)
                }))
    }
}

enum SearchPage {
    static func render(
        query: String, filter: SearchFilter, hits: [SearchHit], total: Int, page: Int, chrome: Chrome
    ) -> String {
        let t = chrome.t
        return Layout.render(title: query.isEmpty ? t("search.title") : t("search.title_for", ["q": query]), chrome: chrome) {
            h1 { t("search.title") }
            form(.action(Paths.search), .get, .class("filters search"), .custom("role", "search")) {
                Forms.text("q", label: t("search.label"), value: query, errors: [:], t: t, type: "search", maxLength: 200)
                Forms.select(
                    "type", label: t("search.type"), options: SearchController.types.map { ($0, t("search.type.\($0)")) },
                    selected: filter.type, errors: [:], t: t, blank: t("registry.any"))
                Forms.select(
                    "country", label: t("registry.country"),
                    options: Vocabulary.countries.prefix(9).map { ($0, Components.country($0, t: t)) }, selected: filter.country,
                    errors: [:], t: t, blank: t("registry.any"))
                Forms.select(
                    "sector", label: t("action_field.sector"),
                    options: ["I", "II", "III", "IV", "V"].map { ($0, t("sector.\($0)")) }, selected: filter.sector, errors: [:],
                    t: t, blank: t("registry.any"))
                Forms.select(
                    "pathway", label: t("city.pathways"), options: Vocabulary.pathways.map { ($0, t("pathway.\($0)")) },
                    selected: filter.pathway, errors: [:], t: t, blank: t("registry.any"))
                Forms.text(
                    "year", label: t("search.year"), value: filter.year.map(String.init) ?? "", errors: [:], t: t, type: "number",
                    maxLength: 4)
                Forms.select(
                    "language", label: t("search.language"),
                    options: ContentLanguage.allCases.map { ($0.rawValue, $0.endonym) }, selected: filter.language, errors: [:],
                    t: t, blank: t("registry.any"))
                Forms.submit(t("search.submit"))
            }
            if !query.isEmpty {
                para(.class("count")) { t("search.count", ["count": String(total), "q": query]) }
                if hits.isEmpty { para(.class("empty")) { t("search.none") } }
                ol(.class("results")) {
                    for hit in hits {
                        li {
                            span(.class("badge")) { t("search.type.\(hit.document.type)") }
                            " "
                            link(.href(hit.document.url)) { t.pick(hit.document.titles) }
                            para(.class("snippet")) {
                                for part in hit.snippet {
                                    if part.match { mark { part.text } } else { part.text }
                                }
                            }
                        }
                    }
                }
                if total > SearchController.perPage {
                    if let pager = Components.pager(
                        PageOf(items: hits, page: page, perPage: SearchController.perPage, total: total), path: Paths.search,
                        query: [
                            ("q", query), ("type", filter.type), ("country", filter.country), ("sector", filter.sector),
                            ("pathway", filter.pathway), ("language", filter.language),
                        ].filter { !$0.1.isEmpty }, t: t)
                    {
                        pager
                    }
                }
            }
        }
    }
}
