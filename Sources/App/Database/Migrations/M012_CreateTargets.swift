import FluentKit
import SQLKit

/// City targets (the commitments registry) and each city's business-as-usual forecast settings.
struct M012_CreateTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("city_targets")
            .id()
            .field("city_id", .uuid, .required, .references("cities", "id"))
            .field("kind", .string, .required)
            .field("base_year", .int)
            .field("base_value", .double)
            .field("target_year", .int, .required)
            .field("reduction_percent", .double)
            .field("target_level", .double)
            .field("coverage", .string, .required)
            .field("co2_only", .bool, .required)
            .field("sectors", .string, .required)
            .field("gwp_set", .string)
            .field("conditional", .bool, .required)
            .field("milestones", .string, .required)
            .field("set_by", .string, .required)
            .field("source", .string, .required)
            .field("original_wording", .string, .required)
            .field("note", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        let sql = try database.sql()
        try await sql.create(index: "city_targets_by_city").on("city_targets").column("city_id").run()
        try await sql.create(index: "city_targets_by_kind_year").on("city_targets").column("kind").column("target_year").run()

        try await database.schema("city_forecasts")
            .id()
            .field("city_id", .uuid, .required, .references("cities", "id"))
            .field("base_year", .int, .required)
            .field("horizon_year", .int, .required)
            .field("population_growth", .double, .required)
            .field("gdp_growth", .double, .required)
            .field("drivers", .string, .required)
            .field("updated_by", .uuid)
            .field("updated_at", .datetime)
            .unique(on: "city_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("city_forecasts").delete()
        try await database.schema("city_targets").delete()
    }
}
