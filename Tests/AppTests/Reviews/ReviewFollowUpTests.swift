import FluentKit
import Foundation
import HTTPTypes
import Testing

@testable import App

/// The follow-up: the city answers each recommendation of a published review (a reason unless
/// accepted), links an action, reports dated progress; the next review of the city shows it.
@Suite struct ReviewFollowUpTests {
    /// A published review of Alpha City with one recommendation.
    static func published(_ world: ReviewWorld) async throws -> (UUID, UUID) {
        let id = try await world.inMarking()
        try await world.mark(id, "FB1", 2, by: world.peer)
        try await world.marks.recommend(
            id, criterion: "FB1", .init(text: "Add the 2019 inventory", priority: .high), by: world.peer)
        try await world.setup.advance(id, to: .reply, by: world.secretariat)
        try await world.setup.advance(id, to: .moderation, by: world.secretariat)
        try await world.marks.moderate(id, criterion: "FB1", level: 2, reason: "", by: world.secretariat)
        try await world.publication.publish(id, by: world.secretariat)
        let recommendation = try #require(
            try await ReviewRecommendation.query(on: world.db).filter(\.$request.$id == id).first()?.requireID())
        return (id, recommendation)
    }

    @Test func answersAndProgress_byTheCity_andShownOnTheNextReview() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let world = try await ReviewWorld.make(harness)
            let (id, recommendation) = try await Self.published(world)
            let followUp = ReviewFollowUpService(db: harness.db, clock: world.clock)
            await expectRefused("review.error.reason_required") {
                try await followUp.respond(
                    id, recommendation: recommendation, response: .rejected, reason: "", actionID: nil, by: world.memberA)
            }
            await expectRefused("error.forbidden") {
                try await followUp.respond(
                    id, recommendation: recommendation, response: .accepted, reason: "", actionID: nil, by: world.peer)
            }
            await expectRefused("review.error.not_city_record") {
                try await followUp.respond(
                    id, recommendation: recommendation, response: .accepted, reason: "", actionID: UUID(), by: world.memberA)
            }
            try await followUp.respond(
                id, recommendation: recommendation, response: .partly, reason: "Only for energy", actionID: nil, by: world.memberA
            )
            await expectRefused("review.error.progress_date") {
                try await followUp.progress(
                    id, recommendation: recommendation, on: "2026-04-01", note: "later", by: world.memberA)
            }
            try await followUp.progress(
                id, recommendation: recommendation, on: "2026-02-15", note: "Data collected", by: world.memberA)
            let stored = try #require(try await ReviewRecommendation.find(recommendation, on: harness.db))
            #expect(stored.response == .partly && stored.responseReason == "Only for energy")
            // The published report itself is unchanged by the follow-up.
            #expect(try await ReviewPublication.versions(id, on: harness.db).count == 1)
            // The next review of the city shows what happened.
            let next = try await world.request()
            let city = Browser(client)
            _ = try await city.signIn(world.fixtures.memberA.email)
            let page = try await city.get("/reviews/\(next.uuidString)")
            #expect(page.status == .ok)
            #expect(page.body.contains("Add the 2019 inventory") && page.body.contains("2026-02-15: Data collected"))
            #expect(page.body.contains("Only for energy"))
            // The follow-up forms are folded away; a refused answer unfolds them with the reason asked.
            let published = try await city.get("/reviews/\(id.uuidString)")
            #expect(published.body.contains("<details>") && !published.body.contains("<details open>"))
            let refused = try await city.post(
                "/reviews/\(id.uuidString)/follow-up",
                [("recommendation", recommendation.uuidString), ("response", "rejected"), ("reason", "")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("<details open>") && refused.body.contains("error-summary"))
        }
    }
}

/// Learning across reviews: the secretariat sees the criteria by mean score; a city weak on a
/// criterion is pointed to peers strong on it (the seeded Guiyang review scores FB1 at 75).
@Suite struct ReviewLearningTests {
    @Test func weakCity_isPointedToStrongPeers_andSecretariatSeesCriteria() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let world = try await ReviewWorld.make(harness)
            let id = try await world.inMarking()
            try await world.mark(id, "FB1", 1, by: world.peer)
            try await world.setup.advance(id, to: .reply, by: world.secretariat)
            try await world.setup.advance(id, to: .moderation, by: world.secretariat)
            try await world.marks.moderate(id, criterion: "FB1", level: 1, reason: "", by: world.secretariat)
            try await world.publication.publish(id, by: world.secretariat)
            // Only the illustrative Guiyang review is strong on FB1 so far: demo data is no evidence.
            var page = try await Browser(client).get("/reviews/\(id.uuidString)")
            #expect(!page.body.contains("Peers strong where this city is weak"))
            #expect(try await CapacityQueries.peerEvidence(on: harness.db).allSatisfy { $0.topic != "ghg_inventory" })

            // A review of Beta City, strong on FB1 (4 of 4 = 100), led by a peer from Alpha City.
            let beta = try await world.requests.create(
                .init(
                    kind: .planReview, title: "Beta plan", sectors: ["I"],
                    documents: [.init(filename: "plan.pdf", data: ReviewWorld.pdf)]),
                city: world.fixtures.betaCity, by: world.peer)
            try await world.setup.accept(
                beta, editionID: world.editionID, deadlines: ReviewWorld.deadlines, by: world.secretariat)
            try await world.setup.assign(beta, userID: world.memberA.id, kind: .peer, lead: true, by: world.secretariat)
            try await world.setup.respond(beta, accept: true, showName: true, reason: "", by: world.memberA)
            try await world.setup.advance(beta, to: .marking, by: world.secretariat)
            try await world.mark(beta, "FB1", 4, by: world.memberA)
            try await world.setup.advance(beta, to: .reply, by: world.secretariat)
            try await world.setup.advance(beta, to: .moderation, by: world.secretariat)
            try await world.marks.moderate(beta, criterion: "FB1", level: 4, reason: "", by: world.secretariat)
            try await world.publication.publish(beta, by: world.secretariat)

            let reports = try await ReviewLearning.latestReports(on: harness.db)
            let fb1 = try #require(ReviewLearning.criteria(reports).first { $0.criterion == "FB1" })
            // Alpha 25 and Beta 100 (the illustrative Guiyang 75 left out): mean 62.5, one weak.
            #expect(fb1.reviews == 2 && fb1.mean == 62.5 && fb1.weak == 1)
            page = try await Browser(client).get("/reviews/\(id.uuidString)")
            #expect(page.body.contains("Peers strong where this city is weak") && page.body.contains("Beta City"))
            #expect(!page.body.contains(">Guiyang<"))
            // Capacity building: Beta City is a peer for a city asking for help with its inventory.
            let evidence = try await CapacityQueries.peerEvidence(on: harness.db)
            #expect(evidence.contains { $0.cityName == "Beta City" && $0.topic == "ghg_inventory" })
            let secretariat = Browser(client)
            _ = try await secretariat.signIn(world.fixtures.secretariat.email)
            #expect(try await secretariat.get("/reviews").body.contains("Criteria across published reviews"))
            let member = Browser(client)
            _ = try await member.signIn(world.fixtures.memberB.email)
            #expect(!(try await member.get("/reviews").body.contains("Criteria across published reviews")))
        }
    }
}
