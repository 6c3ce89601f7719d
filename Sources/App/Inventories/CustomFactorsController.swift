import CarbonAccounting
import FluentKit
import Foundation
import Hummingbird

/// A city's user-defined emission factors: listed for everyone (published inventories cite
/// them), added and removed by the city's editors.
struct CustomFactorsController: Sendable {
    let services: Services

    func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let city = try await services.city(slug: try context.parameters.require("slug"))
        let factors = try await Self.factors(of: city, on: services.db)
        let canEdit = EditorRule.mayEdit(city: try city.requireID(), user: context.user)
        if canEdit {
            return try await services.formPage(request, context) { chrome, csrf in
                CustomFactorPages.page(city: city, factors: factors, form: [:], errors: [:], csrf: csrf, chrome: chrome)
            }
        }
        return HTMLResponse(
            html: CustomFactorPages.page(
                city: city, factors: factors, form: [:], errors: [:], csrf: nil, chrome: services.chrome(request, context)))
    }

    func add(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        let form = try await FormData.read(request)
        var fields: [String: String] = [:]
        for name in CustomFactorForm.fields { fields[name] = form[name] }
        let (factor, errors) = CustomFactorForm.validate(fields, tree: services.reference.tree)
        guard errors.isEmpty, let factor else {
            let factors = try await Self.factors(of: city, on: services.db)
            let entered = fields
            return try await services.formPage(request, context.base, status: .unprocessableContent) { chrome, csrf in
                CustomFactorPages.page(city: city, factors: factors, form: entered, errors: errors, csrf: csrf, chrome: chrome)
            }.response(from: request, context: context)
        }
        let audited = fields.mapValues { Optional($0) }
        let record = CustomFactor(
            cityID: try city.requireID(), name: factor.name, fuel: factor.fuel, co2: factor.co2, ch4: factor.ch4, n2o: factor.n2o,
            unit: factor.unit.description, gpcRefs: factor.gpcRefs, publisher: factor.publisher, document: factor.document,
            year: factor.year, region: factor.region, createdBy: context.user.id)
        let now = services.clock.now()
        try await services.db.transaction { db in
            try await record.create(on: db)
            try await Audit.record(
                "factor.create", entity: "custom_factor", id: try record.requireID().uuidString, actor: context.user, before: nil,
                after: audited, at: now, on: db)
        }
        return try SeeOther(location: Paths.cityFactors(city.slug)).response(from: request, context: context)
    }

    func delete(_ request: Request, context: CityEditorContext) async throws -> Response {
        let city = context.city
        guard let id = UUID(uuidString: try context.parameters.require("id")),
            let record = try await CustomFactor.query(on: services.db).filter(\.$id == id).filter(\.$city.$id == city.requireID())
                .first()
        else { throw AppError.notFound }
        let now = services.clock.now()
        try await services.db.transaction { db in
            try await record.delete(on: db)
            try await Audit.record(
                "factor.delete", entity: "custom_factor", id: id.uuidString, actor: context.user, before: ["name": record.name],
                after: nil, at: now, on: db)
        }
        return try SeeOther(location: Paths.cityFactors(city.slug)).response(from: request, context: context)
    }

    static func factors(of city: City, on db: any Database) async throws -> [EmissionFactor] {
        try await CustomFactor.query(on: db).filter(\.$city.$id == city.requireID()).sort(\.$name).all().compactMap(
            \.emissionFactor)
    }

}

/// The form of a user-defined factor, validated into an `EmissionFactor`.
enum CustomFactorForm {
    static let fields = ["name", "fuel", "co2", "ch4", "n2o", "unit", "gpc_refs", "publisher", "document", "year", "region"]

    static func validate(_ fields: [String: String], tree: GPCTree) -> (EmissionFactor?, [String: String]) {
        var errors: [String: String] = [:]
        func text(_ name: String, limit: Int, required: Bool = false) -> String {
            let value = (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if required && value.isEmpty { errors[name] = "validation.required" }
            if value.count > limit { errors[name] = "validation.too_long" }
            return value
        }
        let name = text("name", limit: 200, required: true)
        let fuel = text("fuel", limit: 100)
        let publisher = text("publisher", limit: 300, required: true)
        let document = text("document", limit: 500)
        let year = text("year", limit: 20)
        let region = text("region", limit: 200)
        var values: [String: Double] = [:]
        for gas in ["co2", "ch4", "n2o"] {
            let raw = text(gas, limit: 40)
            guard !raw.isEmpty else { continue }
            if let value = Double(raw), value.isFinite, value >= 0 {
                values[gas] = value
            } else {
                errors[gas] = "validation.number"
            }
        }
        if values.isEmpty && errors["co2"] == nil { errors["co2"] = "factors.one_value" }
        let unit = FactorUnit.parse(text("unit", limit: 40, required: true))
        if unit == nil && errors["unit"] == nil { errors["unit"] = "factors.unit_invalid" }
        let refs = text("gpc_refs", limit: 400, required: true).split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if !refs.isEmpty && refs.contains(where: { tree[$0] == nil }) { errors["gpc_refs"] = "factors.refs_invalid" }
        guard errors.isEmpty, let unit else { return (nil, errors) }
        return (
            EmissionFactor(
                id: "", kind: .custom, name: name, fuel: fuel, co2: values["co2"], ch4: values["ch4"], n2o: values["n2o"],
                unit: unit,
                gpcRefs: refs, publisher: publisher, document: document, table: "", year: year, region: region,
                confidence: "USER-DEFINED", source: "custom_factors"), errors
        )
    }
}

enum CustomFactorPages {
    static func page(
        city: City, factors: [EmissionFactor], form values: [String: String], errors: [String: String], csrf: String?,
        chrome: Chrome
    ) -> String {
        let t = chrome.t
        let cityName = t.pick(city.names)
        let title = t("factors.city_title", ["city": cityName])
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.cityInventories(city.slug))) { t("inventories.city_title", ["city": cityName]) }
            }
            h1 { title }
            para(.class("lead")) { t("factors.city_lead") }
            para { link(.href(Paths.emissionFactors)) { t("factors.title") } }
            if factors.isEmpty {
                para(.class("empty")) { t("factors.none") }
            } else {
                TemplatePages.factorTable(factors, t: t, deleteFor: csrf.map { (city.slug, $0) })
            }
            if let csrf {
                section {
                    h2 { t("factors.add") }
                    if let summary = Forms.errorSummary(errors, order: CustomFactorForm.fields, t: t) { summary }
                    form(.action(Paths.cityFactors(city.slug)), .post, .class("line-form")) {
                        Forms.csrf(csrf)
                        for name in CustomFactorForm.fields {
                            Forms.text(
                                name, label: t("factor_field.\(name)"), value: values[name] ?? "", errors: errors, t: t,
                                required: ["name", "unit", "gpc_refs", "publisher"].contains(name),
                                hint: ["unit", "gpc_refs", "fuel"].contains(name) ? t("factor_hint.\(name)") : nil, maxLength: 500
                            )
                        }
                        Forms.submit(t("factors.add"))
                    }
                }
            }
        }
    }
}
