import FluentKit
import Foundation
import Testing

@testable import App

/// The hub's reads on a real database, without HTTP (style 5).
@Suite struct KnowledgeQueriesTests {
    @Test func hub_listsPublishedRecordsOnly_upcomingEventsFirst() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let hub = try await KnowledgeQueries.hub(today: "2000-01-01", on: harness.db)
            #expect(hub.news.count == 5 && hub.caseStudies.count == 6 && hub.events.count == 5)
            #expect(hub.events.map { $0.startsOn ?? "" } == hub.events.map { $0.startsOn ?? "" }.sorted())
            let all = hub.news + hub.events + hub.caseStudies
            #expect(all.allSatisfy { $0.state == .published })
            let draft = try #require(try await KnowledgeItem.query(on: harness.db).filter(\.$kind == "news").first())
            draft.state = .draft
            try await draft.save(on: harness.db)
            let list = try await KnowledgeQueries.list(.news, on: harness.db)
            #expect(!list.records.contains { $0.slug == draft.slug })
        }
    }

    @Test func training_readsItsPlansWithTheirFollowUp() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let plan = try #require(try await ActionPlan.query(on: harness.db).filter(\.$eventID != nil).first())
            let event = try #require(try await KnowledgeItem.find(plan.eventID, on: harness.db))
            let model = try #require(try await KnowledgeQueries.detail(.event, slug: event.slug, on: harness.db))
            #expect(model.record.kind == .event && !model.plans.isEmpty)
            #expect(model.plans.map(\.city.slug) == model.plans.map(\.city.slug).sorted())
            #expect(try await KnowledgeQueries.detail(.news, slug: event.slug, on: harness.db) == nil)
        }
    }

    @Test func programme_listsOnlyRecordsNamingItExactly() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let item = try #require(
                try await KnowledgeItem.query(on: harness.db).filter(\.$programmes != "").filter(state: .published).first())
            let slug = try #require(item.programmes.split(separator: ";").first.map(String.init))
            let model = try #require(try await KnowledgeQueries.programme(slug: slug, on: harness.db))
            #expect(model.programme.slug == slug)
            #expect(model.records.contains { $0.id == item.id })
            #expect(try await KnowledgeQueries.programme(slug: "no-such-programme", on: harness.db) == nil)
        }
    }
}
