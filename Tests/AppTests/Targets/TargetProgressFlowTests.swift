import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import App

/// Targets and their progress through the platform: from published inventories, on the target's
/// coverage and GWP set, with reported totals and stated base values, on hand-computed numbers.
@Suite struct TargetProgressFlowTests {
    /// 2015: 1,000 TJ of gas; 2020: 800 TJ. AR5: 56,100 + 5 × 28 + 0.1 × 265 = 56,266.5 t CO2e in 2015,
    /// 45,013.2 in 2020. CO2 only: 56,100 and 44,880. AR4: 56,100 + 125 + 29.8 = 56,254.8 and 45,003.84.
    @Test func progress_onTheTargetsCoverageAndGWPSet() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            try await TargetTestSupport.publish(fixtures.alphaCity, year: 2015, terajoules: 1000, on: harness.db)
            try await TargetTestSupport.publish(fixtures.alphaCity, year: 2020, terajoules: 800, on: harness.db)
            let cityID = try fixtures.alphaCity.requireID()
            for (year, people) in [(2015, 1_000_000.0), (2025, 1_200_000.0)] {
                try await CityFact(
                    cityID: cityID, indicator: "population", year: year, value: people, unit: "persons", source: "test",
                    confidence: "REPORTED"
                ).create(on: harness.db)
            }
            let csv = """
                city,kind,base_year,target_year,reduction_percent,coverage,gases,gwp_set,source,original_wording
                alpha-city,base_year_absolute,2015,2030,40,basic,all,,Plan A,all gases
                alpha-city,base_year_absolute,2015,2030,40,basic,CO2,,Plan A,CO2 only
                alpha-city,base_year_absolute,2015,2030,40,basic,all,AR4,Plan A,in AR4
                alpha-city,base_year_absolute,2015,2030,40,basic+,all,,Plan A,BASIC+
                alpha-city,base_year_intensity_capita,2015,2030,20,basic,all,,Plan A,per person
                beta-city,base_year_intensity_capita,2015,2030,20,basic,all,,Plan B,no population
                """
            let result = try await TargetService(db: harness.db, clock: AppClock()).importCSV(csv, city: nil, by: nil)
            #expect(result == TargetService.ImportResult(created: 6, updated: 0))
            let browser = Browser(client)
            let targets = try TargetTestSupport.targets(try await browser.get("/api/v1/cities/alpha-city/targets"))
            func find(_ wording: String) throws -> [String: Any] {
                try #require(targets.first { $0["original_wording"] as? String == wording })
            }
            // All gases: (56,266.5 − 45,013.2) / (56,266.5 × 0.4) × 100 = 50 %; the path in 2020 is
            // 56,266.5 − 22,506.6 × 5/15 = 48,764.3, and 45,013.2 is below it: on track.
            let all = try TargetTestSupport.progress(try find("all gases"))
            InventoryTestSupport.close(all["percent_achieved"], 50)
            InventoryTestSupport.close(all["latest"], 45_013.2)
            InventoryTestSupport.close(all["path_at_latest"], 56_266.5 - 56_266.5 * 0.4 / 3)
            #expect(all["on_track"] as? Bool == true && all["latest_year"] as? Int == 2020)
            // CO2 only, read from the lines: 44,880 against 56,100.
            let co2 = try TargetTestSupport.progress(try find("CO2 only"))
            InventoryTestSupport.close(co2["latest"], 44_880)
            InventoryTestSupport.close(co2["base"], 56_100)
            #expect(co2["unit"] as? String == "t CO2")
            // In AR4 both years are recomputed from their lines, and the notes say so.
            let ar4 = try TargetTestSupport.progress(try find("in AR4"))
            InventoryTestSupport.close(ar4["latest"], 45_003.84)
            InventoryTestSupport.close(ar4["base"], 56_254.8)
            #expect((ar4["notes"] as? [String])?.contains { $0.contains("recomputed with AR4") } == true)
            // BASIC+ cannot be measured on BASIC inventories: nulls and the reason.
            let plus = try TargetTestSupport.progress(try find("BASIC+"))
            #expect(plus["percent_achieved"] is NSNull && plus["on_track"] is NSNull)
            #expect((plus["reason"] as? String)?.contains("base year 2015") == true)
            #expect((plus["notes"] as? [String])?.contains { $0.contains("reports BASIC") } == true)
            // Per person: 2015 = 56,266.5 / 1,000,000; 2020 population interpolated = 1,100,000.
            let perPerson = try TargetTestSupport.progress(try find("per person"))
            let base = 56_266.5 / 1_000_000
            let latest = 45_013.2 / 1_100_000
            InventoryTestSupport.close(perPerson["percent_achieved"], (base - latest) / (base * 0.2) * 100)
            #expect((perPerson["reason"] as? String)?.contains("interpolated between 2015 and 2025") == true)
            // Without the population series, no progress and why.
            let beta = try TargetTestSupport.targets(try await browser.get("/api/v1/cities/beta-city/targets"))
            let missing = try TargetTestSupport.progress(try #require(beta.first))
            #expect(missing["percent_achieved"] is NSNull)
            #expect((missing["reason"] as? String)?.contains("population") == true)
            // The page shows the same, and the open-data export carries progress.
            let page = try await browser.get("/cities/alpha-city/targets")
            #expect(page.status == .ok && page.contains("50 % achieved") && page.contains("on track"))
            let export = try await browser.get("/registry/targets.csv")
            let row = try #require(try CSV.table(export.body).first { $0["original_wording"] == "all gases" })
            InventoryTestSupport.close(row["percent_achieved"].flatMap(Double.init), 50)
            #expect(row["on_track"] == "true" && row["latest_year"] == "2020" && row["progress_gwp_set"] == "AR5")
        }
    }

    /// The seed targets are imported as the documents state them, and the CDP stated base is kept.
    /// An inventory that exists but is not published is named as the reason, not "no emissions".
    @Test func progress_namesTheDraftInventoryItCannotRead() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let reference = try ReferenceData.shared.get()
            let lines = try InventoryCSV.read(
                try TargetTestSupport.completeCSV(terajoules: 1000), parser: reference.parser,
                calculator: reference.calculator(set: .ar5, year: 2005)
            ).get()
            let service = InventoryService(db: harness.db, reference: reference, cache: ReadCache(), clock: AppClock())
            _ = try await service.create(
                city: fixtures.alphaCity, year: 2005, level: .basic, gwpSet: .ar5, boundary: "City", lines: lines, by: nil)
            try await TargetTestSupport.publish(fixtures.alphaCity, year: 2020, terajoules: 800, on: harness.db)
            _ = try await TargetService(db: harness.db, clock: AppClock()).importCSV(
                """
                city,kind,base_year,target_year,reduction_percent,coverage,gases,gwp_set,source,original_wording
                alpha-city,base_year_absolute,2005,2030,40,basic,all,,Plan A,40 % below 2005
                """, city: nil, by: nil)
            let target = try #require(
                try TargetTestSupport.targets(try await Browser(client).get("/api/v1/cities/alpha-city/targets")).first)
            let reason = try TargetTestSupport.progress(target)["reason"] as? String
            #expect(
                reason?.hasPrefix("the 2005 inventory is a draft: progress reads published inventories") == true,
                "\(reason ?? "nil")")
        }
    }

    @Test func seedTargets_asTheDocumentsStateThem() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let count = try await CityTarget.query(on: harness.db).count()
            let rows = try TargetCSV.read(try DemoData.load().targetsCSV).get()
            #expect(count == rows.count && count >= 60)
            let browser = Browser(client)
            let baoding = try TargetTestSupport.targets(try await browser.get("/api/v1/cities/baoding/targets"))
            let intensity = try #require(baoding.first { $0["kind"] as? String == "base_year_intensity_gdp" })
            #expect(intensity["base_year"] as? Int == 2010 && intensity["target_year"] as? Int == 2020)
            #expect(intensity["reduction_percent"] as? Double == 35)
            #expect((intensity["original_wording"] as? String)?.contains("35%") == true)
            #expect((intensity["coverage"] as? [String: Any])?["gases"] as? String == "CO2")
            // Seoul, CDP 2021: −100 % of the stated 49,445,000 t CO2e (2005) by 2050; the latest
            // reported total is 46,685,000 (2017): (49,445,000 − 46,685,000) / 49,445,000 × 100.
            let seoul = try TargetTestSupport.targets(try await browser.get("/api/v1/cities/seoul/targets"))
            let netZero = try #require(seoul.first { $0["base_value_tco2e"] as? Double == 49_445_000 })
            let progress = try TargetTestSupport.progress(netZero)
            InventoryTestSupport.close(progress["percent_achieved"], (49_445_000.0 - 46_685_000) / 49_445_000 * 100)
            #expect(progress["on_track"] as? Bool == false && progress["latest_year"] as? Int == 2017)
            #expect((progress["reason"] as? String)?.contains("source states") == true)
            // Yokohama's per-capita goals (Table 2) and a peaking target (Xiamen) are there.
            let yokohama = try TargetTestSupport.targets(try await browser.get("/api/v1/cities/yokohama/targets"))
            #expect(
                yokohama.contains { $0["kind"] as? String == "base_year_intensity_capita" && $0["base_year"] as? Int == 2004 })
            let xiamen = try TargetTestSupport.targets(try await browser.get("/api/v1/cities/xiamen/targets"))
            #expect(xiamen.contains { $0["kind"] as? String == "peak" && $0["target_year"] as? Int == 2020 })
            // Seeding again (every start) changes nothing and writes no audit entry.
            let audits = try await AuditEntry.query(on: harness.db).count()
            _ = try await Seeder(db: harness.db, clock: AppClock()).seed(try DemoData.load())
            #expect(try await CityTarget.query(on: harness.db).count() == count)
            #expect(try await AuditEntry.query(on: harness.db).count() == audits)
        }
    }

    /// Import through the browser: all rows or nothing, problems by row and column; re-import updates.
    @Test func import_allOrNothing_withRowAndColumn() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browser = Browser(client)
            _ = try await browser.signIn(fixtures.memberA.email)
            try await browser.get("/cities/alpha-city/targets")
            let bad = """
                city,kind,base_year,target_year,reduction_percent,source
                alpha-city,base_year_absolute,2010,2030,40,Plan
                alpha-city,base_year_absolute,2030,2020,40,Plan
                alpha-city,base_year_absolute,2010,2030,140,Plan
                alpha-city,base_year_intensity_gdp,,2030,20,Plan
                beta-city,fixed_level,,2050,,Plan
                """
            let refused = try await browser.upload("/cities/alpha-city/targets/import", filename: "targets.csv", content: bad)
            #expect(refused.status == .unprocessableContent)
            for cell in [
                "<td>3</td><td>target_year</td>", "<td>4</td><td>reduction_percent</td>", "<td>5</td><td>base_year</td>",
                "<td>6</td><td>target_level_tco2e</td>",
            ] {
                #expect(refused.contains(cell), "missing \(cell)")
            }
            #expect(try await CityTarget.query(on: harness.db).count() == 0)
            // Another city's row is refused for a member of alpha-city, by row.
            let other = try await browser.upload(
                "/cities/alpha-city/targets/import", filename: "t.csv",
                content: "city,kind,target_year,target_level_tco2e,source\nbeta-city,fixed_level,2050,0,Plan\n")
            #expect(other.status == .unprocessableContent && other.contains("<td>2</td><td>city</td>"))
            let spreadsheet = try await browser.upload(
                "/cities/alpha-city/targets/import", filename: "targets.xlsx", contentType: "application/vnd.openxmlformats",
                content: "PK")
            #expect(spreadsheet.status == .unprocessableContent && spreadsheet.contains("not a CSV file"))
            let good =
                "city,kind,base_year,target_year,reduction_percent,source,original_wording\nalpha-city,base_year_absolute,2010,2030,40,Plan,40% by 2030\n"
            #expect(
                try await browser.upload("/cities/alpha-city/targets/import", filename: "t.csv", content: good).status
                    == .seeOther)
            let again = good.replacingOccurrences(of: ",40,Plan", with: ",45,Plan")
            #expect(
                try await browser.upload("/cities/alpha-city/targets/import", filename: "t.csv", content: again).status
                    == .seeOther)
            let stored = try await CityTarget.query(on: harness.db).all()
            #expect(stored.count == 1 && stored.first?.reductionPercent == 45)
        }
    }

    /// The form validates by field and keeps what was typed; edit and delete work.
    @Test func targetForm_validatesAndSaves() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browser = Browser(client)
            _ = try await browser.signIn(fixtures.memberA.email)
            try await browser.get("/cities/alpha-city/targets/new")
            let refused = try await browser.post(
                "/cities/alpha-city/targets/new",
                [
                    ("kind", "base_year_absolute"), ("base_year", "2030"), ("target_year", "2020"), ("reduction_percent", "40"),
                    ("coverage", "basic"), ("gases", "all"), ("source", "Climate plan <script>"),
                ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.contains("must be after the base year 2030"))
            #expect(refused.contains("Climate plan &lt;script&gt;") && !refused.contains("Climate plan <script>"))
            let saved = try await browser.post(
                "/cities/alpha-city/targets/new",
                [
                    ("kind", "baseline_scenario"), ("target_year", "2030"), ("reduction_percent", "30"), ("coverage", "basic"),
                    ("gases", "all"), ("sectors", "I"), ("sectors", "II"), ("conditional", "true"), ("source", "NDC of the city"),
                ])
            #expect(saved.status == .seeOther)
            let record = try #require(try await CityTarget.query(on: harness.db).first())
            #expect(record.sectors == "I;II" && record.conditional && record.kind == "baseline_scenario")
            let id = try record.requireID()
            try await browser.get("/cities/alpha-city/targets/\(id)/edit")
            let edited = try await browser.post(
                "/cities/alpha-city/targets/\(id)/edit",
                [("kind", "fixed_level"), ("target_year", "2050"), ("target_level_tco2e", "0"), ("source", "NDC of the city")])
            #expect(edited.status == .seeOther)
            try await record.$city.load(on: harness.db)
            #expect(try await CityTarget.find(id, on: harness.db)?.targetLevel == 0)
            #expect((try await browser.get("/cities/alpha-city/targets")).contains("Net zero by 2050"))
            try await browser.get("/cities/alpha-city/targets")
            #expect(try await browser.post("/cities/alpha-city/targets/\(id)/delete", []).status == .seeOther)
            #expect(try await CityTarget.query(on: harness.db).count() == 0)
        }
    }
}
