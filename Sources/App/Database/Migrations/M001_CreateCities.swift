import FluentKit

struct M001_CreateCities: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cities")
            .id()
            .field("slug", .string, .required)
            .field("name_en", .string, .required)
            .field("names", .dictionary(of: .string), .required)
            .field("search_text", .string, .required)
            .field("country", .string, .required)
            .field("region", .string)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("city_type", .string)
            .field("pathways", .array(of: .string), .required)
            .field("description", .string)
            .field("sources", .array(of: .string), .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cities").delete()
    }
}
