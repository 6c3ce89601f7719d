import FluentKit

struct M005_CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string)
            .field("role", .string, .required)
            .field("is_expert", .bool, .required)
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
    }
}
