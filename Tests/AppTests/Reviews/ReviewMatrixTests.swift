import FluentKit
import Foundation
import HTTPTypes
import Testing

@testable import App

/// Every review route × every role, on the site and in the API. Alpha City is reviewed (memberA is
/// a member of the reviewed city); Bo Beta (memberB) is the review's lead peer reviewer; the expert
/// is a reviewer of no review here (the "other member / reviewer of another" column); the
/// secretariat sets up. A Gamma City member is checked apart as another city's member.
@Suite struct ReviewMatrixTests {
    typealias Who = RoleMatrix.Who

    /// Requested, accepted with the peer as lead (accepted), in marking.
    static func reviewInMarking(_ harness: Harness, _ fixtures: Fixtures) async throws -> UUID {
        let world = try await ReviewWorld.make(harness, fixtures: fixtures)
        let id = try await world.request()
        let setup = ReviewSetupService(db: harness.db, clock: AppClock())
        var deadlines: [ReviewState: String] = [:]
        for (offset, stage) in ReviewState.stages.enumerated() {
            deadlines[stage] = ISODay.format(Date().addingTimeInterval(Double(offset + 10) * 86_400))
        }
        try await setup.accept(id, editionID: world.editionID, deadlines: deadlines, by: world.secretariat)
        try await setup.assign(id, userID: world.peer.id, kind: .peer, lead: true, by: world.secretariat)
        try await setup.respond(id, accept: true, showName: true, reason: "", by: world.peer)
        try await setup.advance(id, to: .marking, by: world.secretariat)
        return id
    }

