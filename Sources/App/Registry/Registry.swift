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

extension QueryContext {
    /// Every target with progress (baseline-scenario targets against the city's forecast) and every
    /// action (`RegistryReads.registry` keeps it).
    func registry() async throws -> RegistryData {
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
        return registry
    }
}
