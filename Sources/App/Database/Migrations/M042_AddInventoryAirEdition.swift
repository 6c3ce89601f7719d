import CarbonAccounting
import FluentKit
import FluentSQL
import SQLKit

/// The edition of the EMEP/EEA air-pollutant factors of each inventory, and of each version (so a
/// restore brings back the edition its figures were computed with). Existing inventories take the
/// default of their year (`AirPollutantEdition.default(forInventoryYear:)`: 2019 up to 2021, the
/// current edition from 2022); versions written before keep NULL, read as their inventory's edition.
struct M042_AddInventoryAirEdition: AsyncMigration {
    /// Frozen here (a test checks it against the rule): migrations never change once landed.
    static let lastYearOf2019 = 2021

    func prepare(on database: any Database) async throws {
        try await database.schema("inventories")
            .field("air_edition", .string, .required, .sql(.default(AirPollutantEdition.current.rawValue))).update()
        try await database.schema("inventory_versions").field("air_edition", .string).update()
        try await database.sql().update("inventories")
            .set("air_edition", to: AirPollutantEdition.guidebook2019.rawValue)
            .where("year", .lessThanOrEqual, Self.lastYearOf2019).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("inventory_versions").deleteField("air_edition").update()
        try await database.schema("inventories").deleteField("air_edition").update()
    }
}
