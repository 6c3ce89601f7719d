import FluentKit
import Foundation
import Testing

@testable import App

/// Conflicts are enforced by the service: never a member of the reviewed city or its
/// organisation, never someone who declared a conflict; a moderator is never the criterion's
/// first reviewer. A refused assignment writes nothing.
@Suite struct ReviewConflictTests {
    @Test func ownCity_ownOrganisation_declaredConflict_andWrongKind_areRefused() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let world = try await ReviewWorld.make(harness)
            let id = try await world.request()
            try await world.setup.accept(id, editionID: world.editionID, deadlines: ReviewWorld.deadlines, by: world.secretariat)
            await expectRefused("review.error.own_city") {
                try await world.setup.assign(id, userID: world.memberA.id, kind: .peer, lead: true, by: world.secretariat)
            }
            // An agency under Alpha City's government (no city of its own) is the city's organisation.
            let agency = Organisation(
                slug: "alpha-energy-agency", names: ["en": "Alpha Energy Agency"], type: "agency", country: "CN", cityID: nil,
                parentID: world.fixtures.alphaOrg.id, status: .member)
            try await agency.create(on: harness.db)
            let staff = User(
                email: "agency@example.org", name: "Agency Staff", passwordHash: nil, role: .member, isExpert: true,
                organisationID: agency.id)
            try await staff.create(on: harness.db)
            await expectRefused("review.error.own_organisation") {
                try await world.setup.assign(id, userID: try staff.requireID(), kind: .expert, lead: false, by: world.secretariat)
            }
            try await world.setup.declareConflict(
                cityID: try world.fixtures.alphaCity.requireID(), reason: "advised Alpha on its plan", by: world.expert)
            await expectRefused("review.error.declared_conflict") {
                try await world.setup.assign(id, userID: world.expert.id, kind: .expert, lead: false, by: world.secretariat)
            }
            await expectRefused("review.error.not_expert") {
                try await world.setup.assign(id, userID: world.peer.id, kind: .expert, lead: false, by: world.secretariat)
            }
            await expectRefused("error.forbidden") {
                try await world.setup.assign(id, userID: world.peer.id, kind: .peer, lead: true, by: world.memberA)
            }
            #expect(try await ReviewAssignment.query(on: harness.db).filter(\.$request.$id == id).count() == 0)
            // The peer from Beta City is fine, once.
            try await world.setup.assign(id, userID: world.peer.id, kind: .peer, lead: true, by: world.secretariat)
            await expectRefused("review.error.already_assigned") {
                try await world.setup.assign(id, userID: world.peer.id, kind: .peer, lead: false, by: world.secretariat)
            }
            #expect(try await ReviewAssignment.query(on: harness.db).filter(\.$request.$id == id).count() == 1)
        }
    }

    @Test func moderator_isNeverTheFirstReviewer() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let world = try await ReviewWorld.make(harness)
            let id = try await world.inMarking()
            try await world.mark(id, "FB1", 2, by: world.peer)
            try await world.mark(id, "TG1", 3, by: world.expert)
            try await world.setup.advance(id, to: .reply, by: world.secretariat)
            try await world.setup.advance(id, to: .moderation, by: world.secretariat)
            // The lead (the peer) marked FB1 first: the secretariat moderates it; the lead moderates TG1.
            await expectRefused("review.error.moderator_is_first_reviewer") {
                try await world.marks.moderate(id, criterion: "FB1", level: 2, reason: "", by: world.peer)
            }
            // The expert is not the lead: no moderation at all.
            await expectRefused("error.forbidden") {
                try await world.marks.moderate(id, criterion: "FB1", level: 2, reason: "", by: world.expert)
            }
            try await world.marks.moderate(id, criterion: "TG1", level: 3, reason: "", by: world.peer)
            try await world.marks.moderate(id, criterion: "FB1", level: 2, reason: "", by: world.secretariat)
            let marks = try await ReviewMark.query(on: harness.db).filter(\.$request.$id == id).all()
            #expect(marks.first { $0.criterion == "TG1" }?.moderatorID == world.peer.id)
            #expect(marks.first { $0.criterion == "FB1" }?.moderatorID == world.secretariat.id)
        }
    }

    @Test func rules_asPureFunctions() {
        let city = UUID()
        let organisation = UUID()
        let person = UUID()
        let reviewed = ReviewRules.Reviewed(cityID: city, organisationIDs: [organisation], declaredConflicts: [person])
        func candidate(city: UUID?, organisation: UUID?, expert: Bool = false, id: UUID = UUID()) -> ReviewRules.Candidate {
            .init(userID: id, cityID: city, organisationID: organisation, isExpert: expert, isActive: true)
        }
        #expect(
            ReviewRules.assignmentRefusal(candidate(city: city, organisation: nil), reviewing: reviewed, as: .peer)
                == "review.error.own_city")
        #expect(
            ReviewRules.assignmentRefusal(candidate(city: nil, organisation: organisation), reviewing: reviewed, as: .expert)
                == "review.error.own_organisation")
        #expect(
            ReviewRules.assignmentRefusal(
                candidate(city: UUID(), organisation: UUID(), id: person), reviewing: reviewed, as: .peer)
                == "review.error.declared_conflict")
        #expect(
            ReviewRules.assignmentRefusal(
                candidate(city: nil, organisation: UUID(), expert: true), reviewing: reviewed, as: .peer)
                == "review.error.peer_without_city")
        #expect(
            ReviewRules.assignmentRefusal(candidate(city: UUID(), organisation: UUID()), reviewing: reviewed, as: .peer) == nil)
        #expect(ReviewRules.moderationRefusal(moderator: person, firstReviewer: person) != nil)
        #expect(ReviewRules.moderationRefusal(moderator: person, firstReviewer: UUID()) == nil)
        #expect(ReviewRules.isPast(deadline: "2026-03-10", today: "2026-03-11"))
        #expect(!ReviewRules.isPast(deadline: "2026-03-10", today: "2026-03-10"))
    }
}
