import Foundation
import Hummingbird

/// The knowledge hub's public pages: the hub, lists by kind, records at stable URLs, the events
/// calendar (month and list).
struct KnowledgeController: Sendable {
    let services: Services

    func hub(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        HTMLResponse(
            html: try await services.knowledgeText(request, context) {
                let today = ISODay.format(services.clock.now())
                return KnowledgePages.hub(
                    try await KnowledgeQueries.hub(today: today, on: services.db), chrome: services.chrome(request, context))
            })
    }

    func caseStudies(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await list(.caseStudy, request, context)
    }

    func publications(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await list(.publication, request, context)
    }

    func news(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await list(.news, request, context)
    }

    private func list(_ kind: KnowledgeKind, _ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        HTMLResponse(
            html: try await services.knowledgeText(request, context) {
                KnowledgePages.list(
                    try await KnowledgeQueries.list(kind, on: services.db), chrome: services.chrome(request, context))
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
                    EventCalendarModel(events: try await KnowledgeQueries.events(on: services.db), month: chosen, today: today),
                    chrome: services.chrome(request, context))
            })
    }

    func show(_ kind: KnowledgeKind) -> @Sendable (Request, AppRequestContext) async throws -> HTMLResponse {
        { request, context in
            let slug = try context.parameters.require("slug")
            return HTMLResponse(
                html: try await services.knowledgeText(request, context) {
                    guard let model = try await KnowledgeQueries.detail(kind, slug: slug, on: services.db) else {
                        throw AppError.notFound
                    }
                    return KnowledgePages.detail(model, chrome: services.chrome(request, context))
                })
        }
    }
}
