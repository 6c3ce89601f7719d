import CarbonAccounting
import FluentKit
import Hummingbird
import Foundation

/// The forecast page and its settings form.
struct ForecastController: Sendable {
    let services: Services

    func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let key = services.planKey(try context.parameters.require("slug"))
        return try await services.cachedPage(
            RegistryReads.plan, key, request, context,
            rights: .cityEditor { $0?.cityID }
        ) { plan, chrome in
            guard let plan else { throw AppError.notFound }
            let canEdit = EditorRule.mayEdit(city: plan.cityID, user: chrome.user)
            return ForecastPages.page(
                plan: plan, canEdit: canEdit, fields: ForecastPages.fields(plan.settings), errors: [:], csrf: chrome.csrfToken,
                chrome: chrome)
        }
    }

    func save(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        let cityID = context.cityID
        let form = try await FormData.read(request)
        var fields: [String: String] = [:]
        for name in ForecastPages.fieldOrder { fields[name] = form[name] }
        var (settings, errors) = ForecastPages.validate(fields)
        if let settings {
            let base = try await Inventory.query(on: services.db).filter(\.$city.$id == cityID).filter(
                \.$year == settings.baseYear
            )
            .filter(\.$kindRaw == InventoryKind.community.rawValue)
            .filter(\.$stateRaw == InventoryState.published.rawValue).count()
            if base == 0 { errors["base_year"] = "forecast.error.no_base" }
        }
        guard errors.isEmpty, let settings else {
            let plan = try await services.plan(of: city)
            let entered = fields
            let found = errors
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
                ForecastPages.page(plan: plan, canEdit: true, fields: entered, errors: found, csrf: csrf, chrome: chrome)
            }.response(from: request, context: context)
        }
        try await services.saveForecast(settings, city: city, by: context.user)
        return try SeeOther(location: Paths.cityForecast(city.slug)).response(from: request, context: context)
    }
}

extension Services {
    func saveForecast(_ settings: ForecastSettings, city: City, by user: CurrentUser?) async throws {
        let cityID = try city.requireID()
        let now = clock.now()
        try await db.transaction { db in
            let record = try await CityForecast.query(on: db).filter(\.$city.$id == cityID).first()
            let saved = record ?? CityForecast(cityID: cityID, settings: settings, by: user?.id)
            saved.apply(settings)
            saved.updatedBy = user?.id
            try await saved.save(on: db)
            try await Audit.record(
                "forecast.save", entity: "city_forecast", id: city.slug, actor: user,
                after: ForecastPages.fields(settings).mapValues { Optional($0) }, at: now, on: db)
        }
    }
}
