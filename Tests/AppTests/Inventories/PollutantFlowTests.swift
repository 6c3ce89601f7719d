import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import App

/// Air pollutants through HTTP: fuel statistics without factors imported, the pollutant table and
/// the JSON export checked against the hand calculation, the edition switched, city factors and
/// measured amounts kept, and bad input refused with nothing changed.
@Suite struct PollutantFlowTests {
    typealias Support = PollutantTestSupport

    /// 1,000 GJ each (stationary factors are g/GJ, so g/GJ × 1,000 GJ = kg; ÷ 1,000 = t), current edition:
    /// - gas, homes (T1): NOx 51 kg, CO 26, NMVOC 1.9, SOx 0.3, PM2.5 1.2, BC 1.2 × 5.4 % = 0.0648 kg
    /// - coal, homes (T3): NOx 110, CO 4,600, SOx 900, PM2.5 398, BC 398 × 6.4 % = 25.472 kg
    /// - wood, homes (T4): NOx 50, CO 4,000, SOx 11, NH3 8, PM2.5 740, BC 74 kg
    /// - gas, shops (T2): NOx 74, CO 29, NMVOC 23, SOx 0.67, PM2.5 0.78, BC 0.0312 kg
    /// Sector I: NOx 51 + 110 + 50 + 74 = 285 kg = 0.285 t; CO 26 + 4,600 + 4,000 + 29 = 8,655 kg;
    /// SOx 0.3 + 900 + 11 + 0.67 = 911.97 kg; PM2.5 1.2 + 398 + 740 + 0.78 = 1,139.98 kg;
    /// BC 0.0648 + 25.472 + 74 + 0.0312 = 99.568 kg.
    static let sectorI: [String: Double] = [
        "nox": 0.285, "co": 8.655, "sox": 0.91197, "pm25": 1.13998, "bc": 0.099568,
    ]

    @Test func fuelStatistics_takeDefaultFactors_andThePollutantTableIsTheHandCalculation() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            try await InventoryTestSupport.draft(member, fixtures: fixtures, year: 2022)
            try await member.get("/cities/alpha-city/inventories/2022/import")
            let imported = try await member.upload(
                "/cities/alpha-city/inventories/2022/import", filename: "fuel.csv", content: Support.fuelCSV)
            #expect(imported.status == .seeOther)

            let document = try InventoryTestSupport.json(try await member.get("/cities/alpha-city/inventories/2022/export.json"))
            let air = try Support.air(document)
            #expect(air["edition"] as? String == "2023")
            let sectors = try #require(air["by_sector"] as? [[String: Any]])
            Support.expectTonnes(Support.cellTonnes(sectors.first), Self.sectorI)
            Support.expectTonnes(Support.cellTonnes(air["total"]), Self.sectorI)
            let lines = try Support.lines(document)
            Support.expectTonnes(
                Support.tonnes(lines["home-gas"]),
                [
                    "nox": 0.051, "co": 0.026, "nmvoc": 0.0019, "sox": 0.0003, "tsp": 0.0012, "pm10": 0.0012, "pm25": 0.0012,
                    "bc": 0.0000648,
                ])
            Support.expectTonnes(Support.tonnes(lines["home-wood"]), ["nh3": 0.008, "bc": 0.074])
            #expect((lines["mining"]?["air_pollutants"] as? [String: Any])?["status"] as? String == "notation")
            // T10: the same row gives the greenhouse gases — 1 TJ × 56,100 kg CO2/TJ = 56.1 t — and
            // says which library factor it took.
            InventoryTestSupport.close(lines["home-gas"]?["co2_t"], 56.1)
            let input = try #require(lines["home-gas"]?["input"] as? [String: String])
            #expect(input["ef_id"]?.hasPrefix("ipcc2006-stationary-residential") == true && input["ef_co2"] == "56100")

