import Foundation

/// When the city owes an update on a recommendation of a published review.
///
/// The rule (the platform's own; the issue asks for "reminders when a recommendation has had no
/// update for its period" and leaves the period open): the period follows the recommendation's
/// priority — high 90 days, medium 180, low 365 — the rhythm of quarterly, half-yearly and yearly
/// progress reports that city plans commonly use. It runs from the latest of the report's first
/// publication, the city's answer and its latest progress update. Rejected recommendations (the
/// city said why) are never due. Each elapsed period counts once, so a reminder is sent once per
/// period however often the job runs.
enum ReviewFollowUpRule {
    static func periodDays(_ priority: RecommendationPriority) -> Int {
        switch priority {
        case .high: 90
        case .medium: 180
        case .low: 365
        }
    }

    /// The number of whole periods without an update (0 = not due).
    static func periodsOverdue(_ followUp: ReviewDirectory.FollowUp, now: Date) -> Int {
        let period = Double(periodDays(followUp.priority)) * 86_400
        let elapsed = now.timeIntervalSince(followUp.lastActivity)
        return elapsed > period ? Int(elapsed / period) : 0
    }

    static func isDue(_ followUp: ReviewDirectory.FollowUp, now: Date) -> Bool { periodsOverdue(followUp, now: now) > 0 }
}
