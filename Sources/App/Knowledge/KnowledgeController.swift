import CarbonAccounting
import FluentKit
import Foundation
import Hummingbird

/// The knowledge hub's public pages: the hub, lists by kind, records at stable URLs, the events
/// calendar (month and list).
struct KnowledgeController: Sendable {
    let services: Services

    static func views(_ items: [KnowledgeItem]) -> [KnowledgeView] {
        items.map { KnowledgeView(item: $0, citySlug: $0.city?.slug, cityNames: $0.city?.names) }
    }

    func published(_ kind: KnowledgeKind) -> QueryBuilder<KnowledgeItem> {
        KnowledgeItem.query(on: services.db).filter(\.$kind == kind.rawValue).filter(\.$state == "published").with(\.$city)
    }

    func hub(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        HTMLResponse(html: try await services.knowledgeText(request, context) { try await hubPage(request, context) })
    }

    private func hubPage(_ request: Request, _ context: AppRequestContext) async throws -> String {
        let today = ISODay.format(services.clock.now())
        let news = try await published(.news).sort(\.$publishedAt, .descending).range(..<5).all()
        var events = try await published(.event).filter(\.$startsOn >= today).sort(\.$startsOn).range(..<5).all()
        if events.isEmpty { events = try await published(.event).sort(\.$startsOn, .descending).range(..<5).all() }
        let cases = try await published(.caseStudy).sort(\.$titleEn).range(..<6).all()
        return KnowledgePages.hub(
            news: Self.views(news), events: Self.views(events), caseStudies: Self.views(cases),
            chrome: services.chrome(request, context))
    }

    func caseStudies(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await list(.caseStudy, request, context) { $0.sort(\.$titleEn) }
    }

    func publications(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await list(.publication, request, context) { $0.sort(\.$publishedAt, .descending) }
    }

    func news(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await list(.news, request, context) { $0.sort(\.$publishedAt, .descending) }
    }

    private func list(
        _ kind: KnowledgeKind, _ request: Request, _ context: AppRequestContext,
        order: (QueryBuilder<KnowledgeItem>) -> QueryBuilder<KnowledgeItem>
    ) async throws -> HTMLResponse {
        HTMLResponse(
            html: try await services.knowledgeText(request, context) {
                KnowledgePages.list(
                    kind: kind, items: Self.views(try await order(published(kind)).all()),
                    chrome: services.chrome(request, context))
            })
    }

    /// `/events`: upcoming and past as lists, or `?month=YYYY-MM` as a month calendar.
    func events(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let monthText = request.query("month")
        var month: (year: Int, month: Int)?
        if !monthText.isEmpty {
            let parts = monthText.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, (1900...2100).contains(parts[0]), (1...12).contains(parts[1]) else {
                throw AppError.validation(["month": "events.error.month"])
            }
            month = (parts[0], parts[1])
        }
        let today = ISODay.format(services.clock.now())
        let chosen = month
        return HTMLResponse(
            html: try await services.knowledgeText(request, context) {
                EventPages.calendar(
                    Self.views(try await published(.event).sort(\.$startsOn).all()), month: chosen, today: today,
                    chrome: services.chrome(request, context))
            })
    }

    func show(_ kind: KnowledgeKind) -> @Sendable (Request, AppRequestContext) async throws -> HTMLResponse {
        { request, context in
            let slug = try context.parameters.require("slug")
            return HTMLResponse(
                html: try await services.knowledgeText(request, context) {
                    guard let item = try await published(kind).filter(\.$slug == slug).first() else { throw AppError.notFound }
                    return KnowledgePages.detail(Self.views([item])[0], chrome: services.chrome(request, context))
                })
        }
    }
}
