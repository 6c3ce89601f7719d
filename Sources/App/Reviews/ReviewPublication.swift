import FluentKit
import Foundation
import Indicators

/// Publishing a review: the report is built from the final marks, replies and recommendations and
/// stored as version 1; it never changes. A correction (a final mark changed after publication,
/// or a note) is a new version with its reason.
struct ReviewPublication: Sendable {
    let db: any Database
    let clock: AppClock
    var outbox: Outbox? = nil

    func publish(_ id: UUID, by user: CurrentUser) async throws {
        guard user.isSecretariat else { throw AppError.forbidden }
        guard let record = try await ReviewRequest.find(id, on: db) else { throw AppError.notFound }
        guard record.state == .moderation else { throw AppError.conflict("review.error.transition") }
        let finals = try await ReviewMark.query(on: db).filter(\.$request.$id == id).filter(\.$finalLevel != nil).count()
        guard finals > 0 else { throw AppError.conflict("review.error.no_final_marks") }
        let now = clock.now()
        let report = try await build(record, version: 1, reason: "", at: now)
        try await db.transaction { db in
            record.state = .published
            record.version += 1
            try await record.save(on: db)
            try await store(report, by: user, on: db)
            try await Audit.record(
                "review.publish", entity: "review", id: id.uuidString, actor: user, before: ["state": "moderation"],
                after: ["state": "published", "report": "1"], at: now, on: db)
            if let outbox { try await ReviewMail.published(record, outbox: outbox, on: db) }
        }
    }

    /// A new version of a published report, with its reason; optionally a final mark corrected.
    func correct(_ id: UUID, reason: String, criterion: String?, level: Int?, by user: CurrentUser) async throws {
        guard user.isSecretariat else { throw AppError.forbidden }
        guard let record = try await ReviewRequest.find(id, on: db) else { throw AppError.notFound }
        guard record.state == .published else { throw AppError.conflict("review.error.stage") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw AppError.validation(["reason": "review.error.reason_required"]) }
        var corrected: ReviewMark?
        if let criterion, !criterion.isEmpty {
            let criteria = try await ReviewCriteria.load(record, on: db)
            guard let max = criteria.maxLevel(criterion) else {
                throw AppError.validation(["criterion": "review.error.criterion"])
            }
            guard let level, (0...max).contains(level) else {
                throw AppError.validation(["level": "review.error.level_outside_scale"])
            }
            let mark =
                try await ReviewMark.query(on: db).filter(\.$request.$id == id).filter(\.$criterion == criterion).first()
                ?? ReviewMark(requestID: id, criterion: criterion)
            if let refusal = ReviewRules.moderationRefusal(moderator: user.id, firstReviewer: mark.reviewerID) {
                throw AppError.conflict(refusal)
            }
            mark.finalLevel = level
            mark.finalReason = reason
            mark.moderatorID = user.id
            corrected = mark
        }
        let latest = try await ReviewReportRecord.query(on: db).filter(\.$request.$id == id).sort(\.$number, .descending).first()
        let number = (latest?.number ?? 0) + 1
        let now = clock.now()
        let toCorrect = corrected
        try await db.transaction { db in
            if let corrected = toCorrect {
                let before = corrected.id == nil ? nil : ReviewHistory.fields(corrected)
                try await corrected.save(on: db)
                try await ReviewHistory.record(
                    markID: try corrected.requireID(), stage: .published, before: before, after: ReviewHistory.fields(corrected),
                    why: reason, user: user, at: now, on: db)
            }
            let report = try await ReviewPublication(db: db, clock: clock).build(record, version: number, reason: reason, at: now)
            try await store(report, by: user, on: db)
            try await Audit.record(
                "review.correct", entity: "review", id: id.uuidString, actor: user,
                after: ["report": String(number), "reason": reason], at: now, on: db)
        }
    }

    private func store(_ report: ReviewReport, by user: CurrentUser, on db: any Database) async throws {
        let body = String(decoding: try ReviewReport.encoder.encode(report), as: UTF8.self)
        try await ReviewReportRecord(
            requestID: report.reviewID, number: report.version, body: body, reason: report.reason, publishedBy: user.id,
            at: report.publishedAt
        ).create(on: db)
        // In the same transaction: the search shows the latest published version, or nothing.
        let country = try await City.query(on: db).join(ReviewRequest.self, on: \City.$id == \ReviewRequest.$city.$id)
            .filter(ReviewRequest.self, \.$id == report.reviewID).first()?.country
        try await ReviewSearch.refresh(report, country: country, on: db)
    }

