import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import Testing

@testable import App

/// Forecasts, actions with updates and reminders, action plans and the registry, through the site
/// and the API, on hand-computed numbers.
@Suite struct PlanFlowTests {
    /// Base 2020: 56,266.5 t CO2e, all in sector I, growing with GDP at 5 %/yr; an action of 10,000 t/yr
    /// from 2022 ramping up over 4 years; a target of −20 % of 2020 by 2030 (level 45,013.2).
    @Test func forecast_scenario_wedges_andGap() async throws {
        try await TestApp.run { client, harness in
            let (fixtures, callers) = try await InventoryAPITests.callers(client, harness)
            try await TargetTestSupport.publish(fixtures.alphaCity, year: 2020, terajoules: 1000, on: harness.db)
            let browser = Browser(client)
            _ = try await browser.signIn(fixtures.memberA.email)
            try await browser.get("/cities/alpha-city/forecast")
            var settings: [(String, String)] = [
                ("base_year", "2019"), ("horizon_year", "2035"), ("population_growth", "1"), ("gdp_growth", "5"),
                ("driver_I", "gdp"), ("driver_II", "rate:-2"),
            ]
            let noBase = try await browser.post("/cities/alpha-city/forecast", settings)
            #expect(noBase.status == .unprocessableContent && noBase.contains("no published inventory of this year"))
            settings[0] = ("base_year", "2020")
            settings[5] = ("driver_II", "sometimes")
            let badDriver = try await browser.post("/cities/alpha-city/forecast", settings)
            #expect(badDriver.status == .unprocessableContent && badDriver.contains("rate:R"))
            settings[5] = ("driver_II", "rate:-2")
            #expect(try await browser.post("/cities/alpha-city/forecast", settings).status == .seeOther)
            let a = callers[.memberA]!
            let action = try await a.call(
                .post, "/api/v1/cities/alpha-city/actions", type: "application/json",
                body: """
                    {"titles": {"en": "Heat pumps for homes", "zh": "住宅热泵"}, "sector": "I", "gpc_ref": "I.1.1",
                     "action_type": "technology", "owner": "Alpha Energy Office", "status": "in_progress", "start_year": 2022,
                     "expected_reduction": 10000, "reduction_method": "2,000 homes × 5 t CO2e", "ramp_up_years": 4,
                     "co_benefits": ["air_quality"], "sdgs": [7, 13], "links": ["https://example.org/heat-pumps"]}
                    """)
            #expect(action.status == .created)
            let csv =
                "city,kind,base_year,target_year,reduction_percent,source\nalpha-city,base_year_absolute,2020,2030,20,Plan\n"
            #expect(try await a.call(.post, "/api/v1/targets", type: "text/csv", body: csv).status == .ok)
            let forecast = try #require(
                try InventoryTestSupport.json(try await a.call(.get, "/api/v1/cities/alpha-city/forecast"))["forecast"]
                    as? [String: Any])
            let years = try #require(forecast["years"] as? [Int])
            let bau = try #require(forecast["bau"] as? [Double])
            let scenario = try #require(forecast["scenario"] as? [Double])
            #expect(years.first == 2020 && years.last == 2035)
            // BAU 2030 = 56,266.5 × 1.05¹⁰; the action gives 2,500 (2022), 5,000, 7,500, then 10,000 from 2025.
            let bau2030 = 56_266.5 * pow(1.05, 10.0)
            InventoryTestSupport.close(bau[10], bau2030)
            InventoryTestSupport.close(scenario[2], 56_266.5 * pow(1.05, 2.0) - 2_500)
            InventoryTestSupport.close(scenario[10], bau2030 - 10_000)
            let wedges = try #require(forecast["wedges"] as? [String: [Double]])
            #expect(wedges.values.first?[3] == 5_000)
            let targets = try TargetTestSupport.targets(try await a.call(.get, "/api/v1/cities/alpha-city/targets"))
            let gap = try #require(targets.first?["gap"] as? [String: Any])
            InventoryTestSupport.close(gap["level"], 45_013.2)
            InventoryTestSupport.close(gap["gap"], bau2030 - 10_000 - 45_013.2)
            // The page draws the chart with the action's wedge and states the gap.
            let page = try await browser.get("/cities/alpha-city/forecast")
            #expect(page.contains("<svg") && page.contains("<polygon") && page.contains("Heat pumps for homes"))
            #expect(page.contains("short by"))
        }
    }

    @Test func actions_validateUpdate_andRemind() async throws {
        let clock = NIOLockedValueBox(Date(timeIntervalSince1970: 1_700_000_000))  // 2023-11-14
        let now: @Sendable () -> Date = { clock.withLockedValue { $0 } }
        try await TestApp.run(now: now) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browser = Browser(client)
            _ = try await browser.signIn(fixtures.memberA.email)
            try await browser.get("/cities/alpha-city/actions/new")
            var fields: [(String, String)] = [
                ("title_en", "Bus rapid transit"), ("title_ko", "간선급행버스"), ("sector", "II"), ("gpc_ref", "I.1.1"),
                ("action_type", "infrastructure"), ("owner", "Transport Bureau"), ("status", "planned"), ("start_year", "2024"),
                ("end_year", "2020"), ("cost", "12000000"), ("links", "javascript:alert(1)"), ("expected_reduction", "5000"),
                ("update_every_days", "90"),
            ]
            let refused = try await browser.post("/cities/alpha-city/actions/new", fields)
            #expect(refused.status == .unprocessableContent)
            for message in [
                "not in the chosen sector", "before the start year", "three-letter currency", "full http or https",
                "how the expected reduction",
            ] {
                #expect(refused.contains(message), "missing: \(message)")
            }
            #expect(try await MitigationAction.query(on: harness.db).count() == 0)
            fields = fields.filter { !["gpc_ref", "end_year", "links"].contains($0.0) }
            fields += [
                ("gpc_ref", "II.1.1"), ("end_year", "2028"), ("currency", "cny"), ("reduction_method", "Modal shift survey"),
            ]
            fields += [("co_benefits", "air_quality"), ("co_benefits", "jobs"), ("links", "https://example.org/brt")]
            let created = try await browser.post("/cities/alpha-city/actions/new", fields)
            #expect(created.status == .seeOther)
            let path = try #require(created.location)
            let detail = try await browser.get(path)
            #expect(detail.contains("Bus rapid transit") && detail.contains("12,000,000 CNY") && detail.contains("한국어"))
            // A reader in Korean sees the Korean title; one in Japanese the English one, said so.
            try await browser.get("/?lang=ja")
            let japanese = try await browser.get(path)
            #expect(japanese.contains("Bus rapid transit"))
            try await browser.get("/?lang=en")
            // No reminder at first; after 91 days without update the owner is reminded.
            #expect(!(try await browser.get("/cities/alpha-city/actions")).contains("update due"))
            clock.withLockedValue { $0 += 91 * 86_400 }
            _ = try await browser.signIn(fixtures.memberA.email)  // the session expired meanwhile
            #expect((try await browser.get("/cities/alpha-city/actions")).contains("update due"))
            #expect((try await browser.get("/account")).contains("Actions needing a progress update: 1"))
            let visitor = Browser(client)
            #expect(!(try await visitor.get("/cities/alpha-city/actions")).contains("update due"), "reminders are for the owner")
            try await browser.get(path)
            let future = try await browser.post(
                "\(path)/updates", [("on_date", "2030-01-01"), ("status", "in_progress"), ("achieved_reduction", "100")])
            #expect(future.status == .unprocessableContent && future.contains("in the future") && future.contains("what shows"))
            let recorded = try await browser.post(
                "\(path)/updates",
                [
                    ("on_date", "2024-02-01"), ("status", "in_progress"), ("achieved_reduction", "1200"),
                    ("evidence", "Ridership report Q1"),
                ])
            #expect(recorded.status == .seeOther)
            let list = try await browser.get("/cities/alpha-city/actions")
            #expect(!list.contains("update due") && list.contains("In progress") && list.contains("1,200"))
            // An action plan with a follow-up date in the past and no updates is flagged.
            let plan = try await browser.post(
                "/cities/alpha-city/action-plans",
                [
                    ("title", "Training plan"), ("origin", "Seoul training 2019"), ("drafted_on", "2019-05-23"),
                    ("follow_up_by", "2020-01-01"),
                ])
            #expect(plan.status == .seeOther)
            #expect((try await browser.get("/cities/alpha-city/actions")).contains("Follow-up overdue"))
            let badPlan = try await browser.post(
                "/cities/alpha-city/action-plans", [("title", ""), ("origin", "x"), ("drafted_on", "2019-13-01")])
            #expect(badPlan.status == .unprocessableContent && badPlan.contains("YYYY-MM-DD"))
        }
    }

    @Test func registry_listsFiltersAndExports() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let browser = Browser(client)
            let page = try await browser.get("/registry")
            #expect(page.status == .ok && page.contains("Seoul") && page.contains("Ban on coal burning in urban areas"))
            let peaks = try await browser.get("/registry?kind=peak")
            #expect(peaks.contains("Xiamen") && !peaks.contains("Net zero by 2050"))
            #expect(try await browser.get("/registry?kind=someday").status == .unprocessableContent)
            #expect(try await browser.get("/registry?year=abc").status == .unprocessableContent)
            let japan = try await browser.get("/api/v1/registry/targets?country=JP&per_page=200")
            let json = try InventoryTestSupport.json(japan)
            let targets = try #require(json["targets"] as? [[String: Any]])
            #expect(
                !targets.isEmpty
                    && targets.allSatisfy {
                        [
                            "kitakyushu", "kyoto", "sakai", "yokohama", "iida", "obihiro",
                            "shimokawa", "toyama", "toyota", "minamata", "miyakojima", "yusuhara", "chiyoda", "tokyo",
                        ].contains($0["city"] as? String ?? "")
                    })
            let actions = try InventoryTestSupport.json(
                try await browser.get("/api/v1/registry/actions?sector=II&status=completed"))
            #expect((actions["actions"] as? [[String: Any]])?.count == 1)
            let city = try InventoryTestSupport.json(try await browser.get("/cities/guiyang/registry.json"))
            #expect((city["targets"] as? [Any])?.isEmpty == false && (city["actions"] as? [Any])?.count == 3)
            #expect(city["forecast"] is [String: Any])
            let api = try InventoryTestSupport.json(try await browser.get("/api/v1/cities/guiyang/registry"))
            #expect((api["targets"] as? [Any])?.count == (city["targets"] as? [Any])?.count)
            let actionsCSV = try await browser.get("/registry/actions.csv")
            #expect(actionsCSV.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(try CSV.table(actionsCSV.body).count == 3)
            let targetsCSV = try CSV.table(try await browser.get("/registry/targets.csv").body)
            #expect(targetsCSV.count == (try await CityTarget.query(on: harness.db).count()))
            // The exported targets are an import file: re-importing them changes nothing.
            let template = try await browser.get("/registry/targets.csv")
            let columns = Set(TargetCSV.columns)
            let rows = try CSV.table(template.body).map { row in row.filter { columns.contains($0.key) } }
            var text = CSV.row(TargetCSV.columns)
            for row in rows { text += CSV.row(TargetCSV.columns.map { row[$0] ?? "" }) }
            let again = try await TargetService(db: harness.db, clock: AppClock()).importCSV(text, city: nil, by: nil)
            #expect(again.created == 0 && again.updated == rows.count && again.written == 0)
            // Every language renders the registry.
            for language in ["zh", "ja", "ko"] {
                #expect(try await browser.get("/registry?lang=\(language)").status == .ok)
            }
        }
    }
}
