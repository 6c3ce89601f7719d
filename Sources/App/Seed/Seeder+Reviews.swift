import FluentKit
import Foundation

extension Seeder {
    /// The demo data of issue 12, each added once: one **illustrative** review of the illustrative
    /// Guiyang inventory and its actions by two illustrative reviewers (labelled so on every page:
    /// the seeds record no completed review), and the capacity-building needs the seed documents
    /// state, with their source.
    func seedReviews() async throws -> (reviews: Int, capacityRequests: Int) {
        (try await seedIllustrativeReview(), try await seedCapacityNeeds())
    }

    /// Fixed, so the demo's report has a stable address.
    static let illustrativeReviewID = UUID(uuidString: "00000000-0000-0000-0000-000000000012")!

    private static let seedActor = CurrentUser(
        id: UUID(uuidString: "00000000-0000-0000-0000-00000000012a")!, email: "demo-data@lcc.invalid",
        name: "Demo data (illustrative)", role: .secretariat, isExpert: false, organisationID: nil, organisationSlug: nil,
        organisationIsResourceCentre: false, organisationSuspended: false, cityID: nil)

    private func seedIllustrativeReview() async throws -> Int {
        guard try await ReviewRequest.query(on: db).filter(\.$illustrative == true).count() == 0,
            let guiyang = try await City.query(on: db).filter(\.$slug == "guiyang").first(),
            let seoulGovernment = try await Organisation.query(on: db).filter(\.$slug == "seoul-metropolitan-government").first(),
            let criteria = try await FrameworkQueries.catalog(on: db).first(where: { $0.slug == "plan-quality" })?.current
        else { return 0 }
        let cityID = try guiyang.requireID()
        let peer = User(
            email: "illustrative-peer@reviews.lcc.invalid", name: "Illustrative peer reviewer (Seoul)", passwordHash: nil,
            role: .member, organisationID: seoulGovernment.id)
        let expert = User(
            email: "illustrative-expert@reviews.lcc.invalid", name: "Illustrative expert reviewer", passwordHash: nil,
            role: .member, isExpert: true, organisationID: nil)
        // The city's side (self-assessment, reply) is the city's own voice, never the secretariat's.
        let cityOrganisation = try await Organisation.query(on: db).filter(\.$city.$id == cityID).sort(\.$slug).first()
        let official = User(
            email: "illustrative-city@reviews.lcc.invalid", name: "Illustrative city official (Guiyang)", passwordHash: nil,
            role: .member, organisationID: cityOrganisation?.id)
        for user in [peer, expert, official] where try await User.query(on: db).filter(\.$email == user.email).count() == 0 {
            try await user.create(on: db)
        }
        guard let peerUser = try await Self.current(peer.email, on: db),
            let expertUser = try await Self.current(expert.email, on: db),
            let cityUser = try await Self.current(official.email, on: db), cityUser.cityID == cityID
        else { return 0 }
        let actor = Self.seedActor
        let request = ReviewRequest(
            kind: .planReview, cityID: cityID, requesterID: nil, title: "Illustrative review of Guiyang's low-carbon plan")
        request.summary =
            "ILLUSTRATIVE: demo data made to show the review workflow. It reviews the platform's illustrative Guiyang "
            + "inventory (2021, invented figures) and the actions recorded for Guiyang; no such review took place."
        request.scope = "GPC BASIC inventory 2021 and the city's recorded actions"
        request.sectors = ["I", "II", "III"]
        request.actionIDs = try await MitigationAction.query(on: db).filter(\.$city.$id == cityID).all().compactMap(\.id)
        request.id = Self.illustrativeReviewID
        request.illustrative = true
        request.source = "Illustrative demo data (issue 12); not from the seed documents"
        try await request.create(on: db)
        let id = try request.requireID()
        let setup = ReviewSetupService(db: db, clock: clock)
        var deadlines: [ReviewState: String] = [:]
        for (offset, stage) in ReviewState.stages.enumerated() {
            deadlines[stage] = ISODay.format(clock.now().addingTimeInterval(Double(offset + 1) * 14 * 86_400))
        }
        try await setup.accept(id, editionID: criteria.id, deadlines: deadlines, by: actor)
        try await setup.assign(id, userID: peerUser.id, kind: .peer, lead: true, by: actor)
        try await setup.assign(id, userID: expertUser.id, kind: .expert, lead: false, by: actor)
        try await setup.respond(id, accept: true, showName: true, reason: "", by: peerUser)
        try await setup.respond(id, accept: true, showName: true, reason: "", by: expertUser)
        try await setup.advance(id, to: .marking, by: actor)
        let marks = ReviewMarkService(db: db, clock: clock)
        let inventory = try await Inventory.query(on: db).filter(\.$city.$id == cityID).first()
        let action = request.actionIDs.first
        let inventoryEvidence = inventory?.id.map { ["inventory:\($0.uuidString)"] } ?? ["https://example.org/illustrative"]
        let actionEvidence = action.map { ["action:\($0.uuidString)"] } ?? ["https://example.org/illustrative"]
        for (criterion, level, evidence, comment) in [
            ("FB1", 3, inventoryEvidence, "Illustrative: a complete BASIC inventory of 2021 with notation keys."),
            ("AC1", 2, actionEvidence, "Illustrative: actions address energy supply; transport is thinner."),
            ("TG1", 1, ["https://example.org/illustrative"], "Illustrative: no quantified city target is recorded."),
            ("MO1", 1, actionEvidence, "Illustrative: progress updates exist for some actions only."),
        ] {
            // The expert marks; the lead peer moderates (never an item's first reviewer).
            try await marks.mark(
                id, criterion: criterion, .init(level: level, evidence: evidence, publicComment: comment), by: expertUser)
        }
        try await marks.recommend(
            id, criterion: "TG1",
            .init(
                text: "Illustrative: adopt a quantified, time-bound city target with its base year and coverage.", priority: .high
            ),
            by: expertUser)
        try await marks.recommend(
            id, criterion: "AC1",
            .init(
                text: "Illustrative: add transport actions with owners and expected reductions.", priority: .medium,
                gpcRef: "II.1"), by: peerUser)
        try await setup.advance(id, to: .reply, by: actor)
        try await marks.reply(
            id, criterion: "TG1", agree: false, evidence: "https://example.org/illustrative-plan#targets",
            comment: "Illustrative reply: the city's five-year plan states an intensity target.", by: cityUser)
        try await marks.reply(id, criterion: "FB1", agree: true, evidence: "", comment: "", by: cityUser)
        try await setup.advance(id, to: .moderation, by: actor)
        try await marks.moderate(
            id, criterion: "TG1", level: 2, reason: "Illustrative: the intensity target in the reply counts.", by: peerUser)
        for (criterion, level) in [("FB1", 3), ("AC1", 2), ("MO1", 1)] {
            try await marks.moderate(id, criterion: criterion, level: level, reason: "", by: peerUser)
        }
        try await ReviewPublication(db: db, clock: clock).publish(id, by: actor)
        return 1
    }

