import CarbonAccounting
import FluentKit
import Foundation
import Testing

@testable import App

enum TargetTestSupport {
    /// A complete BASIC inventory: `terajoules` of natural gas in homes (IPCC residential factors:
    /// 56,100 kg CO2, 5 kg CH4, 0.1 kg N2O per TJ) and NO for every other cell BASIC requires.
    static func completeCSV(terajoules: Int) throws -> String {
        let reference = try ReferenceData.shared.get()
        var csv = """
            line_id,gpc_ref,notation_key,explanation,activity_value,activity_unit,fuel,ef_co2,ef_ch4,ef_n2o,ef_unit,source
            gas,I.1.1,,,\(terajoules),TJ,Natural Gas,56100,5,0.1,kg/TJ,IPCC 2006 Table 2.5

            """
        for cell in reference.tree.subCategories where ReportingLevel.basic.requires(cell) && cell.ref != "I.1.1" {
            csv +=
                "no-\(cell.ref.replacingOccurrences(of: ".", with: "-")),\(cell.ref),NO,Does not occur in the test city,,,,,,,,\n"
        }
        return csv
    }

    /// Publishes a complete inventory of `city` for `year`.
    static func publish(
        _ city: City, year: Int, terajoules: Int, gwp: GWPSet = .ar5, level: ReportingLevel = .basic, on db: any Database
    ) async throws {
        let reference = try ReferenceData.shared.get()
        let lines = try InventoryCSV.read(
            try completeCSV(terajoules: terajoules), parser: reference.parser,
            calculator: reference.calculator(set: gwp, year: year)
        ).get()
        let service = InventoryService(db: db, reference: reference, cache: ReadCache(), clock: AppClock())
        _ = try await service.create(
            city: city, year: year, level: level, gwpSet: gwp, boundary: "City", lines: lines, state: .published, by: nil)
    }

    static func targets(_ page: Page) throws -> [[String: Any]] {
        try #require(try InventoryTestSupport.json(page)["targets"] as? [[String: Any]])
    }

    static func progress(_ target: [String: Any]) throws -> [String: Any] {
        try #require(target["progress"] as? [String: Any])
    }
}
