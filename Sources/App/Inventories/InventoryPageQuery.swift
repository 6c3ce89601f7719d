import CarbonAccounting
import FluentKit
import Foundation
import SQLKit

/// The inventory page's named query: each row it needs read once.
///
/// 1. the city; 2. every inventory of the city with its current version's totals — the page's
/// inventory, the previous one (plausibility) and the trend come from this one list; 3. the lines
/// (through `InventoryReads.computed`, usually from the cache); 4. the resident populations of the
/// two latest years up to the year (`ResidentPopulation`); 5. the reported totals (trend); 6. the
/// verifier's name, when one is named.
enum InventoryPageQuery {
    static func load(_ key: InventoryPageKey, _ query: QueryContext) async throws -> InventoryPageData? {
        guard let city = try await CityQueries.bySlug(key.slug, on: query.db), let cityID = city.id else { return nil }
        let sql = try query.db.sql()
        let rows = try await inventories(of: cityID, on: sql)
        guard let row = rows.first(where: { $0.year == key.year && $0.kind == key.kind }) else { return nil }
        let summary = InventorySummary(
            id: row.id, cityID: cityID, citySlug: city.slug, cityNames: city.names, year: row.year, kind: row.kind,
            level: row.level, gwpSet: row.gwpSet, airEdition: row.airEdition, boundary: row.boundary,
            state: row.rights.state, illustrative: row.illustrative, version: row.version, stateComment: row.stateComment,
            verifierID: row.rights.verifierID)
        async let computed = query.cache.value(InventoryReads.computed, summary.versionKey, in: query)
        async let populations = ResidentPopulation.latest(city: cityID, upTo: key.year, on: sql).map(\.value)
        async let reported = ReportedQueries.items(city: cityID, slug: city.slug, names: city.names, on: sql)
        var verifierLabel: String?
        if let verifier = row.rights.verifierID {
            verifierLabel = try await sql.select().column("name").from("users").where("id", .equal, verifier).first()?
                .decode(column: "name", as: String.self)
        }
        let lines = try await computed
        // The year-on-year checks compare with the inventory before this one, at this level.
        let previous = rows.filter { $0.year < key.year && $0.kind == key.kind }.max { $0.year < $1.year }
        let people = try await populations
        let calculator = query.reference.calculator(set: summary.gwpSet, year: summary.year)
        let warnings = Plausibility.check(
            lines: lines.lines.map(\.line), report: lines.report, library: query.reference.library, calculator: calculator,
            previousTotal: summary.level == .basic ? previous?.totals.basic : previous?.totals.basicPlus,
            population: people.first, previousPopulation: people.count > 1 ? people[1] : nil)
        let items = rows.map { item in
            InventoryListItem(
                citySlug: city.slug, cityNames: city.names, year: item.year, level: item.level.rawValue,
                gwpSet: item.gwpSet.rawValue, state: item.rights.state, illustrative: item.illustrative,
                levelTotal: item.level == .basic ? item.totals.basic : item.totals.basicPlus,
                territorial: item.totals.territorial,
                cityID: cityID, rights: item.rights, kind: item.kind)
        }
        return InventoryPageData(
            computed: ComputedInventory(
                inventory: summary, lines: lines.lines, report: lines.report, air: lines.air, warnings: warnings),
            rights: row.rights, trend: TrendData(slug: city.slug, inventories: items, reported: try await reported),
            verifierLabel: verifierLabel,
            place: InventoryPlace(
                cityName: city.nameEn, country: city.country, region: city.region ?? "", latitude: city.latitude,
                longitude: city.longitude, population: people.first))
    }

    /// An inventory row with its current version's totals.
    struct Row: Sendable {
        let id: UUID
        let year: Int
        let kind: InventoryKind
        let airEdition: AirPollutantEdition
        let level: ReportingLevel
        let gwpSet: GWPSet
        let boundary: String
        let illustrative: Bool
        let version: Int
        let stateComment: String?
        let rights: InventoryRights
        let totals: (territorial: Double?, basic: Double?, basicPlus: Double?)
    }

    static func inventories(of cityID: UUID, on sql: any SQLDatabase) async throws -> [Row] {
        try await sql.raw(
            """
            SELECT i.id, i.year, i.kind, i.air_edition, i.level, i.gwp_set, i.boundary, i.illustrative, i.version, i.state_comment, i.state, \
            i.created_by, i.submitted_by, i.verifier_id, v.total_territorial, v.total_basic, v.total_basic_plus \
            FROM inventories i LEFT JOIN inventory_versions v ON v.inventory_id = i.id AND v.number = i.version \
            WHERE i.city_id = \(bind: cityID) ORDER BY i.year DESC
            """
        ).all().map { row in
            Row(
                id: try row.decode(column: "id", as: UUID.self), year: try row.decode(column: "year", as: Int.self),
                kind: InventoryKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .community,
                airEdition: AirPollutantEdition(rawValue: try row.decode(column: "air_edition", as: String.self)) ?? .current,
                level: ReportingLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .basic,
                gwpSet: GWPSet(rawValue: try row.decode(column: "gwp_set", as: String.self)) ?? .ar5,
                boundary: try row.decode(column: "boundary", as: String.self),
                illustrative: try row.decode(column: "illustrative", as: Bool.self),
                version: try row.decode(column: "version", as: Int.self),
                stateComment: try row.decode(column: "state_comment", as: String?.self),
                rights: InventoryRights(
                    state: InventoryState(rawValue: try row.decode(column: "state", as: String.self)) ?? .draft,
                    createdBy: try row.decode(column: "created_by", as: UUID?.self),
                    submittedBy: try row.decode(column: "submitted_by", as: UUID?.self),
                    verifierID: try row.decode(column: "verifier_id", as: UUID?.self)),
                totals: (
                    try row.decode(column: "total_territorial", as: Double?.self),
                    try row.decode(column: "total_basic", as: Double?.self),
                    try row.decode(column: "total_basic_plus", as: Double?.self)
                ))
        }
    }
}

/// Reported city-wide totals of one city, without reading the city again.
enum ReportedQueries {
    static func items(city cityID: UUID, slug: String, names: [String: String], on sql: any SQLDatabase) async throws
        -> [ReportedItem]
    {
        try await sql.select().columns(
            "year", "total", "scope1", "scope2", "scope3", "basis", "gases", "unit", "source", "confidence", "note"
        ).from("reported_emissions").where("city_id", .equal, cityID).orderBy("year", .descending).all().map { row in
            ReportedItem(
                citySlug: slug, cityNames: names, year: try row.decode(column: "year", as: Int.self),
                total: try row.decode(column: "total", as: Double?.self),
                scopes: [
                    try row.decode(column: "scope1", as: Double?.self), try row.decode(column: "scope2", as: Double?.self),
                    try row.decode(column: "scope3", as: Double?.self),
                ], basis: try row.decode(column: "basis", as: String.self),
                gases: try row.decode(column: "gases", as: String.self),
                unit: try row.decode(column: "unit", as: String.self), source: try row.decode(column: "source", as: String.self),
                confidence: try row.decode(column: "confidence", as: String.self),
                note: try row.decode(column: "note", as: String?.self))
        }
    }
}
