import CarbonAccounting
import FluentKit
import Foundation
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
            // An unknown year or city is nil (the page says 404), after as few reads.
            #expect(try await InventoryReads.page.load(InventoryPageKey(slug: "guiyang", year: 1990), query) == nil)
            #expect(try await InventoryReads.page.load(InventoryPageKey(slug: "atlantis", year: 2021), query) == nil)
        }
    }
}
