import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import App

enum InventoryTestSupport {
    /// 1,000 TJ of natural gas in homes with the IPCC residential factors, and a notation key.
    static let smallCSV = """
        line_id,gpc_ref,notation_key,explanation,activity_value,activity_unit,fuel,ef_co2,ef_ch4,ef_n2o,ef_unit,source
        gas,I.1.1,,,1000,TJ,Natural Gas,56100,5,0.1,kg/TJ,IPCC 2006 Table 2.5
        mining,I.7.1,NO,No coal mining in the city,,,,,,,,
        """

    static func json(_ page: Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    static func totals(_ page: Page) throws -> [String: Any] {
        try #require(try json(page)["totals"] as? [String: Any])
    }

    /// Signs memberA in and creates a draft inventory of alpha-city for `year`.
    static func draft(_ browser: Browser, fixtures: Fixtures, year: Int = 2022, gwp: String = "AR5") async throws {
        _ = try await browser.signIn(fixtures.memberA.email)
        try await browser.get("/cities/alpha-city/inventories/new")
        let created = try await browser.post(
            "/cities/alpha-city/inventories/new",
            [("year", String(year)), ("level", "BASIC"), ("gwp_set", gwp), ("boundary", "City")])
        #expect(created.status == .seeOther)
        #expect(created.location == "/cities/alpha-city/inventories/\(year)")
    }

    static func close(_ actual: Any?, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let value = actual as? Double ?? (actual as? Int).map(Double.init) ?? (actual as? NSNumber)?.doubleValue else {
            Issue.record("expected \(expected), got \(String(describing: actual))", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(value - expected) <= 1e-9 * max(1, abs(expected)), "\(value) ≠ \(expected)", sourceLocation: sourceLocation)
    }
}
