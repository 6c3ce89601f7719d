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
            let browsers = try await AuthorizationMatrixTests.browsers(client, fixtures)
            let editors: Set<Who> = [.memberA, .secretariat]
            func status(_ who: Who, ok: HTTPResponse.Status, method: HTTPRequest.Method) -> HTTPResponse.Status {
                if editors.contains(who) { return ok }
                if who == .visitor || who == .applicant { return method == .get ? .seeOther : .unauthorized }
                return .forbidden
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
            typealias Row = (HTTPRequest.Method, String, [(String, String)], (Who) -> HTTPResponse.Status, Bool)
            let everyone: (Who) -> HTTPResponse.Status = { _ in .ok }
            let rows: [Row] = [
                (.get, "\(city)/targets", [], everyone, false),
                (.get, "\(city)/forecast", [], everyone, false),
                (.get, "\(city)/actions", [], everyone, false),
                (.get, "\(city)/actions/\(ids.action)", [], everyone, false),
                (.get, "\(city)/registry", [], everyone, false),
                (.get, "\(city)/registry.json", [], everyone, false),
                (.get, "/registry", [], everyone, false),
                (.get, "/registry/targets.csv", [], everyone, false),
                (.get, "/targets/template.csv", [], everyone, false),
                (.get, "/targets/template", [], everyone, false),
                (.get, "\(city)/targets/new", [], { status($0, ok: .ok, method: .get) }, false),
                (.get, "\(city)/targets/\(ids.target)/edit", [], { status($0, ok: .ok, method: .get) }, false),
                (.get, "\(city)/actions/new", [], { status($0, ok: .ok, method: .get) }, false),
                (.get, "\(city)/actions/\(ids.action)/edit", [], { status($0, ok: .ok, method: .get) }, false),
                (.post, "\(city)/targets/new", targetForm, { status($0, ok: .seeOther, method: .post) }, false),
                (.post, "\(city)/targets/\(ids.target)/edit", targetForm, { status($0, ok: .seeOther, method: .post) }, false),
                (
                    .post, "\(city)/forecast",
                    [("base_year", "2020"), ("horizon_year", "2040"), ("population_growth", "1"), ("gdp_growth", "3")],
                    { status($0, ok: .seeOther, method: .post) }, false
                ),
                (.post, "\(city)/actions/new", actionForm, { status($0, ok: .seeOther, method: .post) }, false),
                (.post, "\(city)/actions/\(ids.action)/edit", actionForm, { status($0, ok: .seeOther, method: .post) }, false),
                (
                    .post, "\(city)/actions/\(ids.action)/updates", [("on_date", "2024-01-01"), ("status", "in_progress")],
                    { status($0, ok: .seeOther, method: .post) }, false
                ),
                (
                    .post, "\(city)/action-plans", [("title", "Plan"), ("origin", "Training")],
                    { status($0, ok: .seeOther, method: .post) }, false
                ),
                // Deleting: the first editor to try succeeds, the next finds nothing. Members go
                // first for the target, the secretariat first for the action.
                (
                    .post, "\(city)/targets/\(ids.doomedTarget)/delete", [],
                    { $0 == .secretariat ? .notFound : status($0, ok: .seeOther, method: .post) }, false
                ),
                (
                    .post, "\(city)/actions/\(ids.doomedAction)/delete", [],
                    { $0 == .memberA ? .notFound : status($0, ok: .seeOther, method: .post) }, true
                ),
            ]
            for (method, path, form, expected, reversed) in rows {
                for who in reversed ? Who.allCases.reversed() : Who.allCases {
                    let browser = browsers[who]!
                    if method == .post { try await browser.get("\(city)/targets") }
                    let page = method == .get ? try await browser.get(path) : try await browser.post(path, form)
                    #expect(page.status == expected(who), "\(who.rawValue) \(method) \(path): got \(page.status.code)")
                }
            }
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
                    page.status == status(who, ok: .seeOther, method: .post), "\(who.rawValue) upload: got \(page.status.code)")
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
            let rows: [(HTTPRequest.Method, String, String?, String?, [String: HTTPResponse.Status])] = [
                (
                    .get, "/api/v1/cities/alpha-city/targets", nil, nil,
                    ["visitor": .ok, "a": .ok, "b": .ok, "expert": .ok, "sec": .ok]
                ),
                (
                    .get, "/api/v1/cities/alpha-city/actions", nil, nil,
                    ["visitor": .ok, "a": .ok, "b": .ok, "expert": .ok, "sec": .ok]
                ),
                (
                    .get, "/api/v1/cities/alpha-city/forecast", nil, nil,
                    ["visitor": .ok, "a": .ok, "b": .ok, "expert": .ok, "sec": .ok]
                ),
                (
                    .get, "/api/v1/cities/alpha-city/registry", nil, nil,
                    ["visitor": .ok, "a": .ok, "b": .ok, "expert": .ok, "sec": .ok]
                ),
                (.get, "/api/v1/registry/targets", nil, nil, ["visitor": .ok, "a": .ok, "b": .ok, "expert": .ok, "sec": .ok]),
                (.get, "/api/v1/registry/actions", nil, nil, ["visitor": .ok, "a": .ok, "b": .ok, "expert": .ok, "sec": .ok]),
                (
                    .post, "/api/v1/targets", "text/csv", csv,
                    ["visitor": .unauthorized, "a": .ok, "b": .unprocessableContent, "expert": .unprocessableContent, "sec": .ok]
                ),
                (
                    .post, "/api/v1/cities/alpha-city/actions", "application/json", action,
                    ["visitor": .unauthorized, "a": .created, "b": .forbidden, "expert": .forbidden, "sec": .created]
                ),
                (
                    .post, "/api/v1/cities/alpha-city/actions/\(ids.action)/updates", "application/json", update,
                    ["visitor": .unauthorized, "a": .created, "b": .forbidden, "expert": .forbidden, "sec": .created]
                ),
            ]
            for (method, path, type, body, expected) in rows {
                for (name, status) in expected {
                    let page = try await callers[name]!.call(method, path, type: type, body: body)
                    #expect(page.status == status, "\(name) \(method) \(path): got \(page.status.code) \(page.body.prefix(200))")
                }
            }
            // Bad input gets a problem document naming the field.
            let bad = try await callers["a"]!.call(
                .post, "/api/v1/cities/alpha-city/actions", type: "application/json",
                body:
                    #"{"titles": {}, "sector": "VII", "action_type": "policy", "owner": "x", "start_year": 1800, "colour": "red"}"#
            )
            #expect(bad.status == .unprocessableContent && bad.contains("colour"))
            let invalid = try await callers["a"]!.call(
                .post, "/api/v1/cities/alpha-city/actions", type: "application/json",
                body: #"{"titles": {}, "sector": "VII", "action_type": "policy", "owner": "x", "start_year": 1800}"#)
            let problem = try InventoryTestSupport.json(invalid)
            let errors = try #require(problem["errors"] as? [[String: Any]])
            #expect(Set(errors.compactMap { $0["field"] as? String }).isSuperset(of: ["titles", "sector", "start_year"]))
            let file = try await callers["a"]!.call(
                .post, "/api/v1/targets", type: "text/csv",
                body: "city,kind,target_year,source\nalpha-city,base_year_absolute,2030,x\n")
            let rowErrors = try #require(try InventoryTestSupport.json(file)["errors"] as? [[String: Any]])
            #expect(rowErrors.contains { $0["row"] as? Int == 2 && $0["field"] as? String == "base_year" })
        }
    }
}
