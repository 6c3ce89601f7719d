import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import NIOCore
import FluentKit
import Foundation
import Testing

@testable import App

@Suite struct MembershipFlowTests {
    static let validApplication: [(String, String)] = [
        ("organisation_name", "Gamma City Government"), ("organisation_local_name", "감마시"),
        ("organisation_type", "local_government"), ("country", "KR"), ("city", "beta-city"), ("city_name", ""),
        ("contact_name", "Gil Gamma"), ("contact_email", "Gil@Example.org"), ("website", "https://gamma.example.org"),
        ("motivation", "We run a low-carbon transport programme and want to share it."), ("accept_terms", "yes"),
    ]

    @Test func apply_thenApprove_thenSetPassword_thenEditOwnCity() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let applicant = Browser(client)
            try await applicant.get("/membership/apply")
            let submitted = try await applicant.post("/membership/apply", Self.validApplication)
            #expect(submitted.status == .seeOther)
            let statusURL = try #require(submitted.location)
            #expect(statusURL.hasPrefix("/membership/status/"))
            let pending = try await applicant.get(statusURL)
            #expect(pending.contains(#"data-status="pending""#))

            let secretariat = Browser(client)
            #expect(try await secretariat.signIn(fixtures.secretariat.email).status == .seeOther)
            let queue = try await secretariat.get("/secretariat/applications")
            #expect(queue.contains("Gamma City Government"))
            let application = try #require(try await MembershipApplication.query(on: harness.db).first())
            try await secretariat.get("/secretariat/applications/\(try application.requireID())")
            let approved = try await secretariat.post(
                "/secretariat/applications/\(try application.requireID())/approve", [("note", "Welcome")])
            #expect(approved.status == .ok)
            let absoluteLink = try #require(Page.firstMatch(#"id="setup-link" href="([^"]+)""#, in: approved.body))
            #expect(absoluteLink.hasPrefix("http"))
            let setupLink = "/account/setup/" + (absoluteLink.components(separatedBy: "/account/setup/").last ?? "")

