import CarbonAccounting
import FluentKit
import Foundation
import SQLKit

/// A published inventory as progress needs it: its totals and the cells it leaves empty, read from
/// its current version row (no lines).
struct InventoryPoint: Sendable, Hashable {
    let id: UUID
    let cityID: UUID
    let year: Int
    let level: ReportingLevel
    let gwpSet: GWPSet
    let illustrative: Bool
    let totals: [TotalBasis: Double]
    /// Required cells without data or notation key; nil for versions written before this was recorded.
    let missingCells: [String]?
}

/// A reported total (CDP, CEADs) as progress can use it.
struct ReportedPoint: Sendable, Hashable {
    let year: Int
    let total: Double
    let co2Only: Bool
    let basis: String
    let source: String
    let confidence: String
}

/// Everything progress is computed from, for one city or all: published inventories, reported
/// totals, population and constant-price GDP series, and emission series kept as facts. Four
/// queries, whatever the number of cities.
struct PerformanceData: Sendable {
    var inventories: [UUID: [InventoryPoint]] = [:]
    var reported: [UUID: [ReportedPoint]] = [:]
    var population: [UUID: Series] = [:]
    /// GDP in one currency per city (the one with the most years): intensities need one unit.
    var gdp: [UUID: (unit: String, series: Series)] = [:]
    /// Inventories not (yet) published, by city and year: progress reads published inventories
    /// only, and says so when the year a target needs is one of these.
    var unpublished: [UUID: [Int: InventoryState]] = [:]
    /// Emission series kept as facts (`co2_total`, `ghg_total`), by city, in year order.
    var seriesFacts: [UUID: [SeriesFact]] = [:]
    /// Cities that have GDP only at current (or unstated) prices, which intensity never uses.
    var currentPriceGDP: Set<UUID> = []

