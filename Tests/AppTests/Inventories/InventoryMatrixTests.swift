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
            let browsers = try await AuthorizationMatrixTests.browsers(client, fixtures)
            let editors: Set<Who> = [.memberA, .secretariat]
            // Editing routes run in the city-editor context: someone signed in who may not edit the
            // city gets 403 whatever the year names, so a draft's existence does not show either way.
            func status(_ who: Who, ok: HTTPResponse.Status, method: HTTPRequest.Method) -> HTTPResponse.Status {
                if editors.contains(who) { return ok }
                if who == .visitor || who == .applicant { return method == .get ? .seeOther : .unauthorized }
                return .forbidden
            }
            let draft = "/cities/alpha-city/inventories/2019"
            let rows: [(HTTPRequest.Method, String, [(String, String)], (Who) -> HTTPResponse.Status)] = [
                (.get, "/cities/alpha-city/inventories", [], { _ in .ok }),
                (.get, "/cities/alpha-city/inventories/2018", [], { _ in .ok }),
                (.get, draft, [], { editors.contains($0) ? .ok : .notFound }),
                (.get, "\(draft)/lines", [], { editors.contains($0) ? .ok : .notFound }),
                (.get, "\(draft)/export.json", [], { editors.contains($0) ? .ok : .notFound }),
                (.get, "\(draft)/versions", [], { editors.contains($0) ? .ok : .notFound }),
                (.get, "/cities/alpha-city/inventories/new", [], { status($0, ok: .ok, method: .get) }),
                (.get, "\(draft)/sectors/I", [], { status($0, ok: .ok, method: .get) }),
                (.get, "\(draft)/import", [], { status($0, ok: .ok, method: .get) }),
                (.get, "/cities/alpha-city/inventories/1999/import", [], { status($0, ok: .notFound, method: .get) }),
                (.get, "\(draft)/lines/new?ref=I.1.1", [], { status($0, ok: .ok, method: .get) }),
                (.get, "\(draft)/lines/\(rowID)", [], { status($0, ok: .ok, method: .get) }),
                (
                    .post, "\(draft)/lines/new", [("gpc_ref", "I.2.1"), ("co2_t", "1")],
                    { status($0, ok: .seeOther, method: .post) }
                ),
                (
                    .post, "\(draft)/settings", [("level", "BASIC"), ("gwp_set", "AR6"), ("boundary", "b")],
                    { status($0, ok: .seeOther, method: .post) }
                ),
                (.post, "\(draft)/versions/1/restore", [], { status($0, ok: .seeOther, method: .post) }),
                (
                    .post, "/cities/alpha-city/inventories/2018/verifier", [("verifier", "")],
                    { who in
                        who == .secretariat
                            ? .seeOther : (who == .visitor || who == .applicant) ? .unauthorized : .forbidden
                    }
                ),
                (
                    .post, "/cities/alpha-city/inventories/2018/lines/new", [("gpc_ref", "I.2.1"), ("co2_t", "1")],
                    { status($0, ok: .conflict, method: .post) }
                ),
            ]
            for (method, path, form, expected) in rows {
                for who in Who.allCases {
                    let browser = browsers[who]!
                    if method == .post { try await browser.get("/cities/alpha-city/inventories") }
                    let page = method == .get ? try await browser.get(path) : try await browser.post(path, form)
                    #expect(page.status == expected(who), "\(who.rawValue) \(method) \(path): got \(page.status.code)")
                }
            }
        }
    }
}
