import FluentKit
import SQLKit

/// The signed-in user of a session as a column, so that one query reads the session, the user and
/// their organisation (three Fluent queries before: the largest fixed cost of a signed-in page).
struct M020_AddSessionUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("persist_entries").field("user_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("persist_entries").deleteField("user_id").update()
    }
}
