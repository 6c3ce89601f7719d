import FluentKit
import Foundation

/// The follow-up of a published review: the city answers each recommendation (accepted, partly or
/// rejected — the last two with a reason), links it to an action of its registry, and reports
/// dated progress. The next review of the city shows what happened to them.
struct ReviewFollowUpService: Sendable {
    let db: any Database
    let clock: AppClock

    func respond(
        _ id: UUID, recommendation recommendationID: UUID, response: RecommendationResponse, reason: String, actionID: UUID?,
        by user: CurrentUser
    ) async throws {
        let (record, recommendation) = try await load(id, recommendationID, user: user)
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if response != .accepted && reason.isEmpty { throw AppError.validation(["reason": "review.error.reason_required"]) }
        if let actionID,
            try await MitigationAction.query(on: db).filter(\.$id == actionID).filter(\.$city.$id == record.$city.id).count() == 0
        {
            throw AppError.validation(["action": "review.error.not_city_record"])
        }
        let before = recommendation.responseRaw
        recommendation.responseRaw = response.rawValue
        recommendation.responseReason = String(reason.prefix(2000))
        recommendation.followActionID = actionID
        let now = clock.now()
        recommendation.respondedAt = now
        try await db.transaction { db in
            try await recommendation.save(on: db)
            try await Audit.record(
                "review.follow_up", entity: "review", id: id.uuidString, actor: user, before: ["response": before],
                after: ["response": response.rawValue, "reason": reason], at: now, on: db)
        }
    }

    func progress(_ id: UUID, recommendation recommendationID: UUID, on day: String, note: String, by user: CurrentUser)
        async throws
    {
        let (_, recommendation) = try await load(id, recommendationID, user: user)
        guard ISODay.parse(day) != nil, day <= ISODay.format(clock.now()) else {
            throw AppError.validation(["date": "review.error.progress_date"])
        }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw AppError.validation(["note": "validation.required"]) }
        let update = RecommendationUpdate()
        update.$recommendation.id = try recommendation.requireID()
        update.onDate = day
        update.note = String(note.prefix(4000))
        update.authorID = user.id
        let now = clock.now()
        try await db.transaction { db in
            try await update.create(on: db)
            try await Audit.record(
                "review.progress", entity: "review", id: id.uuidString, actor: user, after: ["date": day, "note": note], at: now,
                on: db)
        }
    }

    /// A recommendation of a published review, for an editor of the reviewed city.
    private func load(_ id: UUID, _ recommendationID: UUID, user: CurrentUser) async throws -> (
        ReviewRequest, ReviewRecommendation
    ) {
        guard let record = try await ReviewRequest.find(id, on: db),
            let recommendation = try await ReviewRecommendation.find(recommendationID, on: db),
            recommendation.$request.id == id
        else { throw AppError.notFound }
        guard EditorRule.speaksFor(city: record.$city.id, user: user) else { throw AppError.forbidden }
        guard record.state == .published else { throw AppError.conflict("review.error.stage") }
        return (record, recommendation)
    }

    /// The recommendations of a city's latest published review other than `excluding`, with their
    /// follow-up: what the next review shows.
    static func previous(city cityID: UUID, excluding id: UUID, on db: any Database) async throws -> (
        ReviewRequest, [ReviewRecommendation], [UUID: [RecommendationUpdate]]
    )? {
        guard
            let previous = try await ReviewRequest.query(on: db).filter(\.$city.$id == cityID)
                .filter(\.$stateRaw == ReviewState.published.rawValue).filter(\.$id != id).sort(\.$createdAt, .descending)
                .first()
        else { return nil }
        let recommendations = try await ReviewRecommendation.query(on: db).filter(\.$request.$id == previous.requireID())
            .sort(\.$createdAt).all()
        return (previous, recommendations, try await updates(recommendations, on: db))
    }

    static func updates(_ recommendations: [ReviewRecommendation], on db: any Database) async throws -> [UUID:
        [RecommendationUpdate]]
    {
        let updates = try await RecommendationUpdate.query(on: db).filter(
            \.$recommendation.$id ~~ recommendations.compactMap(\.id)
        )
        .sort(\.$onDate).all()
        return Dictionary(grouping: updates, by: { $0.$recommendation.id })
    }
}

extension Services {
    var reviewFollowUp: ReviewFollowUpService { ReviewFollowUpService(db: db, clock: clock) }
}
