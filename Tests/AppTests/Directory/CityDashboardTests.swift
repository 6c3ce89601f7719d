import CarbonAccounting
import Foundation
import HTTPTypes
import Indicators
import Testing

@testable import App

/// A city's page is its dashboard: the latest emissions with basis, year and per-person figure,
/// targets, actions by status, assessments against peers, peers, case studies and events, and
/// what is missing — each number as the record it comes from states it.
@Suite struct CityDashboardTests {
    @Test func guiyang_latestInventory_bySector_andWhatIsMissing() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let page = try await Browser(client).get("/cities/guiyang")
            #expect(page.status == .ok)
            let board = try #require(try await Self.dashboard("guiyang", harness))
            // The 2021 inventory (BASIC, AR5) is the latest published one; its BASIC total is the
            // figure, and it links to the inventory page.
            let emissions = try #require(board.emissions)
            let document =
                try JSONSerialization.jsonObject(
                    with: Data(try await Browser(client).get("/api/v1/cities/guiyang/inventories/2021").body.utf8))
                as? [String: Any]
            #expect(emissions.year == 2021 && emissions.basis == .basic && emissions.fromInventory)
            InventoryTestSupport.close(
                emissions.total, try #require((document?["totals"] as? [String: Any])?["basic"] as? Double))
            #expect(page.body.contains("href=\"/cities/guiyang/inventories/2021\""))
            // By sector: the shares add up to the total's sectors.
            #expect(!emissions.sectors.isEmpty)
            InventoryTestSupport.close(emissions.sectors.map(\.value).reduce(0, +), emissions.total)
            // No resident population of 2021 (the census is 2020): no per-person figure, and said so.
            #expect(emissions.perPerson == nil && board.missing.contains("no_population"))
            #expect(page.body.contains("No resident population for the year of the latest emissions"))
            // Actions by status link to the filtered action list; the case study and an event are linked.
            #expect(board.actionsByStatus.contains { $0.status == .completed && $0.count > 0 })
            #expect(page.body.contains("/cities/guiyang/actions?status=completed"))
            #expect(!board.caseStudies.isEmpty && page.body.contains("/case-studies/"))
            #expect(!board.events.isEmpty && page.body.contains("/events/"))
        }
    }

    @Test func seoul_reportedTotal_perResidentOfTheSameYear_andPeers() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let board = try #require(try await Self.dashboard("seoul", harness))
            let emissions = try #require(board.emissions)
            // No platform inventory: the newest reported total with a stated basis (CDP 2020, 2017 BASIC,
            // 46,685,000 t CO2e), flagged as reported by others.
            #expect(!emissions.fromInventory && emissions.year == 2017 && emissions.basis == .basic)
            InventoryTestSupport.close(emissions.total, 46_685_000)
            // Per resident with the population of 2017 itself (10,112,070 as reported to CDP).
            InventoryTestSupport.close(emissions.perPerson, 46_685_000.0 / 10_112_070)
            #expect(board.missing.contains("no_inventory"))
            #expect(!board.peers.isEmpty && board.peers.allSatisfy { $0.matchPercent > 0 && $0.matchPercent <= 100 })
            let page = try await Browser(client).get("/cities/seoul")
            #expect(page.body.contains("reported by others, not a platform inventory"))
            #expect(page.body.contains("href=\"/cities/seoul/peers\""))
            // In every language the dashboard's labels come from the catalogue.
            let korean = try await Browser(client).get("/cities/seoul?lang=ko")
            #expect(korean.body.contains("한눈에 보기"))
        }
    }

    @Test func peersPage_showsTheCitysSeriesBesideItsPeersMedian() async throws {
        try await TestApp.run(seed: true) { client, _ in
            let page = try await Browser(client).get("/cities/seoul/peers")
            let start = try #require(page.body.range(of: "id=\"over-time\""))
            let section = String(page.body[start.lowerBound...].prefix(while: { _ in true }).prefix(3000))
            #expect(section.contains("EM01"))
            // 2017: the CDP total 46,685,000 t CO2e (BASIC) over the 2017 population 10,112,070 = 4.617 t.
            #expect(section.contains("<td>2017</td>"))
            #expect(section.contains(String(format: "%.3f", 46_685_000.0 / 10_112_070)))
            #expect(section.contains("BASIC, all greenhouse gases"))
        }
    }

    /// The dashboard's named query, run without HTTP on the seeded database.
    static func dashboard(_ slug: String, _ harness: Harness) async throws -> CityDashboard? {
        let query = QueryContext(
            db: harness.db, reference: try ReferenceData.shared.get(), clock: AppClock(), cache: ReadCache())
        return try await query.cache.value(CityReads.dashboard, slug, in: query)
    }
}
