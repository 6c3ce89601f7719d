import Foundation

/// The rules of who may take part in a review, as pure functions the service enforces (never
/// advice): `peer_review_methods.md` §7.3.
enum ReviewRules {
    /// A person proposed as a reviewer, with what the rules look at.
    struct Candidate: Sendable {
        let userID: UUID
        /// The city of the person's organisation, if it is a city's.
        let cityID: UUID?
        let organisationID: UUID?
        let isExpert: Bool
        let isActive: Bool
    }

    /// The reviewed city and who is tied to it.
    struct Reviewed: Sendable {
        let cityID: UUID
        /// The organisations of the city (its government and the organisations under it).
        let organisationIDs: Set<UUID>
        /// People who declared a conflict with the city.
        let declaredConflicts: Set<UUID>
    }

    /// Why `candidate` may not review `reviewed` as `kind` (a catalogue key), or nil.
    static func assignmentRefusal(_ candidate: Candidate, reviewing reviewed: Reviewed, as kind: ReviewerKind) -> String? {
        if !candidate.isActive { return "review.error.inactive" }
        if candidate.cityID == reviewed.cityID { return "review.error.own_city" }
        if let organisation = candidate.organisationID, reviewed.organisationIDs.contains(organisation) {
            return "review.error.own_organisation"
        }
        if reviewed.declaredConflicts.contains(candidate.userID) { return "review.error.declared_conflict" }
        switch kind {
        case .expert where !candidate.isExpert: return "review.error.not_expert"
        case .peer where candidate.cityID == nil: return "review.error.peer_without_city"
        default: return nil
        }
    }

    /// An item's moderator is never its first reviewer (the auditor is never the first marker).
    static func moderationRefusal(moderator: UUID, firstReviewer: UUID?) -> String? {
        moderator == firstReviewer ? "review.error.moderator_is_first_reviewer" : nil
    }

    /// Whether a stage's deadline (an ISO day) has passed on `today` (the deadline day itself counts).
    static func isPast(deadline: String?, today: String) -> Bool {
        guard let deadline, !deadline.isEmpty else { return false }
        return today > deadline
    }

    /// How many days before a stage's deadline its people are reminded.
    static let reminderDays = 3

    /// The reminder a stage's deadline calls for on `today`: `soon` from `reminderDays` before it
    /// to the day itself, `overdue` after it, nil otherwise (or without a deadline).
    static func reminderPhase(deadline: String?, today: String) -> String? {
        guard let deadline, let day = ISODay.parse(deadline), let now = ISODay.parse(today) else { return nil }
        if isPast(deadline: deadline, today: today) { return "overdue" }
        return now.addingTimeInterval(Double(reminderDays) * 86_400) >= day ? "soon" : nil
    }
}
