import CarbonAccounting
import FluentKit
import Foundation
import Hummingbird

/// A city's actions and action plans: lists and details for everyone; changes and progress
/// updates by the city's editors.
struct ActionsController: Sendable {
    let services: Services

    func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let key = services.planKey(try context.parameters.require("slug"))
        let now = services.clock.now()
        return try await services.cachedPage(
            RegistryReads.plan, key, request, context,
            rights: .cityEditor { $0?.cityID }
        ) { plan, chrome in
            guard let plan else { throw AppError.notFound }
            let canEdit = EditorRule.mayEdit(city: plan.cityID, user: chrome.user)
            return ActionPages.list(
                plan: plan, canEdit: canEdit, now: now, planErrors: [:], csrf: chrome.csrfToken, chrome: chrome)
        }
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let city = try await services.city(slug: try context.parameters.require("slug"))
        let action = try await summary(try context.parameters.require("id"), city: city)
        let plans = try await services.actions.plans(of: city)
        let plan = plans.first { $0.id == action.planID }
        let now = services.clock.now()
        let benefits = try await coBenefits(action, city: city)
        if EditorRule.mayEdit(city: try city.requireID(), user: context.user) {
            return try await services.formPage(request, context) { chrome, csrf in
                ActionPages.detail(
                    action, plan: plan, canEdit: true, now: now, fields: [:], errors: [:], csrf: csrf, chrome: chrome,
                    coBenefits: benefits)
            }
        }
        return HTMLResponse(
            html: ActionPages.detail(
                action, plan: plan, canEdit: false, now: now, fields: [:], errors: [:], csrf: nil,
                chrome: services.chrome(request, context), coBenefits: benefits))
    }

    func newForm(_ request: Request, context: CityEditorContext) async throws -> HTMLResponse {
        let city = context.city
        let plans = try await services.actions.plans(of: city)
        return try await services.formPage(request, context.base) { chrome, csrf in
            ActionPages.actionForm(
                citySlug: city.slug, cityNames: city.names, editing: nil, plans: plans,
                fields: ["start_year": String(Calendar.current.component(.year, from: services.clock.now()))], errors: [:],
                csrf: csrf, chrome: chrome)
        }
    }

    func create(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        return try await save(request, context: context, city: city, action: nil)
    }

    func editForm(_ request: Request, context: CityEditorContext) async throws -> HTMLResponse {
        let city = context.city
        let action = try await services.actions.find(try context.parameters.require("id"), city: city)
        let plans = try await services.actions.plans(of: city)
        let fields = ActionInput.fields(of: action)
        return try await services.formPage(request, context.base) { chrome, csrf in
            ActionPages.actionForm(
                citySlug: city.slug, cityNames: city.names, editing: action.id, plans: plans, fields: fields, errors: [:],
                csrf: csrf,
                chrome: chrome)
        }
    }

    func update(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        let action = try await services.actions.find(try context.parameters.require("id"), city: city)
        return try await save(request, context: context, city: city, action: action)
    }

    func delete(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        let action = try await services.actions.find(try context.parameters.require("id"), city: city)
        try await services.actions.delete(action, by: context.user)
        return try SeeOther(location: Paths.cityActions(city.slug)).response(from: request, context: context)
    }

    func addUpdate(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        let action = try await services.actions.find(try context.parameters.require("id"), city: city)
        let form = try await FormData.read(request)
        var fields: [String: String] = [:]
        for name in UpdateInput.fields { fields[name] = form[name] }
        let (input, errors) = UpdateInput.validate(fields, now: services.clock.now())
        guard let input, errors.isEmpty else {
            let view = try await summary(try action.requireID().uuidString, city: city)
            let plans = try await services.actions.plans(of: city)
            let now = services.clock.now()
            let entered = fields
            let benefits = try await coBenefits(view, city: city)
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
                ActionPages.detail(
                    view, plan: plans.first { $0.id == view.planID }, canEdit: true, now: now, fields: entered, errors: errors,
                    csrf: csrf, chrome: chrome, coBenefits: benefits)
            }.response(from: request, context: context)
        }
        try await services.actions.addUpdate(input, to: action, by: context.user)
        return try SeeOther(location: Paths.action(city.slug, try action.requireID())).response(from: request, context: context)
    }

    func createPlan(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        let form = try await FormData.read(request)
        var errors: [String: String] = [:]
        if form["title"].isEmpty { errors["title"] = "validation.required" }
        if form["origin"].isEmpty { errors["origin"] = "validation.required" }
        for name in ActionPages.planFields where form[name].count > (name == "summary" ? 2000 : 300) {
            errors[name] = "validation.too_long"
        }
        for name in ["drafted_on", "follow_up_by"] where !form[name].isEmpty && ISODay.parse(form[name]) == nil {
            errors[name] = "actions.error.date"
        }
        guard errors.isEmpty else {
            let plan = try await services.plan(of: city)
            let now = services.clock.now()
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
                ActionPages.list(plan: plan, canEdit: true, now: now, planErrors: errors, csrf: csrf, chrome: chrome)
            }.response(from: request, context: context)
        }
        _ = try await services.actions.createPlan(
            title: form["title"], origin: form["origin"], draftedOn: form["drafted_on"].isEmpty ? nil : form["drafted_on"],
            followUpBy: form["follow_up_by"].isEmpty ? nil : form["follow_up_by"], summary: form["summary"], city: city,
            by: context.user)
        return try SeeOther(location: Paths.cityActions(city.slug)).response(from: request, context: context)
    }

    private func save(_ request: Request, context: CityEditorContext, city: City, action: MitigationAction?) async throws
        -> Response
    {
        let form = try await FormData.read(request)
        var fields: [String: String] = [:]
        for name in ActionForm.fields { fields[name] = form[name] }
        for language in Vocabulary.contentLanguages {
            fields["title_\(language)"] = form["title_\(language)"]
            fields["description_\(language)"] = form["description_\(language)"]
        }
        let plans = try await services.actions.plans(of: city)
        let (input, errors) = ActionForm.validate(
            fields, coBenefits: form.all("co_benefits"), tree: services.reference.tree, plans: Set(plans.map(\.id)),
            reference: services.reference)
        guard let input, errors.isEmpty else {
            var entered = fields
            entered["co_benefits"] = form.all("co_benefits").joined(separator: ";")
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
                ActionPages.actionForm(
                    citySlug: city.slug, cityNames: city.names, editing: action?.id, plans: plans, fields: entered,
                    errors: errors,
                    csrf: csrf, chrome: chrome)
            }.response(from: request, context: context)
        }
        let saved: MitigationAction
        if let action {
            try await services.actions.update(action, with: input, by: context.user)
            saved = action
        } else {
            saved = try await services.actions.create(input, city: city, by: context.user)
        }
        return try SeeOther(location: Paths.action(city.slug, try saved.requireID())).response(from: request, context: context)
    }

    /// The reductions computed from the action's energy avoided (nil when it states none).
    private func coBenefits(_ action: ActionSummary, city: City) async throws -> ActionCoBenefits? {
        guard !action.energyAvoided.isEmpty else { return nil }
        let basis = try await services.coBenefitBasis(city: try city.requireID())
        return ActionCoBenefits.compute(
            action.energyAvoided, reference: services.reference, set: basis.set, edition: basis.edition)
    }

    private func summary(_ id: String, city: City) async throws -> ActionSummary {
        let record = try await services.actions.find(id, city: city)
        guard let found = try await services.actions.actions(city: city, id: record.requireID()).first else {
            throw AppError.notFound
        }
        return found
    }

}
