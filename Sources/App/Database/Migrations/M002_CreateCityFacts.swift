import FluentKit
import SQLKit

struct M002_CreateCityFacts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("city_facts")
            .id()
            .field("city_id", .uuid, .required, .references("cities", "id", onDelete: .cascade))
            .field("indicator", .string, .required)
            .field("year", .int, .required)
            .field("value", .double, .required)
            .field("unit", .string, .required)
            .field("source", .string, .required)
            .field("source_file", .string)
            .field("confidence", .string, .required)
            .field("note", .string)
            .field("created_at", .datetime)
            .create()
        try await (try database.sql()).create(index: "city_facts_city_id").on("city_facts").column("city_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("city_facts").delete()
    }
}
