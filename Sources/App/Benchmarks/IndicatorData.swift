import CarbonAccounting
import FluentKit
import Foundation
import Indicators
import SQLKit

/// A city as benchmarking sees it: who it is and everything the indicator formulas read of it.
struct IndicatorCity: Sendable {
    let id: UUID
    let slug: String
    let names: [String: String]
    let country: String
    let cityType: String?
    let inputs: CityIndicatorInputs
    /// Peer-matching features, a feature the city lacks left nil.
    let features: PeerFeatures
    /// Its published case studies (slug and titles): whom to learn from.
    let caseStudies: [NamedLink]
}

/// Every city's indicator inputs, loaded in a fixed number of queries whatever the number of
/// cities (published inventories with their version figures, city facts, reported totals), plus
/// the registry's targets and actions (cached on their own).
struct IndicatorData: Sendable {
    let cities: [IndicatorCity]
    let bySlug: [String: Int]

    func city(_ slug: String) -> IndicatorCity? { bySlug[slug].map { cities[$0] } }
}

extension IndicatorData: CacheCosted {
    var cacheCost: Int { 4096 + cities.count * 4096 }
}

enum IndicatorReads {
    /// The registry's tables (targets, actions, inventories, facts, cities) — the registry is read
    /// through its own cached read.
    static let tables: [Table] = RegistryReads.tables

    /// All cities' inputs: the benchmarks, peers, assessments and dashboards read from this.
    static let data = CachedRead<Whole, IndicatorData>("indicators.data", tables: tables) { _, query in
        try await IndicatorDataQuery.load(query)
    }
}

