import CarbonAccounting
import FluentKit
import Foundation
import SQLKit

/// One kept version of an inventory (without its snapshot, which is loaded only to compare or restore).
struct InventoryVersion: Sendable, Hashable, Encodable {
    let number: Int
    let summary: String
    let authorLabel: String
    let level: String
    let gwpSet: String
    let state: String
    let lineCount: Int
    let totalTerritorial: Double?
    let totalBasic: Double?
    let totalBasicPlus: Double?
    let createdAt: Date

    enum CodingKeys: String, CodingKey {
        case number, summary, level, state
        case authorLabel = "author"
        case gwpSet = "gwp_set"
        case lineCount = "line_count"
        case totalTerritorial = "territorial"
        case totalBasic = "basic"
        case totalBasicPlus = "basic_plus"
        case createdAt = "created_at"
    }
}

/// Every change to an inventory writes a version: a CSV snapshot of its lines in the published
/// template (so a snapshot is also a valid import file) with its settings and totals.
enum VersionStore {
    static let table = "inventory_versions"
    static let listColumns = [
        "number", "summary", "author_label", "level", "gwp_set", "state", "line_count", "total_territorial",
        "total_basic", "total_basic_plus", "created_at",
    ]

    static func record(
        _ inventory: Inventory, lines: [Line], report: InventoryReport, summary: String, author: CurrentUser?, at date: Date,
        on db: any Database
    ) async throws {
        inventory.version += 1
        try await inventory.save(on: db)
        let values: [any Encodable & Sendable] = [
            UUID(), try inventory.requireID(), inventory.version, summary, author?.id,
            author.map { "\($0.name) <\($0.email)>" } ?? "system", inventory.levelRaw, inventory.gwpSetRaw,
            inventory.stateRaw, lines.count, report.territorial.co2e, report.basic.co2e, report.basicPlus.co2e,
            InventoryCSV.write(lines), date, report.completeness.missing.map(\.subCategory.ref).joined(separator: ","),
            VersionFigures(lines: lines, report: report).json, inventory.airEditionRaw,
        ]
        try await db.sql().insert(into: table)
            .columns(
                "id", "inventory_id", "number", "summary", "author_id", "author_label", "level", "gwp_set", "state",
                "line_count", "total_territorial", "total_basic", "total_basic_plus", "lines_csv", "created_at",
                "missing_cells", "figures", "air_edition"
            )
            .values(values).run()
    }

    static func list(_ inventoryID: UUID, on db: any Database) async throws -> [InventoryVersion] {
        try await db.sql().select().columns(listColumns.map { SQLColumn($0) }).from(table)
            .where("inventory_id", .equal, inventoryID).orderBy("number", .descending).all()
            .map { row in
                InventoryVersion(
                    number: try row.decode(column: "number", as: Int.self),
                    summary: try row.decode(column: "summary", as: String.self),
                    authorLabel: try row.decode(column: "author_label", as: String.self),
                    level: try row.decode(column: "level", as: String.self),
                    gwpSet: try row.decode(column: "gwp_set", as: String.self),
                    state: try row.decode(column: "state", as: String.self),
                    lineCount: try row.decode(column: "line_count", as: Int.self),
                    totalTerritorial: try row.decode(column: "total_territorial", as: Double?.self),
                    totalBasic: try row.decode(column: "total_basic", as: Double?.self),
                    totalBasicPlus: try row.decode(column: "total_basic_plus", as: Double?.self),
                    createdAt: try row.decode(column: "created_at", as: Date.self))
            }
    }

    /// The snapshot of a version: its settings and lines.
    /// The snapshot of a version: its settings and lines (`airEdition` nil for versions written
    /// before editions were kept: their inventory's).
    static func snapshot(_ inventoryID: UUID, number: Int, on db: any Database) async throws -> (
        level: String, gwpSet: String, airEdition: String?, csv: String
    )? {
        guard
            let row = try await db.sql().select().columns("level", "gwp_set", "air_edition", "lines_csv").from(table)
                .where("inventory_id", .equal, inventoryID).where("number", .equal, number).first()
        else { return nil }
        return (
            try row.decode(column: "level", as: String.self), try row.decode(column: "gwp_set", as: String.self),
            try row.decode(column: "air_edition", as: String?.self), try row.decode(column: "lines_csv", as: String.self)
        )
    }
}
