import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import App

/// The role × action rows of the operations pages: the forgotten password (everyone), one's own
/// mail settings (signed in), the secretariat's mail desk.
@Suite struct OperationsMatrixTests {
    typealias Row = RoleMatrix.Row

    @Test func site_roleByRoute() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browsers = try await RoleMatrix.browsers(client, fixtures)
            let signedIn: Set<RoleMatrix.Who> = [.memberA, .memberB, .expert, .secretariat]
            let rows: [Row] = [
                Row(.get, "/account/forgot", expected: RoleMatrix.everyone(.ok)),
                Row(.post, "/account/forgot", form: [("email", "nobody@example.org")], expected: RoleMatrix.everyone(.ok)),
                Row(.get, "/account/mail", expected: RoleMatrix.only(signedIn, ok: .ok, method: .get)),
                Row(
                    .post, "/account/mail", form: [("locale", "ja"), ("reminders", "on")],
                    expected: RoleMatrix.only(signedIn, ok: .seeOther, method: .post)),
                Row(.get, "/secretariat/mail", expected: RoleMatrix.only([.secretariat], ok: .ok, method: .get)),
                // No failed message with that id: the secretariat gets 404, everyone else never gets that far.
                Row(
                    .post, "/secretariat/mail/\(UUID().uuidString)/retry",
                    expected: RoleMatrix.only([.secretariat], ok: .notFound, method: .post)),
            ]
            try await RoleMatrix.check(rows, site: browsers)
            let saved = try await MailPreferences.load(try fixtures.memberA.requireID(), on: harness.db)
            #expect(saved == MailPreferences(locale: .ja, reminders: true, capacity: false))
        }
    }
}