    static func load(city: UUID?, on db: any Database) async throws -> PerformanceData {
        var data = PerformanceData()
        let sql = try db.sql()
        var inventoryQuery = sql.select()
            .columns(
                SQLColumn("id", table: "i"), SQLColumn("city_id", table: "i"), SQLColumn("year", table: "i"),
                SQLColumn("level", table: "i"), SQLColumn("gwp_set", table: "i"), SQLColumn("illustrative", table: "i"),
                SQLColumn("total_territorial", table: "v"), SQLColumn("total_basic", table: "v"),
                SQLColumn("total_basic_plus", table: "v"), SQLColumn("missing_cells", table: "v")
            )
            .from(SQLAlias(SQLIdentifier("inventories"), as: SQLIdentifier("i")))
            .join(
                SQLAlias(SQLIdentifier("inventory_versions"), as: SQLIdentifier("v")), method: SQLJoinMethod.inner,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(SQLColumn("inventory_id", table: "v"), .equal, SQLColumn("id", table: "i")), .and,
                    SQLBinaryExpression(SQLColumn("number", table: "v"), .equal, SQLColumn("version", table: "i")))
            )
            .where(SQLColumn("state", table: "i"), .equal, SQLBind(InventoryState.published.rawValue))
            // Targets are the community's: government operations never enter their progress.
            .where(SQLColumn("kind", table: "i"), .equal, SQLBind(InventoryKind.community.rawValue))
        if let city { inventoryQuery = inventoryQuery.where(SQLColumn("city_id", table: "i"), .equal, SQLBind(city)) }
        for row in try await inventoryQuery.all() {
            let cityID = try row.decode(column: "city_id", as: UUID.self)
            var totals: [TotalBasis: Double] = [:]
            totals[.territorial] = try row.decode(column: "total_territorial", as: Double?.self)
            totals[.basic] = try row.decode(column: "total_basic", as: Double?.self)
            totals[.basicPlus] = try row.decode(column: "total_basic_plus", as: Double?.self)
            let missing = try row.decode(column: "missing_cells", as: String?.self)
            data.inventories[cityID, default: []].append(
                InventoryPoint(
                    id: try row.decode(column: "id", as: UUID.self), cityID: cityID,
                    year: try row.decode(column: "year", as: Int.self),
                    level: ReportingLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .basic,
                    gwpSet: GWPSet(rawValue: try row.decode(column: "gwp_set", as: String.self)) ?? .ar5,
                    illustrative: try row.decode(column: "illustrative", as: Bool.self), totals: totals,
                    missingCells: missing.map { $0.split(separator: ",").map(String.init) }))
        }
        var unpublishedQuery = sql.select().columns("city_id", "year", "state").from("inventories")
            .where("state", .notEqual, SQLBind(InventoryState.published.rawValue))
            .where("kind", .equal, SQLBind(InventoryKind.community.rawValue))
        if let city { unpublishedQuery = unpublishedQuery.where("city_id", .equal, SQLBind(city)) }
        for row in try await unpublishedQuery.all() {
            if let state = InventoryState(rawValue: try row.decode(column: "state", as: String.self)) {
                data.unpublished[try row.decode(column: "city_id", as: UUID.self), default: [:]][
                    try row.decode(column: "year", as: Int.self)] = state
            }
        }
        var reportedQuery = sql.select().columns("city_id", "year", "total", "gases", "basis", "source", "confidence")
            .from("reported_emissions").where("total", .isNot, SQLLiteral.null)
        if let city { reportedQuery = reportedQuery.where("city_id", .equal, SQLBind(city)) }
        for row in try await reportedQuery.all() {
            data.reported[try row.decode(column: "city_id", as: UUID.self), default: []].append(
                ReportedPoint(
                    year: try row.decode(column: "year", as: Int.self), total: try row.decode(column: "total", as: Double.self),
                    co2Only: try row.decode(column: "gases", as: String.self).lowercased().hasPrefix("co2 only"),
                    basis: try row.decode(column: "basis", as: String.self),
                    source: try row.decode(column: "source", as: String.self),
                    confidence: try row.decode(column: "confidence", as: String.self)))
        }
        var factQuery = sql.select()
            .columns(
                "city_id", "indicator", "year", "value", "unit", "price_basis", "boundary_note", "note", "source", "confidence"
            )
            .from("city_facts")
            .where("indicator", .in, SQLBind.group(["population", "gdp", "co2_total", "ghg_total"]))
            .orderBy("city_id").orderBy("indicator").orderBy("year").orderBy("value")
        if let city { factQuery = factQuery.where("city_id", .equal, SQLBind(city)) }
        var population: [UUID: [Int: Double]] = [:]
        var gdp: [UUID: [String: [Int: Double]]] = [:]
        for row in try await factQuery.all() {
            let cityID = try row.decode(column: "city_id", as: UUID.self)
            let year = try row.decode(column: "year", as: Int.self)
            let value = try row.decode(column: "value", as: Double.self)
            let boundary = try row.decode(column: "boundary_note", as: String?.self)
            let note = [try row.decode(column: "note", as: String?.self), boundary].compactMap { $0 }.joined(separator: " ")
            // Several sources may give a year; the first kept is used (the city page lists them all).
            switch try row.decode(column: "indicator", as: String.self) {
            case "population":
                // Per-person figures use resident population: registered (hukou) population is
                // another quantity (Shenzhen 2010: 2.6 M registered, ~10.4 M resident).
                if PopulationRule.isRegistered(note) { continue }
                if population[cityID]?[year] == nil { population[cityID, default: [:]][year] = value }
            case "gdp":
                // Intensity change across years needs GDP at constant prices; current-price GDP
                // (yearbook levels as first published, revised at censuses) is never divided across years.
                guard let basis = try row.decode(column: "price_basis", as: String?.self),
                    basis.lowercased().hasPrefix("constant")
                else {
                    data.currentPriceGDP.insert(cityID)
                    continue
                }
                let unit = try row.decode(column: "unit", as: String.self)
                if gdp[cityID]?[unit]?[year] == nil { gdp[cityID, default: [:]][unit, default: [:]][year] = value }
            case let indicator:
                data.seriesFacts[cityID, default: []].append(
                    SeriesFact(
                        indicator: indicator, year: year, value: value, unit: try row.decode(column: "unit", as: String.self),
                        boundaryNote: boundary ?? "", source: try row.decode(column: "source", as: String.self),
                        confidence: try row.decode(column: "confidence", as: String.self)))
            }
        }
        data.population = population.mapValues(Series.init)
        data.gdp = gdp.compactMapValues { byUnit in
            byUnit.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }.map { (unit: $0.key, series: Series($0.value)) }
        }
        return data
    }
}

/// Which population figures count as resident population (`city_series_ne_asia.md`).
enum PopulationRule {
    static func isRegistered(_ note: String) -> Bool {
        let text = note.lowercased()
        return text.contains("registered") || text.contains("hukou")
    }
}

/// An emissions figure kept as a city fact (CEADs territorial CO2, a city's own published total):
/// progress reads it only as an estimate on its own basis, never as the target's progress.
struct SeriesFact: Sendable, Hashable {
    let indicator: String
    let year: Int
    let value: Double
    let unit: String
    let boundaryNote: String
    let source: String
    let confidence: String
}
