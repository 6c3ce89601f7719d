import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import App

@Suite struct InventoryAPITests {
    /// The fixtures and one API caller per role (`RoleMatrix.callers`).
    static func callers(_ client: any TestClientProtocol, _ harness: Harness) async throws -> (
        Fixtures, [RoleMatrix.Who: APICaller]
    ) {
        let fixtures = try await Fixtures.make(on: harness.db)
        return (fixtures, try await RoleMatrix.callers(client, fixtures, on: harness.db))
    }

    @Test func putCSV_createsTheInventory_andGetReturnsTotalsAndLines() async throws {
        try await TestApp.run { client, harness in
            let (_, callers) = try await Self.callers(client, harness)
            let a = callers[.memberA]!
            let created = try await a.call(
                .put, "/api/v1/cities/alpha-city/inventories/2021/lines?level=basic&gwp_set=AR4", type: "text/csv",
                body: InventoryTestSupport.smallCSV)
            #expect(created.status == .created)
            let document = try await a.call(.get, "/api/v1/cities/alpha-city/inventories/2021/export?format=json")
            let json = try InventoryTestSupport.json(document)
            #expect(json["gwp_set"] as? String == "AR4" && json["level"] as? String == "BASIC")
            let totals = try #require(json["totals"] as? [String: Any])
            // AR4: 56,100 + 5 × 25 + 0.1 × 298 = 56,254.8; nothing in IV/V, no scope 3: BASIC+ = BASIC.
            InventoryTestSupport.close(totals["basic"], 56_254.8)
            InventoryTestSupport.close(totals["basic_plus"], 56_254.8)
            #expect(totals["biogenic_co2"] is NSNull, "missing is null, never zero")
            let lines = try #require(json["lines"] as? [[String: Any]])
            #expect(lines.count == 2)
            InventoryTestSupport.close(lines[0]["co2e"], 56_254.8)
            #expect(lines[1]["status"] as? String == "NO")
            let csv = try await a.call(.get, "/api/v1/cities/alpha-city/inventories/2021/export?format=csv")
            #expect(csv.body.hasPrefix("line_id,gpc_ref"))
            // A draft is invisible to others.
            #expect(try await callers[.visitor]!.call(.get, "/api/v1/cities/alpha-city/inventories/2021").status == .notFound)
            #expect(try await callers[.memberB]!.call(.get, "/api/v1/cities/alpha-city/inventories/2021").status == .notFound)
            let list = try InventoryTestSupport.json(try await a.call(.get, "/api/v1/cities/alpha-city/inventories"))
            #expect((list["inventories"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func badCSV_is422_withRowAndField_andChangesNothing() async throws {
        try await TestApp.run { client, harness in
            let (_, callers) = try await Self.callers(client, harness)
            let a = callers[.memberA]!
            _ = try await a.call(
                .put, "/api/v1/cities/alpha-city/inventories/2021/lines", type: "text/csv", body: InventoryTestSupport.smallCSV)
            let bad = try await a.call(
                .put, "/api/v1/cities/alpha-city/inventories/2021/lines", type: "text/csv",
                body: "gpc_ref,co2_t,colour\nI.1.1,5,red\n")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.headers[.contentType] == "application/problem+json")
            let errors = try #require(try InventoryTestSupport.json(bad)["errors"] as? [[String: Any]])
            #expect(errors.first?["row"] as? Int == 1 && errors.first?["field"] as? String == "colour")
            let rows = try await a.call(
                .put, "/api/v1/cities/alpha-city/inventories/2021/lines", type: "text/csv",
                body: "gpc_ref,co2_t\nI.1.1,5\nI.1.1,-3\nI.9.9,1\n")
            let rowErrors = try #require(try InventoryTestSupport.json(rows)["errors"] as? [[String: Any]])
            #expect(rowErrors.map { $0["row"] as? Int } == [3, 4])
            #expect(rowErrors.map { $0["field"] as? String } == ["co2_t", "gpc_ref"])
            let versions = try InventoryTestSupport.json(
                try await a.call(.get, "/api/v1/cities/alpha-city/inventories/2021/versions"))
            #expect((versions["versions"] as? [[String: Any]])?.count == 1)
            #expect(
                try await a.call(.put, "/api/v1/cities/alpha-city/inventories/2021/lines", type: "application/json", body: "{}")
                    .status
                    == .unsupportedMediaType)
            #expect(
                try await a.call(.put, "/api/v1/cities/alpha-city/inventories/2021/lines", type: "text/csv", body: "").status
                    == .unprocessableContent)
            let huge = String(repeating: "I.1.1,1\n", count: UploadLimits.importBytes / 8 + 10)
            #expect(
                try await a.call(
                    .put, "/api/v1/cities/alpha-city/inventories/2021/lines", type: "text/csv", body: "gpc_ref,co2_t\n" + huge
                )
                .status == .contentTooLarge)
            #expect(
                try await a.call(
                    .put, "/api/v1/cities/alpha-city/inventories/2021/lines?gwp_set=AR9", type: "text/csv", body: "x"
                )
                .status == .unprocessableContent)
        }
    }

    @Test func transitions_followTheRules() async throws {
        try await TestApp.run { client, harness in
            let (fixtures, callers) = try await Self.callers(client, harness)
            let a = callers[.memberA]!
            let sec = callers[.secretariat]!
            let expert = callers[.expert]!
            _ = try await a.call(
                .put, "/api/v1/cities/alpha-city/inventories/2021/lines", type: "text/csv", body: InventoryTestSupport.smallCSV)
            let path = "/api/v1/cities/alpha-city/inventories/2021/transitions"
            #expect(try await a.call(.post, path, type: "application/json", body: #"{"action":"publish"}"#).status == .conflict)
            #expect(try await a.call(.post, path, type: "application/json", body: #"{"action":"submit"}"#).status == .ok)
            // The author cannot verify; an expert not named verifier cannot see the draft at all.
            #expect(try await a.call(.post, path, type: "application/json", body: #"{"action":"verify"}"#).status == .conflict)
            #expect(
                try await expert.call(.post, path, type: "application/json", body: #"{"action":"verify"}"#).status == .notFound)
            // Named by the secretariat, the expert verifies.
            let inventory = try #require(try await Inventory.query(on: harness.db).first())
            inventory.verifierID = try fixtures.expert.requireID()
            try await inventory.save(on: harness.db)
            #expect(try await expert.call(.post, path, type: "application/json", body: #"{"action":"verify"}"#).status == .ok)
            #expect(try await a.call(.post, path, type: "application/json", body: #"{"action":"publish"}"#).status == .ok)
            #expect(try await callers[.visitor]!.call(.get, "/api/v1/cities/alpha-city/inventories/2021").status == .ok)
            #expect(
                try await a.call(.post, path, type: "application/json", body: #"{"action":"fly"}"#).status
                    == .unprocessableContent)
            #expect(
                try await a.call(.post, path, type: "application/json", body: #"{"action":"return","extra":1}"#).status
                    == .unprocessableContent)
            #expect(
                try await sec.call(.post, path, type: "application/json", body: #"{"action":"return","comment":"Fix I.1.1"}"#)
                    .status
                    == .ok)
            let versions = try InventoryTestSupport.json(
                try await a.call(.get, "/api/v1/cities/alpha-city/inventories/2021/versions"))
            #expect((versions["versions"] as? [[String: Any]])?.first?["state"] as? String == "draft")
        }
    }

    @Test func roleByAction_matrix() async throws {
        try await TestApp.run { client, harness in
            let (_, callers) = try await Self.callers(client, harness)
            let create = #"{"year":2020,"level":"BASIC","gwp_set":"AR6"}"#
            // Rows run in the order of the roles: memberA creates first; the secretariat may too but
            // the year is then taken (409). Lines of another city's draft are not found for others.
            try await RoleMatrix.check(
                [
                    RoleMatrix.Row(
                        .post, "/api/v1/cities/alpha-city/inventories", body: create, type: "application/json",
                        expected: { $0 == .secretariat ? .conflict : RoleMatrix.api([.memberA], ok: .created)($0) }),
                    RoleMatrix.Row(
                        .put, "/api/v1/cities/alpha-city/inventories/2020/lines", body: InventoryTestSupport.smallCSV,
                        type: "text/csv", expected: RoleMatrix.api([.memberA, .secretariat], ok: .ok, otherwise: .notFound)),
                    RoleMatrix.Row(
                        .get, "/api/v1/cities/alpha-city/inventories/2020/export?format=cdp", body: nil, type: nil,
                        expected: { [.memberA, .secretariat].contains($0) ? .ok : .notFound }),
                    RoleMatrix.Row(
                        .get, "/api/v1/cities/alpha-city/inventories/2020/export?format=ecrf", body: nil, type: nil,
                        expected: { [.memberA, .secretariat].contains($0) ? .ok : .notFound }),
                    RoleMatrix.Row(
                        .post, "/api/v1/cities/alpha-city/inventories", body: #"{"year":2020,"kind":"government"}"#,
                        type: "application/json",
                        expected: { $0 == .secretariat ? .conflict : RoleMatrix.api([.memberA], ok: .created)($0) }),
                    RoleMatrix.Row(
                        .put, "/api/v1/cities/alpha-city/inventories/2020/government/lines",
                        body: GovernmentInventoryTests.operationsCSV, type: "text/csv",
                        expected: RoleMatrix.api([.memberA, .secretariat], ok: .ok, otherwise: .notFound)),
                ], api: callers)
            #expect(try await callers[.visitor]!.call(.get, "/api/v1/emission-factors?kind=grid").status == .ok)
            #expect(
                try await callers[.visitor]!.call(.get, "/api/v1/emission-factors?kind=nuclear").status == .unprocessableContent)
        }
    }
}
