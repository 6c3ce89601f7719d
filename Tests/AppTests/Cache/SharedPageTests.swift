import Foundation
import HTTPTypes
import Testing

@testable import App

/// Pages shared between readers of one audience carry each reader's own form token, never
/// another's, and visitors' pages carry none.
@Suite struct SharedPageTests {
    @Test func sharedPages_carryEachReadersOwnToken() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let first = Browser(client)
            let second = Browser(client)
            let other = Browser(client)
            #expect(try await first.signIn(fixtures.memberA.email).status == .seeOther)
            // A second session of the same person: same audience, same rights, another token.
            #expect(try await second.signIn(fixtures.memberA.email).status == .seeOther)
            #expect(try await other.signIn(fixtures.memberB.email).status == .seeOther)
            for path in ["/cities/alpha-city", "/cities/alpha-city/targets", "/cities/alpha-city/actions", "/registry"] {
                let a = try await first.get(path)
                let b = try await second.get(path)
                let c = try await other.get(path)
                #expect(a.status == .ok && b.status == .ok && c.status == .ok, "\(path)")
                let tokenA = try #require(first.csrf)
                let tokenB = try #require(second.csrf)
                #expect(tokenA != tokenB)
                #expect(a.contains(tokenA) && !a.contains(tokenB), "\(path): first reader's page")
                #expect(b.contains(tokenB) && !b.contains(tokenA), "\(path): second reader's page")
                #expect(!a.contains(SharedPage.marker) && !b.contains(SharedPage.marker), "\(path): marker left in the page")
                // An editor of the city sees its editing parts; a member of another city does not.
                if path.hasSuffix("/targets") {
                    #expect(a.contains(Paths.newTarget("alpha-city")) && !c.contains(Paths.newTarget("alpha-city")))
                }
            }
            // A visitor who holds a session (a form page opened) gets the cached page without any token.
            let visitor = Browser(client)
            try await visitor.get("/login")
            let token = try #require(visitor.csrf)
            let page = try await visitor.get("/cities/alpha-city/targets")
            #expect(page.status == .ok && !page.contains(token) && !page.contains("name=\"_csrf\""))
        }
    }

    @Test func split_thenFilled_putsTheTokenAtEveryMarker() {
        let html = "<a>\(SharedPage.marker)</a><b>\(SharedPage.marker)</b>"
        #expect(SharedPage.split(html).filled(with: "T") == "<a>T</a><b>T</b>")
        #expect(SharedPage.split(html).filled(with: nil) == "<a></a><b></b>")
        #expect(SharedPage.split("no marker").filled(with: "T") == "no marker")
        #expect(SharedPage.split("日本語\(SharedPage.marker)").filled(with: "tök") == "日本語tök")
    }
}
