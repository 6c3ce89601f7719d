import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Indicators
import Testing

@testable import App

/// Assessments through the site and the API: computed items from the platform's data, values
/// entered by the city's editors, scores by hand, the workflow, and bad input changing nothing.
@Suite struct AssessmentFlowTests {
    /// Alpha City: a published 2020 inventory of 1,000 TJ of natural gas in homes (AR5:
    /// 56,100 + 5 × 28 + 0.1 × 265 = 56,266.5 t CO2e BASIC) and 5,000 people in 2020.
    static func alphaWithData(_ harness: Harness) async throws -> Fixtures {
        let fixtures = try await Fixtures.make(on: harness.db)
        try await TargetTestSupport.publish(fixtures.alphaCity, year: 2020, terajoules: 1000, on: harness.db)
        try await CityFact(
            cityID: try fixtures.alphaCity.requireID(), indicator: "population", year: 2020, value: 5000, unit: "persons",
            source: "test census", confidence: "REPORTED", note: "census (resident)"
        ).create(on: harness.db)
        return fixtures
    }

    @Test func computedAndEnteredItems_scoreByTheirRules() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let fixtures = try await Self.alphaWithData(harness)
            let path = "/cities/alpha-city/assessments/lcc-index/2020"
            // Before anything is entered: the computed items only, the entered ones missing.
            let visitor = Browser(client)
            let before = try InventoryTestSupport.json(
                try await visitor.get("/api/v1/cities/alpha-city/assessments/lcc-index/2020"))
            #expect(before["state"] is NSNull)
            let em01 = try #require(try Self.item(before, "EM01"))
            // 56,266.5 t ÷ 5,000 people = 11.2533 t/person; linear, lower is better, 0 at 15, 100 at 2:
            // (15 − 11.2533) ÷ (15 − 2) × 100 = 28.8208.
            InventoryTestSupport.close(em01["value"], 56_266.5 / 5000)
            InventoryTestSupport.close(em01["score"], (15 - 56_266.5 / 5000) / 13 * 100)
            #expect((em01["inputs"] as? [String])?.contains { $0.contains("population 2020") } == true)
            let en02 = try #require(try Self.item(before, "EN02"))
            #expect(en02["status"] as? String == "missing" && en02["score"] is NSNull, "missing is never 0")
            // The city's editor enters a renewable share of 30 % and a climate plan at level 2 of 3.
            let editor = Browser(client)
            #expect(try await editor.signIn(fixtures.memberA.email).status == .seeOther)
            try await editor.get("\(path)/edit")
            let saved = try await editor.post(
                "\(path)/edit",
                [
                    ("value_EN02", "30"), ("evidence_EN02", "Energy statistics 2020, table 3"), ("level_PO05", "2"),
                    ("evidence_PO05", "https://example.org/plan.pdf"), ("comment_PO05", "Adopted 2019"),
                ])
            #expect(saved.status == .seeOther, "\(saved.body.prefix(2000))")
            let api = try InventoryTestSupport.json(
                try await RoleMatrix.callers(client, fixtures, on: harness.db)[.memberA]!
                    .call(.get, "/api/v1/cities/alpha-city/assessments/lcc-index/2020"))
            #expect(api["state"] as? String == "draft" && api["version"] as? Int == 1)
            // EN02: linear 0 → 60 %, higher is better: 30 ÷ 60 × 100 = 50. PO05: level 2 of 3 = 66.67.
            InventoryTestSupport.close(try Self.item(api, "EN02")?["score"], 50)
            InventoryTestSupport.close(try Self.item(api, "PO05")?["score"], 200.0 / 3)
            #expect((try Self.item(api, "PO05")?["evidence"] as? [String]) == ["https://example.org/plan.pdf"])
            // The composite rests on too few items (no GDP, no base year …): not shown, and says so.
            let composite = try #require(api["composite"] as? [String: Any])
            #expect(composite["score"] is NSNull && (composite["not_shown_reason"] as? String)?.isEmpty == false)
            // A draft is not public.
            #expect(try await visitor.get("/api/v1/cities/alpha-city/assessments/lcc-index/2020").status == .notFound)
            #expect(try await visitor.get(path).status == .notFound)
        }
    }

    @Test func badValues_areRefusedByItem_andNothingChanges() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let fixtures = try await Self.alphaWithData(harness)
            let path = "/cities/alpha-city/assessments/lcc-index/2020"
            let editor = Browser(client)
            _ = try await editor.signIn(fixtures.memberA.email)
            try await editor.get("\(path)/edit")
            // Level 7 on a 0–3 scale; a renewable share without its required evidence.
            let refused = try await editor.post("\(path)/edit", [("level_PO05", "7"), ("value_EN02", "30")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.contains("PO05") && refused.contains("EN02"))
            #expect(try await AssessmentRecord.query(on: harness.db).count() == 0)
            // Through the API: a value in a unit that does not convert, named with its row and column.
            let callers = try await RoleMatrix.callers(client, fixtures, on: harness.db)
            let csv = "item_id,value,level,unit,evidence,comment,excluded_reason\nEN02,30,,kg,stats,,\n"
            let problem = try await callers[.memberA]!.call(.put, "/api/v1\(path)", type: "text/csv", body: csv)
            #expect(problem.status == .unprocessableContent, "\(problem.body)")
            let errors = try #require(try InventoryTestSupport.json(problem)["errors"] as? [[String: Any]])
            #expect(errors.contains { $0["row"] as? Int == 2 && $0["field"] as? String == "unit" })
            #expect(try await AssessmentRecord.query(on: harness.db).count() == 0)
            // The same as JSON, correct: accepted, scores out.
            let accepted = try await callers[.memberA]!.call(
                .put, "/api/v1\(path)", type: "application/json",
                body: #"{"values": [{"item": "EN02", "value": 30, "unit": "%", "evidence": ["Energy statistics 2020"]}]}"#)
            #expect(accepted.status == .ok, "\(accepted.body)")
            InventoryTestSupport.close(try Self.item(try InventoryTestSupport.json(accepted), "EN02")?["score"], 50)
        }
    }

    @Test func workflow_submitPublishReturn() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let fixtures = try await Self.alphaWithData(harness)
            let path = "/cities/alpha-city/assessments/lcc-index/2020"
            let editor = Browser(client)
            _ = try await editor.signIn(fixtures.memberA.email)
            try await editor.get("\(path)/edit")
            #expect(try await editor.post("\(path)/edit", [("level_PO06", "1"), ("evidence_PO06", "doc")]).status == .seeOther)
            try await editor.get(path)
            #expect(try await editor.post("\(path)/state", [("action", "publish")]).status == .forbidden)
            #expect(try await editor.post("\(path)/state", [("action", "submit")]).status == .seeOther)
            // Submitted: no more changes by the city.
            #expect(try await editor.get("\(path)/edit").status == .conflict)
            let secretariat = Browser(client)
            _ = try await secretariat.signIn(fixtures.secretariat.email)
            try await secretariat.get(path)
            #expect(try await secretariat.post("\(path)/state", [("action", "return")]).status == .unprocessableContent)
            #expect(try await secretariat.post("\(path)/state", [("action", "publish")]).status == .seeOther)
            let visitor = Browser(client)
            let page = try await visitor.get(path)
            #expect(page.status == .ok && page.contains("published"))
            let versions = try await AssessmentRecord.query(on: harness.db).first()?.version
            #expect(versions == 3)
        }
    }

    static func item(_ document: [String: Any], _ id: String) throws -> [String: Any]? {
        (document["items"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }
}
