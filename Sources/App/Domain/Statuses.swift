/// The life cycles of records, as the database and the API spell them. Labels are in the
/// catalogue under `<list>.<raw value>`. Each model keeps the stored text (`statusRaw`, `stateRaw`)
/// and offers the typed value (`status`, `state`), the way `Inventory` does.

/// A status spelled as the database spells it wherever it is interpolated: catalogue keys such as
/// `"action_status.\(status)"` and CSS classes would otherwise get the case name (`inProgress`).
protocol RecordStatus: RawRepresentable, CustomStringConvertible, Sendable, CaseIterable, Codable, Hashable
where RawValue == String {}

extension RecordStatus {
    var description: String { rawValue }
}

/// An organisation in the directory: a member (approved through the secretariat), listed (known
/// to the network, not a member), or suspended (its people keep their accounts, edit nothing).
enum OrganisationStatus: String, RecordStatus {
    case member, listed, suspended
}

/// A mitigation action's phase.
enum ActionStatus: String, RecordStatus {
    case planned
    case inProgress = "in_progress"
    case completed, cancelled

    /// Still under way: reminders ask for progress updates on these.
    var isOpen: Bool { self == .planned || self == .inProgress }
}

/// A capacity-building request: open → matched (the secretariat confirmed an offer) → delivered →
/// closed (with outcome and feedback).
enum CapacityRequestStatus: String, RecordStatus {
    case open, matched, delivered, closed

    /// What the requesting city (or the secretariat) may report next: delivery and closing only move
    /// forward, and matching is the secretariat's confirmation of an offer, not a report.
    func mayReport(_ next: Self) -> Bool {
        guard let from = Self.allCases.firstIndex(of: self), let to = Self.allCases.firstIndex(of: next) else { return false }
        return to > from && next != .matched
    }
}

/// A knowledge record's editorial state: drafted by its author, submitted for review, published
/// (or returned to draft by a reviewer).
enum KnowledgeState: String, RecordStatus {
    case draft
    case inReview = "in_review"
    case published
}

/// A framework edition: a draft may change; a published edition never does (a new edition maps
/// its items to the previous one instead).
enum EditionStatus: String, RecordStatus {
    case draft, published
}

/// A city's assessment: draft → submitted → published, back to draft when returned.
enum AssessmentState: String, RecordStatus {
    case draft, submitted, published
}

/// A peer review or analytical study (issue 12): requested → accepted (or declined with a reason)
/// → self-assessment (optional) → marking → the city's reply → moderation → published.
enum ReviewState: String, RecordStatus {
    case requested, accepted, declined
    case selfAssessment = "self_assessment"
    case marking, reply, moderation, published

    /// The stages that have a deadline, in order.
    static let stages: [ReviewState] = [.selfAssessment, .marking, .reply, .moderation]

    /// Where the secretariat may move a review next (publication has its own step).
    var next: Set<ReviewState> {
        switch self {
        case .accepted: [.selfAssessment, .marking]
        case .selfAssessment: [.marking]
        case .marking: [.reply]
        case .reply: [.moderation]
        default: []
        }
    }
}

/// What a city asks for: a review of its plan, or an analytical study of a city new to the work.
enum ReviewKind: String, RecordStatus {
    case planReview = "plan-review"
    case analyticalStudy = "analytical-study"
}

/// A reviewer's answer to an assignment.
enum AssignmentState: String, RecordStatus {
    case invited, accepted, declined
}

/// A reviewer is a peer (a member of another city) or an expert (a user with the expert flag).
enum ReviewerKind: String, RecordStatus {
    case peer, expert
}

/// How urgent a recommendation is.
enum RecommendationPriority: String, RecordStatus {
    case high, medium, low
}

/// The city's answer to a recommendation of a published review.
enum RecommendationResponse: String, RecordStatus {
    case accepted, partly, rejected
}
