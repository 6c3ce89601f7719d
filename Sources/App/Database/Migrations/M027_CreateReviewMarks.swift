import FluentKit

/// One mark per review and criterion (the city's self-assessment, the first reviewer's mark with
/// its evidence, and the moderated final mark), every change of it, and the recommendations.
struct M027_CreateReviewMarks: AsyncMigration {
    static let tables = ["review_marks", "review_mark_history", "review_recommendations"]

    func prepare(on database: any Database) async throws {
        try await database.schema("review_marks")
            .id()
            .field("request_id", .uuid, .required, .references("review_requests", "id", onDelete: .cascade))
            .field("criterion", .string, .required)
            .field("self_level", .int)
            .field("self_comment", .string, .required)
            .field("reviewer_id", .uuid, .references("users", "id"))
            .field("level", .int)
            .field("evidence", .array(of: .json), .required)
            .field("public_comment", .string, .required)
            .field("private_note", .string, .required)
            .field("comment_language", .string, .required)
            .field("final_level", .int)
            .field("final_reason", .string, .required)
            .field("moderator_id", .uuid, .references("users", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "request_id", "criterion")
            .create()
        try await database.schema("review_mark_history")
            .id()
            .field("mark_id", .uuid, .required, .references("review_marks", "id", onDelete: .cascade))
            .field("actor_id", .uuid)
            .field("actor_label", .string, .required)
            .field("stage", .string, .required)
            .field("before", .string)
            .field("after", .string, .required)
            .field("why", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("review_recommendations")
            .id()
            .field("request_id", .uuid, .required, .references("review_requests", "id", onDelete: .cascade))
            .field("criterion", .string, .required)
            .field("text", .string, .required)
            .field("priority", .string, .required)
            .field("gpc_ref", .string)
            .field("target_id", .uuid)
            .field("action_id", .uuid)
            .field("author_id", .uuid)
            .field("response", .string)
            .field("response_reason", .string, .required)
            .field("follow_action_id", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await TableVersioning.watch(Self.tables, on: database)
    }

    func revert(on database: any Database) async throws {
        try await TableVersioning.unwatch(Self.tables, on: database)
        for table in Self.tables.reversed() { try await database.schema(table).delete() }
    }
}
