import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import NIOCore
import FluentKit
import Foundation
import HTTPTypes
import Testing

@testable import App

@Suite struct SecurityTests {
    @Test func post_withoutFormToken_isRefused_andChangesNothing() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browser = Browser(client)
            _ = try await browser.signIn(fixtures.memberA.email)
            let noToken = try await browser.post(
                "/cities/alpha-city/edit", [("name_en", "Hacked"), ("country", "CN")], withToken: false)
            #expect(noToken.status == .forbidden)
            let wrongToken = try await browser.post(
                "/cities/alpha-city/edit", [("name_en", "Hacked"), ("country", "CN")], token: "forged")
            #expect(wrongToken.status == .forbidden)
            #expect(try await CityQueries.bySlug("alpha-city", on: harness.db)?.nameEn == "Alpha City")
            let anonymous = Browser(client)
            #expect(
                try await anonymous.post("/membership/apply", MembershipFlowTests.validApplication, withToken: false).status
                    == .forbidden)
            #expect(try await MembershipApplication.query(on: harness.db).count() == 0)
        }
    }

    @Test func organisationName_withScript_isShownAsText() async throws {
        try await TestApp.run { client, harness in
            let organisation = Organisation(
                slug: "script-org", names: ["en": "<script>alert(1)</script>", "zh": "\"><img src=x onerror=alert(1)>"],
                type: "non_profit", country: "CN", status: .member)
            try await organisation.create(on: harness.db)
            let browser = Browser(client)
            let list = try await browser.get("/organisations")
            #expect(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!list.contains("<script>alert(1)"))
            let profile = try await browser.get("/organisations/script-org")
            #expect(!profile.contains("<img src=x"))
            #expect(profile.contains("\"&gt;&lt;img src=x onerror=alert(1)&gt;"))
            // A value typed into a form comes back escaped in its attribute.
            try await browser.get("/membership/apply")
            let form = try await browser.post("/membership/apply", [("organisation_name", "\"><script>x</script>")])
            #expect(form.contains(#"value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;""#))
        }
    }

    @Test func login_rateLimited_afterFiveFailures() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browser = Browser(client)
            for _ in 0..<5 {
                #expect(try await browser.signIn(fixtures.memberA.email, password: "wrong password!!").status == .unauthorized)
            }
            let limited = try await browser.signIn(fixtures.memberA.email)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
            // Another account from another client is not affected.
            #expect(try await Browser(client).signIn(fixtures.memberB.email).status == .seeOther)
        }
    }

    @Test func login_startsANewSession_andLogoutEndsIt() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browser = Browser(client)
            try await browser.get("/login")
            let before = try #require(browser.cookies[WebSessions.cookieName])
            let signedIn = try await browser.post("/login", [("email", fixtures.memberA.email), ("password", Fixtures.password)])
            #expect(signedIn.status == .seeOther)
            let after = try #require(browser.cookies[WebSessions.cookieName])
            #expect(before != after)
            // The id planted before sign-in is worth nothing.
            let planted = Browser(client)
            planted.setCookie(WebSessions.cookieName, before)
            #expect(try await planted.get("/account").status == .seeOther)
            #expect(try await browser.get("/account").status == .ok)
            let cookie = try #require(signedIn.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            try await browser.post("/logout", [])
            let replay = Browser(client)
            replay.setCookie(WebSessions.cookieName, after)
            #expect(try await replay.get("/account").status == .seeOther)
        }
    }

    @Test func passwords_areStoredAsBcrypt_andWrongPasswordFails() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let user = try #require(try await UserQueries.byEmail(fixtures.memberA.email, on: harness.db))
            #expect(user.passwordHash?.hasPrefix("$2") == true)
            #expect(user.passwordHash?.contains(Fixtures.password) == false)
            let page = try await Browser(client).signIn(fixtures.memberA.email, password: "not the password")
            #expect(page.status == .unauthorized)
            #expect(page.contains("The e-mail or password is not right."))
        }
    }

    @Test func responses_carrySecurityHeaders() async throws {
        try await TestApp.run { client, _ in
            let page = try await Browser(client).get("/")
            #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'self'") == true)
            #expect(page.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(page.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
        }
    }

    @Test func signIn_nextParameter_onlyFollowsLocalPaths() {
        #expect(AccountsController.safeNext("/cities/seoul/edit") == "/cities/seoul/edit")
        #expect(AccountsController.safeNext("//evil.example/") == "")
        #expect(AccountsController.safeNext("https://evil.example/") == "")
        #expect(AccountsController.safeNext("/\\evil") == "")
    }

    @Test func oversizedForm_isRefused() async throws {
        try await TestApp.run { client, _ in
            let browser = Browser(client)
            try await browser.get("/membership/apply")
            let page = try await browser.post("/membership/apply", [("motivation", String(repeating: "x", count: 300_000))])
            #expect(page.status == .contentTooLarge)
        }
    }

    @Test func apiToken_createdOnTheAccountPage_isShownOnce_andWorks() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browser = Browser(client)
            _ = try await browser.signIn(fixtures.memberA.email)
            try await browser.get("/account")
            let empty = try await browser.post("/account/tokens", [("label", " ")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.contains(#"id="f-label-error""#))
            let created = try await browser.post("/account/tokens", [("label", "reporting script")])
            let token = try #require(Page.firstMatch(#"id="new-token">([^<]+)<"#, in: created.body))
            #expect(try await browser.get("/account").contains(token) == false)
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(me.status == .ok)
            #expect(String(buffer: me.body).contains(fixtures.memberA.email))
            let stored = try await ApiToken.query(on: harness.db).all().map(\.tokenHash)
            #expect(!stored.contains(token))
        }
    }

    @Test func login_limit_endsWithItsWindow() async throws {
        let clock = NIOLockedValueBox(Date(timeIntervalSince1970: 1_800_000_000))
        let now: @Sendable () -> Date = { clock.withLockedValue { $0 } }
        try await TestApp.run(now: now) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browser = Browser(client)
            for _ in 0..<5 { _ = try await browser.signIn(fixtures.memberA.email, password: "wrong password!!") }
            #expect(try await browser.signIn(fixtures.memberA.email).status == .tooManyRequests)
            clock.withLockedValue { $0 = $0.addingTimeInterval(16 * 60) }
            #expect(try await browser.signIn(fixtures.memberA.email).status == .seeOther)
        }
    }
}
