import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import App

@Suite struct InventoryFlowTests {
    /// The demo inventory's totals and every line's CO2e equal an independent calculation done
    /// in exact fractions from the reference files (scripts/expected_demo_inventory.py).
    @Test func demoInventory_matchesTheIndependentHandCalculation() async throws {
        try await TestApp.run(seed: true) { client, _ in
            let page = try await Browser(client).get("/api/v1/cities/guiyang/inventories/2021")
            #expect(page.status == .ok)
            let document = try InventoryTestSupport.json(page)
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "../../../Sources/App/Resources/seed/inventories/guiyang-2021.expected.json")
            let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let expectedTotals = try #require(expected["totals"] as? [String: Any])
            let totals = try InventoryTestSupport.totals(page)
            for key in ["territorial", "basic", "basic_plus", "biogenic_co2"] {
                InventoryTestSupport.close(totals[key], try #require(expectedTotals[key] as? NSNumber).doubleValue)
            }
            let lines = try #require(document["lines"] as? [[String: Any]])
            let expectedLines = try #require(expected["lines"] as? [[String: Any]])
            let byID = Dictionary(
                uniqueKeysWithValues: lines.compactMap { line -> (String, [String: Any])? in
                    guard let input = line["input"] as? [String: String], let id = input["line_id"] else { return nil }
                    return (id, line)
                })
            #expect(expectedLines.count > 25)
            for expectedLine in expectedLines {
                let id = try #require(expectedLine["line_id"] as? String)
                let line = try #require(byID[id], "line \(id)")
                InventoryTestSupport.close(line["co2e"], try #require(expectedLine["co2e_t"] as? NSNumber).doubleValue)
            }
            #expect((document["completeness"] as? [String: Any])?["missing"] as? [String] == [])
            #expect(document["illustrative"] as? Bool == true)
        }
    }

    @Test func member_creates_addsALineWithALibraryFactor_andSomeoneElseVerifies() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            try await InventoryTestSupport.draft(member, fixtures: fixtures, gwp: "AR6")
            let factorID = "ipcc2006-stationary-residential-and-agriculture-forestry-fishing-stationary-natural-gas"
            let form = try await member.get("/cities/alpha-city/inventories/2022/lines/new?ref=I.1.1")
            #expect(form.status == .ok)
            #expect(form.contains(factorID) && form.contains("IPCC"))
            let added = try await member.post(
                "/cities/alpha-city/inventories/2022/lines/new",
                [
                    ("gpc_ref", "I.1.1"), ("activity_value", "1000"), ("activity_unit", "TJ"), ("factor", factorID),
                    ("data_quality", "H"),
                ])
            #expect(added.status == .seeOther)
            let bad = try await member.post(
                "/cities/alpha-city/inventories/2022/lines/new", [("gpc_ref", "I.7.1"), ("notation_key", "NO")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.contains("is required with a notation key"))

            let export = try await member.get("/cities/alpha-city/inventories/2022/export.json")
            // AR6, fossil CH4: 1,000 TJ × (56,100 + 5 × 29.8 + 0.1 × 273) kg/TJ = 56,276.3 t CO2e
            InventoryTestSupport.close(try InventoryTestSupport.totals(export)["basic"], 56_276.3)
            let line = try #require((try InventoryTestSupport.json(export)["lines"] as? [[String: Any]])?.first)
            let input = try #require(line["input"] as? [String: String])
            #expect(input["ef_co2"] == "56100" && input["fuel"] == "Natural Gas" && input["source"]?.contains(factorID) == true)

            let visitor = Browser(client)
            #expect(try await visitor.get("/cities/alpha-city/inventories/2022").status == .notFound)

            try await member.get("/cities/alpha-city/inventories/2022")
            #expect(
                try await member.post("/cities/alpha-city/inventories/2022/state", [("action", "submit")]).status == .seeOther)
            #expect(
                try await member.post("/cities/alpha-city/inventories/2022/state", [("action", "verify")]).status == .conflict)
            let secretariat = Browser(client)
            _ = try await secretariat.signIn(fixtures.secretariat.email)
            try await secretariat.get("/cities/alpha-city/inventories/2022")
            #expect(
                try await secretariat.post("/cities/alpha-city/inventories/2022/state", [("action", "verify")]).status
                    == .seeOther)
            #expect(
                try await member.post("/cities/alpha-city/inventories/2022/state", [("action", "publish")]).status == .seeOther)
            let published = try await visitor.get("/cities/alpha-city/inventories/2022")
            #expect(published.status == .ok)
            #expect(published.contains("56,276") && published.contains("CH4 = 29.8"))
            // A published inventory is not edited in place.
            let late = try await member.post(
                "/cities/alpha-city/inventories/2022/lines/new", [("gpc_ref", "I.2.1"), ("co2_t", "5")])
            #expect(late.status == .conflict)
            // Returning to draft needs a reason.
            #expect(
                try await member.post("/cities/alpha-city/inventories/2022/state", [("action", "return")]).status
                    == .unprocessableContent)
            // A visitor saw the published page (now cached); back in draft it is gone at once.
            #expect(try await visitor.get("/cities/alpha-city/inventories/2022").status == .ok)
            #expect(
                try await member.post(
                    "/cities/alpha-city/inventories/2022/state", [("action", "return"), ("comment", "Fix I.1.1")]
                )
                .status == .seeOther)
            #expect(try await visitor.get("/cities/alpha-city/inventories/2022").status == .notFound)
        }
    }

    @Test func import_isAllOrNothing_andNamesRowAndColumn() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            try await InventoryTestSupport.draft(member, fixtures: fixtures)
            try await member.get("/cities/alpha-city/inventories/2022/import")
            let good = try await member.upload(
                "/cities/alpha-city/inventories/2022/import", filename: "alpha.csv", content: InventoryTestSupport.smallCSV)
            #expect(good.status == .seeOther)
            let before = try await member.get("/cities/alpha-city/inventories/2022/export.json")
            // 56,100 + 5 × 28 + 0.1 × 265 = 56,266.5 (AR5)
            InventoryTestSupport.close(try InventoryTestSupport.totals(before)["basic"], 56_266.5)

            try await member.get("/cities/alpha-city/inventories/2022/import")
            let broken = InventoryTestSupport.smallCSV + "\nbad,I.2.1,,,10,barrels,,1,,,kg/TJ,x\n"
            let refused = try await member.upload(
                "/cities/alpha-city/inventories/2022/import", filename: "alpha.csv", content: broken)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.contains("<td>4</td>") && refused.contains("activity_unit") && refused.contains("barrels"))
            let after = try await member.get("/cities/alpha-city/inventories/2022/export.json")
            #expect(
                try InventoryTestSupport.json(after)["version"] as? Int == InventoryTestSupport.json(before)["version"] as? Int)

            try await member.get("/cities/alpha-city/inventories/2022/import")
            let sheet = try await member.upload(
                "/cities/alpha-city/inventories/2022/import", filename: "alpha.xlsx",
                contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content: "PK\u{3}\u{4}")
            // An .xlsx file is read as an eCRF workbook now: four bytes are not one.
            #expect(sheet.status == .unprocessableContent && !sheet.contains("not a CSV file"))
            try await member.get("/cities/alpha-city/inventories/2022/import")
            let noToken = try await member.upload(
                "/cities/alpha-city/inventories/2022/import", filename: "alpha.csv", content: InventoryTestSupport.smallCSV,
                withToken: false)
            #expect(noToken.status == .forbidden)
        }
    }

    @Test func versions_compare_andRestore() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            try await InventoryTestSupport.draft(member, fixtures: fixtures)
            try await member.get("/cities/alpha-city/inventories/2022/import")
            _ = try await member.upload(
                "/cities/alpha-city/inventories/2022/import", filename: "a.csv", content: InventoryTestSupport.smallCSV)
            try await member.get("/cities/alpha-city/inventories/2022/import")
            let changed = InventoryTestSupport.smallCSV.replacingOccurrences(of: "1000,TJ", with: "2000,TJ")
            _ = try await member.upload("/cities/alpha-city/inventories/2022/import", filename: "b.csv", content: changed)
            let doubled = try await member.get("/cities/alpha-city/inventories/2022/export.json")
            InventoryTestSupport.close(try InventoryTestSupport.totals(doubled)["basic"], 2 * 56_266.5)

            let compare = try await member.get("/cities/alpha-city/inventories/2022/versions/compare?from=2&to=3")
            #expect(compare.status == .ok)
            #expect(compare.contains("id:gas") && compare.contains("1000") && compare.contains("2000"))
            let list = try await member.get("/cities/alpha-city/inventories/2022/versions")
            #expect(list.contains("Imported 2 lines from a.csv"))
            #expect(try await member.post("/cities/alpha-city/inventories/2022/versions/2/restore", []).status == .seeOther)
            let restored = try await member.get("/cities/alpha-city/inventories/2022/export.json")
            InventoryTestSupport.close(try InventoryTestSupport.totals(restored)["basic"], 56_266.5)
            #expect(try InventoryTestSupport.json(restored)["version"] as? Int == 4)
        }
    }

    @Test func pages_render_forEveryone_andLinkFiguresToLines() async throws {
        try await TestApp.run(seed: true) { client, _ in
            let visitor = Browser(client)
            let page = try await visitor.get("/cities/guiyang/inventories/2021")
            #expect(page.status == .ok)
            #expect(page.contains("<svg") && page.contains("Illustrative inventory"))
            #expect(page.contains("/cities/guiyang/inventories/2021/lines?sector=I&amp;scope=1"))
            let lines = try await visitor.get("/cities/guiyang/inventories/2021/lines?sector=I&scope=1")
            #expect(lines.status == .ok && lines.contains("Natural Gas"))
            #expect(try await visitor.get("/cities/guiyang/inventories/2021/lines?scope=7").status == .unprocessableContent)
            #expect(try await visitor.get("/cities/guiyang/inventories").contains("CEADs"))
            #expect(try await visitor.get("/inventories").status == .ok)
            #expect(try await visitor.get("/inventories/template").contains("methane_commitment"))
            let template = try await visitor.get("/inventories/template.csv")
            #expect(template.body.hasPrefix("line_id,gpc_ref,notation_key"))
            #expect(try await visitor.get("/emission-factors?kind=grid").contains("China"))
            let csv = try await visitor.get("/cities/guiyang/inventories/2021/export.csv")
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let table = try await visitor.get("/cities/guiyang/inventories/2021/reporting-table.csv")
            #expect(table.contains("I.4.4") && table.contains("basic_plus"))
            for lang in ["zh", "ja", "ko"] {
                #expect(try await visitor.get("/cities/guiyang/inventories/2021?lang=\(lang)").status == .ok)
            }
        }
    }

    @Test func userDefinedFactor_isOfferedAndCited_andOnlyEditorsAddOne() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            try await InventoryTestSupport.draft(member, fixtures: fixtures)
            try await member.get("/cities/alpha-city/emission-factors")
            let bad = try await member.post(
                "/cities/alpha-city/emission-factors",
                [("name", "Local gas"), ("co2", "55000"), ("unit", "kilos"), ("gpc_refs", "I.1.1 X.1"), ("publisher", "Gas Co")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.contains("f-unit") && bad.contains("f-gpc_refs"))
            let added = try await member.post(
                "/cities/alpha-city/emission-factors",
                [
                    ("name", "Alpha city gas (utility analysis)"), ("fuel", "Natural Gas"), ("co2", "55000"), ("unit", "kg/TJ"),
                    ("gpc_refs", "I.1.1 I.2.1"), ("publisher", "Alpha Gas Co"), ("year", "2021"),
                ])
            #expect(added.status == .seeOther)
            let record = try #require(try await CustomFactor.query(on: harness.db).first())
            let id = "custom-\(try record.requireID().uuidString.lowercased())"
            let form = try await member.get("/cities/alpha-city/inventories/2022/lines/new?ref=I.1.1")
            #expect(form.contains(id) && form.contains("USER-DEFINED"))
            #expect(
                try await member.post(
                    "/cities/alpha-city/inventories/2022/lines/new",
                    [("gpc_ref", "I.1.1"), ("activity_value", "10"), ("activity_unit", "TJ"), ("factor", id)]
                ).status == .seeOther)
            let export = try await member.get("/cities/alpha-city/inventories/2022/export.json")
            // 10 TJ × 55,000 kg/TJ = 550 t CO2 (only CO2 given: CH4 and N2O are missing, not zero)
            InventoryTestSupport.close(try InventoryTestSupport.totals(export)["basic"], 550)
            #expect(export.contains(id))
            let other = Browser(client)
            _ = try await other.signIn(fixtures.memberB.email)
            try await other.get("/cities/alpha-city/emission-factors")
            #expect(
                try await other.post(
                    "/cities/alpha-city/emission-factors",
                    [("name", "x"), ("co2", "1"), ("unit", "kg/TJ"), ("gpc_refs", "I.1.1"), ("publisher", "x")]
                ).status == .forbidden)
            #expect(try await Browser(client).get("/cities/alpha-city/emission-factors").contains("Alpha city gas"))
        }
    }
}
