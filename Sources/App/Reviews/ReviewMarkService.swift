import FluentKit
import Foundation
import Indicators

/// The marks of a review, stage by stage: the city's self-assessment, the reviewers' first marks
/// (with evidence and recommendations), the city's reply, and the moderated final mark. Each
/// change is checked first, then written with its history row and audit entry in one
/// transaction; a refused change writes nothing.
struct ReviewMarkService: Sendable {
    let db: any Database
    let clock: AppClock

    struct MarkInput: Sendable {
        var level: Int?
        var evidence: [String] = []
        var publicComment = ""
        var privateNote = ""
        var language = "en"
        var why = ""
    }

    struct RecommendationInput: Sendable {
        var text: String
        var priority: RecommendationPriority
        var gpcRef: String? = nil
        var targetID: UUID? = nil
        var actionID: UUID? = nil
    }

    private var today: String { ISODay.format(clock.now()) }

    /// The city's own level for a criterion, in the self-assessment stage.
    func selfAssess(_ id: UUID, criterion: String, level: Int, comment: String, by user: CurrentUser) async throws {
        let (_, criteria) = try await open(id, stage: .selfAssessment) { EditorRule.speaksFor(city: $0.$city.id, user: user) }
        try check(level, criterion, criteria)
        let mark = try await mark(id, criterion)
        try await write(mark, stage: .selfAssessment, why: "self-assessment", user: user) {
            $0.selfLevel = level
            $0.selfComment = String(comment.prefix(4000))
        }
    }

    /// A reviewer's mark: only accepted reviewers, in the marking stage, before its deadline; the
    /// first to mark a criterion is its first reviewer and the only one who may change it (with a
    /// reason).
    func mark(_ id: UUID, criterion: String, _ input: MarkInput, by user: CurrentUser) async throws {
        let (record, criteria) = try await open(id, stage: .marking) { _ in try await isAcceptedReviewer(id, user.id) }
        guard let level = input.level else { throw AppError.validation(["level": "validation.required"]) }
        try check(level, criterion, criteria)
        let existing = try await ReviewMark.query(on: db).filter(\.$request.$id == id).filter(\.$criterion == criterion).first()
        if let reviewer = existing?.reviewerID, reviewer != user.id { throw AppError.conflict("review.error.mark_taken") }
        let changing = existing?.level != nil
        if changing && input.why.trimmingCharacters(in: .whitespaces).isEmpty {
            throw AppError.validation(["why": "review.error.why_required"])
        }
        guard ContentLanguage(rawValue: input.language) != nil else {
            throw AppError.validation(["language": "validation.language"])
        }
        let evidence = try await EvidenceFreezer(db: db, request: record).freeze(input.evidence)
        if evidence.isEmpty, criteria.item(criterion).map(Self.evidenceRequired) == true, level > 0 {
            throw AppError.validation(["evidence": "review.error.evidence_required"])
        }
        let mark = existing ?? ReviewMark(requestID: id, criterion: criterion)
        try await write(mark, stage: .marking, why: changing ? input.why : "first mark", user: user) {
            $0.reviewerID = user.id
            $0.level = level
            $0.evidence = evidence
            $0.publicComment = String(input.publicComment.prefix(8000))
            $0.privateNote = String(input.privateNote.prefix(8000))
            $0.commentLanguage = input.language
        }
    }

