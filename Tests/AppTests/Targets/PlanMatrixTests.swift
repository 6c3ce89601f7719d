import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import App

/// Every role × every targets, forecast, actions and registry action, on the site and in the API.
@Suite struct PlanMatrixTests {
    typealias Who = AuthorizationMatrixTests.Who

    struct Records {
        let target: UUID
        let doomedTarget: UUID
        let action: UUID
        let doomedAction: UUID
    }

    static func records(_ fixtures: Fixtures, on db: any Database) async throws -> Records {
        try await TargetTestSupport.publish(fixtures.alphaCity, year: 2020, terajoules: 1000, on: db)
        let service = TargetService(db: db, clock: AppClock())
        let csv = """
            city,kind,base_year,target_year,reduction_percent,source,original_wording
            alpha-city,base_year_absolute,2020,2030,20,Plan,kept
            alpha-city,base_year_absolute,2020,2035,30,Plan,doomed
            """
        _ = try await service.importCSV(csv, city: nil, by: nil)
        let targets = try await CityTarget.query(on: db).all()
        let actions = ActionService(db: db, clock: AppClock())
        let (input, _) = ActionForm.validate(
            [
                "title_en": "Cycling lanes", "sector": "II", "action_type": "infrastructure", "owner": "Roads",
                "status": "planned",
                "start_year": "2023",
            ], coBenefits: [], tree: try ReferenceData.shared.get().tree, plans: [])
        let kept = try await actions.create(try #require(input), city: fixtures.alphaCity, by: nil)
        let doomed = try await actions.create(try #require(input), city: fixtures.alphaCity, by: nil)
        return Records(
            target: try #require(targets.first { $0.originalWording == "kept" }?.id),
            doomedTarget: try #require(targets.first { $0.originalWording == "doomed" }?.id),
            action: try kept.requireID(), doomedAction: try doomed.requireID())
    }

    @Test func site_roleByPlanAction() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let ids = try await Self.records(fixtures, on: harness.db)
            let browsers = try await RoleMatrix.browsers(client, fixtures)
            let editing: @Sendable (HTTPResponse.Status, HTTPRequest.Method) -> @Sendable (Who) -> HTTPResponse.Status = {
                RoleMatrix.only([.memberA, .secretariat], ok: $0, method: $1)
            }
            let city = "/cities/alpha-city"
            let targetForm: [(String, String)] = [
                ("kind", "base_year_absolute"), ("base_year", "2020"), ("target_year", "2040"), ("reduction_percent", "50"),
                ("coverage", "basic"), ("gases", "all"), ("source", "Matrix"),
            ]
            let actionForm: [(String, String)] = [
                ("title_en", "Matrix action"), ("sector", "I"), ("action_type", "policy"), ("owner", "Office"),
                ("status", "planned"),
                ("start_year", "2024"),
            ]
            let rows: [RoleMatrix.Row] = [
                RoleMatrix.Row(.get, "\(city)/targets", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "\(city)/forecast", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "\(city)/actions", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "\(city)/actions/\(ids.action)", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "\(city)/registry", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "\(city)/registry.json", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "/registry", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "/registry/targets.csv", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "/targets/template.csv", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "/targets/template", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "\(city)/targets/new", expected: editing(.ok, .get)),
                RoleMatrix.Row(.get, "\(city)/targets/\(ids.target)/edit", expected: editing(.ok, .get)),
                RoleMatrix.Row(.get, "\(city)/actions/new", expected: editing(.ok, .get)),
                RoleMatrix.Row(.get, "\(city)/actions/\(ids.action)/edit", expected: editing(.ok, .get)),
                RoleMatrix.Row(.post, "\(city)/targets/new", form: targetForm, expected: editing(.seeOther, .post)),
                RoleMatrix.Row(
                    .post, "\(city)/targets/\(ids.target)/edit", form: targetForm, expected: editing(.seeOther, .post)),
                RoleMatrix.Row(
                    .post, "\(city)/forecast",
                    form: [("base_year", "2020"), ("horizon_year", "2040"), ("population_growth", "1"), ("gdp_growth", "3")],
                    expected: editing(.seeOther, .post)),
                RoleMatrix.Row(.post, "\(city)/actions/new", form: actionForm, expected: editing(.seeOther, .post)),
                RoleMatrix.Row(
                    .post, "\(city)/actions/\(ids.action)/edit", form: actionForm, expected: editing(.seeOther, .post)),
                RoleMatrix.Row(
                    .post, "\(city)/actions/\(ids.action)/updates", form: [("on_date", "2024-01-01"), ("status", "in_progress")],
                    expected: editing(.seeOther, .post)),
                RoleMatrix.Row(
                    .post, "\(city)/action-plans", form: [("title", "Plan"), ("origin", "Training")],
                    expected: editing(.seeOther, .post)),
                // Deleting: the first editor to try succeeds, the next finds nothing. Members go
                // first for the target, the secretariat first for the action.
                RoleMatrix.Row(
                    .post, "\(city)/targets/\(ids.doomedTarget)/delete",
                    expected: { $0 == .secretariat ? .notFound : editing(.seeOther, .post)($0) }),
                RoleMatrix.Row(
                    .post, "\(city)/actions/\(ids.doomedAction)/delete", reversed: true,
                    expected: { $0 == .memberA ? .notFound : editing(.seeOther, .post)($0) }),
            ]
            try await RoleMatrix.check(rows, site: browsers, refresh: "\(city)/targets")
            // The CSV upload: editors import; others are refused before the file is read.
            for who in Who.allCases {
                let browser = browsers[who]!
                try await browser.get("\(city)/targets")
                let page = try await browser.upload(
                    "\(city)/targets/import", filename: "t.csv",
                    content:
                        "city,kind,target_year,target_level_tco2e,source\nalpha-city,fixed_level,2050,0,Upload by \(who.rawValue)\n"
                )
                #expect(
                    page.status == editing(.seeOther, .post)(who), "\(who.rawValue) upload: got \(page.status.code)")
            }
        }
    }

    @Test func api_roleByPlanAction() async throws {
        try await TestApp.run { client, harness in
            let (fixtures, callers) = try await InventoryAPITests.callers(client, harness)
            let ids = try await Self.records(fixtures, on: harness.db)
            let csv = "city,kind,target_year,target_level_tco2e,source\nalpha-city,fixed_level,2050,0,API\n"
            let action = """
                {"titles": {"en": "API action"}, "sector": "III", "action_type": "policy", "owner": "Waste Office", "start_year": 2024}
                """
            let update = #"{"date": "2024-03-01", "status": "in_progress"}"#
            let readable = [
                "/api/v1/cities/alpha-city/targets", "/api/v1/cities/alpha-city/actions", "/api/v1/cities/alpha-city/forecast",
                "/api/v1/cities/alpha-city/registry", "/api/v1/registry/targets", "/api/v1/registry/actions",
            ]
            try await RoleMatrix.check(
                readable.map { RoleMatrix.Row(.get, $0, expected: RoleMatrix.everyone(.ok)) } + [
                    // Anyone signed in may import targets; rows for cities they may not edit are refused by row.
                    RoleMatrix.Row(
                        .post, "/api/v1/targets", body: csv, type: "text/csv",
                        expected: RoleMatrix.api([.memberA, .secretariat], ok: .ok, otherwise: .unprocessableContent)),
                    RoleMatrix.Row(
                        .post, "/api/v1/cities/alpha-city/actions", body: action, type: "application/json",
                        expected: RoleMatrix.api([.memberA, .secretariat], ok: .created)),
                    RoleMatrix.Row(
                        .post, "/api/v1/cities/alpha-city/actions/\(ids.action)/updates", body: update, type: "application/json",
                        expected: RoleMatrix.api([.memberA, .secretariat], ok: .created)),
                ], api: callers)
            // Bad input gets a problem document naming the field.
            let bad = try await callers[.memberA]!.call(
                .post, "/api/v1/cities/alpha-city/actions", type: "application/json",
                body:
                    #"{"titles": {}, "sector": "VII", "action_type": "policy", "owner": "x", "start_year": 1800, "colour": "red"}"#
            )
            #expect(bad.status == .unprocessableContent && bad.contains("colour"))
            let invalid = try await callers[.memberA]!.call(
                .post, "/api/v1/cities/alpha-city/actions", type: "application/json",
                body: #"{"titles": {}, "sector": "VII", "action_type": "policy", "owner": "x", "start_year": 1800}"#)
            let problem = try InventoryTestSupport.json(invalid)
            let errors = try #require(problem["errors"] as? [[String: Any]])
            #expect(Set(errors.compactMap { $0["field"] as? String }).isSuperset(of: ["titles", "sector", "start_year"]))
            let file = try await callers[.memberA]!.call(
                .post, "/api/v1/targets", type: "text/csv",
                body: "city,kind,target_year,source\nalpha-city,base_year_absolute,2030,x\n")
            let rowErrors = try #require(try InventoryTestSupport.json(file)["errors"] as? [[String: Any]])
            #expect(rowErrors.contains { $0["row"] as? Int == 2 && $0["field"] as? String == "base_year" })
        }
    }
}