    private static func current(_ email: String, on db: any Database) async throws -> CurrentUser? {
        try await User.query(on: db).filter(\.$email == email).with(\.$organisation).first().flatMap(UserQueries.snapshot)
    }

    /// Needs the seed documents state, as open capacity-building requests with their source.
    private func seedCapacityNeeds() async throws -> Int {
        let needs: [(city: String, title: String, details: String, topics: String, formats: String)] = [
            (
                "zhuzhou", "Technical and financial support for low-carbon development",
                "Zhuzhou wishes to cooperate with Seoul and ICLEI, especially on technical and financial support in low-carbon "
                    + "development (green buildings and renewables). Source: seed 000 (Min Xiao, Zhuzhou Housing and Urban "
                    + "Construction Bureau).",
                "finance;sector_I", "expert_advice;peer_exchange"
            ),
            (
                "guangzhou", "Learning Seoul's distributed energy stations and PV buildings",
                "Guangzhou expressed great interest in learning Seoul's experience in constructing distributed energy stations "
                    + "and PV buildings. Source: seed 000.",
                "sector_I;low_emission", "study_tour;peer_exchange"
            ),
        ]
        var added = 0
        for need in needs {
            guard let city = try await City.query(on: db).filter(\.$slug == need.city).first(),
                try await CapacityRequest.query(on: db).filter(\.$title == need.title).count() == 0
            else { continue }
            let request = CapacityRequest()
            request.$city.id = try city.requireID()
            request.title = need.title
            request.details = need.details
            request.topics = need.topics
            request.audience = ""
            request.languages = "zh;en"
            request.formats = need.formats
            request.timing = ""
            request.baseline = ""
            request.status = .open
            request.outcome = ""
            request.feedback = ""
            try await request.create(on: db)
            added += 1
        }
        return added
    }
}
