import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import App

@Suite struct InventoryAPITests {
    struct Caller {
        let client: any TestClientProtocol
        let token: String?

        func call(_ method: HTTPRequest.Method, _ path: String, type: String? = nil, body: String? = nil) async throws -> Page {
            var headers: HTTPFields = [:]
            if let token { headers[.authorization] = "Bearer \(token)" }
            if let type { headers[.contentType] = type }
            let response = try await client.execute(
                uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
    }

    static func callers(_ client: any TestClientProtocol, _ harness: Harness) async throws -> (Fixtures, [String: Caller]) {
        let fixtures = try await Fixtures.make(on: harness.db)
        var callers = ["visitor": Caller(client: client, token: nil)]
        for (name, user) in [
            ("a", fixtures.memberA), ("b", fixtures.memberB), ("sec", fixtures.secretariat), ("expert", fixtures.expert),
        ] {
            callers[name] = Caller(
                client: client, token: try await ApiTokens.create(for: try user.requireID(), label: "t", on: harness.db))
        }
        return (fixtures, callers)
    }

    @Test func putCSV_createsTheInventory_andGetReturnsTotalsAndLines() async throws {
        try await TestApp.run { client, harness in
            let (_, callers) = try await Self.callers(client, harness)
            let a = callers["a"]!
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
            #expect(try await callers["visitor"]!.call(.get, "/api/v1/cities/alpha-city/inventories/2021").status == .notFound)
            #expect(try await callers["b"]!.call(.get, "/api/v1/cities/alpha-city/inventories/2021").status == .notFound)
            let list = try InventoryTestSupport.json(try await a.call(.get, "/api/v1/cities/alpha-city/inventories"))
            #expect((list["inventories"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func badCSV_is422_withRowAndField_andChangesNothing() async throws {
        try await TestApp.run { client, harness in
            let (_, callers) = try await Self.callers(client, harness)
            let a = callers["a"]!
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
            let a = callers["a"]!
            let sec = callers["sec"]!
            let expert = callers["expert"]!
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
            #expect(try await callers["visitor"]!.call(.get, "/api/v1/cities/alpha-city/inventories/2021").status == .ok)
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
            let expected: [String: HTTPResponse.Status] = [
                "visitor": .unauthorized, "a": .created, "b": .forbidden, "expert": .forbidden, "sec": .conflict,
            ]
            // memberA creates first; the secretariat may too but the year is then taken (409).
            for name in ["visitor", "a", "b", "expert", "sec"] {
                let status = try await callers[name]!.call(
                    .post, "/api/v1/cities/alpha-city/inventories", type: "application/json", body: create
                ).status
                #expect(status == expected[name], "\(name) create: \(status.code)")
            }
            let put: [String: HTTPResponse.Status] = [
                "visitor": .unauthorized, "a": .ok, "b": .notFound, "expert": .notFound, "sec": .ok,
            ]
            for name in ["visitor", "a", "b", "expert", "sec"] {
                let status = try await callers[name]!.call(
                    .put, "/api/v1/cities/alpha-city/inventories/2020/lines", type: "text/csv",
                    body: InventoryTestSupport.smallCSV
                ).status
                #expect(status == put[name], "\(name) import: \(status.code)")
            }
            #expect(try await callers["visitor"]!.call(.get, "/api/v1/emission-factors?kind=grid").status == .ok)
            #expect(
                try await callers["visitor"]!.call(.get, "/api/v1/emission-factors?kind=nuclear").status == .unprocessableContent)
        }
    }
}
