import FluentKit
import Foundation
import SQLKit
import Testing

@testable import App

/// The reviews' reminders: a stage's deadline reaches the people its stage waits on, a few days
/// before and once after, each once; a recommendation without an update for its period reaches the
/// city's editors once per period; the account page lists the same.
@Suite struct ReviewReminderTests {
    /// The rule on its own: 3 days before the deadline to the day itself is "soon", after it "overdue".
    @Test func reminderPhase_aroundTheDeadline() {
        #expect(ReviewRules.reminderPhase(deadline: "2026-03-20", today: "2026-03-16") == nil)
        #expect(ReviewRules.reminderPhase(deadline: "2026-03-20", today: "2026-03-17") == "soon")
        #expect(ReviewRules.reminderPhase(deadline: "2026-03-20", today: "2026-03-20") == "soon")
        #expect(ReviewRules.reminderPhase(deadline: "2026-03-20", today: "2026-03-21") == "overdue")
        #expect(ReviewRules.reminderPhase(deadline: nil, today: "2026-03-21") == nil)
    }

    /// Who a stage waits on: one rule for the account page and the mail.
    @Test func taskKey_perStageAndPerson() {
        let reviewer = ReviewDirectory.Assignment(reviewID: UUID(), userID: UUID(), state: .accepted, lead: false)
        let lead = ReviewDirectory.Assignment(reviewID: UUID(), userID: UUID(), state: .accepted, lead: true)
        let invited = ReviewDirectory.Assignment(reviewID: UUID(), userID: UUID(), state: .invited, lead: false)
        func key(_ state: ReviewState, secretariat: Bool = false, editor: Bool = false, _ assignment: ReviewDirectory.Assignment?)
            -> String?
        { ReviewTask.key(state: state, isSecretariat: secretariat, isCityEditor: editor, assignment: assignment) }
        #expect(key(.requested, secretariat: true, nil) == "setup")
        #expect(key(.requested, editor: true, nil) == nil, "the city waits; it has nothing to do")
        #expect(key(.accepted, secretariat: true, nil) == "setup")
        #expect(key(.marking, reviewer) == "marking")
        #expect(key(.marking, editor: true, nil) == nil)
        #expect(key(.marking, invited) == "respond")
        #expect(key(.reply, editor: true, nil) == "reply")
        #expect(key(.reply, reviewer) == nil)
        #expect(key(.moderation, lead) == "moderation")
        #expect(key(.moderation, reviewer) == nil)
        #expect(key(.moderation, secretariat: true, nil) == "moderation")
        #expect(key(.published, secretariat: true, editor: true, lead) == nil)
    }

    /// The follow-up period by priority, from the latest of publication, answer and progress.
    @Test func followUpRule_periodsByPriority() {
        let published = ISODay.parse("2026-01-01")!
        func followUp(_ priority: RecommendationPriority, last: Date = published) -> ReviewDirectory.FollowUp {
            ReviewDirectory.FollowUp(
                reviewID: UUID(), recommendationID: UUID(), cityID: UUID(), text: "t", priority: priority, lastActivity: last)
        }
        let day = { (text: String) in ISODay.parse(text)! }
        #expect(ReviewFollowUpRule.periodsOverdue(followUp(.high), now: day("2026-03-31")) == 0, "89 days")
        #expect(ReviewFollowUpRule.periodsOverdue(followUp(.high), now: day("2026-04-02")) == 1, "91 days")
        #expect(ReviewFollowUpRule.periodsOverdue(followUp(.high), now: day("2026-07-01")) == 2, "181 days")
        #expect(ReviewFollowUpRule.periodsOverdue(followUp(.medium), now: day("2026-04-02")) == 0)
        #expect(ReviewFollowUpRule.periodsOverdue(followUp(.medium), now: day("2026-07-01")) == 1)
        #expect(ReviewFollowUpRule.periodsOverdue(followUp(.low), now: day("2026-12-31")) == 0)
        #expect(ReviewFollowUpRule.periodsOverdue(followUp(.low), now: day("2027-01-02")) == 1)
    }

