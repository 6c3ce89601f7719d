import FluentKit
import Foundation
import Indicators

/// Everything the pages of one review show, read once per request, with what the reader may do.
/// Before publication only the review's participants and the secretariat see it; private notes
/// only the city and the secretariat; first marks and replies side by side only participants.
struct ReviewWorkspace: Sendable {
    struct Reviewer: Sendable {
        let assignmentID: UUID
        let userID: UUID
        let name: String
        let kind: ReviewerKind
        let lead: Bool
        let state: AssignmentState
        let reason: String
    }

    struct Mark: Sendable {
        let criterion: String
        let selfLevel: Int?
        let selfComment: String
        let reviewerID: UUID?
        let level: Int?
        let evidence: [ReviewEvidence]
        let publicComment: String
        let privateNote: String
        let language: String
        let finalLevel: Int?
        let finalReason: String
        let reply: ReviewReply?
    }

    let id: UUID
    let record: ReviewRequest
    let city: City
    let criteria: ReviewCriteria?
    let documents: [ReviewDocument]
    let reviewers: [Reviewer]
    let marks: [String: Mark]
    let recommendations: [ReviewRecommendation]
    let reports: [ReviewReport]
    /// Dated progress on the recommendations (the follow-up).
    let updates: [UUID: [RecommendationUpdate]]
    /// The city's previous published review, its recommendations and their progress.
    let previous: (review: ReviewRequest, recommendations: [ReviewRecommendation], updates: [UUID: [RecommendationUpdate]])?
    /// For the latest report's weaknesses, peers strong on them.
    let strongPeers: [String: [ReviewLearning.StrongPeer]]
    let user: CurrentUser?
    let today: String

    var state: ReviewState { record.state }
    var isSecretariat: Bool { user?.isSecretariat == true }
    /// The city's own people (never the secretariat): the self-assessment, reply and follow-up.
    var isCityEditor: Bool { EditorRule.speaksFor(city: record.$city.id, user: user) }
    var assignment: Reviewer? { user.flatMap { user in reviewers.first { $0.userID == user.id } } }
    var isReviewer: Bool { assignment?.state == .accepted }
    var isLead: Bool { assignment.map { $0.state == .accepted && $0.lead } ?? false }
    var isParticipant: Bool { isSecretariat || isCityEditor || assignment != nil }
    var mayModerate: Bool { isSecretariat || isLead }
    /// Private notes: the city and the secretariat.
    var seesPrivateNotes: Bool { isSecretariat || isCityEditor }
    var isVisible: Bool { state == .published || isParticipant }
    var deadline: String? { record.deadlines[state.rawValue] }
    var isLate: Bool { ReviewRules.isPast(deadline: deadline, today: today) }

    static func load(_ id: UUID, user: CurrentUser?, services: Services) async throws -> ReviewWorkspace {
        guard let workspace = try await load(id, user: user, db: services.db, today: ISODay.format(services.clock.now())) else {
            throw AppError.notFound
        }
        return workspace
    }

    /// The same review for another reader (the cached read is loaded without one) and, when given,
    /// another day (a cached value may outlive the day it was read on).
    func with(user: CurrentUser?, today: String? = nil) -> ReviewWorkspace {
        ReviewWorkspace(
            id: id, record: record, city: city, criteria: criteria, documents: documents, reviewers: reviewers, marks: marks,
            recommendations: recommendations, reports: reports, updates: updates, previous: previous, strongPeers: strongPeers,
            user: user, today: today ?? self.today)
    }

    /// What may be told of a reader here, for the cache of shared pages.
    static func audience(_ workspace: ReviewWorkspace?, _ user: CurrentUser) -> String {
        guard let workspace = workspace?.with(user: user) else { return "" }
        return [
            workspace.isParticipant, workspace.isCityEditor, workspace.isReviewer, workspace.mayModerate,
            workspace.assignment?.state == .invited,
        ].map { $0 ? "1" : "0" }.joined()
    }

