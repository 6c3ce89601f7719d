import CarbonAccounting
import FluentKit

/// The line fields of air pollutants and default factors (`LineColumns.optional`), one column per
/// template column as the other line fields are: the library factor a line took (`ef_id`), the road
/// vehicle class, measured pollutant tonnes, and city pollutant factors with unit, source and reason.
/// Every column is nullable: lines written before keep NULL, which reads as "not given".
struct M040_AddLinePollutantColumns: AsyncMigration {
    /// The columns, frozen here: a later change of the template needs its own migration.
    static let textColumns = ["ef_id", "vehicle", "ef_air_unit", "ef_air_source", "ef_air_reason"]
    static let numberColumns = [
        "nox_t", "sox_t", "co_t", "nmvoc_t", "nh3_t", "tsp_t", "pm10_t", "pm25_t", "bc_t", "ef_nox", "ef_sox", "ef_co",
        "ef_nmvoc", "ef_nh3", "ef_tsp", "ef_pm10", "ef_pm25", "ef_bc",
    ]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        for column in Self.textColumns {
            try await database.schema("inventory_lines").field(.string(column), .string).update()
        }
        for column in Self.numberColumns {
            try await database.schema("inventory_lines").field(.string(column), .double).update()
        }
    }

    func revert(on database: any Database) async throws {
        for column in Self.textColumns + Self.numberColumns {
            try await database.schema("inventory_lines").deleteField(.string(column)).update()
        }
    }
}
