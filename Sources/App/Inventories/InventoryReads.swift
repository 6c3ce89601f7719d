import CarbonAccounting
import FluentKit
import Foundation

/// One version of an inventory as the engine needs it: everything that decides its numbers.
struct InventoryVersionKey: Hashable, Sendable, CustomStringConvertible {
    let id: UUID
    let version: Int
    let level: ReportingLevel
    let gwpSet: GWPSet
    let airEdition: AirPollutantEdition
    let year: Int

    var description: String {
        "\(id)#\(version)|\(level.rawValue)|\(gwpSet.rawValue)|\(airEdition.rawValue)|\(year)"
    }
}

/// The lines of a version and the reports computed from them: greenhouse gases and air pollutants.
struct ComputedLines: Sendable {
    let lines: [StoredLine]
    let report: InventoryReport
    let air: AirPollutantReport
}

enum InventoryReads {
    /// Lines and report of one version. Every change of lines, level or GWP set makes a new
    /// version, so the value is a function of the key: a write that has just computed it primes
    /// the cache with it (the page after a line edit does not compute the report again).
    static let computed = CachedRead<InventoryVersionKey, ComputedLines>(
        "inventory.computed", tables: [.inventoryLines]
    ) { key, query in
        let lines = try await LineStore.load(key.id, on: query.db)
        let plain = lines.map(\.line)
        let report = query.reference.calculator(set: key.gwpSet, year: key.year).report(lines: plain, level: key.level)
        let air = query.reference.airPollutantCalculator(edition: key.airEdition).report(lines: plain)
        return ComputedLines(lines: lines, report: report, air: air)
    }
}

extension InventorySummary {
    var versionKey: InventoryVersionKey {
        InventoryVersionKey(id: id, version: version, level: level, gwpSet: gwpSet, airEdition: airEdition, year: year)
    }
}

/// An inventory page as a city, year and kind name it.
struct InventoryPageKey: Hashable, Sendable, CustomStringConvertible {
    let slug: String
    let year: Int
    var kind: InventoryKind = .community

    var description: String { "\(slug)/\(year)\(kind.pathSuffix)" }
}

/// Everything an inventory page, its lines page, its exports and its API document show, whoever
/// reads it; what a reader may see of it is decided per request from `rights`.
struct InventoryPageData: Sendable {
    let computed: ComputedInventory
    let rights: InventoryRights
    let trend: TrendData
    let verifierLabel: String?
    /// What the reports' metadata say about the city (eCRF_1, CDP).
    var place: InventoryPlace? = nil

    func access(for user: CurrentUser?) -> InventoryAccess {
        InventoryAccess(user: user, cityID: computed.inventory.cityID, rights: rights)
    }
}

extension InventoryReads {
    /// The page data of one inventory (nil: no such city or inventory): `InventoryPageQuery`.
    static let page = CachedRead<InventoryPageKey, InventoryPageData?>(
        "inventory.page",
        tables: [.cities, .inventories, .inventoryLines, .inventoryVersions, .cityFacts, .reportedEmissions, .users]
    ) { key, query in
        try await InventoryPageQuery.load(key, query)
    }
}

extension ComputedLines: CacheCosted {
    var cacheCost: Int { 16_384 + lines.count * 896 }
}

extension InventoryPageData: CacheCosted {
    var cacheCost: Int { 16_384 + computed.lines.count * 896 }
}
