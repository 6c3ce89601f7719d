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
    enum Who: String, CaseIterable, Sendable { case visitor, applicant, memberA, memberB, expert, secretariat }

    struct Row: Sendable {
        let method: HTTPRequest.Method
        let path: String
        let form: [(String, String)]
        let expected: [Who: HTTPResponse.Status]
    }

    static func everyone(_ status: HTTPResponse.Status) -> [Who: HTTPResponse.Status] {
        Dictionary(uniqueKeysWithValues: Who.allCases.map { ($0, status) })
    }

    /// signed-out → sign-in redirect (GET) or 401 (POST); others as given.
    static func only(_ allowed: Set<Who>, ok: HTTPResponse.Status, method: HTTPRequest.Method) -> [Who: HTTPResponse.Status] {
        var result: [Who: HTTPResponse.Status] = [:]
        for who in Who.allCases {
            if allowed.contains(who) {
                result[who] = ok
            } else if who == .visitor || who == .applicant {
                result[who] = method == .get ? .seeOther : .unauthorized
            } else {
                result[who] = .forbidden
            }
        }
        return result
    }

    @Test func site_roleByRoute() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browsers = try await Self.browsers(client, fixtures)
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
                Row(method: .get, path: "/cities", form: [], expected: Self.everyone(.ok)),
                Row(method: .get, path: "/cities/alpha-city", form: [], expected: Self.everyone(.ok)),
                Row(method: .get, path: "/organisations/alpha-city-government", form: [], expected: Self.everyone(.ok)),
                Row(method: .get, path: statusURL, form: [], expected: Self.everyone(.ok)),
                Row(method: .get, path: "/membership/status/not-a-token", form: [], expected: Self.everyone(.notFound)),
                Row(
                    method: .get, path: "/account", form: [],
                    expected: Self.only([.memberA, .memberB, .expert, .secretariat], ok: .ok, method: .get)),
                Row(
                    method: .get, path: "/cities/alpha-city/edit", form: [],
                    expected: Self.only([.memberA, .secretariat], ok: .ok, method: .get)),
                Row(
                    method: .post, path: "/cities/alpha-city/edit", form: cityForm,
                    expected: Self.only([.memberA, .secretariat], ok: .seeOther, method: .post)),
                Row(
                    method: .post, path: "/cities/alpha-city/facts",
                    form: [("indicator", "area"), ("year", "2020"), ("value", "12"), ("unit", "km2"), ("source", "test")],
                    expected: Self.only([.memberA, .secretariat], ok: .seeOther, method: .post)),
                Row(
                    method: .get, path: "/cities/beta-city/edit", form: [],
                    expected: Self.only([.memberB, .expert, .secretariat], ok: .ok, method: .get)),
                Row(
                    method: .get, path: "/organisations/alpha-city-government/edit", form: [],
                    expected: Self.only([.memberA, .secretariat], ok: .ok, method: .get)),
                Row(
                    method: .post, path: "/organisations/alpha-city-government/edit", form: orgForm,
                    expected: Self.only([.memberA, .secretariat], ok: .seeOther, method: .post)),
                Row(
                    method: .get, path: "/secretariat/applications", form: [],
                    expected: Self.only([.secretariat], ok: .ok, method: .get)),
                Row(
                    method: .get, path: "/secretariat/users", form: [], expected: Self.only([.secretariat], ok: .ok, method: .get)
                ),
                Row(
                    method: .get, path: "/secretariat/users/new", form: [],
                    expected: Self.only([.secretariat], ok: .ok, method: .get)),
                Row(
                    method: .post, path: "/secretariat/users/\(memberBID)", form: userForm,
                    expected: Self.only([.secretariat], ok: .seeOther, method: .post)),
                Row(
                    method: .get, path: "/secretariat/audit", form: [], expected: Self.only([.secretariat], ok: .ok, method: .get)
                ),
            ]
            for row in rows {
                for who in Who.allCases {
                    let browser = browsers[who]!
                    let page = row.method == .get ? try await browser.get(row.path) : try await browser.post(row.path, row.form)
                    #expect(
                        page.status == row.expected[who], "\(who.rawValue) \(row.method) \(row.path): got \(page.status.code)")
                }
            }
            // Decisions on applications: only the secretariat (the others first, so the application is still pending).
            let id = try #require(try await MembershipApplication.query(on: harness.db).first()?.id)
            for who in Who.allCases {
                let page = try await browsers[who]!.post("/secretariat/applications/\(id)/approve", [])
                #expect(
                    page.status == Self.only([.secretariat], ok: .ok, method: .post)[who],
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