    @Test func site_roleByReviewAction() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let id = try await Self.reviewInMarking(harness, fixtures)
            let browsers = try await RoleMatrix.browsers(client, fixtures)
            let review = "/reviews/\(id.uuidString)"
            let participants: Set<Who> = [.memberA, .memberB, .secretariat]
            /// Unpublished pages: outsiders signed in get 404 (the review is not theirs to know of).
            func stage(_ allowed: Set<Who>) -> @Sendable (Who) -> HTTPResponse.Status {
                { who in
                    if !who.isSignedIn { return .seeOther }
                    if allowed.contains(who) { return .ok }
                    return participants.contains(who) ? .forbidden : .notFound
                }
            }
            let rows: [RoleMatrix.Row] = [
                RoleMatrix.Row(.get, "/reviews", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "/cities/alpha-city/reviews", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, review, expected: { participants.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "\(review)/setup", expected: stage([.secretariat])),
                RoleMatrix.Row(.get, "\(review)/marking", expected: stage([.memberB, .secretariat])),
                // The city's own voice: the secretariat moderates the review, it never replies for the city.
                RoleMatrix.Row(.get, "\(review)/reply", expected: stage([.memberA])),
                RoleMatrix.Row(.get, "\(review)/moderation", expected: stage([.memberB, .secretariat])),
                RoleMatrix.Row(
                    .get, "/cities/alpha-city/reviews/new",
                    expected: RoleMatrix.only([.memberA, .secretariat], ok: .ok, method: .get)),
                RoleMatrix.Row(
                    .post, "\(review)/marks", form: [("criterion", "FB1"), ("level", "2"), ("evidence", "page:1")],
                    expected: RoleMatrix.only([.memberB], ok: .seeOther, method: .post)),
                RoleMatrix.Row(
                    .post, "\(review)/recommendations",
                    form: [("criterion", "FB1"), ("text", "Add a BASIC+ inventory"), ("priority", "high")],
                    expected: RoleMatrix.only([.memberB], ok: .seeOther, method: .post)),
                RoleMatrix.Row(
                    .post, "\(review)/replies", form: [("criterion", "FB1"), ("answer", "agree")],
                    expected: {
                        $0 == .memberA ? .conflict : RoleMatrix.only([], ok: .ok, method: .post)($0)
                    }),
                RoleMatrix.Row(
                    .post, "\(review)/final", form: [("criterion", "FB1"), ("level", "2")],
                    expected: {
                        $0 == .memberB || $0 == .secretariat ? .conflict : RoleMatrix.only([], ok: .ok, method: .post)($0)
                    }),
                RoleMatrix.Row(
                    .post, "\(review)/respond", form: [("decision", "accept")],
                    expected: { $0 == .memberB ? .conflict : RoleMatrix.only([], ok: .ok, method: .post)($0) }),
                RoleMatrix.Row(
                    .post, "\(review)/accept", form: [("edition", UUID().uuidString)],
                    expected: { $0 == .secretariat ? .conflict : RoleMatrix.only([], ok: .ok, method: .post)($0) }),
                RoleMatrix.Row(
                    .post, "\(review)/publish",
                    expected: { $0 == .secretariat ? .conflict : RoleMatrix.only([], ok: .ok, method: .post)($0) }),
                RoleMatrix.Row(
                    .post, "\(review)/assign", form: [("reviewer", fixtures.memberA.id!.uuidString), ("kind", "peer")],
                    expected: { $0 == .secretariat ? .conflict : RoleMatrix.only([], ok: .ok, method: .post)($0) }),
                RoleMatrix.Row(
                    .post, "/reviews/conflicts", form: [("city", "alpha-city"), ("reason", "worked for it")],
                    expected: RoleMatrix.only([.memberA, .memberB, .expert, .secretariat], ok: .seeOther, method: .post)),
            ]
            try await RoleMatrix.check(rows, site: browsers, refresh: "/reviews")
            // Another city's member, not assigned: the review does not exist for them.
            let gammaCity = City(slug: "gamma-city", names: ["en": "Gamma City"], country: "JP")
            try await gammaCity.create(on: harness.db)
            let gammaOrg = Organisation(
                slug: "gamma-gov", names: ["en": "Gamma Government"], type: "local_government", country: "JP",
                cityID: gammaCity.id,
                status: .member)
            try await gammaOrg.create(on: harness.db)
            let gamma = User(
                email: "g@example.org", name: "Gu Gamma", passwordHash: try await Passwords.hash(Fixtures.password, cost: 4),
                role: .member, organisationID: gammaOrg.id)
            try await gamma.create(on: harness.db)
            let other = Browser(client)
            #expect(try await other.signIn(gamma.email).status == .seeOther)
            for page in [review, "\(review)/marking", "\(review)/reply", "\(review)/moderation", "\(review)/setup"] {
                #expect(try await other.get(page).status == .notFound, "\(page)")
            }
            try await other.get("/reviews")
            #expect(try await other.post("\(review)/marks", [("criterion", "TG1"), ("level", "1")]).status == .forbidden)
        }
    }

    @Test func api_roleByReviewAction() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let id = try await Self.reviewInMarking(harness, fixtures)
            let callers = try await RoleMatrix.callers(client, fixtures, on: harness.db)
            try await RoleMatrix.check(
                [
                    RoleMatrix.Row(.get, "/api/v1/reviews", expected: RoleMatrix.everyone(.ok)),
                    // Not published: no report, for anyone.
                    RoleMatrix.Row(.get, "/api/v1/reviews/\(id.uuidString)", expected: RoleMatrix.everyone(.notFound)),
                    RoleMatrix.Row(.get, "/api/v1/reviews/not-an-id", expected: RoleMatrix.everyone(.notFound)),
                    RoleMatrix.Row(
                        .put, "/api/v1/reviews/\(id.uuidString)/marks/FB1", body: #"{"level": 2, "evidence": ["page:3"]}"#,
                        type: "application/json", expected: RoleMatrix.api([.memberB], ok: .ok)),
                    RoleMatrix.Row(
                        .put, "/api/v1/reviews/\(id.uuidString)/marks/FB1", body: #"{"level": 9, "evidence": ["page:3"]}"#,
                        type: "application/json",
                        expected: RoleMatrix.api([.memberB], ok: .unprocessableContent)),
                ], api: callers)
        }
    }
}
