import FluentKit
import Foundation
import Hummingbird

/// The membership application, its private status link, and the terms of reference.
struct MembershipController: Sendable {
    let services: Services
    var membership: MembershipService { MembershipService(services: services) }

    func applyForm(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        try await render(request, context, form: ApplicationForm(), errors: [:])
    }

    func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = ApplicationForm(form: try await FormData.read(request))
        switch try await membership.submit(form, locale: context.locale) {
        case .failure(let error):
            return try await render(request, context, form: form, errors: error.fieldErrors, status: .unprocessableContent)
                .response(from: request, context: context)
        case .success(let submitted):
            return try SeeOther(location: Paths.with(Paths.applicationStatus(submitted.token), query: [("new", "1")]))
                .response(from: request, context: context)
        }
    }

    func status(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let token = try context.parameters.require("token")
        guard let application = try await membership.byToken(token) else { throw AppError.notFound }
        let html = MembershipPages.status(
            try ApplicationSummary(application), link: Paths.applicationStatus(token), justSubmitted: request.query("new") == "1",
            chrome: services.chrome(request, context))
        return HTMLResponse(html: html)
    }

    func terms(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        HTMLResponse(html: TermsPage.render(chrome: services.chrome(request, context)))
    }

    private func render(
        _ request: Request, _ context: AppRequestContext, form: ApplicationForm, errors: [String: String],
        status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let t = services.translator(context.locale)
        let cities = try await City.query(on: services.db).sort(\.$nameEn).all()
            .map { (slug: $0.slug, name: "\(t.pick($0.names)) (\(Components.country($0.country, t: t)))") }
        let model = ApplyModel(form: form, errors: errors, cities: cities)
        return try await services.formPage(request, context, status: status) { chrome, csrf in
            MembershipPages.apply(model, chrome: chrome, csrf: csrf)
        }
    }
}
