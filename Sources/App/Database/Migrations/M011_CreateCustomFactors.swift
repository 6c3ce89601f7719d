import FluentKit
import SQLKit

/// User-defined emission factors: a city's own factors (a utility's fuel analysis, a local grid
/// factor), offered in its line editor beside the built-in library, each with its source.
struct M011_CreateCustomFactors: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("custom_factors")
            .id()
            .field("city_id", .uuid, .required, .references("cities", "id"))
            .field("name", .string, .required)
            .field("fuel", .string, .required)
            .field("co2", .double)
            .field("ch4", .double)
            .field("n2o", .double)
            .field("unit", .string, .required)
            .field("gpc_refs", .string, .required)
            .field("publisher", .string, .required)
            .field("document", .string, .required)
            .field("year", .string, .required)
            .field("region", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .create()
        try await (try database.sql()).create(index: "custom_factors_by_city").on("custom_factors").column("city_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("custom_factors").delete()
    }
}
