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

@Suite struct APITests {
    static func json(_ body: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
    }

    @Test func cities_paginatedList_andDetailBySlug() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let first = try await client.execute(uri: "/api/v1/cities?per_page=10&page=2", method: .get)
            #expect(first.status == .ok)
            let document = try Self.json(first.body)
            #expect(document["page"] as? Int == 2)
            #expect(document["per_page"] as? Int == 10)
            #expect(document["total"] as? Int == (try await City.query(on: harness.db).count()))
            #expect((document["items"] as? [Any])?.count == 10)
            let seoul = try Self.json(try await client.execute(uri: "/api/v1/cities/seoul", method: .get).body)
            #expect(seoul["slug"] as? String == "seoul")
            #expect((seoul["names"] as? [String: String])?["ko"] == "서울")
            let facts = try #require(seoul["facts"] as? [[String: Any]])
            #expect(facts.contains { $0["indicator"] as? String == "population" })
            // Only REPORTED and [VERIFIED-SRC] figures are verified; a transcription or a derived value is not.
            func verified(_ confidence: String) -> [Bool] {
                facts.filter { $0["confidence"] as? String == confidence }.compactMap { $0["verified"] as? Bool }
            }
            #expect(!verified("REPORTED").isEmpty && verified("REPORTED").allSatisfy { $0 })
            #expect(!verified("[VERIFIED-SRC]").isEmpty && verified("[VERIFIED-SRC]").allSatisfy { $0 })
            #expect(!verified("[TRANSCRIPTION]").isEmpty && verified("[TRANSCRIPTION]").allSatisfy { !$0 })
            #expect(verified("[VERIFIED-SRC]; DERIVED").allSatisfy { !$0 })
            let search = try Self.json(
                try await client.execute(uri: "/api/v1/cities?q=%E3%82%BD%E3%82%A6%E3%83%AB", method: .get).body)
            #expect((search["items"] as? [[String: Any]])?.first?["slug"] as? String == "seoul")
        }
    }

    @Test func errors_areProblemDocuments() async throws {
        try await TestApp.run { client, _ in
            let missing = try await client.execute(uri: "/api/v1/cities/nowhere", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "application/problem+json")
            let problem = try Self.json(missing.body)
            #expect(problem["status"] as? Int == 404)
            #expect(problem["type"] as? String == "/problems/not-found")
            let badPage = try await client.execute(uri: "/api/v1/cities?per_page=1000&page=0", method: .get)
            #expect(badPage.status == .unprocessableContent)
            let fields = try #require(try Self.json(badPage.body)["errors"] as? [[String: Any]]).compactMap {
                $0["field"] as? String
            }
            #expect(Set(fields) == ["page", "per_page"])
            // Page numbers that would overflow the row arithmetic are refused, not a crash.
            let huge = try await client.execute(uri: "/api/v1/cities?page=1313264433148487936", method: .get)
            #expect(huge.status == .unprocessableContent)
            let hugeSite = try await client.execute(uri: "/cities?page=9223372036854775807", method: .get)
            #expect(hugeSite.status == .ok)
            let wrongMethod = try await client.execute(uri: "/api/v1/cities", method: .delete)
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers[.allow]?.contains("GET") == true)
        }
    }

    @Test func membershipApplication_submitValidateApprove_overTheAPI() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let invalid = try await client.execute(
                uri: "/api/v1/membership-applications", method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"organisation_name":"","contact_email":"x"}"#))
            #expect(invalid.status == .unprocessableContent)
            let fields = try #require(try Self.json(invalid.body)["errors"] as? [[String: Any]]).compactMap {
                $0["field"] as? String
            }
            #expect(fields.contains("organisation_name") && fields.contains("contact_email") && fields.contains("accept_terms"))
            let notJSON = try await client.execute(
                uri: "/api/v1/membership-applications", method: .post,
                headers: [.contentType: "application/json"], body: ByteBuffer(string: "{nope"))
            #expect(notJSON.status == .badRequest)
            #expect(try await MembershipApplication.query(on: harness.db).count() == 0)

            let body =
                #"{"organisation_name":"Epsilon Institute","organisation_type":"research_institution","country":"JP","contact_name":"Eri","contact_email":"eri@example.jp","motivation":"We model urban energy systems for Japanese cities.","accept_terms":true}"#
            let created = try await client.execute(
                uri: "/api/v1/membership-applications", method: .post,
                headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
            #expect(created.status == .created)
            let statusURL = try #require(try Self.json(created.body)["status_url"] as? String)
            #expect(try Self.json(try await client.execute(uri: statusURL, method: .get).body)["status"] as? String == "pending")

            let token = try await ApiTokens.create(for: try fixtures.secretariat.requireID(), label: "t", on: harness.db)
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            let list = try Self.json(
                try await client.execute(uri: "/api/v1/membership-applications?status=pending", method: .get, headers: auth).body)
            let id = try #require((list["items"] as? [[String: Any]])?.first?["id"] as? String)
            let approved = try await client.execute(
                uri: "/api/v1/membership-applications/\(id)/approve", method: .post, headers: auth)
            #expect(approved.status == .ok)
            let approval = try Self.json(approved.body)
            #expect((approval["organisation"] as? [String: Any])?["slug"] as? String == "epsilon-institute")
            #expect((approval["setup_url"] as? String)?.hasPrefix("/account/setup/") == true)
            #expect(try Self.json(try await client.execute(uri: statusURL, method: .get).body)["status"] as? String == "approved")
        }
    }

    @Test func patchCity_validatesFields_andAppliesPartialChanges() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let token = try await ApiTokens.create(for: try fixtures.memberA.requireID(), label: "t", on: harness.db)
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let bad = try await client.execute(
                uri: "/api/v1/cities/alpha-city", method: .patch, headers: headers,
                body: ByteBuffer(string: #"{"latitude":123,"city_type":"castle"}"#))
            #expect(bad.status == .unprocessableContent)
            let fields = try #require(try Self.json(bad.body)["errors"] as? [[String: Any]]).compactMap { $0["field"] as? String }
            #expect(Set(fields) == ["latitude", "longitude", "city_type"])
            let good = try await client.execute(
                uri: "/api/v1/cities/alpha-city", method: .patch, headers: headers,
                body: ByteBuffer(string: #"{"latitude":26.65,"longitude":106.63,"region":null}"#))
            #expect(good.status == .ok)
            let city = try #require(try await CityQueries.bySlug("alpha-city", on: harness.db))
            #expect(city.latitude == 26.65)
            #expect(city.region == nil)
            #expect(city.nameEn == "Alpha City")
            let misspelt = try await client.execute(
                uri: "/api/v1/cities/alpha-city", method: .patch, headers: headers,
                body: ByteBuffer(string: #"{"regoin":"Typo"}"#))
            #expect(misspelt.status == .unprocessableContent)
            #expect(String(buffer: misspelt.body).contains(#""field":"regoin""#))
            let wrongType = try await client.execute(
                uri: "/api/v1/cities/alpha-city", method: .patch, headers: headers,
                body: ByteBuffer(string: #"{"latitude":"north"}"#))
            #expect(wrongType.status == .unprocessableContent)
        }
    }
}
