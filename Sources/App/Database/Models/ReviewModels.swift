import FluentKit
import Foundation

/// A city's request for a peer review of its plan or for an analytical study (issue 12).
final class ReviewRequest: Model, @unchecked Sendable {
    static let schema = "review_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kindRaw: String
    @Parent(key: "city_id") var city: City
    @OptionalField(key: "requester_id") var requesterID: UUID?
    @Field(key: "state") var stateRaw: String
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @Field(key: "scope") var scope: String
    /// GPC sectors the plan covers, as a JSON array of codes ("I", "II"…).
    @Field(key: "sectors") var sectors: [String]
    /// The city's targets and actions the plan covers (chosen from its records).
    @Field(key: "target_ids") var targetIDs: [UUID]
    @Field(key: "action_ids") var actionIDs: [UUID]
    /// An analytical study's baseline form (population, economy, energy, inventory, interests).
    @Field(key: "baseline") var baseline: [String: String]
    @OptionalField(key: "edition_id") var editionID: UUID?
    /// Per-stage deadlines: stage raw value → ISO day.
    @Field(key: "deadlines") var deadlines: [String: String]
    @OptionalField(key: "decline_reason") var declineReason: String?
    /// Demo data, labelled on every page.
    @Field(key: "illustrative") var illustrative: Bool
    /// Where a seeded request comes from (a seed document); empty for a city's own.
    @Field(key: "source") var source: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(kind: ReviewKind, cityID: UUID, requesterID: UUID?, title: String) {
        self.kindRaw = kind.rawValue
        self.$city.id = cityID
        self.requesterID = requesterID
        self.stateRaw = ReviewState.requested.rawValue
        self.title = title
        self.summary = ""
        self.scope = ""
        self.sectors = []
        self.targetIDs = []
        self.actionIDs = []
        self.baseline = [:]
        self.deadlines = [:]
        self.illustrative = false
        self.source = ""
        self.version = 1
    }

    var state: ReviewState {
        get { ReviewState(rawValue: stateRaw) ?? .requested }
        set { stateRaw = newValue.rawValue }
    }

    var kind: ReviewKind { ReviewKind(rawValue: kindRaw) ?? .planReview }
}

/// A plan document uploaded with a request (the bytes are in `stored_files`).
final class ReviewDocument: Model, @unchecked Sendable {
    static let schema = "review_documents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "request_id") var request: ReviewRequest
    @Field(key: "file_id") var fileID: UUID
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(requestID: UUID, fileID: UUID, filename: String, contentType: String, size: Int) {
        self.$request.id = requestID
        self.fileID = fileID
        self.filename = filename
        self.contentType = contentType
        self.size = size
    }
}

/// A reviewer of one review: a peer or an expert, maybe the lead, who accepts or declines.
final class ReviewAssignment: Model, @unchecked Sendable {
    static let schema = "review_assignments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "request_id") var request: ReviewRequest
    @Parent(key: "user_id") var user: User
    @Field(key: "kind") var kindRaw: String
    @Field(key: "lead") var lead: Bool
    @Field(key: "state") var stateRaw: String
    /// Shown by name in the report, or as "a peer from {country}".
    @Field(key: "show_name") var showName: Bool
    /// Why the reviewer declined.
    @Field(key: "reason") var reason: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(requestID: UUID, userID: UUID, kind: ReviewerKind, lead: Bool) {
        self.$request.id = requestID
        self.$user.id = userID
        self.kindRaw = kind.rawValue
        self.lead = lead
        self.stateRaw = AssignmentState.invited.rawValue
        self.showName = false
        self.reason = ""
    }

    var state: AssignmentState {
        get { AssignmentState(rawValue: stateRaw) ?? .invited }
        set { stateRaw = newValue.rawValue }
    }

    var kind: ReviewerKind { ReviewerKind(rawValue: kindRaw) ?? .peer }
}

/// A conflict of interest a person declared with a city: never assigned to review it.
final class ReviewConflict: Model, @unchecked Sendable {
    static let schema = "review_conflicts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Parent(key: "city_id") var city: City
    @Field(key: "reason") var reason: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, cityID: UUID, reason: String) {
        self.$user.id = userID
        self.$city.id = cityID
        self.reason = reason
    }
}

