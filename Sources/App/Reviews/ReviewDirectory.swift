import FluentKit
import Foundation

/// Every review in one list, with its reviewers and the follow-up of published recommendations:
/// what the review lists, the account page and the reminders need. Read once and cached while the
/// review tables are unchanged, then narrowed to a reader in memory (a handful of rows per city).
struct ReviewDirectory: Sendable {
    struct Review: Sendable {
        let id: UUID
        let title: String
        let cityID: UUID
        let citySlug: String
        let cityNames: [String: String]
        let kind: String
        let state: ReviewState
        let illustrative: Bool
        /// Stage raw value → ISO day.
        let deadlines: [String: String]
        /// While marking: how many criteria still have no first mark (the stage waits on the
        /// reviewers only while some do); nil in the other stages.
        var unmarkedCriteria: Int? = nil

        /// The deadline of the stage the review is in.
        var deadline: String? { deadlines[state.rawValue] }
        var isOpen: Bool { state != .published && state != .declined }
    }

    struct Assignment: Sendable {
        let reviewID: UUID
        let userID: UUID
        let state: AssignmentState
        let lead: Bool
    }

    /// A recommendation of a published review that the city still follows up (not rejected).
    struct FollowUp: Sendable {
        let reviewID: UUID
        let recommendationID: UUID
        let cityID: UUID
        let text: String
        let priority: RecommendationPriority
        /// The latest of: the first publication of the report, the city's answer, its latest
        /// progress update.
        let lastActivity: Date
    }

    /// Newest first.
    let reviews: [Review]
    let assignments: [Assignment]
    let followUps: [FollowUp]

    func review(_ id: UUID) -> Review? { reviews.first { $0.id == id } }

    func assignment(of userID: UUID, in reviewID: UUID) -> Assignment? {
        assignments.first { $0.reviewID == reviewID && $0.userID == userID }
    }

    /// Seven statements at most whatever the number of reviews.
    static func load(on db: any Database) async throws -> ReviewDirectory {
        let records = try await ReviewRequest.query(on: db).with(\.$city).sort(\.$createdAt, .descending).all()
        let unmarked = try await unmarkedCriteria(of: records.filter { $0.state == .marking }, on: db)
        let reviews = try records.map { record in
            Review(
                id: try record.requireID(), title: record.title, cityID: record.$city.id, citySlug: record.city.slug,
                cityNames: record.city.names, kind: record.kindRaw, state: record.state, illustrative: record.illustrative,
                deadlines: record.deadlines, unmarkedCriteria: record.id.flatMap { unmarked[$0] })
        }
        let assignments = try await ReviewAssignment.query(on: db).all().map {
            Assignment(reviewID: $0.$request.id, userID: $0.$user.id, state: $0.state, lead: $0.lead)
        }
        let published = Dictionary(
            reviews.filter { $0.state == .published }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        guard !published.isEmpty else { return ReviewDirectory(reviews: reviews, assignments: assignments, followUps: []) }
        let firstReports = try await ReviewReportRecord.query(on: db).filter(\.$number == 1).all()
        let publishedAt = Dictionary(firstReports.map { ($0.$request.id, $0.createdAt) }, uniquingKeysWith: min)
        let recommendations = try await ReviewRecommendation.query(on: db).filter(\.$request.$id ~~ Array(published.keys))
            .sort(\.$createdAt).all()
            .filter { $0.response != .rejected }
        // Progress counts from the day it reports (the city may record it a few days late).
        var lastUpdate: [UUID: String] = [:]
        for update in try await RecommendationUpdate.query(on: db).all() {
            lastUpdate[update.$recommendation.id] = max(lastUpdate[update.$recommendation.id] ?? update.onDate, update.onDate)
        }
        let followUps = try recommendations.compactMap { recommendation -> FollowUp? in
            let reviewID = recommendation.$request.id
            guard let review = published[reviewID], let publication = publishedAt[reviewID] else { return nil }
            let id = try recommendation.requireID()
            let activity =
                [publication, recommendation.respondedAt, lastUpdate[id].flatMap(ISODay.parse)].compactMap { $0 }.max()
                ?? publication
            return FollowUp(
                reviewID: reviewID, recommendationID: id, cityID: review.cityID, text: recommendation.text,
                priority: recommendation.priority, lastActivity: activity)
        }
        return ReviewDirectory(reviews: reviews, assignments: assignments, followUps: followUps)
    }

    /// Per review in marking, its criteria without a first mark: two statements (the marks given,
    /// the editions' stored files), none when no review is in marking.
    private static func unmarkedCriteria(of marking: [ReviewRequest], on db: any Database) async throws -> [UUID: Int] {
        guard !marking.isEmpty else { return [:] }
        let ids = try marking.map { try $0.requireID() }
        var marked: [UUID: Set<String>] = [:]
        for mark in try await ReviewMark.query(on: db).filter(\.$request.$id ~~ ids).filter(\.$level != nil).all() {
            marked[mark.$request.id, default: []].insert(mark.criterion)
        }
        let editionIDs = Array(Set(marking.compactMap(\.editionID)))
        var criteria: [UUID: Set<String>] = [:]
        for stored in try await EditionRecord.query(on: db).filter(\.$id ~~ editionIDs).all() {
            criteria[try stored.requireID()] = Set(try ReviewCriteria(stored).items.map(\.id.rawValue))
        }
        var unmarked: [UUID: Int] = [:]
        for record in marking {
            guard let id = record.id, let editionID = record.editionID, let all = criteria[editionID] else { continue }
            unmarked[id] = all.subtracting(marked[id] ?? []).count
        }
        return unmarked
    }
}

extension ReviewDirectory: CacheCosted {
    var cacheCost: Int { 1024 + (reviews.count + assignments.count) * 512 + followUps.count * 1024 }
}

extension ReviewReads {
    static let directory = CachedRead<Whole, ReviewDirectory>(
        "reviews.directory",
        tables: [
            .reviewRequests, .cities, .reviewAssignments, .reviewReports, .reviewRecommendations, .reviewRecommendationUpdates,
            .reviewMarks, .frameworkEditions,
        ]
    ) { _, query in
        try await ReviewDirectory.load(on: query.db)
    }
}
