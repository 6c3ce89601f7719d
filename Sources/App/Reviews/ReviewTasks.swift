import Foundation

/// What waits for a person in the reviews, for their account page and the reminders: assignments
/// to answer, marks, the city's self-assessment and reply, moderation, the secretariat's set-up —
/// each with its stage's deadline — and the recommendations of published reviews whose update is
/// due (`ReviewFollowUpRule`).
struct ReviewTask: Sendable, Hashable {
    let reviewID: UUID
    let title: String
    /// A catalogue key under `review.task.`.
    let task: String
    let deadline: String?
    /// For `follow_up`: the recommendations due.
    let count: Int

    /// Who does what in a review's stage: the one rule the account page and the deadline reminders
    /// share. `assignment` is the person's assignment to this review, if any. Marks are shared per
    /// criterion (any accepted reviewer may mark one first), so marking waits on every accepted
    /// reviewer while `unmarked` criteria remain, and on nobody once each has its first mark.
    static func key(
        state: ReviewState, isSecretariat: Bool, isCityEditor: Bool, assignment: ReviewDirectory.Assignment?,
        unmarked: Int? = nil
    ) -> String? {
        if assignment?.state == .invited { return "respond" }
        let accepted = assignment?.state == .accepted
        switch state {
        case .requested where isSecretariat, .accepted where isSecretariat: return "setup"
        case .selfAssessment where isCityEditor: return "self_assessment"
        case .marking where accepted && unmarked != 0: return "marking"
        case .reply where isCityEditor: return "reply"
        case .moderation where isSecretariat || (accepted && assignment?.lead == true): return "moderation"
        default: return nil
        }
    }

    /// The person's tasks, soonest deadline first, then the follow-ups.
    static func tasks(for user: CurrentUser, in directory: ReviewDirectory, now: Date) -> [ReviewTask] {
        var tasks: [ReviewTask] = []
        for review in directory.reviews where review.isOpen {
            guard
                let task = key(
                    state: review.state, isSecretariat: user.isSecretariat,
                    isCityEditor: EditorRule.speaksFor(city: review.cityID, user: user),
                    assignment: directory.assignment(of: user.id, in: review.id), unmarked: review.unmarkedCriteria)
            else { continue }
            tasks.append(ReviewTask(reviewID: review.id, title: review.title, task: task, deadline: review.deadline, count: 0))
        }
        tasks.sort { ($0.deadline ?? "9999", $0.title) < ($1.deadline ?? "9999", $1.title) }
        if let cityID = user.cityID {
            let due = directory.followUps.filter { $0.cityID == cityID && ReviewFollowUpRule.isDue($0, now: now) }
            let followUps = Dictionary(grouping: due, by: \.reviewID).compactMap { reviewID, recommendations in
                directory.review(reviewID).map {
                    ReviewTask(
                        reviewID: reviewID, title: $0.title, task: "follow_up", deadline: nil, count: recommendations.count)
                }
            }
            tasks += followUps.sorted { $0.title < $1.title }
        }
        return tasks
    }

    static func list(_ tasks: [ReviewTask], t: Translator) -> Node {
        guard !tasks.isEmpty else { return .fragment([]) }
        return div(.class("notice reminders"), .custom("role", "status")) {
            h2 { t("review.task.title", ["count": String(tasks.count)]) }
            ul {
                for task in tasks {
                    li(.custom("data-task", task.task)) {
                        link(.href(Paths.review(task.reviewID))) { task.title }
                        " — " + t("review.task.\(task.task)", ["count": String(task.count)])
                        if let deadline = task.deadline { " · " + t("review.task.due", ["date": deadline]) }
                    }
                }
            }
        }
    }
}
