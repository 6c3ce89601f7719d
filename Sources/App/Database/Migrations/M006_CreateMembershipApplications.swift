import FluentKit

struct M006_CreateMembershipApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("membership_applications")
            .id()
            .field("token_hash", .string, .required)
            .field("organisation_name", .string, .required)
            .field("organisation_local_name", .string)
            .field("organisation_type", .string, .required)
            .field("country", .string, .required)
            .field("city_id", .uuid, .references("cities", "id", onDelete: .setNull))
            .field("city_name", .string)
            .field("contact_name", .string, .required)
            .field("contact_email", .string, .required)
            .field("website", .string)
            .field("motivation", .string, .required)
            .field("accepted_terms", .bool, .required)
            .field("status", .string, .required)
            .field("decision_reason", .string)
            .field("decided_by_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("decided_at", .datetime)
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("membership_applications").delete()
    }
}
