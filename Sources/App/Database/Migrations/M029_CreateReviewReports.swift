import FluentKit

/// Published review reports: immutable versions (a correction is a new version with its reason);
/// and the city's dated progress on each recommendation (the follow-up).
struct M029_CreateReviewReports: AsyncMigration {
    static let tables = ["review_reports", "review_recommendation_updates"]

    func prepare(on database: any Database) async throws {
        try await database.schema("review_reports")
            .id()
            .field("request_id", .uuid, .required, .references("review_requests", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("body", .string, .required)
            .field("reason", .string, .required)
            .field("published_by", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "request_id", "number")
            .create()
        try await database.schema("review_recommendation_updates")
            .id()
            .field(
                "recommendation_id", .uuid, .required, .references("review_recommendations", "id", onDelete: .cascade)
            )
            .field("on_date", .string, .required)
            .field("note", .string, .required)
            .field("author_id", .uuid)
            .field("created_at", .datetime)
            .create()
        try await TableVersioning.watch(Self.tables, on: database)
    }

    func revert(on database: any Database) async throws {
        try await TableVersioning.unwatch(Self.tables, on: database)
        for table in Self.tables.reversed() { try await database.schema(table).delete() }
    }
}
