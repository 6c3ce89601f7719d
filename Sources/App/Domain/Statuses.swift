/// The life cycles of records, as the database and the API spell them. Labels are in the
/// catalogue under `<list>.<raw value>`.

/// An organisation in the directory: a member (approved through the secretariat), listed (known
/// to the network, not a member), or suspended (its people keep their accounts, edit nothing).
enum OrganisationStatus: String, Sendable, CaseIterable, Codable {
    case member, listed, suspended
}

/// A mitigation action's phase.
enum ActionStatus: String, Sendable, CaseIterable, Codable {
    case planned
    case inProgress = "in_progress"
    case completed, cancelled

    /// Still under way: reminders ask for progress updates on these.
    var isOpen: Bool { self == .planned || self == .inProgress }
}

/// A capacity-building request: open → matched (the secretariat confirmed an offer) → delivered →
/// closed (with outcome and feedback).
enum CapacityRequestStatus: String, Sendable, CaseIterable, Codable {
    case open, matched, delivered, closed
}
