import HTTPTypes
import HummingbirdTesting
import Testing

@testable import App

extension AuthorizationMatrixTests {
    /// One browser per role of the matrices: the four accounts signed in, the visitor and the
    /// applicant with a session (a form page opened, so they hold a form token).
    static func browsers(_ client: any TestClientProtocol, _ fixtures: Fixtures) async throws -> [Who: Browser] {
        var browsers: [Who: Browser] = [:]
        for who in Who.allCases { browsers[who] = Browser(client) }
        for (who, user) in [
            (Who.memberA, fixtures.memberA), (.memberB, fixtures.memberB), (.expert, fixtures.expert),
            (.secretariat, fixtures.secretariat),
        ] {
            #expect(try await browsers[who]!.signIn(user.email).status == .seeOther)
        }
        try await browsers[.visitor]!.get("/login")
        try await browsers[.applicant]!.get("/membership/apply")
        return browsers
    }
}
