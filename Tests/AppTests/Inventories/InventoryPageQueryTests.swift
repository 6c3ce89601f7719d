import CarbonAccounting
import FluentKit
import Foundation
import Reporting
import Testing

@testable import App

/// The inventory page's named query on a real database, without HTTP: the numbers it returns, and
/// that it reads each row once in a fixed number of statements.
@Suite struct InventoryPageQueryTests {
    @Test func pageQuery_readsEachRowOnce_andReturnsTheComputedInventory() async throws {
        let trace = SQLTrace()
        try await TestApp.run(seed: true, sqlTrace: trace) { _, harness in
            let query = QueryContext(
                db: harness.db, reference: try ReferenceData.shared.get(), clock: AppClock(), cache: ReadCache())
            trace.reset()
            let data = try #require(try await InventoryReads.page.load(InventoryPageKey(slug: "guiyang", year: 2021), query))
            // The cache's own version check (table_versions) aside.
            let reads = trace.all.filter { $0.uppercased().hasPrefix("SELECT") && !$0.contains(TableVersioning.versionTable) }
            // City, the city's inventories with their totals, lines, populations, reported totals
            // (no verifier is named on the demo inventory).
            #expect(reads.count == 5, "\(reads.count) statements: \(reads)")
            for table in ["cities", "inventories", "inventory_lines", "city_facts", "reported_emissions"] {
                #expect(
                    reads.filter { $0.range(of: #"FROM "?\#(table)"?\b"#, options: .regularExpression) != nil }.count == 1,
                    "\(table) read more than once")
            }
            // The same totals as the independent hand calculation of the demo inventory.
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "../../../Sources/App/Resources/seed/inventories/guiyang-2021.expected.json")
            let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let totals = try #require(expected["totals"] as? [String: Any])
            InventoryTestSupport.close(data.computed.report.basic.co2e, try #require(totals["basic"] as? NSNumber).doubleValue)
            InventoryTestSupport.close(
                data.computed.report.basicPlus.co2e, try #require(totals["basic_plus"] as? NSNumber).doubleValue)
            #expect(data.computed.inventory.citySlug == "guiyang" && data.rights.state == .published)
            #expect(data.trend.inventories.contains { $0.year == 2021 })
            // The population the reports state is resident population: Guiyang's latest figures up
            // to 2021 are 2020's registered (hukou) 4,373,023 and census resident 5,987,018
            // (city_series_ne_asia.csv); the registered one is another quantity and is left out.
            #expect(data.place?.population == 5_987_018)
            #expect(InventoryReports.metadata(data).population == 5_987_018)
            // An unknown year or city is nil (the page says 404), after as few reads.
            #expect(try await InventoryReads.page.load(InventoryPageKey(slug: "guiyang", year: 1990), query) == nil)
            #expect(try await InventoryReads.page.load(InventoryPageKey(slug: "atlantis", year: 2021), query) == nil)
        }
    }

    /// One figure per year, the registered kind never, newest two years first.
    @Test func residentPopulation_oneFigurePerYear_neverRegistered() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let guiyang = try #require(try await CityQueries.bySlug("guiyang", on: harness.db)?.id)
            let figures = try await ResidentPopulation.latest(city: guiyang, upTo: 2021, on: harness.db.sql())
            // 2020: census 5,987,018 (the registered 4,373,023 left out); 2015 has only a
            // registered figure; 2010: census 4,322,611.
            #expect(figures == [.init(year: 2020, value: 5_987_018), .init(year: 2010, value: 4_322_611)])
            #expect(try await ResidentPopulation.latest(city: guiyang, upTo: 2009, on: harness.db.sql()).isEmpty)
        }
    }
}
