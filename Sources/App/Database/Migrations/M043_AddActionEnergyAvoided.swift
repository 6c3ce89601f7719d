import FluentKit

/// What an action's expected reduction can be stated as: the fuel or energy it avoids, by
/// sub-category (a JSON list, see `EnergyAvoidedEntry`), from which the platform computes the
/// CO2e and air-pollutant reductions. NULL for every action before: their reductions stay typed.
struct M043_AddActionEnergyAvoided: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("mitigation_actions").field("energy_avoided", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mitigation_actions").deleteField("energy_avoided").update()
    }
}
