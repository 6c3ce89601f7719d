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
        KnowledgeItem.query(on: services.db).filter(\.$kind == kind.rawValue).filter(state: .published).with(\.$city)
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
        order: @escaping @Sendable (QueryBuilder<KnowledgeItem>) -> QueryBuilder<KnowledgeItem>
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

    /// The action plans drafted at an event (a training) and how far their follow-up has got.
    private func trainingPlans(_ item: KnowledgeItem) async throws -> [TrainingPlan] {
        guard item.kind == KnowledgeKind.event.rawValue else { return [] }
        let plans = try await ActionPlan.query(on: services.db).filter(\.$eventID == item.requireID()).with(\.$city).all()
        guard !plans.isEmpty else { return [] }
        let actions = try await MitigationAction.query(on: services.db).filter(\.$plan.$id ~~ plans.compactMap(\.id)).all()
        return plans.map { plan in
            let mine = actions.filter { $0.$plan.id == plan.id }
            return TrainingPlan(
                citySlug: plan.city.slug, cityNames: plan.city.names, title: plan.title, actions: mine.count,
                updated: mine.filter { $0.lastUpdateOn != nil && $0.status != .planned }.count)
        }
        .sorted { $0.citySlug < $1.citySlug }
    }

    func show(_ kind: KnowledgeKind) -> @Sendable (Request, AppRequestContext) async throws -> HTMLResponse {
        { request, context in
            let slug = try context.parameters.require("slug")
            return HTMLResponse(
                html: try await services.knowledgeText(request, context) {
                    guard let item = try await published(kind).filter(\.$slug == slug).first() else { throw AppError.notFound }
                    var photo: String?
                    if let photoID = item.photoID { photo = try await StoredFiles.name(photoID, on: services.db) }
                    return KnowledgePages.detail(
                        Self.views([item])[0], plans: try await trainingPlans(item), photoName: photo,
                        chrome: services.chrome(request, context))
                })
        }
    }
}
