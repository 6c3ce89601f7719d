import FluentKit
import Foundation

/// The secretariat's set-up of a review: accept (with the criteria edition and the deadlines) or
/// decline with a reason, assign reviewers (conflicts refused), move the review along its stages.
/// Reviewers accept or decline their assignment; anyone may declare a conflict with a city.
struct ReviewSetupService: Sendable {
    let db: any Database
    let clock: AppClock
    var outbox: Outbox? = nil

    var today: String { ISODay.format(clock.now()) }

    func load(_ id: UUID) async throws -> ReviewRequest {
        guard let record = try await ReviewRequest.find(id, on: db) else { throw AppError.notFound }
        return record
    }

    /// Accepts a request with its criteria (a published framework edition) and one deadline per
    /// stage, in order; or declines it with a reason.
    func accept(_ id: UUID, editionID: UUID, deadlines: [ReviewState: String], by user: CurrentUser) async throws {
        guard user.isSecretariat else { throw AppError.forbidden }
        let record = try await load(id)
        guard record.state == .requested else { throw AppError.conflict("review.error.transition") }
        guard let edition = try await EditionRecord.find(editionID, on: db), edition.state == .published else {
            throw AppError.validation(["edition": "review.error.edition"])
        }
        var errors: [String: String] = [:]
        var previous = ""
        for stage in ReviewState.stages {
            guard let day = deadlines[stage], ISODay.parse(day) != nil else {
                errors["deadline_\(stage.rawValue)"] = "review.error.deadline"
                continue
            }
            if day < previous || day < today { errors["deadline_\(stage.rawValue)"] = "review.error.deadline_order" }
            previous = day
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        try await save(record, action: "review.accept", by: user, before: ["state": record.stateRaw]) {
            $0.state = .accepted
            $0.editionID = try edition.requireID()
            $0.deadlines = Dictionary(uniqueKeysWithValues: deadlines.map { ($0.key.rawValue, $0.value) })
        }
    }

    func decline(_ id: UUID, reason: String, by user: CurrentUser) async throws {
        guard user.isSecretariat else { throw AppError.forbidden }
        let record = try await load(id)
        guard record.state == .requested else { throw AppError.conflict("review.error.transition") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw AppError.validation(["reason": "review.error.reason_required"]) }
        try await save(record, action: "review.decline", by: user, before: ["state": record.stateRaw]) {
            $0.state = .declined
            $0.declineReason = String(reason.prefix(2000))
        }
    }

    /// Moves the review to its next stage: marking needs an accepted lead reviewer, the reply
    /// needs at least one mark.
    func advance(_ id: UUID, to next: ReviewState, by user: CurrentUser) async throws {
        guard user.isSecretariat else { throw AppError.forbidden }
        let record = try await load(id)
        guard record.state.next.contains(next) else { throw AppError.conflict("review.error.transition") }
        if next == .marking {
            let accepted = try await ReviewAssignment.query(on: db).filter(\.$request.$id == id)
                .filter(\.$stateRaw == AssignmentState.accepted.rawValue).all()
            guard accepted.contains(where: \.lead) else { throw AppError.conflict("review.error.no_lead") }
        }
        if next == .reply {
            let marked = try await ReviewMark.query(on: db).filter(\.$request.$id == id).filter(\.$level != nil).count()
            guard marked > 0 else { throw AppError.conflict("review.error.no_marks") }
        }
        try await save(record, action: "review.advance", by: user, before: ["state": record.stateRaw]) { $0.state = next }
    }

    /// Assigns a reviewer: every conflict rule is checked, and a refused assignment changes nothing.
    @discardableResult
    func assign(_ id: UUID, userID: UUID, kind: ReviewerKind, lead: Bool, by user: CurrentUser) async throws -> UUID {
        guard user.isSecretariat else { throw AppError.forbidden }
        let record = try await load(id)
        guard [.accepted, .selfAssessment, .marking].contains(record.state) else {
            throw AppError.conflict("review.error.transition")
        }
        guard let person = try await User.query(on: db).filter(\.$id == userID).with(\.$organisation).first() else {
            throw AppError.validation(["reviewer": "review.error.unknown_reviewer"])
        }
        let candidate = ReviewRules.Candidate(
            userID: userID, cityID: person.organisation.flatMap { $0.$city.id }, organisationID: person.$organisation.id,
            isExpert: person.isExpert, isActive: person.isActive)
        if let refusal = ReviewRules.assignmentRefusal(candidate, reviewing: try await reviewed(record), as: kind) {
            throw AppError.conflict(refusal)
        }
        if try await ReviewAssignment.query(on: db).filter(\.$request.$id == id).filter(\.$user.$id == userID).count() > 0 {
            throw AppError.conflict("review.error.already_assigned")
        }
        let assignment = ReviewAssignment(requestID: id, userID: userID, kind: kind, lead: lead)
        let now = clock.now()
        try await db.transaction { db in
            if lead {
                for other in try await ReviewAssignment.query(on: db).filter(\.$request.$id == id).filter(\.$lead == true).all() {
                    other.lead = false
                    try await other.save(on: db)
                }
            }
            try await assignment.create(on: db)
            try await Audit.record(
                "review.assign", entity: "review", id: id.uuidString, actor: user,
                after: ["reviewer": person.email, "kind": kind.rawValue, "lead": String(lead)], at: now, on: db)
            if let outbox { try await ReviewMail.assigned(record, reviewer: person, outbox: outbox, on: db) }
        }
        return try assignment.requireID()
    }

    /// The reviewer accepts (choosing whether to be named) or declines with a reason.
    func respond(_ id: UUID, accept: Bool, showName: Bool, reason: String, by user: CurrentUser) async throws {
        let record = try await load(id)
        guard
            let assignment = try await ReviewAssignment.query(on: db).filter(\.$request.$id == id)
                .filter(\.$user.$id == user.id).first()
        else { throw AppError.forbidden }
        guard assignment.state == .invited, record.state != .published else {
            throw AppError.conflict("review.error.transition")
        }
        if !accept && reason.trimmingCharacters(in: .whitespaces).isEmpty {
            throw AppError.validation(["reason": "review.error.reason_required"])
        }
        let now = clock.now()
        try await db.transaction { db in
            assignment.state = accept ? .accepted : .declined
            assignment.showName = accept && showName
            assignment.reason = accept ? "" : String(reason.prefix(1000))
            if !accept { assignment.lead = false }
            try await assignment.save(on: db)
            try await Audit.record(
                accept ? "review.assignment.accept" : "review.assignment.decline", entity: "review", id: id.uuidString,
                actor: user, after: ["reason": assignment.reason], at: now, on: db)
        }
    }

    /// A person declares a conflict of interest with a city: from now on never assigned to it.
    func declareConflict(cityID: UUID, reason: String, by user: CurrentUser) async throws {
        guard try await City.find(cityID, on: db) != nil else { throw AppError.validation(["city": "validation.unknown_city"]) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw AppError.validation(["reason": "review.error.reason_required"]) }
        guard
            try await ReviewConflict.query(on: db).filter(\.$user.$id == user.id).filter(\.$city.$id == cityID).count() == 0
        else { return }
        let now = clock.now()
        try await db.transaction { db in
            try await ReviewConflict(userID: user.id, cityID: cityID, reason: String(reason.prefix(1000))).create(on: db)
            try await Audit.record(
                "review.conflict.declare", entity: "city", id: cityID.uuidString, actor: user, after: ["reason": reason],
                at: now, on: db)
        }
    }

    /// The reviewed city with its organisations and the people who declared a conflict with it.
    func reviewed(_ record: ReviewRequest) async throws -> ReviewRules.Reviewed {
        let cityID = record.$city.id
        let direct = try await Organisation.query(on: db).filter(\.$city.$id == cityID).all().compactMap(\.id)
        let children = try await Organisation.query(on: db).filter(\.$parent.$id ~~ direct).all().compactMap(\.id)
        let declared = try await ReviewConflict.query(on: db).filter(\.$city.$id == cityID).all().map(\.$user.id)
        return ReviewRules.Reviewed(
            cityID: cityID, organisationIDs: Set(direct + children), declaredConflicts: Set(declared))
    }

    private func save(
        _ record: ReviewRequest, action: String, by user: CurrentUser, before: [String: String?],
        change: (ReviewRequest) throws -> Void
    ) async throws {
        try change(record)
        record.version += 1
        let now = clock.now()
        try await db.transaction { db in
            try await record.save(on: db)
            try await Audit.record(
                action, entity: "review", id: try record.requireID().uuidString, actor: user, before: before,
                after: ["state": record.stateRaw, "reason": record.declineReason], at: now, on: db)
        }
    }
}