    /// A recommendation, by a reviewer while marking or by a moderator while moderating.
    func recommend(_ id: UUID, criterion: String, _ input: RecommendationInput, by user: CurrentUser) async throws {
        let record = try await load(id)
        let criteria = try await ReviewCriteria.load(record, on: db)
        guard criteria.item(criterion) != nil else { throw AppError.validation(["criterion": "review.error.criterion"]) }
        switch record.state {
        case .marking: guard try await isAcceptedReviewer(id, user.id) else { throw AppError.forbidden }
        case .moderation: guard try await mayModerate(id, user) else { throw AppError.forbidden }
        default: throw AppError.conflict("review.error.stage")
        }
        let text = input.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw AppError.validation(["text": "validation.required"]) }
        if let target = input.targetID, !record.targetIDs.contains(target),
            try await CityTarget.query(on: db).filter(\.$id == target).filter(\.$city.$id == record.$city.id).count() == 0
        {
            throw AppError.validation(["target": "review.error.not_city_record"])
        }
        if let action = input.actionID,
            try await MitigationAction.query(on: db).filter(\.$id == action).filter(\.$city.$id == record.$city.id).count() == 0
        {
            throw AppError.validation(["action": "review.error.not_city_record"])
        }
        let recommendation = ReviewRecommendation()
        recommendation.$request.id = id
        recommendation.criterion = criterion
        recommendation.text = String(text.prefix(4000))
        recommendation.priorityRaw = input.priority.rawValue
        recommendation.gpcRef = input.gpcRef.flatMap { $0.isEmpty ? nil : String($0.prefix(20)) }
        recommendation.targetID = input.targetID
        recommendation.actionID = input.actionID
        recommendation.authorID = user.id
        let now = clock.now()
        try await db.transaction { db in
            try await recommendation.create(on: db)
            try await Audit.record(
                "review.recommend", entity: "review", id: id.uuidString, actor: user,
                after: ["criterion": criterion, "priority": input.priority.rawValue, "text": text], at: now, on: db)
        }
    }

    /// The city's reply to a mark: agree, or disagree with evidence and a comment; changeable until
    /// the reply deadline, refused after it.
    func reply(_ id: UUID, criterion: String, agree: Bool, evidence: String, comment: String, by user: CurrentUser)
        async throws
    {
        _ = try await open(id, stage: .reply) { EditorRule.speaksFor(city: $0.$city.id, user: user) }
        guard
            let mark = try await ReviewMark.query(on: db).filter(\.$request.$id == id).filter(\.$criterion == criterion).first(),
            mark.level != nil
        else { throw AppError.validation(["criterion": "review.error.no_mark"]) }
        let evidence = evidence.trimmingCharacters(in: .whitespacesAndNewlines)
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if !agree {
            var errors: [String: String] = [:]
            if evidence.isEmpty { errors["evidence"] = "review.error.disagree_evidence" }
            if comment.isEmpty { errors["comment"] = "review.error.disagree_comment" }
            guard errors.isEmpty else { throw AppError.validation(errors) }
        }
        let markID = try mark.requireID()
        let existing = try await ReviewReply.query(on: db).filter(\.$mark.$id == markID).first()
        let before = existing.map { ["agree": String($0.agree), "evidence": $0.evidence, "comment": $0.comment] }
        let reply = existing ?? ReviewReply(markID: markID, agree: agree, evidence: "", comment: "", authorID: user.id)
        reply.agree = agree
        reply.evidence = String(evidence.prefix(4000))
        reply.comment = String(comment.prefix(8000))
        reply.authorID = user.id
        let after = ["agree": String(agree), "evidence": reply.evidence, "comment": reply.comment]
        let now = clock.now()
        try await db.transaction { db in
            try await reply.save(on: db)
            try await ReviewHistory.record(
                markID: markID, stage: .reply, before: before, after: after, why: "reply", user: user, at: now, on: db)
            try await Audit.record(
                "review.reply", entity: "review", id: id.uuidString, actor: user,
                after: ["criterion": criterion, "agree": String(agree)],
                at: now, on: db)
        }
    }

    /// The moderated final mark, by the lead reviewer or the secretariat — never by the
    /// criterion's first reviewer; a reason is required when it differs from the first mark.
    func moderate(_ id: UUID, criterion: String, level: Int, reason: String, by user: CurrentUser) async throws {
        let (_, criteria) = try await open(id, stage: .moderation) { _ in try await mayModerate(id, user) }
        try check(level, criterion, criteria)
        let mark = try await self.mark(id, criterion)
        if let refusal = ReviewRules.moderationRefusal(moderator: user.id, firstReviewer: mark.reviewerID) {
            throw AppError.conflict(refusal)
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if level != mark.level && reason.isEmpty { throw AppError.validation(["reason": "review.error.final_reason"]) }
        try await write(mark, stage: .moderation, why: reason.isEmpty ? "final mark" : reason, user: user) {
            $0.finalLevel = level
            $0.finalReason = String(reason.prefix(4000))
            $0.moderatorID = user.id
        }
    }

    // MARK: - Shared steps

    func load(_ id: UUID) async throws -> ReviewRequest {
        guard let record = try await ReviewRequest.find(id, on: db) else { throw AppError.notFound }
        return record
    }

    /// The review in `stage`, before that stage's deadline, with its criteria — for a user `allowed`
    /// to act on it (checked first: who may not act learns nothing of the stage).
    private func open(_ id: UUID, stage: ReviewState, allowed: (ReviewRequest) async throws -> Bool) async throws -> (
        ReviewRequest, ReviewCriteria
    ) {
        let record = try await load(id)
        guard try await allowed(record) else { throw AppError.forbidden }
        guard record.state == stage else { throw AppError.conflict("review.error.stage") }
        if ReviewRules.isPast(deadline: record.deadlines[stage.rawValue], today: today) {
            throw AppError.conflict("review.error.deadline_passed")
        }
        return (record, try await ReviewCriteria.load(record, on: db))
    }

    private func check(_ level: Int, _ criterion: String, _ criteria: ReviewCriteria) throws {
        guard let max = criteria.maxLevel(criterion) else { throw AppError.validation(["criterion": "review.error.criterion"]) }
        guard (0...max).contains(level) else { throw AppError.validation(["level": "review.error.level_outside_scale"]) }
    }

    func isAcceptedReviewer(_ id: UUID, _ userID: UUID) async throws -> Bool {
        try await ReviewAssignment.query(on: db).filter(\.$request.$id == id).filter(\.$user.$id == userID)
            .filter(\.$stateRaw == AssignmentState.accepted.rawValue).count() > 0
    }

    /// The secretariat, or the review's accepted lead reviewer.
    func mayModerate(_ id: UUID, _ user: CurrentUser) async throws -> Bool {
        if user.isSecretariat { return true }
        return try await ReviewAssignment.query(on: db).filter(\.$request.$id == id).filter(\.$user.$id == user.id)
            .filter(\.$stateRaw == AssignmentState.accepted.rawValue).filter(\.$lead == true).count() > 0
    }

    private func mark(_ id: UUID, _ criterion: String) async throws -> ReviewMark {
        try await ReviewMark.query(on: db).filter(\.$request.$id == id).filter(\.$criterion == criterion).first()
            ?? ReviewMark(requestID: id, criterion: criterion)
    }

    private static func evidenceRequired(_ item: Indicators.FrameworkItem) -> Bool {
        if case .qualitative(let scale) = item.kind { return scale.evidenceRequired }
        return false
    }

    private func write(_ mark: ReviewMark, stage: ReviewState, why: String, user: CurrentUser, change: (ReviewMark) -> Void)
        async throws
    {
        let before = mark.id == nil ? nil : ReviewHistory.fields(mark)
        change(mark)
        let after = ReviewHistory.fields(mark)
        let now = clock.now()
        try await db.transaction { db in
            try await mark.save(on: db)
            try await ReviewHistory.record(
                markID: try mark.requireID(), stage: stage, before: before, after: after, why: why, user: user, at: now, on: db)
            try await Audit.record(
                "review.mark.\(stage.rawValue)", entity: "review", id: mark.$request.id.uuidString, actor: user,
                before: before.map { $0.mapValues { Optional($0) } }, after: after.mapValues { Optional($0) }, at: now, on: db)
        }
    }
}
