import FluentKit
import Foundation
import Hummingbird

struct OrganisationsController: Sendable {
    let services: Services

    func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let filter = ListFilter(
            query: request.query("q"), country: request.query("country"), type: request.query("type"),
            page: request.pageNumber)
        return try await services.cachedPage(DirectoryReads.organisations, Whole(), request, context) { entries, chrome in
            let (page, countries) = entries.filtered(filter)
            return OrganisationPages.list(OrganisationListModel(page: page, filter: filter, countries: countries), chrome: chrome)
        }
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        guard let organisation = try await OrganisationQueries.bySlug(try context.parameters.require("slug"), on: services.db)
        else { throw AppError.notFound }
        let canEdit = context.user.map { Self.mayEdit(organisation, user: $0) } ?? false
        // Contacts and people are shown to signed-in members only, never to anonymous visitors.
        let showContacts = context.user != nil
        let members = showContacts ? try await OrganisationQueries.members(of: organisation.requireID(), on: services.db) : []
        let history =
            context.user?.isSecretariat == true
            ? try await AuditEntry.query(on: services.db).filter(\.$entityType == "organisation")
                .filter(\.$entityID == organisation.slug).sort(\.$createdAt, .descending).all() : []
        let model = OrganisationProfileModel(
            organisation: OrganisationRecord(organisation),
            members: members.map { MemberRow(name: $0.name, isExpert: $0.isExpert) },
            canEdit: canEdit, showContacts: showContacts,
            history: history.map {
                AuditRow(
                    createdAt: $0.createdAt, actorLabel: $0.actorLabel, action: $0.action, entityType: $0.entityType,
                    entityID: $0.entityID, before: $0.before, after: $0.after)
            })
        return HTMLResponse(html: OrganisationPages.profile(model, chrome: services.chrome(request, context)))
    }

    func edit(_ request: Request, context: SignedInContext) async throws -> HTMLResponse {
        let organisation = try await editable(context)
        return try await render(request, context, organisation, form: OrganisationForm(organisation: organisation), errors: [:])
    }

    func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let organisation = try await editable(context)
        let form = OrganisationForm(
            form: try await FormData.read(request), current: organisation,
            bySecretariat: context.user.isSecretariat)
        let errors = form.validate()
        guard errors.isEmpty else {
            return try await render(request, context, organisation, form: form, errors: errors, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let before = organisation.auditFields
        let now = services.clock.now()
        try await services.db.transaction { db in
            form.apply(to: organisation)
            try await organisation.save(on: db)
            try await Audit.record(
                "organisation.update", entity: "organisation", id: organisation.slug, actor: context.user,
                before: before, after: organisation.auditFields, at: now, on: db)
        }
        try await SearchIndexer(db: services.db).refresh(organisation: organisation)
        return try SeeOther(location: Paths.organisation(organisation.slug)).response(from: request, context: context)
    }

    static func mayEdit(_ organisation: Organisation, user: CurrentUser) -> Bool {
        user.isSecretariat
            || (user.organisationID != nil && user.organisationID == organisation.id && !user.organisationSuspended)
    }

    private func editable(_ context: SignedInContext) async throws -> Organisation {
        guard let organisation = try await OrganisationQueries.bySlug(try context.parameters.require("slug"), on: services.db)
        else { throw AppError.notFound }
        guard Self.mayEdit(organisation, user: context.user) else { throw AppError.forbidden }
        return organisation
    }

    private func render(
        _ request: Request, _ context: SignedInContext, _ organisation: Organisation, form: OrganisationForm,
        errors: [String: String], status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        try await services.formPage(request, context.base, status: status) { chrome, csrf in
            OrganisationEditPage.render(
                organisation, form: form, errors: errors, bySecretariat: context.user.isSecretariat,
                chrome: chrome, csrf: csrf)
        }
    }
}
