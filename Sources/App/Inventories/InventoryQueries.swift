import CarbonAccounting
import FluentKit
import Foundation
import SQLKit

/// Named queries of the inventory pages (DESIGN.md 5): a few queries per page, none per row.
enum InventoryQueries {
    /// Inventories with the totals of their current version. `city` nil = every city;
    /// `visible` decides which the reader may see.
    static func items(city: UUID?, on db: any Database, visible: (Inventory) -> Bool) async throws -> [InventoryListItem] {
        var query = Inventory.query(on: db).with(\.$city)
        if let city { query = query.filter(\.$city.$id == city) }
        let inventories = try await query.sort(\.$year, .descending).all().filter(visible)
        guard !inventories.isEmpty else { return [] }
        let rows = try await db.sql().select()
            .columns(
                SQLColumn("inventory_id", table: "v"), SQLColumn("total_basic", table: "v"),
                SQLColumn("total_basic_plus", table: "v"), SQLColumn("total_territorial", table: "v")
            )
            .from(SQLAlias(SQLIdentifier("inventory_versions"), as: SQLIdentifier("v")))
            .join(
                SQLAlias(SQLIdentifier("inventories"), as: SQLIdentifier("i")), method: SQLJoinMethod.inner,
                on: SQLBinaryExpression(
                    SQLBinaryExpression(SQLColumn("inventory_id", table: "v"), .equal, SQLColumn("id", table: "i")), .and,
                    SQLBinaryExpression(SQLColumn("number", table: "v"), .equal, SQLColumn("version", table: "i")))
            )
            .where(SQLColumn("id", table: "i"), .in, SQLBind.group(inventories.compactMap(\.id)))
            .all()
        var totals: [UUID: (Double?, Double?, Double?)] = [:]
        for row in rows {
            totals[try row.decode(column: "inventory_id", as: UUID.self)] = (
                try row.decode(column: "total_basic", as: Double?.self),
                try row.decode(column: "total_basic_plus", as: Double?.self),
                try row.decode(column: "total_territorial", as: Double?.self)
            )
        }
        return inventories.map { inventory in
            let total = inventory.id.flatMap { totals[$0] }
            return InventoryListItem(
                citySlug: inventory.city.slug, cityNames: inventory.city.names, year: inventory.year, level: inventory.levelRaw,
                gwpSet: inventory.gwpSetRaw, state: inventory.state, illustrative: inventory.illustrative,
                levelTotal: inventory.level == .basic ? total?.0 : total?.1, territorial: total?.2,
                cityID: inventory.$city.id, rights: InventoryRights(inventory), kind: inventory.kind)
        }
    }

    static func reported(city: UUID?, on db: any Database) async throws -> [ReportedItem] {
        var query = ReportedEmission.query(on: db).with(\.$city)
        if let city { query = query.filter(\.$city.$id == city) }
        return try await query.sort(\.$year, .descending).all()
            .sorted { ($0.city.nameEn, -$0.year) < ($1.city.nameEn, -$1.year) }
            .map { row in
                ReportedItem(
                    citySlug: row.city.slug, cityNames: row.city.names, year: row.year, total: row.total,
                    scopes: [row.scope1, row.scope2, row.scope3], basis: row.basis, gases: row.gases, unit: row.unit,
                    source: row.source, confidence: row.confidence, note: row.note)
            }
    }

    /// Every inventory of the city with its level total, and its reported totals: the trend
    /// chart before it is filtered for a reader (`TrendData.points(for:)`).
    static func trend(cityID: UUID, slug: String, on db: any Database) async throws -> TrendData {
        TrendData(
            slug: slug, inventories: try await items(city: cityID, on: db) { _ in true },
            reported: try await reported(city: cityID, on: db))
    }

    /// People who can be named verifier: experts and the secretariat.
    static func verifierCandidates(on db: any Database) async throws -> [User] {
        try await User.query(on: db).group(.or) { $0.filter(\.$isExpert == true).filter(\.$role == Role.secretariat.rawValue) }
            .filter(\.$isActive == true).sort(\.$name).all()
    }
}

/// The trend chart's data of a city: its inventories (with who may see each) and reported totals.
struct TrendData: Sendable {
    let slug: String
    let inventories: [InventoryListItem]
    let reported: [ReportedItem]

    /// The points a reader may see: inventories of the kind they may view, and — for the
    /// community — every reported total (reported totals are city-wide).
    func points(for user: CurrentUser?, kind: InventoryKind = .community) -> [Charts.Point] {
        var points = inventories.compactMap { item -> Charts.Point? in
            guard item.kind == kind, InventoryAccess(user: user, cityID: item.cityID, rights: item.rights).canView,
                let total = item.levelTotal
            else { return nil }
            return Charts.Point(
                year: item.year, value: total, reported: false, href: Paths.inventory(slug, item.year, kind: kind))
        }
        guard kind == .community else { return points }
        points += reported.compactMap { item in
            item.total.map { Charts.Point(year: item.year, value: $0, reported: true, href: Paths.cityInventories(slug)) }
        }
        return points
    }
}
