import CarbonAccounting
import FluentKit
import Foundation
import Hummingbird
import NIOCore

/// Targets, forecasts, actions and the registry in the JSON API: the same services and rules as
/// the site.
struct RegistryAPI: Sendable {
    let services: Services

    struct TargetList: Encodable, Sendable {
        let city: String
        let targets: [TargetDocument]
    }

    func targets(_ request: Request, context: AppRequestContext) async throws -> RawJSON {
        try await planDocument(context, name: "targets.json") { plan, t in
            try APIJSON.encode(
                TargetList(
                    city: plan.citySlug,
                    targets: plan.targets.map { TargetDocument($0, gap: plan.forecast?.gaps[$0.target.id], t: t) }))
        }
    }

    /// A JSON document made from a city's cached plan, kept with it until its tables change.
    private func planDocument(
        _ context: AppRequestContext, name: String, encode: (CityPlan, Translator) throws -> String
    ) async throws -> RawJSON {
        let key = services.planKey(try context.parameters.require("slug"))
        let t = services.translator(.en)
        return RawJSON(
            body: try await services.cache.text(RegistryReads.plan, key, variant: name, in: services.query) { plan in
                guard let plan else { throw AppError.notFound }
                return try encode(plan, t)
            })
    }

    struct ImportResultBody: Encodable, Sendable {
        let created: Int
        let updated: Int
    }

