import FluentKit
import Foundation

/// The reviews' reminders, with the action reminders' job: each person whose task a review's
/// stage waits on (`ReviewTask.key`) hears of the stage's deadline a few days before it and once
/// it has passed; a city's editors hear of each recommendation whose update is due
/// (`ReviewFollowUpRule`). Dedupe keys make each message once per stage and phase, or per
/// recommendation and period, however often the job runs.
enum ReviewReminders {
    static func job(_ services: Services, interval: TimeInterval) -> JobScheduler.Job {
        JobScheduler.Job(name: "review-reminders", interval: interval, lease: 3600) { now in
            let count = try await queue(services, now: now)
            return "\(count) review reminder\(count == 1 ? "" : "s") queued"
        }
    }

    /// A person as the rule sees them for one review.
    private struct Person {
        let recipient: MailRecipient
        var isSecretariat = false
        var isCityEditor = false
        var assignment: ReviewDirectory.Assignment?
    }

    static func queue(_ services: Services, now: Date) async throws -> Int {
        let db = services.db
        let directory = try await ReviewDirectory.load(on: db)
        let today = ISODay.format(now)
        var queued = 0
        var editors: [UUID: [MailRecipient]] = [:]
        func editorsOf(_ cityID: UUID) async throws -> [MailRecipient] {
            if let known = editors[cityID] { return known }
            let found = try await MailRecipients.editors(ofCity: cityID, on: db)
            editors[cityID] = found
            return found
        }
        let due = directory.reviews.filter { $0.isOpen && ReviewRules.reminderPhase(deadline: $0.deadline, today: today) != nil }
        let secretariat = due.isEmpty ? [] : try await MailRecipients.secretariat(on: db)
        for review in due {
            guard let deadline = review.deadline, let phase = ReviewRules.reminderPhase(deadline: deadline, today: today) else {
                continue
            }
            var people: [String: Person] = [:]
            for recipient in secretariat { people[recipient.address, default: Person(recipient: recipient)].isSecretariat = true }
            for recipient in try await editorsOf(review.cityID) {
                people[recipient.address, default: Person(recipient: recipient)].isCityEditor = true
            }
            let assigned = directory.assignments.filter { $0.reviewID == review.id && $0.state != .declined }
            for recipient in try await MailRecipients.users(assigned.map(\.userID), on: db) {
                people[recipient.address, default: Person(recipient: recipient)].assignment = assigned.first {
                    $0.userID == recipient.userID
                }
            }
            for person in people.values.sorted(by: { $0.recipient.address < $1.recipient.address }) {
                guard
                    let task = ReviewTask.key(
                        state: review.state, isSecretariat: person.isSecretariat, isCityEditor: person.isCityEditor,
                        assignment: person.assignment, unmarked: review.unmarkedCriteria)
                else { continue }
                let t = services.translator(person.recipient.locale)
                let who = person.recipient.userID?.uuidString ?? person.recipient.address
                let event = ReviewDeadlineDue(
                    title: review.title, city: t.pick(review.cityNames), path: Paths.review(review.id), task: task,
                    deadline: deadline, overdue: phase == "overdue",
                    dedupeKey: "review-deadline:\(review.id.uuidString):\(review.state.rawValue):\(who):\(phase)")
                if try await services.outbox.send(event, to: person.recipient, on: db) { queued += 1 }
            }
        }
        for followUp in directory.followUps {
            let periods = ReviewFollowUpRule.periodsOverdue(followUp, now: now)
            guard periods > 0, let review = directory.review(followUp.reviewID) else { continue }
            for recipient in try await editorsOf(followUp.cityID) {
                let t = services.translator(recipient.locale)
                let who = recipient.userID?.uuidString ?? recipient.address
                let event = RecommendationUpdateDue(
                    title: review.title, city: t.pick(review.cityNames), recommendation: followUp.text,
                    path: Paths.review(review.id), days: ReviewFollowUpRule.periodDays(followUp.priority),
                    // The period's start in the key: after an update the count starts again at 1.
                    dedupeKey:
                        "review-follow-up:\(followUp.recommendationID.uuidString):\(who):\(ISODay.format(followUp.lastActivity)):\(periods)"
                )
                if try await services.outbox.send(event, to: recipient, on: db) { queued += 1 }
            }
        }
        return queued
    }
}

struct ReviewDeadlineDue: MailEvent {
    static let kind = "review-deadline"
    static let topic: MailTopic? = .reminders
    let title: String
    let city: String
    let path: String
    /// A `review.task.` key: what the person is to do.
    let task: String
    let deadline: String
    let overdue: Bool
    let dedupeKey: String?

    func compose(_ t: Translator, links: MailLinks) -> MailContent {
        let values = ["title": title, "city": city, "task": t("review.task.\(task)"), "date": deadline]
        return MailContent(
            subject: t(overdue ? "mail.review.overdue_subject" : "mail.review.deadline_subject", values),
            blocks: [
                .text(t(overdue ? "mail.review.overdue_body" : "mail.review.deadline_body", values)),
                .link(label: t("mail.review.link"), url: links.absolute(path)),
            ])
    }
}

struct RecommendationUpdateDue: MailEvent {
    static let kind = "review-follow-up-due"
    static let topic: MailTopic? = .reminders
    let title: String
    let city: String
    let recommendation: String
    let path: String
    let days: Int
    let dedupeKey: String?

    func compose(_ t: Translator, links: MailLinks) -> MailContent {
        MailContent(
            subject: t("mail.review.follow_up_subject", ["city": city]),
            blocks: [
                .text(t("mail.review.follow_up_body", ["title": title, "city": city, "days": String(days)])),
                .quote(recommendation),
                .link(label: t("mail.review.follow_up_link"), url: links.absolute(path)),
            ])
    }
}
