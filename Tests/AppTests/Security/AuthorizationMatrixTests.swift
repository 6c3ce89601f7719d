import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import FluentKit
import Foundation
import HTTPTypes
import NIOCore
import Testing

@testable import App

/// Every role × every protected action, site and API. A row lists the status each role must get.
@Suite struct AuthorizationMatrixTests {
    typealias Who = RoleMatrix.Who

    typealias Row = RoleMatrix.Row

    static func everyone(_ status: HTTPResponse.Status) -> @Sendable (Who) -> HTTPResponse.Status { RoleMatrix.everyone(status) }

    static func only(_ allowed: Set<Who>, ok: HTTPResponse.Status, method: HTTPRequest.Method)
        -> @Sendable (Who) -> HTTPResponse.Status
    {
        RoleMatrix.only(allowed, ok: ok, method: method)
    }

    @Test func site_roleByRoute() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browsers = try await RoleMatrix.browsers(client, fixtures)
            let applicant = browsers[.applicant]!
            try await applicant.get("/membership/apply")
            let statusURL = try #require(
                try await applicant.post("/membership/apply", MembershipFlowTests.validApplication).location)
            let memberBID = try fixtures.memberB.requireID()
            let cityForm: [(String, String)] = [("name_en", "Alpha City"), ("country", "CN")]
            let orgForm: [(String, String)] = [("name_en", "Alpha City Government"), ("country", "CN"), ("status", "member")]
            let userForm: [(String, String)] = [
                ("name", "Bo Beta"), ("email", "b@example.org"), ("role", "member"),
                ("organisation", "beta-city-government"), ("is_active", "on"),
            ]
            let rows: [Row] = [
                Row(.get, "/cities", expected: Self.everyone(.ok)),
                Row(.get, "/cities/alpha-city", expected: Self.everyone(.ok)),
                Row(.get, "/organisations/alpha-city-government", expected: Self.everyone(.ok)),
                Row(.get, statusURL, expected: Self.everyone(.ok)),
                Row(.get, "/membership/status/not-a-token", expected: Self.everyone(.notFound)),
                Row(
                    .get, "/account", form: [],
                    expected: Self.only([.memberA, .memberB, .expert, .secretariat], ok: .ok, method: .get)),
                Row(
                    .get, "/cities/alpha-city/edit", form: [],
                    expected: Self.only([.memberA, .secretariat], ok: .ok, method: .get)),
                Row(
                    .post, "/cities/alpha-city/edit", form: cityForm,
                    expected: Self.only([.memberA, .secretariat], ok: .seeOther, method: .post)),
                Row(
                    .post, "/cities/alpha-city/facts",
                    form: [("indicator", "area"), ("year", "2020"), ("value", "12"), ("unit", "km2"), ("source", "test")],
                    expected: Self.only([.memberA, .secretariat], ok: .seeOther, method: .post)),
                Row(
                    .get, "/cities/beta-city/edit", form: [],
                    expected: Self.only([.memberB, .expert, .secretariat], ok: .ok, method: .get)),
                Row(
                    .get, "/organisations/alpha-city-government/edit", form: [],
                    expected: Self.only([.memberA, .secretariat], ok: .ok, method: .get)),
                Row(
                    .post, "/organisations/alpha-city-government/edit", form: orgForm,
                    expected: Self.only([.memberA, .secretariat], ok: .seeOther, method: .post)),
                Row(
                    .get, "/secretariat/applications", form: [],
                    expected: Self.only([.secretariat], ok: .ok, method: .get)),
                Row(
                    .get, "/secretariat/users", expected: Self.only([.secretariat], ok: .ok, method: .get)
                ),
                Row(
                    .get, "/secretariat/users/new", form: [],
                    expected: Self.only([.secretariat], ok: .ok, method: .get)),
                Row(
                    .post, "/secretariat/users/\(memberBID)", form: userForm,
                    expected: Self.only([.secretariat], ok: .seeOther, method: .post)),
                Row(
                    .get, "/secretariat/audit", expected: Self.only([.secretariat], ok: .ok, method: .get)
                ),
            ]
            try await RoleMatrix.check(rows, site: browsers)
            // Decisions on applications: only the secretariat (the others first, so the application is still pending).
            let id = try #require(try await MembershipApplication.query(on: harness.db).first()?.id)
            for who in Who.allCases {
                let page = try await browsers[who]!.post("/secretariat/applications/\(id)/approve", [])
                #expect(
                    page.status == Self.only([.secretariat], ok: .ok, method: .post)(who),
                    "\(who.rawValue) approve: got \(page.status.code)")
            }
        }
    }

    @Test func api_roleByRoute() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            var tokens: [Who: String] = [:]
            for (who, user) in [
                (Who.memberA, fixtures.memberA), (.memberB, fixtures.memberB), (.expert, fixtures.expert),
                (.secretariat, fixtures.secretariat),
            ] {
                tokens[who] = try await ApiTokens.create(for: try user.requireID(), label: "test", on: harness.db)
            }
            func call(_ who: Who, _ method: HTTPRequest.Method, _ path: String, _ json: String? = nil) async throws
                -> HTTPResponse.Status
            {
                var headers: HTTPFields = [:]
                if let token = tokens[who] { headers[.authorization] = "Bearer \(token)" }
                if json != nil { headers[.contentType] = "application/json" }
                return try await client.execute(
                    uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }
                ).status
            }
            let unauthenticated: Set<Who> = [.visitor, .applicant]
            for who in Who.allCases {
                #expect(try await call(who, .get, "/api/v1/cities") == .ok)
                #expect(try await call(who, .get, "/api/v1/me") == (unauthenticated.contains(who) ? .unauthorized : .ok))
                let list = try await call(who, .get, "/api/v1/membership-applications")
                #expect(
                    list == (unauthenticated.contains(who) ? .unauthorized : who == .secretariat ? .ok : .forbidden),
                    "\(who) list")
                let patch = try await call(who, .patch, "/api/v1/cities/alpha-city", #"{"region":"Patched"}"#)
                let expected: HTTPResponse.Status =
                    unauthenticated.contains(who) ? .unauthorized : [.memberA, .secretariat].contains(who) ? .ok : .forbidden
                #expect(patch == expected, "\(who) patch: \(patch.code)")
            }
            let wrong = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer lcc_wrong"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.contentType] == "application/problem+json")
        }
    }
}
