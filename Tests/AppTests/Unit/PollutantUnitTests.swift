import CarbonAccounting
import Foundation
import Testing

@testable import App

/// The pieces of the air-pollutant work that need no HTTP: migrations that freeze a rule or a
/// column list, and the catalogue keys built from enum cases.
@Suite struct PollutantUnitTests {
    @Test func editionMigration_freezesTheRuleOfTheDefaultEdition() {
        #expect(AirPollutantEdition.default(forInventoryYear: M042_AddInventoryAirEdition.lastYearOf2019) == .guidebook2019)
        #expect(AirPollutantEdition.default(forInventoryYear: M042_AddInventoryAirEdition.lastYearOf2019 + 1) == .current)
        #expect(AirPollutantEdition.default(forInventoryYear: 2005) == .guidebook2019)
    }

    @Test func lineColumnsMigration_storesEveryOptionalTemplateColumn() {
        #expect(
            Set(M040_AddLinePollutantColumns.textColumns + M040_AddLinePollutantColumns.numberColumns)
                == Set(LineColumns.optional))
        #expect(LineStore.columns.count == 3 + LineColumns.all.count + LineColumns.optional.count)
        // One INSERT's binds stay under SQLite's limit of 32,766.
        #expect(LineStore.columns.count * LineStore.batchSize < 32_766)
    }

    @Test func everyBuiltKey_isInTheCatalogue() throws {
        let english = try #require(try Catalogue.load().strings[.en])
        var keys = AirPollutant.allCases.map { "pollutants.name.\($0.key)" }
        keys += InventoryKind.allCases.map { "pollutants.kind.\($0.rawValue)" }
        keys += AirPollutantEdition.allCases.map { "pollutants.edition.\($0.rawValue)" }
        keys += VehicleClass.allCases.map { "pollutants.vehicle.\($0.rawValue)" }
        let methods = ["library", "measured", "city_factor", "not_estimated"]
        keys += methods.map { "pollutants.method.\($0)" }
        keys += ["ef_id", "vehicle", "ef_air_unit", "ef_air_source", "ef_air_reason"].map { "pollutants.column_help.\($0)" }
        for key in keys { #expect(english[key] != nil, "\(key)") }
        for method in methods { #expect(AirPollutantDetail.Method(rawValue: method) != nil, "\(method)") }
    }

    @Test func kinds_parseTheirSpellings_andHaveTheirAddresses() {
        #expect(InventoryKind.parse("") == .community && InventoryKind.parse("Government") == .government)
        #expect(InventoryKind.parse("regional") == nil)
        #expect(Paths.inventory("x", 2020) == "/cities/x/inventories/2020")
        #expect(Paths.inventory("x", 2020, kind: .government) == "/cities/x/inventories/2020/government")
        #expect(
            Paths.inventoryLines("x", 2020, kind: .government, sector: "I")
                == "/cities/x/inventories/2020/government/lines?sector=I")
    }
}