    static func load(_ id: UUID, user: CurrentUser?, db: any Database, today: String) async throws -> ReviewWorkspace? {
        guard let record = try await ReviewRequest.find(id, on: db), let city = try await City.find(record.$city.id, on: db)
        else { return nil }
        let criteria = record.editionID == nil ? nil : try await ReviewCriteria.load(record, on: db)
        let assignments = try await ReviewAssignment.query(on: db).filter(\.$request.$id == id).with(\.$user).sort(\.$createdAt)
            .all()
        let marks = try await ReviewMark.query(on: db).filter(\.$request.$id == id).all()
        let replies = try await ReviewReply.query(on: db).filter(\.$mark.$id ~~ marks.compactMap(\.id)).all()
        let replyByMark = Dictionary(replies.map { ($0.$mark.id, $0) }, uniquingKeysWith: { first, _ in first })
        let recommendations = try await ReviewRecommendation.query(on: db).filter(\.$request.$id == id).sort(\.$createdAt).all()
        let previous = try await ReviewFollowUpService.previous(city: record.$city.id, excluding: id, on: db)
        let reports = try await ReviewPublication.versions(id, on: db)
        var strongPeers: [String: [ReviewLearning.StrongPeer]] = [:]
        if let latest = reports.last, !latest.weaknesses.isEmpty {
            strongPeers = ReviewLearning.strongPeers(for: latest, among: try await ReviewLearning.latestReports(on: db))
        }
        return ReviewWorkspace(
            id: id, record: record, city: city, criteria: criteria,
            documents: try await ReviewDocument.query(on: db).filter(\.$request.$id == id).sort(\.$createdAt).all(),
            reviewers: try assignments.map {
                Reviewer(
                    assignmentID: try $0.requireID(), userID: $0.$user.id, name: $0.user.name, kind: $0.kind, lead: $0.lead,
                    state: $0.state, reason: $0.reason)
            },
            marks: Dictionary(
                marks.map { mark in
                    (
                        mark.criterion,
                        Mark(
                            criterion: mark.criterion, selfLevel: mark.selfLevel, selfComment: mark.selfComment,
                            reviewerID: mark.reviewerID, level: mark.level, evidence: mark.evidence,
                            publicComment: mark.publicComment, privateNote: mark.privateNote, language: mark.commentLanguage,
                            finalLevel: mark.finalLevel, finalReason: mark.finalReason,
                            reply: mark.id.flatMap { replyByMark[$0] })
                    )
                }, uniquingKeysWith: { first, _ in first }),
            recommendations: recommendations, reports: reports,
            updates: try await ReviewFollowUpService.updates(recommendations, on: db),
            previous: previous.map { (review: $0.0, recommendations: $0.1, updates: $0.2) }, strongPeers: strongPeers,
            user: user, today: today)
    }

    /// The scores the final marks give now (before publication: what the report would say).
    func scores() -> AssessmentScores? {
        guard let criteria else { return nil }
        return ReviewScoring.score(
            criteria, finals: marks.compactMapValues(\.finalLevel),
            city: CityContext(cityType: city.cityType, country: city.country), year: 2000)
    }

    /// The city's own view of its plan: its self-assessment levels scored by the same rule as the
    /// final marks (weights, applicability, missing left out), to set beside the reviewers' view.
    /// Nil when the city assessed nothing.
    func selfScores(levels: [String: Int]? = nil) -> AssessmentScores? {
        let levels = levels ?? marks.compactMapValues(\.selfLevel)
        guard let criteria, !levels.isEmpty else { return nil }
        return ReviewScoring.score(
            criteria, finals: levels, city: CityContext(cityType: city.cityType, country: city.country), year: 2000)
    }
}

enum ReviewReads {
    static let tables: [Table] = [
        .reviewRequests, .cities, .frameworkEditions, .reviewAssignments, .users, .reviewMarks, .reviewReplies,
        .reviewDocuments, .reviewRecommendations, .reviewRecommendationUpdates, .reviewReports,
    ]

    /// The list of published reviews as a visitor sees it (signed-in readers also see their own
    /// reviews and forms, built per request).
    static let publicList = CachedRead<Whole, ReviewListQuery>("reviews.public_list", tables: ReviewReads.directory.tables) {
        _, query in
        try ReviewListQuery.make(
            try await query.cache.value(ReviewReads.directory, Whole(), in: query), user: nil, city: nil, learning: [])
    }

    /// The secretariat's view across the latest published reports.
    static let learning = CachedRead<Whole, [ReviewLearning.CriterionSummary]>("reviews.learning", tables: [.reviewReports]) {
        _, query in
        ReviewLearning.criteria(try await ReviewLearning.latestReports(on: query.db))
    }

    /// One review's pages, loaded without a reader (`ReviewWorkspace.with(user:)` adds one).
    static let workspace = CachedRead<UUID, ReviewWorkspace?>("reviews.workspace", tables: tables) { id, query in
        try await ReviewWorkspace.load(id, user: nil, db: query.db, today: ISODay.format(query.clock.now()))
    }

    /// `GET /api/v1/reviews`: the published reports as the API writes them.
    static let apiList = CachedRead<Whole, String>("reviews.api_list", tables: [.reviewRequests, .reviewReports]) { _, query in
        try await ReviewsAPI.listDocument(on: query.db)
    }

    /// The published versions of one review's report (the API).
    static let reports = CachedRead<UUID, [ReviewReport]>("reviews.reports", tables: [.reviewReports]) { id, query in
        try await ReviewPublication.versions(id, on: query.db)
    }
}
