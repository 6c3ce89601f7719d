import CarbonAccounting
import FluentKit
import Foundation
import SQLKit

/// Indicator figures on each inventory version (`VersionFigures`: by sector, waste, grid factor,
/// completeness), and two columns on city facts that the real city series need: the price basis
/// of a GDP figure ("current", "constant 2005") and the boundary note of a figure.
///
/// The current version of every existing inventory gets its figures computed from its lines here,
/// once, so benchmarks never have to read lines.
struct M022_AddVersionFiguresAndFactBasis: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema("inventory_versions").field("figures", .string).update()
        try await database.schema("city_facts").field("price_basis", .string).update()
        try await database.schema("city_facts").field("boundary_note", .string).update()
        let reference = try ReferenceData.shared.get()
        let sql = try database.sql()
        let current = try await sql.raw(
            """
            SELECT v.id AS version_id, v.lines_csv AS lines_csv, i.year AS year, i.level AS level, i.gwp_set AS gwp_set \
            FROM inventories i JOIN inventory_versions v ON v.inventory_id = i.id AND v.number = i.version
            """
        ).all()
        for row in current {
            // From the version's own snapshot of its lines (the CSV template, which later columns only
            // extend), not from the lines table, whose columns a later migration may change.
            let set = GWPSet(rawValue: try row.decode(column: "gwp_set", as: String.self)) ?? .ar5
            let level = ReportingLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .basic
            let calculator = reference.calculator(set: set, year: try row.decode(column: "year", as: Int.self))
            let csv = try row.decode(column: "lines_csv", as: String.self)
            guard case .success(let lines) = InventoryCSV.read(csv, parser: reference.parser, calculator: calculator) else {
                continue  // an empty or unreadable snapshot: the figures stay missing, never zero
            }
            let report = calculator.report(lines: lines, level: level)
            try await sql.update("inventory_versions").set("figures", to: VersionFigures(lines: lines, report: report).json)
                .where("id", .equal, try row.decode(column: "version_id", as: UUID.self)).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("inventory_versions").deleteField("figures").update()
        try await database.schema("city_facts").deleteField("price_basis").update()
        try await database.schema("city_facts").deleteField("boundary_note").update()
    }
}
