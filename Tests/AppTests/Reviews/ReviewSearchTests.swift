import FluentKit
import Foundation
import HTTPTypes
import Testing

@testable import App

/// Published reports and their recommendations are found by the search, in the language they are
/// written in; a review in progress is not; a full re-index keeps them.
@Suite struct ReviewSearchTests {
    @Test func publishedReportsAndRecommendations_areSearchable_draftsAreNot() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let world = try await ReviewWorld.make(harness)
            let browser = Browser(client)
            func results(_ query: String, _ extra: String = "") async throws -> [[String: Any]] {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let page = try await browser.get("/api/v1/search?q=\(encoded)\(extra)")
                #expect(page.status == .ok, "\(query): \(page.status)")
                return try #require(try InventoryTestSupport.json(page)["results"] as? [[String: Any]])
            }
            // The seeded illustrative report of Guiyang.
            let report = try await results("Illustrative review", "&type=review")
            #expect(report.contains { $0["url"] as? String == Paths.review(Seeder.illustrativeReviewID) })

            // A review in marking: its recommendation is not searchable yet.
            let id = try await world.inMarking()
            try await world.mark(id, "FB1", 2, by: world.peer)
            try await world.marks.recommend(
                id, criterion: "FB1", .init(text: "建立2019年温室气体清单并公开", priority: .high, gpcRef: "I.1"), by: world.peer)
            #expect(try await results("温室气体清单", "&type=recommendation").isEmpty)

            try await world.setup.advance(id, to: .reply, by: world.secretariat)
            try await world.setup.advance(id, to: .moderation, by: world.secretariat)
            try await world.marks.moderate(id, criterion: "FB1", level: 2, reason: "", by: world.secretariat)
            try await world.publication.publish(id, by: world.secretariat)
            let found = try await results("温室气体清单", "&type=recommendation")
            #expect(found.count == 1)
            #expect(found.first?["url"] as? String == Paths.review(id) + "#recommendation-1")
            #expect(try await results("温室气体清单", "&type=recommendation&sector=I").count == 1)
            #expect(try await results("温室气体清单", "&type=recommendation&language=zh").count == 1)
            #expect(try await results("温室气体清单", "&type=recommendation&language=ko").isEmpty)
            // The report page has the anchor the result links to.
            let city = Browser(client)
            _ = try await city.signIn(world.fixtures.memberA.email)
            #expect(try await city.get(Paths.review(id)).body.contains("id=\"recommendation-1\""))

            // A correction replaces the indexed version, not adds to it; a full re-index keeps it.
            try await world.publication.correct(
                id, reason: "Typo in the summary", criterion: nil, level: nil, by: world.secretariat)
            #expect(try await results("温室气体清单", "&type=recommendation").count == 1)
            try await SearchIndexer(db: harness.db).reindexAll()
            #expect(try await results("温室气体清单", "&type=recommendation").count == 1)
            #expect(try await results("Alpha low-carbon plan", "&type=review").count == 1)
        }
    }
}