enum IndicatorDataQuery {
    static func load(_ query: QueryContext) async throws -> IndicatorData {
        let sql = try query.db.sql()
        async let cityRows = query.cache.value(DirectoryReads.cities, Whole(), in: query)
        async let registry = query.cache.value(RegistryReads.registry, Whole(), in: query)
        // The community's inventories only: a government-operations inventory is a part of the
        // city's emissions, never a city's total to compare or to divide by its population.
        async let inventoryRows = sql.raw(
            """
            SELECT i.city_id, i.year, i.level, i.gwp_set, i.version, v.total_territorial, v.total_basic, v.total_basic_plus, \
            v.figures FROM inventories i JOIN inventory_versions v ON v.inventory_id = i.id AND v.number = i.version \
            WHERE i.state = \(bind: InventoryState.published.rawValue) AND i.kind = \(bind: InventoryKind.community.rawValue)
            """
        ).all()
        async let factRows = sql.raw(
            """
            SELECT city_id, indicator, year, value, unit, source, note, price_basis, boundary_note FROM city_facts \
            ORDER BY city_id, indicator, year, value, source
            """
        ).all()
        // Through the model: `titles` is a JSON column (jsonb on PostgreSQL).
        async let caseStudyRows = KnowledgeItem.query(on: query.db).filter(\.$kind == KnowledgeKind.caseStudy.rawValue)
            .filter(state: .published).filter(\.$city.$id != nil).sort(\.$slug).all()
        async let reportedRows = sql.raw(
            "SELECT city_id, year, total, gases, basis, source FROM reported_emissions WHERE total IS NOT NULL"
        ).all()
        var inventories: [UUID: [InventoryFigures]] = [:]
        var waste: [UUID: [WasteFigures]] = [:]
        var grid: [UUID: [GridFactorFigure]] = [:]
        for row in try await inventoryRows {
            let city = try row.decode(column: "city_id", as: UUID.self)
            let year = try row.decode(column: "year", as: Int.self)
            let level = ReportingLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .basic
            let set = GWPSet(rawValue: try row.decode(column: "gwp_set", as: String.self)) ?? .ar5
            var totals: [EmissionsBasis: Double] = [:]
            totals[.territorial] = try row.decode(column: "total_territorial", as: Double?.self)
            totals[.basic] = try row.decode(column: "total_basic", as: Double?.self)
            // A BASIC inventory has no BASIC+ total: its BASIC+ figure would leave IPPU, AFOLU and scope 3 out.
            if level == .basicPlus { totals[.basicPlus] = try row.decode(column: "total_basic_plus", as: Double?.self) }
            let figures = VersionFigures.decode(try row.decode(column: "figures", as: String?.self))
            var sectors: [GPCSector: Double] = [:]
            for (key, value) in figures?.sectors ?? [:] { if let sector = GPCSector(rawValue: key) { sectors[sector] = value } }
            let source = "\(year) inventory (\(level.rawValue), \(set.rawValue))"
            inventories[city, default: []].append(
                InventoryFigures(
                    year: year, version: try row.decode(column: "version", as: Int.self), source: source, gases: .allGHG,
                    gwp: IPCCReport(rawValue: set.rawValue), totals: totals.compactMapValues { $0 }, sectors: sectors,
                    sectorBasis: level == .basicPlus ? .basicPlus : .basic, requiredCells: figures?.requiredCells,
                    coveredCells: figures?.coveredCells, verified: true))
            if let figures, figures.wasteGeneratedTonnes != nil {
                waste[city, default: []].append(
                    WasteFigures(
                        year: year, generatedTonnes: figures.wasteGeneratedTonnes,
                        landfilledTonnes: figures.wasteLandfilledTonnes,
                        source: source))
            }
            if let factor = figures?.gridFactor {
                grid[city, default: []].append(GridFactorFigure(year: year, value: factor, source: source))
            }
        }
        for row in try await reportedRows {
            guard let basis = Self.basis(try row.decode(column: "basis", as: String.self)) else { continue }
            let city = try row.decode(column: "city_id", as: UUID.self)
            let co2Only = try row.decode(column: "gases", as: String.self).lowercased().hasPrefix("co2 only")
            inventories[city, default: []].append(
                InventoryFigures(
                    year: try row.decode(column: "year", as: Int.self), version: 0,
                    source: "reported: \(try row.decode(column: "source", as: String.self))",
                    gases: co2Only ? .co2Only : .allGHG, gwp: nil,
                    totals: [basis: try row.decode(column: "total", as: Double.self)]))
        }
        var facts: [UUID: Facts] = [:]
        for row in try await factRows {
            try facts[try row.decode(column: "city_id", as: UUID.self), default: Facts()].add(row)
        }
        // CEADs CO2 kept as facts (`co2_total`, city_series_ne_asia.md) is territorial CO2 like the
        // CEADs reported totals: it fills the years no reported territorial total covers.
        for (city, cityFacts) in facts {
            let covered = Set((inventories[city] ?? []).filter { $0.totals[.territorial] != nil }.map(\.year))
            for figure in cityFacts.territorialCO2 where !covered.contains(figure.year) {
                inventories[city, default: []].append(
                    InventoryFigures(
                        year: figure.year, version: 0, source: "CEADs territorial CO2: \(figure.source)", gases: .co2Only,
                        gwp: nil, totals: [.territorial: figure.value]))
            }
        }
        let data = try await registry
        var actions: [UUID: [ActionFigure]] = [:]
        for action in data.actions {
            let status = Indicators.ActionStatus(rawValue: action.status) ?? .planned
            let achieved = action.updates.compactMap(\.achievedReduction).last
            actions[action.cityID, default: []].append(
                ActionFigure(
                    id: action.id.uuidString, status: status, expectedAnnualReduction: action.expectedReduction,
                    achievedAnnualReduction: achieved))
        }
        var targets: [UUID: TargetFigures] = [:]
        for evaluated in data.targets where targets[evaluated.target.cityID] == nil || evaluated.isHeadline {
            if let figures = evaluated.figures { targets[evaluated.target.cityID] = figures }
        }
        var caseStudies: [UUID: [NamedLink]] = [:]
        for item in try await caseStudyRows {
            if let city = item.$city.id { caseStudies[city, default: []].append(NamedLink(slug: item.slug, names: item.titles)) }
        }
        let cities = try await cityRows.compactMap { entry -> IndicatorCity? in
            guard let id = entry.id else { return nil }
            let cityFacts = facts[id] ?? Facts()
            let inputs = CityIndicatorInputs(
                inventories: (inventories[id] ?? []).sorted { $0.year < $1.year }, population: cityFacts.population,
                gdp: cityFacts.gdp, gdpRealGrowth: cityFacts.growth, area: cityFacts.area, waste: waste[id] ?? [],
                gridFactors: grid[id] ?? [], actions: actions[id] ?? [], primaryTarget: targets[id])
            return IndicatorCity(
                id: id, slug: entry.slug, names: entry.names, country: entry.country, cityType: entry.cityType, inputs: inputs,
                features: PeerFeatureBuilder.features(inputs: inputs, facts: cityFacts), caseStudies: caseStudies[id] ?? [])
        }
        return IndicatorData(
            cities: cities, bySlug: Dictionary(cities.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    /// The bases of reported totals that name one: BASIC, BASIC+ or territorial; "city-wide" and
    /// other self-described totals are left out (a comparison needs the basis).
    static func basis(_ text: String) -> EmissionsBasis? {
        let lower = text.lowercased()
        if lower == "basic" { return .basic }
        if lower == "basic+" { return .basicPlus }
        if lower.hasPrefix("territorial") { return .territorial }
        return nil
    }
}

/// A city's yearly facts as the formulas and peer features read them.
struct Facts: Sendable {
    var population: [PopulationFigure] = []
    var gdp: [GDPFigure] = []
    var growth: [GrowthFigure] = []
    var area: AreaFigure?
    /// CEADs territorial CO2 (t CO2) by year.
    var territorialCO2: [(year: Int, value: Double, source: String)] = []
    /// Other numeric facts by indicator (climate, economic structure), latest year last.
    var other: [String: [(year: Int, value: Double)]] = [:]

    mutating func add(_ row: any SQLRow) throws {
        let indicator = try row.decode(column: "indicator", as: String.self)
        let year = try row.decode(column: "year", as: Int.self)
        let value = try row.decode(column: "value", as: Double.self)
        let source = try row.decode(column: "source", as: String.self)
        let note = [try row.decode(column: "note", as: String?.self), try row.decode(column: "boundary_note", as: String?.self)]
            .compactMap { $0 }.joined(separator: " ").lowercased()
        switch indicator {
        case "population":
            // Registered (hukou) population is not resident population (city_series_ne_asia.md).
            let kind: PopulationKind =
                PopulationRule.isRegistered(note)
                ? .registered : note.contains("census") || note.contains("resident") ? .resident : .unknown
            population.append(PopulationFigure(year: year, value: value, kind: kind, source: source))
        case "gdp":
            let basis = try row.decode(column: "price_basis", as: String?.self) ?? ""
            var price = PriceBasis.current
            if basis.lowercased().hasPrefix("constant"), let base = Int(basis.filter(\.isNumber)) {
                price = .constant(year: base)
            }
            gdp.append(
                GDPFigure(
                    year: year, value: value, currency: try row.decode(column: "unit", as: String.self), priceBasis: price,
                    source: source))
        case "gdp_real_growth": growth.append(GrowthFigure(year: year, percent: value, source: source))
        case "co2_total": territorialCO2.append((year, value, source))
        case "area": area = AreaFigure(km2: value, year: year, source: source)
        default: other[indicator, default: []].append((year, value))
        }
    }
}

extension EvaluatedTarget {
    /// The city's economy-wide target, the one the index reads: a base-year absolute target on all
    /// sectors (the first such; else any other target).
    var isHeadline: Bool { target.row.target.kind == .baseYearAbsolute && target.row.coverage.sectors.isEmpty }

    /// The target as the formulas read it; progress only when computed on the target's own basis.
    var figures: TargetFigures? {
        let row = target.row
        guard let kind = TargetType(rawValue: row.target.kind.rawValue) else { return nil }
        return TargetFigures(
            id: target.id.uuidString, kind: kind, baseYear: row.target.baseYear, targetYear: row.target.targetYear,
            reductionPercent: row.target.reductionPercent, percentAchieved: progress.percentAchieved,
            progressYear: progress.latestYear, progressOnTargetBasis: true, source: row.source)
    }
}
