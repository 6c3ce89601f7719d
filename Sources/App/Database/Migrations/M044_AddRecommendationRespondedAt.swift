import FluentKit

/// When the city last answered a recommendation of a published review (accepted, partly,
/// rejected): the follow-up reminders count a recommendation's period from it
/// (`ReviewFollowUpRule`). NULL for answers given before: they count from the publication.
struct M044_AddRecommendationRespondedAt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("review_recommendations").field("responded_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("review_recommendations").deleteField("responded_at").update()
    }
}