    /// Mail queued for a review's stage deadline: to the accepted reviewers in marking, soon and
    /// overdue once each, never to the city or the secretariat at that stage.
    @Test func deadlineReminders_reachThePeopleTheStageWaitsOn_once() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let world = try await ReviewWorld.make(harness)
            let id = try await world.inMarking()
            try await world.mark(id, "FB1", 2, by: world.peer)
            let settings = try OpsTest.mailSettings(port: 9)
            func queue(_ day: String) async throws -> Int {
                let now = ISODay.parse(day)!.addingTimeInterval(9 * 3600)
                let services = try OpsTest.services(harness, configure: OpsTest.mailOn(settings), now: now)
                return try await ReviewReminders.queue(services, now: now)
            }
            #expect(try await queue("2026-03-10") == 0, "the marking deadline 2026-03-20 is ten days away")
            #expect(try await queue("2026-03-18") == 2, "both accepted reviewers")
            #expect(try await queue("2026-03-19") == 0, "once per stage and phase")
            #expect(try await queue("2026-03-21") == 2, "overdue, once more")
            let rows = try await harness.db.sql().raw(
                "SELECT recipient, dedupe_key, text_body FROM mail_messages WHERE kind = 'review-deadline' AND dedupe_key LIKE \(bind: "%\(id.uuidString)%")"
            ).all()
            let recipients = try rows.map { try $0.decode(column: "recipient", as: String.self) }
            #expect(
                recipients.sorted() == [world.fixtures.expert.email, world.fixtures.memberB.email].flatMap { [$0, $0] }.sorted())
            let phases = try rows.map { try $0.decode(column: "dedupe_key", as: String.self).split(separator: ":").last ?? "" }
            #expect(phases.sorted() == ["overdue", "overdue", "soon", "soon"])
            #expect(try rows.allSatisfy { try $0.decode(column: "text_body", as: String.self).contains("2026-03-20") })
            // In the reply stage the city's editors are reminded, not the reviewers.
            try await world.at("2026-03-21").setup.advance(id, to: .reply, by: world.secretariat)
            #expect(try await queue("2026-03-28") >= 1)
            let reply = try await harness.db.sql().raw(
                "SELECT recipient FROM mail_messages WHERE dedupe_key LIKE \(bind: "%\(id.uuidString):reply:%")"
            ).all().map { try $0.decode(column: "recipient", as: String.self) }
            #expect(reply.contains(world.fixtures.memberA.email))
            #expect(!reply.contains(world.fixtures.memberB.email) && !reply.contains(world.fixtures.expert.email))
        }
    }

    /// A high-priority recommendation without an update for 90 days: its city's editors get one
    /// message per period; a progress update restarts the period; a rejected one is never due. The
    /// account page lists the follow-up while it is due.
    @Test func followUpReminders_oncePerPeriod_andOnTheAccountPage() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let world = try await ReviewWorld.make(harness)
            let (id, recommendation) = try await ReviewFollowUpTests.published(world)
            let settings = try OpsTest.mailSettings(port: 9)
            func queue(_ day: String) async throws -> Int {
                let now = ISODay.parse(day)!.addingTimeInterval(9 * 3600)
                let services = try OpsTest.services(harness, configure: OpsTest.mailOn(settings), now: now)
                _ = try await ReviewReminders.queue(services, now: now)
                return try await harness.db.sql().raw(
                    "SELECT COUNT(*) AS n FROM mail_messages WHERE kind = 'review-follow-up-due' AND dedupe_key LIKE \(bind: "%\(recommendation.uuidString)%")"
                ).first().map { try $0.decode(column: "n", as: Int.self) } ?? -1
            }
            // Published 2026-03-01 (the world's clock).
            #expect(try await queue("2026-05-29") == 0, "89 days")
            let afterOnePeriod = try await queue("2026-05-31")
            #expect(afterOnePeriod >= 1, "every editor of Alpha City, once")
            #expect(try await queue("2026-06-10") == afterOnePeriod, "once per period")
            // A progress note of 2026-06-15 restarts the period.
            try await ReviewFollowUpService(db: harness.db, clock: world.at("2026-06-15").clock).progress(
                id, recommendation: recommendation, on: "2026-06-15", note: "Inventory 2019 drafted", by: world.memberA)
            #expect(try await queue("2026-09-01") == afterOnePeriod, "78 days after the update")
            #expect(try await queue("2026-09-14") == 2 * afterOnePeriod, "91 days after the update")
            let message = try #require(
                try await harness.db.sql().raw(
                    "SELECT recipient, text_body FROM mail_messages WHERE kind = 'review-follow-up-due' AND recipient = \(bind: world.fixtures.memberA.email) LIMIT 1"
                ).first())
            #expect(try message.decode(column: "text_body", as: String.self).contains("Add the 2019 inventory"))

            // The account page (clock of the app = now): a recommendation published on 2026-03-01 is
            // due by then unless rejected.
            let city = Browser(client)
            _ = try await city.signIn(world.fixtures.memberA.email)
            let account = try await city.get("/account")
            #expect(account.body.contains("data-task=\"follow_up\"") && account.body.contains("with an update due"))
            try await ReviewFollowUpService(db: harness.db, clock: world.at("2026-09-20").clock).respond(
                id, recommendation: recommendation, response: .rejected, reason: "Not in our remit", actionID: nil,
                by: world.memberA)
            #expect(try await queue("2027-06-01") == 2 * afterOnePeriod, "rejected: never due again")
            #expect(!(try await city.get("/account").body.contains("data-task=\"follow_up\"")))
        }
    }
}
