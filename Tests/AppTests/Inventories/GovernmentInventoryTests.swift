import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import App

/// Government-operations inventories: the same engine, states, versions and exports as the
/// community's, at their own URLs, shown beside the community's and never summed with them.
@Suite struct GovernmentInventoryTests {
    /// The municipality's own operations: its fleet's diesel and its buildings' gas.
    static let operationsCSV = """
        line_id,gpc_ref,activity_value,activity_unit,fuel,source
        fleet,II.1.1,100,t,Diesel Oil,Municipal fleet fuel cards
        town-hall,I.2.1,500,GJ,Natural Gas,Town hall gas bills
        """

    @Test func bothKinds_sameYear_ownPagesAndExports_neverSummed() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            try await InventoryTestSupport.draft(member, fixtures: fixtures, year: 2022)
            try await member.get("/cities/alpha-city/inventories/2022/import")
            try await member.upload(
                "/cities/alpha-city/inventories/2022/import", filename: "city.csv", content: InventoryTestSupport.smallCSV)

            try await member.get("/cities/alpha-city/inventories/new")
            let created = try await member.post(
                "/cities/alpha-city/inventories/new",
                [
                    ("year", "2022"), ("kind", "government"), ("level", "BASIC"), ("gwp_set", "AR5"),
                    ("boundary", "Own operations"),
                ])
            #expect(created.status == .seeOther && created.location == "/cities/alpha-city/inventories/2022/government")
            try await member.get("/cities/alpha-city/inventories/new")
            let again = try await member.post(
                "/cities/alpha-city/inventories/new",
                [("year", "2022"), ("kind", "government"), ("level", "BASIC"), ("gwp_set", "AR5"), ("boundary", "")])
            #expect(again.status == .unprocessableContent, "one government inventory per year")

            try await member.get("/cities/alpha-city/inventories/2022/government/import")
            let imported = try await member.upload(
                "/cities/alpha-city/inventories/2022/government/import", filename: "operations.csv", content: Self.operationsCSV)
            #expect(imported.status == .seeOther && imported.location == "/cities/alpha-city/inventories/2022/government")

            let community = try InventoryTestSupport.json(try await member.get("/cities/alpha-city/inventories/2022/export.json"))
            let government = try InventoryTestSupport.json(
                try await member.get("/cities/alpha-city/inventories/2022/government/export.json"))
            #expect(community["kind"] as? String == "community" && government["kind"] as? String == "government")
            // The community's total is still its own lines' (smallCSV: 56,266.5 t CO2e under AR5).
            InventoryTestSupport.close((community["totals"] as? [String: Any])?["basic"], 56_266.5)
            #expect((government["lines"] as? [[String: Any]])?.count == 2)

            let page = try await member.get("/cities/alpha-city/inventories/2022/government")
            #expect(page.status == .ok && page.contains("government operations inventory"))
            #expect(page.contains("href=\"/cities/alpha-city/inventories/2022/government/lines\""))
            let list = try await member.get("/cities/alpha-city/inventories")
            #expect(list.contains("Government operations inventories"))
            #expect(list.contains("href=\"/cities/alpha-city/inventories/2022/government\""))

            let workbook = try await member.download("/cities/alpha-city/inventories/2022/government/ecrf.xlsx")
            #expect(workbook.status == .ok)
            #expect(workbook.headers[.contentDisposition]?.contains("alpha-city-2022-government-ecrf.xlsx") == true)