            let organisation = try #require(
                try await Organisation.query(on: harness.db).filter(\.$slug == "gamma-city-government").first())
            #expect(organisation.status == .member)
            #expect(organisation.$city.id == fixtures.betaCity.id)
            #expect(organisation.names["ko"] == "감마시")
            let user = try #require(try await UserQueries.byEmail("gil@example.org", on: harness.db))
            #expect(user.passwordHash == nil)
            #expect(try await applicant.get(statusURL).contains(#"data-status="approved""#))

            let member = Browser(client)
            try await member.get(setupLink)
            let tooShort = try await member.post(setupLink, [("password", "short"), ("password_confirmation", "short")])
            #expect(tooShort.status == .unprocessableContent)
            let set = try await member.post(
                setupLink, [("password", "a long enough password"), ("password_confirmation", "a long enough password")])
            #expect(set.status == .seeOther)
            #expect(try await member.get("/account").contains("gil@example.org"))
            // The link works once.
            #expect(try await Browser(client).get(setupLink).status == .notFound)

            try await member.get("/cities/beta-city/edit")
            let edited = try await member.post(
                "/cities/beta-city/edit",
                [
                    ("name_en", "Beta City"), ("name_ko", "베타시청"), ("country", "KR"), ("region", "Gyeonggi-do"),
                    ("latitude", "37.26"), ("longitude", "127.03"), ("city_type", "metropolitan"), ("pathways", "circular"),
                    ("pathways", "resilient"), ("description", "Edited by its own member."),
                ])
            #expect(edited.status == .seeOther)
            let city = try #require(try await CityQueries.bySlug("beta-city", on: harness.db))
            #expect(city.names["ko"] == "베타시청")
            #expect(city.region == "Gyeonggi-do")
            #expect(city.latitude == 37.26)
            #expect(city.pathways == ["circular", "resilient"])
            #expect(try await member.get("/cities/alpha-city/edit").status == .forbidden)

            let actions = try await AuditEntry.query(on: harness.db).all().map(\.action)
            for action in [
                "application.submit", "application.approve", "organisation.create", "user.create", "user.password_set",
                "city.update",
            ] {
                #expect(actions.contains(action), "audit log misses \(action)")
            }
            let auditPage = try await secretariat.get("/secretariat/audit?entity=city&record=beta-city")
            #expect(auditPage.contains("city.update"))
            #expect(!auditPage.contains("application.approve"))
            let cityUpdate = try #require(try await AuditEntry.query(on: harness.db).filter(\.$action == "city.update").first())
            #expect(cityUpdate.before?.contains("\"region\":null") == true)
            #expect(cityUpdate.after?.contains("Gyeonggi-do") == true)
        }
    }

    @Test func apply_withEmptyForm_showsEveryFieldError_andStoresNothing() async throws {
        try await TestApp.run { client, harness in
            let browser = Browser(client)
            try await browser.get("/membership/apply")
            let page = try await browser.post("/membership/apply", [])
            #expect(page.status == .unprocessableContent)
            #expect(page.contains("error-summary"))
            for field in [
                "organisation_name", "organisation_type", "country", "contact_name", "contact_email", "motivation",
                "accept_terms",
            ] {
                #expect(page.contains(#"id="f-\#(field)-error""#), "no error next to \(field)")
            }
            #expect(try await MembershipApplication.query(on: harness.db).count() == 0)
        }
    }

    @Test func apply_rejectsBadEmailWebsiteAndCityOfAnotherCountry() async throws {
        try await TestApp.run { client, harness in
            _ = try await Fixtures.make(on: harness.db)
            let browser = Browser(client)
            try await browser.get("/membership/apply")
            var fields = Self.validApplication.filter { !["contact_email", "website", "country"].contains($0.0) }
            fields += [("contact_email", "not-an-email"), ("website", "javascript:alert(1)"), ("country", "JP")]
            let page = try await browser.post("/membership/apply", fields)
            #expect(page.status == .unprocessableContent)
            #expect(page.contains(#"id="f-contact_email-error""#))
            #expect(page.contains(#"id="f-website-error""#))
            #expect(page.contains(#"id="f-city-error""#))
            // What the applicant typed is kept in the form.
            #expect(page.contains(#"value="Gamma City Government""#))
        }
    }

    @Test func reject_requiresReason_andApplicantSeesIt() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let applicant = Browser(client)
            try await applicant.get("/membership/apply")
            let statusURL = try #require(try await applicant.post("/membership/apply", Self.validApplication).location)
            let secretariat = Browser(client)
            _ = try await secretariat.signIn(fixtures.secretariat.email)
            let id = try #require(try await MembershipApplication.query(on: harness.db).first()?.id)
            try await secretariat.get("/secretariat/applications/\(id)")
            let noReason = try await secretariat.post("/secretariat/applications/\(id)/reject", [("reason", " ")])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.contains(#"id="f-reason-error""#))
            let rejected = try await secretariat.post(
                "/secretariat/applications/\(id)/reject", [("reason", "Not working on low-carbon programmes yet.")])
            #expect(rejected.status == .seeOther)
            let status = try await applicant.get(statusURL)
            #expect(status.contains(#"data-status="rejected""#))
            #expect(status.contains("Not working on low-carbon programmes yet."))
            // A decided application cannot be decided again.
            try await secretariat.get("/secretariat/applications/\(id)")
            let again = try await secretariat.post("/secretariat/applications/\(id)/approve", [])
            #expect(again.status == .conflict)
            #expect(try await Organisation.query(on: harness.db).filter(\.$slug == "gamma-city-government").count() == 0)
        }
    }

    @Test func approve_newCityName_createsTheCity() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let applicant = Browser(client)
            try await applicant.get("/membership/apply")
            var fields = Self.validApplication.filter { !["city", "city_name", "country"].contains($0.0) }
            fields += [("city", ""), ("city_name", "Delta-ville"), ("country", "MN")]
            #expect(try await applicant.post("/membership/apply", fields).status == .seeOther)
            let secretariat = Browser(client)
            _ = try await secretariat.signIn(fixtures.secretariat.email)
            let id = try #require(try await MembershipApplication.query(on: harness.db).first()?.id)
            try await secretariat.get("/secretariat/applications/\(id)")
            #expect(try await secretariat.post("/secretariat/applications/\(id)/approve", []).status == .ok)
            let city = try #require(try await CityQueries.bySlug("delta-ville", on: harness.db))
            #expect(city.country == "MN")
        }
    }
}
