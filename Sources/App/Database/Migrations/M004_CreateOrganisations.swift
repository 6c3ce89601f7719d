import FluentKit

struct M004_CreateOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("slug", .string, .required)
            .field("name_en", .string, .required)
            .field("names", .dictionary(of: .string), .required)
            .field("search_text", .string, .required)
            .field("type", .string, .required)
            .field("country", .string)
            .field("city_id", .uuid, .references("cities", "id", onDelete: .setNull))
            .field("parent_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("website", .string)
            .field("contact_name", .string)
            .field("contact_email", .string)
            .field("description", .string)
            .field("is_resource_centre", .bool, .required)
            .field("status", .string, .required)
            .field("sources", .array(of: .string), .required)
            .field("joined_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisations").delete()
    }
}
