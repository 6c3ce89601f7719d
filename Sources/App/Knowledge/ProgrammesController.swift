import Foundation
import Hummingbird

/// Programmes and networks (seed 004 Table 3, seed 003's programmes by pathway): a list by kind and
/// a page each with its cities and the hub's records that belong to it.
struct ProgrammesController: Sendable {
    let services: Services

    func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        HTMLResponse(
            html: try await services.knowledgeText(request, context) {
                ProgrammePages.list(
                    try await KnowledgeQueries.programmes(on: services.db), chrome: services.chrome(request, context))
            })
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let slug = try context.parameters.require("slug")
        return HTMLResponse(
            html: try await services.knowledgeText(request, context) {
                guard let model = try await KnowledgeQueries.programme(slug: slug, on: services.db) else {
                    throw AppError.notFound
                }
                return ProgrammePages.show(model, chrome: services.chrome(request, context))
            })
    }
}
