import FluentKit

/// Peer reviews and analytical studies (issue 12): a city's request, with its summary, baseline,
/// chosen criteria edition and per-stage deadlines, and the plan documents it uploaded.
struct M025_CreateReviewRequests: AsyncMigration {
    static let tables = ["review_requests", "review_documents"]

    func prepare(on database: any Database) async throws {
        try await database.schema("review_requests")
            .id()
            .field("kind", .string, .required)
            .field("city_id", .uuid, .required, .references("cities", "id"))
            .field("requester_id", .uuid)
            .field("state", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("scope", .string, .required)
            .field("sectors", .array(of: .string), .required)
            .field("target_ids", .array(of: .uuid), .required)
            .field("action_ids", .array(of: .uuid), .required)
            .field("baseline", .dictionary(of: .string), .required)
            .field("edition_id", .uuid, .references("framework_editions", "id"))
            .field("deadlines", .dictionary(of: .string), .required)
            .field("decline_reason", .string)
            .field("illustrative", .bool, .required)
            .field("source", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("review_documents")
            .id()
            .field("request_id", .uuid, .required, .references("review_requests", "id", onDelete: .cascade))
            .field("file_id", .uuid, .required)
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("created_at", .datetime)
            .create()
        try await TableVersioning.watch(Self.tables, on: database)
    }

    func revert(on database: any Database) async throws {
        try await TableVersioning.unwatch(Self.tables, on: database)
        for table in Self.tables.reversed() { try await database.schema(table).delete() }
    }
}
