import FluentKit
import Foundation
import HTTPTypes
import Testing

@testable import App

/// The secretariat creates a user: the page that answers shows the set-password link and the user
/// as stored — in the organisation chosen, so saving that form straight away keeps it there.
@Suite struct UserCreationTests {
    @Test func createdUser_formShowsItsOrganisation_andSavingKeepsIt() async throws {
        try await TestApp.run(seed: false) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let secretariat = Browser(client)
            _ = try await secretariat.signIn(fixtures.secretariat.email)
            try await secretariat.get("/secretariat/users/new")
            let fields = [
                ("name", "Expert Eun"), ("email", "eun@example.org"), ("role", "member"),
                ("organisation", "alpha-city-government"), ("is_expert", "on"), ("is_active", "on"),
            ]
            let created = try await secretariat.post("/secretariat/users/new", fields)
            #expect(created.status == .ok)
            #expect(created.body.contains("id=\"setup-link\""))
            #expect(created.body.contains("<option value=\"alpha-city-government\" selected>"))
            let user = try #require(
                try await User.query(on: harness.db).filter(\.$email == "eun@example.org").with(\.$organisation).first())
            #expect(user.organisation?.slug == "alpha-city-government" && user.isExpert)
        }
    }
}