/// One criterion of one review: the city's self-assessment, the first reviewer's mark and the
/// moderated final mark.
final class ReviewMark: Model, @unchecked Sendable {
    static let schema = "review_marks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "request_id") var request: ReviewRequest
    @Field(key: "criterion") var criterion: String
    @OptionalField(key: "self_level") var selfLevel: Int?
    @Field(key: "self_comment") var selfComment: String
    /// The first reviewer: the only one who may change the mark, never its moderator.
    @OptionalField(key: "reviewer_id") var reviewerID: UUID?
    @OptionalField(key: "level") var level: Int?
    /// `[ReviewEvidence]` as JSON: pages, links and frozen platform records.
    @Field(key: "evidence") var evidence: [ReviewEvidence]
    @Field(key: "public_comment") var publicComment: String
    /// Seen only by the city and the secretariat.
    @Field(key: "private_note") var privateNote: String
    /// The language the reviewer wrote in (comments are kept as written).
    @Field(key: "comment_language") var commentLanguage: String
    @OptionalField(key: "final_level") var finalLevel: Int?
    @Field(key: "final_reason") var finalReason: String
    @OptionalField(key: "moderator_id") var moderatorID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(requestID: UUID, criterion: String) {
        self.$request.id = requestID
        self.criterion = criterion
        self.selfComment = ""
        self.evidence = []
        self.publicComment = ""
        self.privateNote = ""
        self.commentLanguage = "en"
        self.finalReason = ""
    }
}

/// The city's reply to one mark.
final class ReviewReply: Model, @unchecked Sendable {
    static let schema = "review_replies"

    @ID(key: .id) var id: UUID?
    @Parent(key: "mark_id") var mark: ReviewMark
    @Field(key: "agree") var agree: Bool
    @Field(key: "evidence") var evidence: String
    @Field(key: "comment") var comment: String
    @OptionalField(key: "author_id") var authorID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(markID: UUID, agree: Bool, evidence: String, comment: String, authorID: UUID?) {
        self.$mark.id = markID
        self.agree = agree
        self.evidence = evidence
        self.comment = comment
        self.authorID = authorID
    }
}

/// A recommendation of a review, tied to a criterion and, where it applies, a GPC sub-sector, a
/// target or an action.
final class ReviewRecommendation: Model, @unchecked Sendable {
    static let schema = "review_recommendations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "request_id") var request: ReviewRequest
    @Field(key: "criterion") var criterion: String
    @Field(key: "text") var text: String
    @Field(key: "priority") var priorityRaw: String
    @OptionalField(key: "gpc_ref") var gpcRef: String?
    @OptionalField(key: "target_id") var targetID: UUID?
    @OptionalField(key: "action_id") var actionID: UUID?
    @OptionalField(key: "author_id") var authorID: UUID?
    /// The city's follow-up: accepted, partly or rejected (with the reason), and the action of its
    /// registry that carries it out.
    @OptionalField(key: "response") var responseRaw: String?
    @Field(key: "response_reason") var responseReason: String
    @OptionalField(key: "follow_action_id") var followActionID: UUID?
    /// When the city last answered (the platform's clock, not the row's timestamps).
    @OptionalField(key: "responded_at") var respondedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {
        responseReason = ""
    }

    var priority: RecommendationPriority { RecommendationPriority(rawValue: priorityRaw) ?? .medium }
    var response: RecommendationResponse? { responseRaw.flatMap(RecommendationResponse.init(rawValue:)) }
}

/// A dated progress note of the city on a recommendation.
final class RecommendationUpdate: Model, @unchecked Sendable {
    static let schema = "review_recommendation_updates"

    @ID(key: .id) var id: UUID?
    @Parent(key: "recommendation_id") var recommendation: ReviewRecommendation
    @Field(key: "on_date") var onDate: String
    @Field(key: "note") var note: String
    @OptionalField(key: "author_id") var authorID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A published report version: never changed once written.
final class ReviewReportRecord: Model, @unchecked Sendable {
    static let schema = "review_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "request_id") var request: ReviewRequest
    @Field(key: "number") var number: Int
    /// `ReviewReport` as JSON.
    @Field(key: "body") var body: String
    @Field(key: "reason") var reason: String
    @OptionalField(key: "published_by") var publishedBy: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(requestID: UUID, number: Int, body: String, reason: String, publishedBy: UUID?, at date: Date) {
        self.$request.id = requestID
        self.number = number
        self.body = body
        self.reason = reason
        self.publishedBy = publishedBy
        self.createdAt = date
    }
}
