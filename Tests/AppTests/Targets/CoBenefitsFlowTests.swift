import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import App

/// Co-benefits in numbers: an action states the fuel it avoids; the platform computes its CO2e and
/// air-pollutant reductions, and the forecast shows the scenario's pollutants beside its CO2e.
@Suite struct CoBenefitsFlowTests {
    /// Homes switching 1,000 GJ (1 TJ) of coal to gas, from 2024.
    static func actionFields(extra: [(String, String)] = []) -> [(String, String)] {
        [
            ("title_en", "Coal-to-gas in homes"), ("sector", "I"), ("gpc_ref", "I.1.1"), ("action_type", "policy"),
            ("owner", "Housing Bureau"), ("status", "planned"), ("start_year", "2024"), ("update_every_days", "180"),
            ("avoided_1_gpc_ref", "I.1.1"), ("avoided_1_fuel", "Other Bituminous Coal"), ("avoided_1_amount", "1000"),
            ("avoided_1_unit", "GJ"), ("avoided_2_gpc_ref", "I.1.1"), ("avoided_2_fuel", "Natural Gas"),
            ("avoided_2_amount", "-1000"), ("avoided_2_unit", "GJ"),
        ] + extra
    }

    /// AR5 (Alpha City has no published inventory), IPCC residential factors, 1 TJ each:
    /// coal 94.6 + 0.3 × 28 + 0.0015 × 265 = 103.3975 t CO2e; gas 56.1 + 0.005 × 28 + 0.0001 × 265 =
    /// 56.2665 t; avoided 47.131 t CO2e. Pollutants (EMEP/EEA current, 1.A.4.b.i, 1,000 GJ): NOx
    /// 110 − 51 = 59 kg; SOx 900 − 0.3 = 899.7 kg; PM2.5 398 − 1.2 = 396.8 kg.
    @Test func energyAvoided_givesCO2eAndPollutantReductions_byHand() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            _ = try await member.signIn(fixtures.memberA.email)
            try await member.get("/cities/alpha-city/actions/new")
            let created = try await member.post("/cities/alpha-city/actions/new", Self.actionFields())
            #expect(created.status == .seeOther, "\(created.body.prefix(3000))")
            let page = try await member.get(try #require(created.location))
            #expect(page.contains("id=\"co-benefits\"") && page.contains("under AR5"))
            #expect(page.contains("<td class=\"num\">47.1</td>"), "47.131 t CO2e")
            #expect(page.contains("<td class=\"num\">0.059</td>"), "59 kg NOx")
            #expect(page.contains("<td class=\"num\">0.8997</td>"), "899.7 kg SOx")
            #expect(page.contains("<td class=\"num\">0.3968</td>"), "396.8 kg PM2.5")

            let document = try InventoryTestSupport.json(try await member.get("/api/v1/cities/alpha-city/actions"))
            let action = try #require((document["actions"] as? [[String: Any]])?.first)
            #expect((action["energy_avoided"] as? [[String: Any]])?.count == 2)
        }
    }

    @Test(arguments: [
        ([("avoided_1_fuel", "coal")], "avoided_1_fuel", "ambiguous"),
        ([("avoided_1_fuel", "Unobtainium")], "avoided_1_fuel", "not a fuel the library knows"),
        ([("expected_reduction", "50"), ("reduction_method", "Survey")], "expected_reduction", "not both"),
        ([("avoided_2_unit", "")], "avoided_2_unit", "f-avoided_2_unit"),
    ])
    func badEnergyAvoided_isRefusedByField_andNothingSaved(change: [(String, String)], field: String, text: String)
        async throws
    {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            _ = try await member.signIn(fixtures.memberA.email)
            try await member.get("/cities/alpha-city/actions/new")
            let names = Set(change.map(\.0))
            let fields = Self.actionFields().filter { !names.contains($0.0) } + change
            let refused = try await member.post("/cities/alpha-city/actions/new", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.contains(text) && refused.contains(field), "\(field): \(text)")
            #expect(try await MitigationAction.query(on: harness.db).count() == 0)
        }
    }

    /// A published 2022 base (the fuel statistics of PollutantFlowTests), no growth, the switch from
    /// 2024: CO2e falls by 47.131 t from 2024; NOx of the scenario is 0.285 − 0.059 = 0.226 t.
    @Test func forecast_showsThePollutantTrajectoryBesideCO2e() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let reference = try ReferenceData.shared.get()
            let lines = try InventoryCSV.read(
                PollutantTestSupport.fuelCSV, parser: reference.parser, calculator: reference.calculator(set: .ar5)
            ).get()
            let service = InventoryService(db: harness.db, reference: reference, cache: ReadCache(), clock: AppClock())
            _ = try await service.create(
                city: fixtures.alphaCity, year: 2022, level: .basic, gwpSet: .ar5, boundary: "", lines: lines,
                state: .published, by: nil)
            let member = Browser(client)
            _ = try await member.signIn(fixtures.memberA.email)
            try await member.get("/cities/alpha-city/actions/new")
            #expect(try await member.post("/cities/alpha-city/actions/new", Self.actionFields()).status == .seeOther)
            try await member.get("/cities/alpha-city/forecast")
            let saved = try await member.post(
                "/cities/alpha-city/forecast",
                [("base_year", "2022"), ("horizon_year", "2030"), ("population_growth", "0"), ("gdp_growth", "0")])
            #expect(saved.status == .seeOther, "\(saved.body.prefix(2000))")

            let query = QueryContext(db: harness.db, reference: reference, clock: AppClock(), cache: ReadCache())
            let plan = try await query.plan(of: fixtures.alphaCity)
            let view = try #require(plan.forecast)
            let year2030 = try #require(view.forecast.index(of: 2030))
            InventoryTestSupport.close(view.forecast.bau[year2030] - view.forecast.scenario[year2030], 47.131)
            let nox = try #require(view.pollutants?.forecasts.first { $0.pollutant == .nox }?.forecast)
            InventoryTestSupport.close(nox.bau[year2030], 0.285)
            InventoryTestSupport.close(nox.scenario[year2030], 0.226)
            InventoryTestSupport.close(nox.scenario[try #require(nox.index(of: 2023))], 0.285)

            let page = try await Browser(client).get("/cities/alpha-city/forecast")
            #expect(page.contains("id=\"pollutant-forecast\"") && page.contains("<td class=\"num\">0.226<br>"))
        }
    }
}
