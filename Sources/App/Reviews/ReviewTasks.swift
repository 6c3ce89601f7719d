import FluentKit
import Foundation

/// What waits for a person in the reviews, for their account page: assignments to answer, marks,
/// the city's self-assessment and reply, moderation and the secretariat's set-up, each with its
/// stage's deadline.
struct ReviewTask: Sendable, Hashable {
    let reviewID: UUID
    let title: String
    /// A catalogue key under `review.task.`.
    let task: String
    let deadline: String?

    static func load(for user: CurrentUser, on db: any Database) async throws -> [ReviewTask] {
        let open = try await ReviewRequest.query(on: db).filter(\.$stateRaw != ReviewState.published.rawValue)
            .filter(\.$stateRaw != ReviewState.declined.rawValue).all()
        guard !open.isEmpty else { return [] }
        let assignments = try await ReviewAssignment.query(on: db).filter(\.$user.$id == user.id).all()
        var tasks: [ReviewTask] = []
        for record in open {
            guard let id = record.id else { continue }
            let mine = assignments.first { $0.$request.id == id }
            let isEditor = user.cityID == record.$city.id
            var task: String?
            switch record.state {
            case .requested where user.isSecretariat: task = "setup"
            case .marking where mine?.state == .accepted: task = "marking"
            case .selfAssessment where isEditor: task = "self_assessment"
            case .reply where isEditor: task = "reply"
            case .moderation where user.isSecretariat || (mine?.state == .accepted && mine?.lead == true): task = "moderation"
            default: break
            }
            if mine?.state == .invited { task = "respond" }
            if let task {
                tasks.append(
                    ReviewTask(reviewID: id, title: record.title, task: task, deadline: record.deadlines[record.stateRaw]))
            }
        }
        return tasks.sorted { ($0.deadline ?? "9999", $0.title) < ($1.deadline ?? "9999", $1.title) }
    }

    static func list(_ tasks: [ReviewTask], t: Translator) -> Node {
        guard !tasks.isEmpty else { return .fragment([]) }
        return div(.class("notice reminders"), .custom("role", "status")) {
            h2 { t("review.task.title", ["count": String(tasks.count)]) }
            ul {
                for task in tasks {
                    li {
                        link(.href(Paths.review(task.reviewID))) { task.title }
                        " — " + t("review.task.\(task.task)")
                        if let deadline = task.deadline { " · " + t("review.task.due", ["date": deadline]) }
                    }
                }
            }
        }
    }
}
