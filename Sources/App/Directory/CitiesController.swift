import FluentKit
import Foundation
import Hummingbird

/// The city directory and city profiles: browsing for everyone, editing for the city's own
/// members and the secretariat.
struct CitiesController: Sendable {
    let services: Services

    func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let filter = ListFilter(
            query: request.query("q"), country: request.query("country"), type: request.query("type"),
            page: request.pageNumber, perPage: 100)
        return try await services.cachedPage(DirectoryReads.cities, Whole(), request, context) { entries, chrome in
            let (page, countries) = entries.filtered(filter)
            return CityPages.list(CityListModel(page: page, filter: filter, countries: countries), chrome: chrome)
        }
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let slug = try context.parameters.require("slug")
        return try await services.cachedPage(
            CityReads.page, slug, request, context,
            rights: .cityEditor { $0?.profile.city.id }
        ) { page, chrome in
            guard let page else { throw AppError.notFound }
            let canEdit = page.profile.city.id.map { EditorRule.mayEdit(city: $0, user: chrome.user) } ?? false
            return CityPages.profile(
                CityProfileModel(profile: page.profile, dashboard: page.dashboard, canEdit: canEdit), chrome: chrome)
        }
    }

    func edit(_ request: Request, context: CityEditorContext) async throws -> HTMLResponse {
        let city = context.city
        let links = try await programmeSlugs(of: city)
        return try await render(request, context, city: city, form: CityForm(city: city, programmeSlugs: links), errors: [:])
    }

    func update(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        let form = CityForm(form: try await FormData.read(request))
        let programmes = try await Programme.query(on: services.db).all()
        let errors = form.validate(knownProgrammes: Set(programmes.map(\.slug)))
        guard errors.isEmpty else {
            return try await render(request, context, city: city, form: form, errors: errors, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let before = city.auditFields
        let beforeProgrammes = try await programmeSlugs(of: city)
        let now = services.clock.now()
        try await services.db.transaction { db in
            form.apply(to: city)
            try await city.save(on: db)
            let cityID = try city.requireID()
            try await CityProgramme.query(on: db).filter(\.$city.$id == cityID).delete()
            for programme in programmes where form.programmes.contains(programme.slug) {
                try await CityProgramme(cityID: cityID, programmeID: try programme.requireID()).create(on: db)
            }
            var after = city.auditFields
            after["programmes"] = form.programmes.sorted().joined(separator: ",")
            var beforeWithProgrammes = before
            beforeWithProgrammes["programmes"] = beforeProgrammes.sorted().joined(separator: ",")
            try await Audit.record(
                "city.update", entity: "city", id: city.slug, actor: context.user,
                before: beforeWithProgrammes, after: after, at: now, on: db)
        }
        try await SearchIndexer(db: services.db).refresh(city: city)
        return try SeeOther(location: Paths.city(city.slug)).response(from: request, context: context)
    }

    func addFact(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        let form = CityFactForm(form: try await FormData.read(request))
        let errors = form.validate()
        guard errors.isEmpty, let year = Int(form.year), let value = Validate.number(form.value) else {
            let links = try await programmeSlugs(of: city)
            return try await render(
                request, context, city: city, form: CityForm(city: city, programmeSlugs: links), errors: [:],
                factForm: form, factErrors: errors, status: .unprocessableContent
            )
            .response(from: request, context: context)
        }
        let now = services.clock.now()
        try await services.db.transaction { db in
            let fact = CityFact(
                cityID: try city.requireID(), indicator: form.indicator, year: year, value: value, unit: form.unit,
                source: form.source, sourceFile: nil, confidence: "REPORTED",
                note: "Entered by \(context.user.name)")
            try await fact.create(on: db)
            try await Audit.record(
                "city.fact.add", entity: "city", id: city.slug, actor: context.user, before: nil,
                after: [
                    "indicator": form.indicator, "year": form.year, "value": form.value, "unit": form.unit,
                    "source": form.source,
                ], at: now, on: db)
        }
        return try SeeOther(location: Paths.editCity(city.slug)).response(from: request, context: context)
    }

    func deleteFact(_ request: Request, context: CityEditorContext) async throws -> SeeOther {
        let city = context.city
        guard let factID = UUID(uuidString: try context.parameters.require("fact")),
            let fact = try await CityFact.query(on: services.db).filter(\.$id == factID).filter(\.$city.$id == city.requireID())
                .first()
        else { throw AppError.notFound }
        let now = services.clock.now()
        try await services.db.transaction { db in
            try await fact.delete(on: db)
            try await Audit.record(
                "city.fact.delete", entity: "city", id: city.slug, actor: context.user,
                before: [
                    "indicator": fact.indicator, "year": String(fact.year), "value": String(fact.value),
                    "unit": fact.unit, "source": fact.source,
                ], after: nil, at: now, on: db)
        }
        return SeeOther(location: Paths.editCity(city.slug))
    }

    private func programmeSlugs(of city: City) async throws -> [String] {
        try await CityProgramme.query(on: services.db).filter(\.$city.$id == city.requireID()).with(\.$programme).all()
            .map(\.programme.slug)
    }

    private func render(
        _ request: Request, _ context: CityEditorContext, city: City, form: CityForm, errors: [String: String],
        factForm: CityFactForm = CityFactForm(), factErrors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let facts = try await CityFact.query(on: services.db).filter(\.$city.$id == city.requireID())
            .sort(\.$indicator).sort(\.$year).all()
        let programmes = try await Programme.query(on: services.db).sort(\.$nameEn).all()
        let model = CityEditModel(
            city: CityEntry(city), form: form, errors: errors, facts: facts.map(FactRow.init), factForm: factForm,
            factErrors: factErrors, programmes: programmes.map { NamedLink(slug: $0.slug, names: $0.names) })
        return try await services.formPage(request, context.base, status: status) { chrome, csrf in
            CityEditPage.render(model, chrome: chrome, csrf: csrf)
        }
    }
}