            // A step of the life cycle on the government inventory leaves the community's alone.
            try await member.get("/cities/alpha-city/inventories/2022/government")
            #expect(
                try await member.post("/cities/alpha-city/inventories/2022/government/state", [("action", "submit")]).status
                    == .seeOther)
            let states = try InventoryTestSupport.json(try await member.get("/cities/alpha-city/inventories/2022/export.json"))
            #expect(states["state"] as? String == "draft")
        }
    }

    @Test func api_createsAndListsBothKinds() async throws {
        try await TestApp.run { client, harness in
            let (_, callers) = try await InventoryAPITests.callers(client, harness)
            let a = try #require(callers[.memberA])
            let created = try await a.call(
                .post, "/api/v1/cities/alpha-city/inventories", type: "application/json",
                body: #"{"year":2021,"kind":"government","level":"BASIC","gwp_set":"AR5"}"#)
            #expect(created.status == .created)
            #expect(created.location == "/api/v1/cities/alpha-city/inventories/2021/government")
            let document = try InventoryTestSupport.json(created)
            // 2021 takes the 2019 edition by default (compiled before the 2023 Guidebook).
            #expect((document["air_pollutants"] as? [String: Any])?["edition"] as? String == "2019")
            let put = try await a.call(
                .put, "/api/v1/cities/alpha-city/inventories/2021/government/lines", type: "text/csv", body: Self.operationsCSV)
            #expect(put.status == .ok, "\(put.body)")
            let community = try await a.call(
                .put, "/api/v1/cities/alpha-city/inventories/2021/lines", type: "text/csv", body: InventoryTestSupport.smallCSV)
            #expect(community.status == .created)
            let list = try InventoryTestSupport.json(try await a.call(.get, "/api/v1/cities/alpha-city/inventories"))
            let entries = try #require(list["inventories"] as? [[String: Any]])
            #expect(Set(entries.compactMap { $0["kind"] as? String }) == ["community", "government"])
            #expect(entries.contains { $0["url"] as? String == "/api/v1/cities/alpha-city/inventories/2021/government" })
            let bad = try await a.call(
                .post, "/api/v1/cities/alpha-city/inventories", type: "application/json",
                body: #"{"year":2020,"kind":"regional"}"#)
            #expect(bad.status == .unprocessableContent)
        }
    }

    /// The government routes in the role × action matrix: drafts are the city's editors' alone.
    @Test func site_roleByGovernmentInventoryAction() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let reference = try ReferenceData.shared.get()
            let service = InventoryService(db: harness.db, reference: reference, cache: ReadCache(), clock: AppClock())
            let lines = try InventoryCSV.read(
                Self.operationsCSV, parser: reference.parser, calculator: reference.calculator(set: .ar5)
            ).get()
            _ = try await service.create(
                city: fixtures.alphaCity, year: 2019, kind: .government, level: .basic, gwpSet: .ar5, boundary: "",
                lines: lines, by: nil)
            _ = try await service.create(
                city: fixtures.alphaCity, year: 2018, kind: .government, level: .basic, gwpSet: .ar5, boundary: "",
                lines: lines, state: .published, by: nil)
            let browsers = try await RoleMatrix.browsers(client, fixtures)
            let editors: Set<RoleMatrix.Who> = [.memberA, .secretariat]
            let status: @Sendable (RoleMatrix.Who, HTTPResponse.Status, HTTPRequest.Method) -> HTTPResponse.Status = {
                RoleMatrix.only(editors, ok: $1, method: $2)($0)
            }
            let draft = "/cities/alpha-city/inventories/2019/government"
            let published = "/cities/alpha-city/inventories/2018/government"
            let rows: [RoleMatrix.Row] = [
                RoleMatrix.Row(.get, published, expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "\(published)/ecrf.xlsx", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "\(published)/cdp.csv", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "\(published)/cdp.xlsx", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, draft, expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "\(draft)/lines", expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "\(draft)/ecrf.xlsx", expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "\(draft)/cdp.csv", expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "\(draft)/versions", expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "\(draft)/import", expected: { status($0, .ok, .get) }),
                RoleMatrix.Row(.get, "\(draft)/sectors/II", expected: { status($0, .ok, .get) }),
                RoleMatrix.Row(
                    .get, "/cities/alpha-city/inventories/2017/government/import", expected: { status($0, .notFound, .get) }),
                RoleMatrix.Row(
                    .post, "\(draft)/lines/new", form: [("gpc_ref", "I.2.1"), ("co2_t", "1")],
                    expected: { status($0, .seeOther, .post) }),
                RoleMatrix.Row(
                    .post, "\(draft)/settings", form: [("level", "BASIC"), ("gwp_set", "AR5"), ("air_edition", "2023")],
                    expected: { status($0, .seeOther, .post) }),
                RoleMatrix.Row(
                    .post, "\(published)/lines/new", form: [("gpc_ref", "I.2.1"), ("co2_t", "1")],
                    expected: { status($0, .conflict, .post) }),
            ]
            try await RoleMatrix.check(rows, site: browsers, refresh: "/cities/alpha-city/inventories")
        }
    }
}
