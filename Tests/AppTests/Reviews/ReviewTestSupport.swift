import FluentKit
import Foundation
import Testing

@testable import App

/// The people and services of a review test: Alpha City is reviewed; Bo Beta (a peer from Beta
/// City) and the expert review; the secretariat sets up and publishes. The clock stands on
/// 2026-03-01; the deadlines are 10, 20, 30 and 40 days later.
struct ReviewWorld: Sendable {
    let fixtures: Fixtures
    let db: any Database
    let memberA: CurrentUser
    let peer: CurrentUser
    let expert: CurrentUser
    let secretariat: CurrentUser
    let editionID: UUID
    let clock: AppClock

    static let today = ISODay.parse("2026-03-01")!
    static let deadlines: [ReviewState: String] = [
        .selfAssessment: "2026-03-10", .marking: "2026-03-20", .reply: "2026-03-30", .moderation: "2026-04-10",
    ]
    static let pdf = Array("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".utf8)

    static func make(_ harness: Harness, fixtures: Fixtures? = nil) async throws -> ReviewWorld {
        var made = fixtures
        if made == nil { made = try await Fixtures.make(on: harness.db) }
        let fixtures = made!
        let edition = try #require(
            try await FrameworkQueries.catalog(on: harness.db).first { $0.slug == "plan-quality" }?.current)
        return ReviewWorld(
            fixtures: fixtures, db: harness.db, memberA: try await current(fixtures.memberA, harness.db),
            peer: try await current(fixtures.memberB, harness.db), expert: try await current(fixtures.expert, harness.db),
            secretariat: try await current(fixtures.secretariat, harness.db), editionID: edition.id,
            clock: AppClock(now: { today }))
    }

    static func current(_ user: User, _ db: any Database) async throws -> CurrentUser {
        let loaded = try #require(try await User.query(on: db).filter(\.$id == user.requireID()).with(\.$organisation).first())
        return try #require(UserQueries.snapshot(loaded))
    }

    func at(_ day: String) -> ReviewWorld {
        ReviewWorld(
            fixtures: fixtures, db: db, memberA: memberA, peer: peer, expert: expert, secretariat: secretariat,
            editionID: editionID, clock: AppClock(now: { ISODay.parse(day)! }))
    }

    var requests: ReviewRequestService { ReviewRequestService(db: db, clock: clock) }
    var setup: ReviewSetupService { ReviewSetupService(db: db, clock: clock) }
    var marks: ReviewMarkService { ReviewMarkService(db: db, clock: clock) }
    var publication: ReviewPublication { ReviewPublication(db: db, clock: clock) }

    /// A plan review of Alpha City with one PDF.
    func request() async throws -> UUID {
        try await requests.create(
            .init(
                kind: .planReview, title: "Alpha low-carbon plan", summary: "Our plan", sectors: ["I", "II"],
                documents: [.init(filename: "plan.pdf", data: Self.pdf)]),
            city: fixtures.alphaCity, by: memberA)
    }

    /// Requested, accepted, the peer as lead and the expert assigned and accepting, in marking.
    func inMarking() async throws -> UUID {
        let id = try await request()
        try await setup.accept(id, editionID: editionID, deadlines: Self.deadlines, by: secretariat)
        try await setup.assign(id, userID: peer.id, kind: .peer, lead: true, by: secretariat)
        try await setup.assign(id, userID: expert.id, kind: .expert, lead: false, by: secretariat)
        try await setup.respond(id, accept: true, showName: true, reason: "", by: peer)
        try await setup.respond(id, accept: true, showName: false, reason: "", by: expert)
        try await setup.advance(id, to: .marking, by: secretariat)
        return id
    }

    func mark(_ id: UUID, _ criterion: String, _ level: Int, by user: CurrentUser, evidence: [String] = ["page:3"])
        async throws
    {
        try await marks.mark(
            id, criterion: criterion, .init(level: level, evidence: evidence, publicComment: "comment \(criterion)"), by: user)
    }

    /// The replies to the marks of one review.
    static func replies(_ id: UUID, on db: any Database) async throws -> [ReviewReply] {
        let marks = try await ReviewMark.query(on: db).filter(\.$request.$id == id).all().compactMap(\.id)
        return try await ReviewReply.query(on: db).filter(\.$mark.$id ~~ marks).all()
    }

    func state(_ id: UUID) async throws -> ReviewState {
        try #require(try await ReviewRequest.find(id, on: db)).state
    }
}

/// Expects `body` to throw an `AppError` with `key` (the catalogue key, or a field's error key).
func expectRefused(_ key: String, _ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async {
    do {
        try await body()
        Issue.record("expected \(key), nothing thrown", sourceLocation: sourceLocation)
    } catch let error as AppError {
        #expect(
            error.messageKey == key || error.fieldErrors.values.contains(key), "got \(error.messageKey) \(error.fieldErrors)",
            sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(key), got \(error)", sourceLocation: sourceLocation)
    }
}
