import FluentKit

/// Who reviews (peers and experts, one lead, each accepting or declining) and the conflicts people
/// declared with a city, which the review service enforces.
struct M026_CreateReviewAssignments: AsyncMigration {
    static let tables = ["review_assignments", "review_conflicts"]

    func prepare(on database: any Database) async throws {
        try await database.schema("review_assignments")
            .id()
            .field("request_id", .uuid, .required, .references("review_requests", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("kind", .string, .required)
            .field("lead", .bool, .required)
            .field("state", .string, .required)
            .field("show_name", .bool, .required)
            .field("reason", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "request_id", "user_id")
            .create()
        try await database.schema("review_conflicts")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("city_id", .uuid, .required, .references("cities", "id"))
            .field("reason", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "user_id", "city_id")
            .create()
        try await TableVersioning.watch(Self.tables, on: database)
    }

    func revert(on database: any Database) async throws {
        try await TableVersioning.unwatch(Self.tables, on: database)
        for table in Self.tables.reversed() { try await database.schema(table).delete() }
    }
}
