import FluentKit
import SQLKit

/// Capacity building: what member cities ask for (requests) and what members, experts and resource
/// centres can give (offers), and the match the secretariat confirms.
struct M017_CreateCapacityBuilding: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("capacity_offers")
            .id()
            .field("provider", .string, .required)
            .field("organisation_id", .uuid, .references("organisations", "id"))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("topics", .string, .required)
            .field("languages", .string, .required)
            .field("formats", .string, .required)
            .field("regions", .string, .required)
            .field("available_from", .string)
            .field("available_to", .string)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .create()
        try await database.schema("capacity_requests")
            .id()
            .field("city_id", .uuid, .required, .references("cities", "id"))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("topics", .string, .required)
            .field("audience", .string, .required)
            .field("languages", .string, .required)
            .field("formats", .string, .required)
            .field("timing", .string, .required)
            .field("baseline", .string, .required)
            .field("status", .string, .required)
            .field("offer_id", .uuid, .references("capacity_offers", "id"))
            .field("peer_city_id", .uuid, .references("cities", "id"))
            .field("outcome", .string, .required)
            .field("feedback", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await (try database.sql()).create(index: "capacity_requests_by_status").on("capacity_requests").column("status").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("capacity_requests").delete()
        try await database.schema("capacity_offers").delete()
    }
}
