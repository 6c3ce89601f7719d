import CarbonAccounting
import FluentKit
import Hummingbird
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// The registry across cities: every target with its progress and every action.
struct RegistryData: Sendable {
    let targets: [EvaluatedTarget]
    let actions: [ActionSummary]
    let countries: [UUID: String]
}

/// Filters of the registry lists (query string names).
struct RegistryFilter: Sendable, Hashable {
    var kind = ""
    var year = ""
    var country = ""
    var sector = ""
    var status = ""

    init(kind: String = "", year: String = "", country: String = "", sector: String = "", status: String = "") {
        self.kind = kind
        self.year = year
        self.country = country
        self.sector = sector
        self.status = status
    }

    /// Unknown values are refused by name, so a mistyped link says so instead of listing nothing.
    func problems() -> [String: String] {
        var errors: [String: String] = [:]
        if !kind.isEmpty && TargetKind(rawValue: kind) == nil { errors["kind"] = "validation.choice" }
        if !year.isEmpty && (Int(year).map { !(1900...2100).contains($0) } ?? true) { errors["year"] = "validation.choice" }
        if !sector.isEmpty && (Sector(rawValue: sector) == nil || sector == "VI") { errors["sector"] = "validation.choice" }
        if !status.isEmpty && !Vocabulary.actionStatuses.contains(status) { errors["status"] = "validation.choice" }
        if !country.isEmpty && (country.count != 2 || !country.allSatisfy { $0.isLetter && $0.isASCII }) {
            errors["country"] = "validation.choice"
        }
        return errors
    }

    func targets(_ data: RegistryData) -> [EvaluatedTarget] {
        data.targets.filter { item in
            (kind.isEmpty || item.target.row.target.kind.rawValue == kind)
                && (year.isEmpty || String(item.target.row.target.targetYear) == year)
                && (country.isEmpty || data.countries[item.target.cityID] == country.uppercased())
        }
    }

    func actions(_ data: RegistryData) -> [ActionSummary] {
        data.actions.filter { action in
            (sector.isEmpty || action.sector.rawValue == sector) && (status.isEmpty || action.status == status)
                && (country.isEmpty || data.countries[action.cityID] == country.uppercased())
        }
    }
}

/// The registry data, computed once per state of the data it depends on. One SQL query gives the
/// stamp of everything progress and the lists read; while it is unchanged, a request costs that
/// query and a filter over memory.
final class RegistryCache: Sendable {
    private let entry = NIOLockedValueBox<(stamp: String, data: RegistryData)?>(nil)

    func get(_ stamp: String) -> RegistryData? { entry.withLockedValue { $0?.stamp == stamp ? $0?.data : nil } }
    func put(_ stamp: String, _ data: RegistryData) { entry.withLockedValue { $0 = (stamp, data) } }

    static func stamp(on db: any Database) async throws -> String {
        // Maxima of indexed timestamps (inventories change `updated_at` with every version), and
        // counts only where rows can be deleted and the table stays small.
        let query: SQLQueryString = """
            SELECT
              (SELECT COUNT(*) FROM city_targets) AS targets, (SELECT MAX(updated_at) FROM city_targets) AS targets_at,
              (SELECT MAX(updated_at) FROM inventories) AS inventories_at,
              (SELECT COUNT(*) FROM reported_emissions) AS reported, (SELECT COUNT(*) FROM city_facts) AS facts,
              (SELECT COUNT(*) FROM mitigation_actions) AS actions, (SELECT MAX(updated_at) FROM mitigation_actions) AS actions_at,
              (SELECT MAX(created_at) FROM action_updates) AS updates_at, (SELECT COUNT(*) FROM action_plans) AS plans,
              (SELECT COUNT(*) FROM city_forecasts) AS forecasts, (SELECT MAX(updated_at) FROM city_forecasts) AS forecasts_at,
              (SELECT MAX(updated_at) FROM cities) AS cities_at
            """
        guard let row = try await db.sql().raw(query).first() else { return "" }
        func count(_ name: String) throws -> String { String(try row.decode(column: name, as: Int?.self) ?? 0) }
        func date(_ name: String) throws -> String {
            String(try row.decode(column: name, as: Date?.self)?.timeIntervalSince1970 ?? 0)
        }
        return [
            try count("targets"), try date("targets_at"), try date("inventories_at"), try count("reported"), try count("facts"),
            try count("actions"), try date("actions_at"), try date("updates_at"), try count("plans"), try count("forecasts"),
            try date("forecasts_at"), try date("cities_at"),
        ].joined(separator: "|")
    }
}

extension Services {
    /// Every target with progress (baseline-scenario targets against the city's forecast) and every
    /// action, from the cache while the data is unchanged.
    func registry() async throws -> RegistryData {
        let stamp = try await RegistryCache.stamp(on: db)
        if let cached = registryCache.get(stamp) { return cached }
        let cities = try await City.query(on: db).all()
        let byID = Dictionary(uniqueKeysWithValues: try cities.map { (try $0.requireID(), $0) })
        let records = try await CityTarget.query(on: db).sort(\.$targetYear).sort(\.$kind).all()
        let summaries = try records.compactMap { record in try byID[record.$city.id].map { try TargetSummary(record, city: $0) } }
        let data = try await PerformanceData.load(city: nil, on: db)
        var bau: [UUID: Series] = [:]
        let baselineCities = Set(summaries.filter { $0.row.target.kind == .baselineScenario }.map(\.cityID))
        if !baselineCities.isEmpty {
            for record in try await CityForecast.query(on: db).filter(\.$city.$id ~~ Array(baselineCities)).all() {
                guard let city = byID[record.$city.id] else { continue }
                if case .success(let view) = try await forecast(city: city, settings: record.settings, actions: []) {
                    bau[record.$city.id] = view.forecast.bauSeries
                }
            }
        }
        let evaluated = try await evaluator.evaluate(summaries, data: data, bau: bau)
        let sorted = evaluated.sorted {
            ($0.target.row.target.targetYear, $0.target.cityNames["en"] ?? "") < (
                $1.target.row.target.targetYear, $1.target.cityNames["en"] ?? ""
            )
        }
        let registry = RegistryData(
            targets: sorted, actions: try await actions.actions(city: nil),
            countries: byID.mapValues(\.country))
        registryCache.put(stamp, registry)
        return registry
    }
}

extension Services {
    /// A visitor's page of the registry (city targets, forecast, actions, registry pages), from the
    /// page cache while the registry stamp, the day (plan follow-up dates) and the language are the
    /// same. Signed-in people always get a fresh page (forms, reminders).
    func registryPage(
        _ request: Request, _ context: AppRequestContext, render: () async throws -> String
    ) async throws -> HTMLResponse {
        guard context.user == nil else { return HTMLResponse(html: try await render()) }
        let stamp = try await RegistryCache.stamp(on: db)
        let key = "\(stamp)|\(ISODay.format(clock.now()))|\(context.locale.rawValue)|\(request.uri.description)"
        if let html = registryPages.get(key) { return HTMLResponse(html: html) }
        let html = try await render()
        registryPages.put(key, html)
        return HTMLResponse(html: html)
    }
}
