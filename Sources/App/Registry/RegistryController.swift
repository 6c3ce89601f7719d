import CarbonAccounting
import Foundation
import Hummingbird

/// The public registry: one page and one JSON document per city, the lists across cities, and
/// the open-data CSV exports of everything in it.
struct RegistryController: Sendable {
    let services: Services

    func city(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let key = services.planKey(try context.parameters.require("slug"))
        let now = services.clock.now()
        return try await services.cachedPage(RegistryReads.plan, key, request, context) { plan, chrome in
            guard let plan else { throw AppError.notFound }
            return RegistryPages.city(plan, now: now, chrome: chrome)
        }
    }

    func cityJSON(_ request: Request, context: AppRequestContext) async throws -> RawJSON {
        let key = services.planKey(try context.parameters.require("slug"))
        let t = services.translator(.en)
        return RawJSON(
            body: try await services.cache.text(RegistryReads.plan, key, variant: "registry.json", in: services.query) { plan in
                guard let plan else { throw AppError.notFound }
                return try APIJSON.encode(CityRegistryDocument(plan, t: t))
            })
    }

    func all(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let filter = RegistryFilter(
            kind: request.query("kind"), year: request.query("year"), country: request.query("country"),
            sector: request.query("sector"), status: request.query("status"))
        let problems = filter.problems()
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let now = services.clock.now()
        let page = request.pageNumber
        // The lists show follow-up relative to today: a visitor's page is kept for the day.
        return try await services.cachedPage(
            RegistryReads.registry, Whole(), request, context, variant: ISODay.format(now)
        ) { data, chrome in
            RegistryPages.all(data, filter: filter, page: page, now: now, chrome: chrome)
        }
    }

    func targetsCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let data = try await services.registry()
        let csv = RegistryCSV.targets(data.targets)
        return Self.csv(csv, filename: "lcc-registry-targets.csv")
    }

    func actionsCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let data = try await services.registry()
        return Self.csv(RegistryCSV.actions(data.actions), filename: "lcc-registry-actions.csv")
    }

    static func csv(_ text: String, filename: String) -> Response {
        var response = Response(status: .ok, body: .init(byteBuffer: .init(string: text)))
        response.headers[.contentType] = "text/csv; charset=utf-8"
        response.headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
        return response
    }
}

/// The open-data exports: the targets template plus progress columns, and the actions.
enum RegistryCSV {
    static let progressColumns = [
        "percent_achieved", "on_track", "latest_year", "progress_unit", "progress_gwp_set", "progress_reason",
    ]

    static func targets(_ targets: [EvaluatedTarget]) -> String {
        TargetCSV.write(targets.map(\.target.row), extra: progressColumns) { index in
            let item = targets[index]
            let progress = item.progress
            return [
                progress.percentAchieved.map(LineColumns.format) ?? "", progress.onTrack.map { $0 ? "true" : "false" } ?? "",
                progress.latestYear.map(String.init) ?? "", TargetText.unit(item), item.gwpSet?.rawValue ?? "",
                ([progress.reason].compactMap { $0 } + item.notes).joined(separator: "; "),
            ]
        }
    }

    static let actionColumns = [
        "city", "id", "title_en", "title_zh", "title_ja", "title_ko", "sector", "gpc_ref", "type", "owner", "status",
        "start_year",
        "end_year", "cost", "currency", "funding", "expected_reduction_tco2e_per_year", "reduction_method", "ramp_up_years",
        "co_benefits", "sdgs", "latest_achieved_tco2e_per_year", "latest_update", "links",
    ]

    static func actions(_ actions: [ActionSummary]) -> String {
        var out = CSV.row(actionColumns)
        for action in actions {
            out += CSV.row([
                action.citySlug, action.id.uuidString, action.titles["en"] ?? "", action.titles["zh"] ?? "",
                action.titles["ja"] ?? "",
                action.titles["ko"] ?? "", action.sector.rawValue, action.gpcRef ?? "", action.actionType, action.owner,
                action.status,
                String(action.startYear), action.endYear.map(String.init) ?? "", action.cost.map(LineColumns.format) ?? "",
                action.currency ?? "", action.funding, action.expectedReduction.map(LineColumns.format) ?? "",
                action.reductionMethod,
                String(action.rampUpYears), action.coBenefits.joined(separator: ";"),
                action.sdgs.map(String.init).joined(separator: ";"),
                action.latestAchieved.map { LineColumns.format($0.value) } ?? "",
                action.updates.first?.onDate ?? "", action.links.joined(separator: " "),
            ])
        }
        return out
    }
}
