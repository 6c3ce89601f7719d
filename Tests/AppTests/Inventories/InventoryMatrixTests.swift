import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import App

/// Every role × every inventory action of the site: a row lists the status each role must get.
@Suite struct InventoryMatrixTests {
    typealias Who = AuthorizationMatrixTests.Who

    @Test func site_roleByInventoryAction() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let reference = try ReferenceData.shared.get()
            let service = InventoryService(db: harness.db, reference: reference, cache: ReadCache(), clock: AppClock())
            let lines = try InventoryCSV.read(
                InventoryTestSupport.smallCSV, parser: reference.parser, calculator: reference.calculator(set: .ar5)
            ).get()
            _ = try await service.create(
                city: fixtures.alphaCity, year: 2019, level: .basic, gwpSet: .ar5, boundary: "", lines: lines, by: nil)
            _ = try await service.create(
                city: fixtures.alphaCity, year: 2018, level: .basic, gwpSet: .ar5, boundary: "", lines: lines, state: .published,
                by: nil)
            let draftID = try #require(try await service.find(city: fixtures.alphaCity, year: 2019)?.id)
            let rowID = try #require(try await LineStore.load(draftID, on: harness.db).first?.rowID)
            let browsers = try await RoleMatrix.browsers(client, fixtures)
            let editors: Set<Who> = [.memberA, .secretariat]
            // Editing routes run in the city-editor context: someone signed in who may not edit the
            // city gets 403 whatever the year names, so a draft's existence does not show either way.
            let status: @Sendable (Who, HTTPResponse.Status, HTTPRequest.Method) -> HTTPResponse.Status = {
                RoleMatrix.only(editors, ok: $1, method: $2)($0)
            }
            let draft = "/cities/alpha-city/inventories/2019"
            let rows: [RoleMatrix.Row] = [
                RoleMatrix.Row(.get, "/cities/alpha-city/inventories", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "/cities/alpha-city/inventories/2018", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, draft, expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "\(draft)/lines", expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "\(draft)/export.json", expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "\(draft)/versions", expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "\(draft)/ecrf.xlsx", expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "\(draft)/cdp.csv", expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "\(draft)/cdp.xlsx", expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "/cities/alpha-city/inventories/2018/ecrf.xlsx", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "/cities/alpha-city/inventories/2018/cdp.csv", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "/cities/alpha-city/inventories/new", expected: { status($0, .ok, .get) }),
                RoleMatrix.Row(.get, "\(draft)/sectors/I", expected: { status($0, .ok, .get) }),
                RoleMatrix.Row(.get, "\(draft)/import", expected: { status($0, .ok, .get) }),
                RoleMatrix.Row(.get, "/cities/alpha-city/inventories/1999/import", expected: { status($0, .notFound, .get) }),
                RoleMatrix.Row(.get, "\(draft)/lines/new?ref=I.1.1", expected: { status($0, .ok, .get) }),
                RoleMatrix.Row(.get, "\(draft)/lines/\(rowID)", expected: { status($0, .ok, .get) }),
                RoleMatrix.Row(
                    .post, "\(draft)/lines/new", form: [("gpc_ref", "I.2.1"), ("co2_t", "1")],
                    expected: { status($0, .seeOther, .post) }),
                RoleMatrix.Row(
                    .post, "\(draft)/settings", form: [("level", "BASIC"), ("gwp_set", "AR6"), ("boundary", "b")],
                    expected: { status($0, .seeOther, .post) }),
                RoleMatrix.Row(.post, "\(draft)/versions/1/restore", expected: { status($0, .seeOther, .post) }),
                // Naming a verifier is the secretariat's, on any inventory.
                RoleMatrix.Row(
                    .post, "/cities/alpha-city/inventories/2018/verifier", form: [("verifier", "")],
                    expected: RoleMatrix.only([.secretariat], ok: .seeOther, method: .post)),
                RoleMatrix.Row(
                    .post, "/cities/alpha-city/inventories/2018/lines/new", form: [("gpc_ref", "I.2.1"), ("co2_t", "1")],
                    expected: { status($0, .conflict, .post) }),
            ]
            try await RoleMatrix.check(rows, site: browsers, refresh: "/cities/alpha-city/inventories")
        }
    }
}