    /// The report of `record` as its data stands now.
    func build(_ record: ReviewRequest, version: Int, reason: String, at date: Date) async throws -> ReviewReport {
        let id = try record.requireID()
        guard let city = try await City.find(record.$city.id, on: db) else { throw AppError.notFound }
        let criteria = try await ReviewCriteria.load(record, on: db)
        let marks = try await ReviewMark.query(on: db).filter(\.$request.$id == id).all()
        let byCriterion = Dictionary(marks.map { ($0.criterion, $0) }, uniquingKeysWith: { first, _ in first })
        let replies = try await ReviewReply.query(on: db).filter(\.$mark.$id ~~ marks.compactMap(\.id)).all()
        let replyByMark = Dictionary(replies.map { ($0.$mark.id, $0) }, uniquingKeysWith: { first, _ in first })
        let year = Calendar(identifier: .gregorian).component(.year, from: record.createdAt ?? date)
        let scores = ReviewScoring.score(
            criteria, finals: marks.reduce(into: [:]) { $0[$1.criterion] = $1.finalLevel },
            city: CityContext(cityType: city.cityType, country: city.country), year: year)
        let items: [ReviewReport.Criterion] = criteria.items.map { item in
            let mark = byCriterion[item.id.rawValue]
            let result = scores.item(item.id)
            let (status, statusReason) = result.map { ReviewScoring.status($0.status) } ?? ("missing", "no value")
            let reply = mark?.id.flatMap { replyByMark[$0] }
            return ReviewReport.Criterion(
                id: item.id.rawValue, group: item.group, name: item.name.resolved("en"), weight: item.weight,
                maxLevel: criteria.maxLevel(item.id.rawValue) ?? 0, status: status, reason: statusReason,
                score: result?.status.score, selfLevel: mark?.selfLevel, firstLevel: mark?.level, finalLevel: mark?.finalLevel,
                finalReason: mark?.finalReason ?? "", publicComment: mark?.publicComment ?? "",
                commentLanguage: mark?.commentLanguage ?? "en", evidence: mark?.evidence ?? [],
                reply: reply.map { ReviewReport.Reply(agree: $0.agree, evidence: $0.evidence, comment: $0.comment) })
        }
        let recommendations = try await ReviewRecommendation.query(on: db).filter(\.$request.$id == id).sort(\.$createdAt).all()
        return ReviewReport(
            reviewID: id, version: version, reason: reason, publishedAt: date, illustrative: record.illustrative,
            kind: record.kindRaw, city: city.slug, cityNames: city.names, title: record.title, summary: record.summary,
            scope: record.scope.isEmpty ? nil : record.scope, sectors: record.sectors.isEmpty ? nil : record.sectors,
            baseline: record.baseline.isEmpty ? nil : record.baseline,
            framework: criteria.frameworkSlug, edition: criteria.edition.version, rule: ReviewReport.rule,
            composite: scores.composite.score, compositeNotShownReason: scores.composite.notShownReason,
            minimumShare: criteria.edition.minimumShare,
            groups: criteria.edition.groups.map { group in
                let summary = scores.group(group.id)?.summary
                return ReviewReport.Group(
                    id: group.id, name: group.name.resolved("en"), score: summary?.score, notShownReason: summary?.notShownReason)
            },
            criteria: items,
            strengths: items.filter { ($0.score ?? -1) >= 75 }.map(\.id),
            weaknesses: items.filter { $0.score != nil && $0.score! <= 34 }.map(\.id),
            recommendations: recommendations.map {
                ReviewReport.Recommendation(
                    criterion: $0.criterion, text: $0.text, priority: $0.priorityRaw, gpcRef: $0.gpcRef, targetID: $0.targetID,
                    actionID: $0.actionID)
            },
            reviewers: try await reviewers(id))
    }

    private func reviewers(_ id: UUID) async throws -> [ReviewReport.Reviewer] {
        let assignments = try await ReviewAssignment.query(on: db).filter(\.$request.$id == id)
            .filter(\.$stateRaw == AssignmentState.accepted.rawValue).with(\.$user).all()
        var result: [ReviewReport.Reviewer] = []
        for assignment in assignments.sorted(by: { ($0.lead ? 0 : 1) < ($1.lead ? 0 : 1) }) {
            let organisation = try await assignment.user.$organisation.get(on: db)
            result.append(
                ReviewReport.Reviewer(
                    name: assignment.showName ? assignment.user.name : nil, country: organisation?.country,
                    kind: assignment.kindRaw, lead: assignment.lead))
        }
        return result
    }

    /// The stored versions of a review's report, oldest first.
    static func versions(_ id: UUID, on db: any Database) async throws -> [ReviewReport] {
        try await ReviewReportRecord.query(on: db).filter(\.$request.$id == id).sort(\.$number).all().map {
            try ReviewReport.decoder.decode(ReviewReport.self, from: Data($0.body.utf8))
        }
    }
}
