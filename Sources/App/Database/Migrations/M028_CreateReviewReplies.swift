import FluentKit

/// The city's right of reply: agree or disagree with each mark (disagreeing needs evidence and a
/// comment).
struct M028_CreateReviewReplies: AsyncMigration {
    static let tables = ["review_replies"]

    func prepare(on database: any Database) async throws {
        try await database.schema("review_replies")
            .id()
            .field("mark_id", .uuid, .required, .references("review_marks", "id", onDelete: .cascade))
            .field("agree", .bool, .required)
            .field("evidence", .string, .required)
            .field("comment", .string, .required)
            .field("author_id", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "mark_id")
            .create()
        try await TableVersioning.watch(Self.tables, on: database)
    }

    func revert(on database: any Database) async throws {
        try await TableVersioning.unwatch(Self.tables, on: database)
        try await database.schema("review_replies").delete()
    }
}
