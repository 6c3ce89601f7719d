import FluentKit

/// Photos of knowledge records (an image with caption and credit), and the training event an
/// action plan was drafted at (so a training shows the plans and their follow-up).
struct M018_AddPhotosAndPlanEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema("knowledge_items").field("photo_id", .uuid, .references("stored_files", "id")).update()
        try await database.schema("knowledge_items").field("photo_caption", .string).update()
        try await database.schema("knowledge_items").field("photo_credit", .string).update()
        try await database.schema("action_plans").field("event_id", .uuid, .references("knowledge_items", "id")).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("action_plans").deleteField("event_id").update()
        for field in ["photo_id", "photo_caption", "photo_credit"] {
            try await database.schema("knowledge_items").deleteField(.string(field)).update()
        }
    }
}