            let page = try await member.get("/cities/alpha-city/inventories/2022")
            #expect(page.contains("id=\"air-pollutants\"") && page.contains("guidebook 2023"))
            #expect(page.contains("In the city boundary (scope 1) only") && page.contains("never converted to CO2e"))
            // Shown rounded: 0.91197 t of SOx to four decimals, 0.285 t of NOx; BC 0.099568 t.
            #expect(page.contains("<td class=\"num\">0.912</td>") && page.contains("<td class=\"num\">0.285</td>"))
            #expect(page.contains("<td class=\"num\">0.0996</td>"))
            #expect(page.contains("<svg") && page.contains("Where each air pollutant comes from"))

            let linesPage = try await member.get("/cities/alpha-city/inventories/2022/lines?ref=I.1.1")
            #expect(linesPage.contains("1.A.4.b.i Table 3-4"), "the factor's table")
            #expect(linesPage.contains("95 % confidence interval"), "the factor's interval")
            #expect(linesPage.contains("not estimated"), "a pollutant without a factor says so")
        }
    }

    /// Switching the edition changes only what changed between the editions (wood NH3 in homes:
    /// 8 g/GJ now, 70 g/GJ in 2019) and no CO2e figure.
    @Test func switchingTheEdition_changesOnlyTheChangedFactors_andNoCO2e() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            try await InventoryTestSupport.draft(member, fixtures: fixtures, year: 2022)
            try await member.get("/cities/alpha-city/inventories/2022/import")
            try await member.upload("/cities/alpha-city/inventories/2022/import", filename: "fuel.csv", content: Support.fuelCSV)
            let before = try InventoryTestSupport.json(try await member.get("/cities/alpha-city/inventories/2022/export.json"))
            try await member.get("/cities/alpha-city/inventories/2022")
            let changed = try await member.post(
                "/cities/alpha-city/inventories/2022/settings",
                [("level", "BASIC"), ("gwp_set", "AR5"), ("air_edition", "2019"), ("boundary", "City")])
            #expect(changed.status == .seeOther)
            let after = try InventoryTestSupport.json(try await member.get("/cities/alpha-city/inventories/2022/export.json"))
            #expect(try Support.air(after)["edition"] as? String == "2019")
            let old = try Support.lines(before)
            let new = try Support.lines(after)
            Support.expectTonnes(Support.tonnes(new["home-wood"]), ["nh3": 0.070])
            for id in ["home-gas", "home-coal", "shop-gas"] {
                #expect(Support.tonnes(old[id]) == Support.tonnes(new[id]), "\(id) has no factor that changed")
            }
            #expect(
                ((before["totals"] as? [String: Any])?["basic"] as? Double)
                    == ((after["totals"] as? [String: Any])?["basic"] as? Double))
        }
    }

    /// A road line with a vehicle class, a measured amount and city factors is stored, exported and
    /// read back unchanged; the lines page shows the city factor's source and reason.
    @Test func vehicleMeasuredAndCityFactors_surviveStorageAndExport() async throws {
        let csv = """
            line_id,gpc_ref,activity_value,activity_unit,fuel,ef_co2,ef_unit,vehicle,nox_t,ef_co,ef_pm25,ef_air_unit,ef_air_source,ef_air_reason,source
            lorries,II.1.1,1000,t,Diesel Oil,3.186,t/t,heavy_duty,20.5,5.2,0.4,kg/t,CAPSS 2019 Table 12,Korean fleet mix,Fleet fuel records
            """
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            try await InventoryTestSupport.draft(member, fixtures: fixtures, year: 2022)
            try await member.get("/cities/alpha-city/inventories/2022/import")
            let imported = try await member.upload(
                "/cities/alpha-city/inventories/2022/import", filename: "road.csv", content: csv)
            #expect(imported.status == .seeOther, "\(imported.body.prefix(2000))")
            let exported = try await member.get("/cities/alpha-city/inventories/2022/export.csv")
            let reference = try ReferenceData.shared.get()
            let original = try InventoryCSV.read(csv, parser: reference.parser, calculator: reference.calculator(set: .ar5)).get()
            let back = try InventoryCSV.read(
                exported.body, parser: reference.parser, calculator: reference.calculator(set: .ar5)
            ).get()
            #expect(back == original)
            let line = try #require(back.first)
            #expect(line.vehicle == .heavyDuty && line.measuredPollutants.nox == 20.5)
            #expect(line.pollutantFactors?.source == "CAPSS 2019 Table 12" && line.pollutantFactors?.values.pm25 == 0.4)

            let document = try InventoryTestSupport.json(try await member.get("/cities/alpha-city/inventories/2022/export.json"))
            // Measured NOx replaces the computed one; city factors: 1,000 t × 5.2 kg/t = 5.2 t CO,
            // 1,000 t × 0.4 kg/t = 0.4 t PM2.5.
            Support.expectTonnes(Support.tonnes(try Support.lines(document)["lorries"]), ["nox": 20.5, "co": 5.2, "pm25": 0.4])
            let lines = try await member.get("/cities/alpha-city/inventories/2022/lines")
            #expect(lines.contains("CAPSS 2019 Table 12") && lines.contains("Korean fleet mix"))
            let edit = try await member.get(
                "/cities/alpha-city/inventories/2022/lines/\(try #require(Page.firstMatch(#"lines/([0-9A-F-]{36})""#, in: lines.body)))"
            )
            #expect(edit.contains("name=\"ef_air_source\"") && edit.contains("CAPSS 2019 Table 12"))
        }
    }

    /// Bad input gets its row and column and changes nothing.
    @Test(arguments: [
        ("home,I.1.1,1000,GJ,Unobtainium,,,", "fuel", "not a fuel the library knows"),
        ("home,I.1.1,1000,GJ,coal,,,", "fuel", "ambiguous"),
        ("home,I.1.1,1000,GJ,Natural Gas,40,g/GJ,", "ef_air_source", "is required"),
        ("home,I.1.1,1000,GJ,Natural Gas,lots,g/GJ,CAPSS", "ef_nox", "is not a number"),
        ("home,I.1.2,1000,MWh,,,,", "ef_co2", "activity needs emission factors"),
    ])
    func badRows_areRefusedWithRowAndColumn_andChangeNothing(row: String, column: String, message: String) async throws {
        let csv =
            "line_id,gpc_ref,activity_value,activity_unit,fuel,ef_nox,ef_air_unit,ef_air_source,ef_air_reason\n"
            + row + ",reason\n"
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            try await InventoryTestSupport.draft(member, fixtures: fixtures, year: 2022)
            let before = try InventoryTestSupport.json(try await member.get("/cities/alpha-city/inventories/2022/export.json"))
            try await member.get("/cities/alpha-city/inventories/2022/import")
            let refused = try await member.upload("/cities/alpha-city/inventories/2022/import", filename: "bad.csv", content: csv)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.contains("<td>2</td>") && refused.contains(column) && refused.contains(message), "\(refused.body)")
            let after = try InventoryTestSupport.json(try await member.get("/cities/alpha-city/inventories/2022/export.json"))
            #expect(after["version"] as? Int == before["version"] as? Int)
        }
    }

    /// An unknown pollutant is an unknown column: named, and nothing imported.
    @Test func unknownPollutantColumn_isNamed() async throws {
        let csv = "line_id,gpc_ref,activity_value,activity_unit,fuel,so2x_t\nhome,I.1.1,1000,GJ,Natural Gas,1\n"
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            try await InventoryTestSupport.draft(member, fixtures: fixtures, year: 2022)
            try await member.get("/cities/alpha-city/inventories/2022/import")
            let refused = try await member.upload("/cities/alpha-city/inventories/2022/import", filename: "bad.csv", content: csv)
            #expect(refused.status == .unprocessableContent && refused.contains("so2x_t"), "\(refused.body)")
        }
    }
}
