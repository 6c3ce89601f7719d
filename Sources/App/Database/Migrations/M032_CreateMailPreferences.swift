import FluentKit

/// Each user's language for mail and the optional messages they turned off.
struct M032_CreateMailPreferences: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("mail_preferences")
            .field("user_id", .uuid, .identifier(auto: false), .references("users", "id", onDelete: .cascade))
            .field("locale", .string, .required)
            .field("reminders", .bool, .required)
            .field("capacity", .bool, .required)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mail_preferences").delete()
    }
}