    /// `POST /api/v1/targets` with a text/csv body in the targets template.
    func importTargets(_ request: Request, context: SignedInContext) async throws -> JSONBody<ImportResultBody> {
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        guard contentType.hasPrefix("text/csv") || contentType.hasPrefix("text/plain") else {
            throw AppError(kind: .unsupportedMediaType, messageKey: "error.csv_content_type")
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: UploadLimits.importBytes) } catch {
            throw AppError(kind: .payloadTooLarge, messageKey: "error.upload_too_large")
        }
        let text = try UploadedCSV.text(Array(buffer.readableBytesView), filename: nil, contentType: nil)
        let result = try await services.targets.importCSV(text, city: nil, by: context.user)
        return JSONBody(value: ImportResultBody(created: result.created, updated: result.updated), status: .ok)
    }

    struct ActionList: Encodable, Sendable {
        let city: String
        let actions: [ActionDocument]
    }

    func actions(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ActionList> {
        let city = try await services.city(slug: try context.parameters.require("slug"))
        return JSONBody(
            value: ActionList(city: city.slug, actions: try await services.actions.actions(city: city).map(ActionDocument.init)))
    }

    struct ActionBody: Decodable, Sendable {
        let titles: [String: String]?
        let descriptions: [String: String]?
        let sector: String?
        let gpcRef: String?
        let actionType: String?
        let owner: String?
        let status: String?
        let startYear: Int?
        let endYear: Int?
        let cost: Double?
        let currency: String?
        let funding: String?
        let expectedReduction: Double?
        let reductionMethod: String?
        let rampUpYears: Int?
        let coBenefits: [String]?
        let sdgs: [Int]?
        let links: [String]?
        let updateEveryDays: Int?
        let planID: String?
        /// Fuel or energy avoided (at most three entries), instead of `expected_reduction`.
        let energyAvoided: [EnergyAvoidedBody]?

        struct EnergyAvoidedBody: Decodable, Sendable {
            let gpcRef: String?
            let fuel: String?
            let amount: Double?
            let unit: String?
            let vehicle: String?
            enum CodingKeys: String, CodingKey {
                case gpcRef = "gpc_ref"
                case fuel, amount, unit, vehicle
            }
        }

        enum CodingKeys: String, CodingKey {
            case titles, descriptions, sector
            case gpcRef = "gpc_ref"
            case actionType = "action_type"
            case owner, status
            case startYear = "start_year"
            case endYear = "end_year"
            case cost, currency, funding
            case expectedReduction = "expected_reduction"
            case reductionMethod = "reduction_method"
            case rampUpYears = "ramp_up_years"
            case coBenefits = "co_benefits"
            case sdgs, links
            case updateEveryDays = "update_every_days"
            case planID = "plan_id"
            case energyAvoided = "energy_avoided"
        }

        static let keys: Set<String> = [
            "titles", "descriptions", "sector", "gpc_ref", "action_type", "owner", "status", "start_year", "end_year", "cost",
            "currency", "funding", "expected_reduction", "reduction_method", "ramp_up_years", "co_benefits", "sdgs", "links",
            "update_every_days", "plan_id", "energy_avoided",
        ]

        /// The form's fields, so the API and the form share one validation.
        var fields: [String: String] {
            var fields: [String: String] = [
                "sector": sector ?? "", "gpc_ref": gpcRef ?? "", "action_type": actionType ?? "", "owner": owner ?? "",
                "status": status ?? "planned", "start_year": startYear.map(String.init) ?? "",
                "end_year": endYear.map(String.init) ?? "",
                "cost": cost.map(LineColumns.format) ?? "", "currency": currency ?? "", "funding": funding ?? "",
                "expected_reduction": expectedReduction.map(LineColumns.format) ?? "", "reduction_method": reductionMethod ?? "",
                "ramp_up_years": rampUpYears.map(String.init) ?? "", "sdgs": (sdgs ?? []).map(String.init).joined(separator: ","),
                "links": (links ?? []).joined(separator: "\n"), "update_every_days": updateEveryDays.map(String.init) ?? "",
                "plan": planID ?? "",
            ]
            for (language, title) in titles ?? [:] { fields["title_\(language)"] = title }
            for (language, text) in descriptions ?? [:] { fields["description_\(language)"] = text }
            for (index, entry) in (energyAvoided ?? []).enumerated() {
                let row = index + 1
                fields[EnergyAvoidedForm.name(row, "gpc_ref")] = entry.gpcRef ?? ""
                fields[EnergyAvoidedForm.name(row, "fuel")] = entry.fuel ?? ""
                fields[EnergyAvoidedForm.name(row, "amount")] = entry.amount.map(LineColumns.format) ?? ""
                fields[EnergyAvoidedForm.name(row, "unit")] = entry.unit ?? ""
                fields[EnergyAvoidedForm.name(row, "vehicle")] = entry.vehicle ?? ""
            }
            return fields
        }
    }

    func createAction(_ request: Request, context: CityEditorContext) async throws -> JSONBody<ActionDocument> {
        let city = context.city
        let body = try await APIRequest.decode(ActionBody.self, from: request, allowedKeys: ActionBody.keys)
        var errors: [String: String] = [:]
        for language in (body.titles ?? [:]).keys where !Vocabulary.contentLanguages.contains(language) {
            errors["titles.\(language)"] = "validation.choice"
        }
        if (body.energyAvoided ?? []).count > EnergyAvoidedForm.rows { errors["energy_avoided"] = "validation.too_long" }
        let plans = try await services.actions.plans(of: city)
        let (input, found) = ActionForm.validate(
            body.fields, coBenefits: body.coBenefits ?? [], tree: services.reference.tree, plans: Set(plans.map(\.id)),
            reference: services.reference)
        errors.merge(found.mapKeys { $0 == "title_en" ? "titles" : $0 == "plan" ? "plan_id" : $0 }) { a, _ in a }
        guard errors.isEmpty, let input else { throw AppError.validation(errors) }
        let action = try await services.actions.create(input, city: city, by: context.user)
        let document = try await document(try action.requireID(), city: city)
        return JSONBody(value: document, status: .created, location: Paths.apiActions(city.slug))
    }

    struct UpdateBody: Decodable, Sendable {
        let date: String?
        let status: String?
        let achievedReduction: Double?
        let evidence: String?
        let note: String?
        enum CodingKeys: String, CodingKey {
            case date, status
            case achievedReduction = "achieved_reduction"
            case evidence, note
        }
    }

    func addUpdate(_ request: Request, context: CityEditorContext) async throws -> JSONBody<ActionDocument> {
        let city = context.city
        let action = try await services.actions.find(try context.parameters.require("id"), city: city)
        let body = try await APIRequest.decode(
            UpdateBody.self, from: request, allowedKeys: ["date", "status", "achieved_reduction", "evidence", "note"])
        let (input, errors) = UpdateInput.validate(
            [
                "on_date": body.date ?? "", "status": body.status ?? action.status.rawValue,
                "achieved_reduction": body.achievedReduction.map(LineColumns.format) ?? "", "evidence": body.evidence ?? "",
                "note": body.note ?? "",
            ], now: services.clock.now())
        guard errors.isEmpty, let input else { throw AppError.validation(errors.mapKeys { $0 == "on_date" ? "date" : $0 }) }
        try await services.actions.addUpdate(input, to: action, by: context.user)
        return JSONBody(value: try await document(try action.requireID(), city: city), status: .created)
    }

    struct ForecastBody: Encodable, Sendable {
        let city: String
        @Null var forecast: ForecastDocument?
        @Null var problem: String?
    }

    func forecast(_ request: Request, context: AppRequestContext) async throws -> RawJSON {
        try await planDocument(context, name: "forecast.json") { plan, _ in
            try APIJSON.encode(
                ForecastBody(
                    city: plan.citySlug, forecast: plan.forecast.map(ForecastDocument.init),
                    problem: plan.forecastProblem ?? (plan.settings == nil ? "the city has no forecast settings" : nil)))
        }
    }

    func registry(_ request: Request, context: AppRequestContext) async throws -> RawJSON {
        try await planDocument(context, name: "registry.json") { plan, t in try APIJSON.encode(CityRegistryDocument(plan, t: t)) }
    }

    struct RegistryTargets: Encodable, Sendable {
        let total: Int
        let targets: [TargetDocument]
    }

    func registryTargets(_ request: Request, context: AppRequestContext) async throws -> JSONBody<RegistryTargets> {
        let filter = RegistryFilter(kind: request.query("kind"), year: request.query("year"), country: request.query("country"))
        let problems = filter.problems()
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let (page, perPage) = try APIRequest.paging(request)
        let all = filter.targets(try await services.registry())
        let rows = Paging.rows(page: page, perPage: perPage).clamped(to: 0..<all.count)
        let t = services.translator(.en)
        return JSONBody(value: RegistryTargets(total: all.count, targets: all[rows].map { TargetDocument($0, gap: nil, t: t) }))
    }

    struct RegistryActions: Encodable, Sendable {
        let total: Int
        let actions: [ActionDocument]
    }

    func registryActions(_ request: Request, context: AppRequestContext) async throws -> JSONBody<RegistryActions> {
        let filter = RegistryFilter(
            country: request.query("country"), sector: request.query("sector"), status: request.query("status"))
        let problems = filter.problems()
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let (page, perPage) = try APIRequest.paging(request)
        let all = filter.actions(try await services.registry())
        let rows = Paging.rows(page: page, perPage: perPage).clamped(to: 0..<all.count)
        return JSONBody(value: RegistryActions(total: all.count, actions: all[rows].map(ActionDocument.init)))
    }

    private func document(_ id: UUID, city: City) async throws -> ActionDocument {
        guard let summary = try await services.actions.actions(city: city, id: id).first else { throw AppError.notFound }
        return ActionDocument(summary)
    }
}

extension Dictionary where Key == String {
    func mapKeys(_ transform: (String) -> String) -> [String: Value] {
        Dictionary(map { (transform($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
    }
}
