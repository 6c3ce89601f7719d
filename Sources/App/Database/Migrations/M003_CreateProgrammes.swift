import FluentKit

struct M003_CreateProgrammes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("programmes")
            .id()
            .field("slug", .string, .required)
            .field("name_en", .string, .required)
            .field("names", .dictionary(of: .string), .required)
            .field("kind", .string, .required)
            .field("country", .string)
            .field("pathways", .array(of: .string), .required)
            .field("description", .string)
            .field("start_year", .int)
            .field("website", .string)
            .field("sources", .array(of: .string), .required)
            .unique(on: "slug")
            .create()
        try await database.schema("city_programmes")
            .id()
            .field("city_id", .uuid, .required, .references("cities", "id", onDelete: .cascade))
            .field("programme_id", .uuid, .required, .references("programmes", "id", onDelete: .cascade))
            .unique(on: "city_id", "programme_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("city_programmes").delete()
        try await database.schema("programmes").delete()
    }
}
