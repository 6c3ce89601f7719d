import FluentKit

/// The language an applicant used, so the decision reaches them in it.
struct M033_AddApplicationLocale: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("membership_applications").field("locale", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("membership_applications").deleteField("locale").update()
    }
}
