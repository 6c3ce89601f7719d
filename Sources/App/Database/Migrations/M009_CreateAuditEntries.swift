import FluentKit
import SQLKit

struct M009_CreateAuditEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries")
            .id()
            .field("actor_id", .uuid)
            .field("actor_label", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await (try database.sql()).create(index: "audit_entries_created_at").on("audit_entries")
            .column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_entries").delete()
    }
}
