import FluentKit
import Foundation
import SQLKit
import Testing

@testable import App

/// The stages of a review as rules: each transition, deadlines, marks on the scale with evidence,
/// frozen evidence, the history of every mark, the reply, and an immutable, versioned report.
@Suite struct ReviewWorkflowTests {
    @Test func setUp_acceptsOrDeclines_andStagesMoveOnlyForward() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let world = try await ReviewWorld.make(harness)
            let id = try await world.request()
            await expectRefused("error.forbidden") {
                try await world.setup.accept(id, editionID: world.editionID, deadlines: ReviewWorld.deadlines, by: world.memberA)
            }
            var backwards = ReviewWorld.deadlines
            backwards[.reply] = "2026-03-15"
            await expectRefused("review.error.deadline_order") {
                try await world.setup.accept(id, editionID: world.editionID, deadlines: backwards, by: world.secretariat)
            }
            await expectRefused("review.error.transition") {
                try await world.setup.advance(id, to: .marking, by: world.secretariat)
            }
            #expect(try await world.state(id) == .requested)
            try await world.setup.accept(id, editionID: world.editionID, deadlines: ReviewWorld.deadlines, by: world.secretariat)
            #expect(try await world.state(id) == .accepted)
            // Marking needs an accepted lead reviewer.
            await expectRefused("review.error.no_lead") { try await world.setup.advance(id, to: .marking, by: world.secretariat) }
            try await world.setup.assign(id, userID: world.peer.id, kind: .peer, lead: true, by: world.secretariat)
            await expectRefused("review.error.no_lead") { try await world.setup.advance(id, to: .marking, by: world.secretariat) }
            try await world.setup.respond(id, accept: true, showName: false, reason: "", by: world.peer)
            try await world.setup.advance(id, to: .selfAssessment, by: world.secretariat)
            try await world.marks.selfAssess(id, criterion: "FB1", level: 3, comment: "we think so", by: world.memberA)
            await expectRefused("error.forbidden") {
                try await world.marks.selfAssess(id, criterion: "FB1", level: 1, comment: "", by: world.peer)
            }
            try await world.setup.advance(id, to: .marking, by: world.secretariat)
            // The reply needs a mark.
            await expectRefused("review.error.no_marks") { try await world.setup.advance(id, to: .reply, by: world.secretariat) }
            await expectRefused("review.error.transition") {
                try await world.setup.advance(id, to: .moderation, by: world.secretariat)
            }
            // Declining: only a request, only with a reason.
            let other = try await world.request()
            await expectRefused("review.error.reason_required") {
                try await world.setup.decline(other, reason: " ", by: world.secretariat)
            }
            try await world.setup.decline(other, reason: "plan not adopted yet", by: world.secretariat)
            #expect(try await world.state(other) == .declined)
            await expectRefused("review.error.transition") {
                try await world.setup.decline(other, reason: "again", by: world.secretariat)
            }
            // A reviewer who declines gives a reason and loses the lead.
            let third = try await world.request()
            try await world.setup.accept(
                third, editionID: world.editionID, deadlines: ReviewWorld.deadlines, by: world.secretariat)
            try await world.setup.assign(third, userID: world.expert.id, kind: .expert, lead: true, by: world.secretariat)
            await expectRefused("review.error.reason_required") {
                try await world.setup.respond(third, accept: false, showName: false, reason: "", by: world.expert)
            }
            try await world.setup.respond(third, accept: false, showName: false, reason: "no time", by: world.expert)
            let declined = try #require(try await ReviewAssignment.query(on: harness.db).filter(\.$request.$id == third).first())
            #expect(declined.state == .declined && !declined.lead && declined.reason == "no time")
        }
    }

    @Test func marks_onTheScale_withEvidence_byTheirFirstReviewer_withHistory() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let world = try await ReviewWorld.make(harness)
            let id = try await world.inMarking()
            await expectRefused("review.error.level_outside_scale") { try await world.mark(id, "FB1", 5, by: world.peer) }
            await expectRefused("review.error.level_outside_scale") { try await world.mark(id, "FB2", -1, by: world.peer) }
            await expectRefused("review.error.criterion") { try await world.mark(id, "XX9", 1, by: world.peer) }
            await expectRefused("review.error.evidence_required") {
                try await world.mark(id, "FB1", 2, by: world.peer, evidence: [])
            }
            await expectRefused("review.error.evidence_form") {
                try await world.mark(id, "FB1", 2, by: world.peer, evidence: ["somewhere in the plan"])
            }
            await expectRefused("review.error.evidence_record") {
                try await world.mark(id, "FB1", 2, by: world.peer, evidence: ["target:\(UUID().uuidString)"])
            }
            await expectRefused("error.forbidden") { try await world.mark(id, "FB1", 2, by: world.memberA) }
            #expect(try await ReviewMark.query(on: harness.db).filter(\.$request.$id == id).count() == 0)
            try await world.mark(id, "FB1", 2, by: world.peer)
            await expectRefused("review.error.mark_taken") { try await world.mark(id, "FB1", 3, by: world.expert) }
            await expectRefused("review.error.why_required") { try await world.mark(id, "FB1", 3, by: world.peer) }
            try await world.marks.mark(
                id, criterion: "FB1", .init(level: 3, evidence: ["page:4"], publicComment: "better", why: "read the annex"),
                by: world.peer)
            let mark = try #require(
                try await ReviewMark.query(on: harness.db).filter(\.$request.$id == id).filter(\.$criterion == "FB1").first())
            let history = try await ReviewHistory.entries(markID: try mark.requireID(), on: harness.db)
            #expect(history.count == 2)
            #expect(history[0].before == nil && history[0].after["level"] == "2" && history[0].why == "first mark")
            #expect(history[1].before?["level"] == "2" && history[1].after["level"] == "3" && history[1].why == "read the annex")
            #expect(history.allSatisfy { $0.actor == "Bo Beta" })
        }
    }

    @Test func citedRecords_areFrozenAtTheirVersion() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let world = try await ReviewWorld.make(harness)
            try await TargetTestSupport.publish(world.fixtures.alphaCity, year: 2020, terajoules: 1000, on: harness.db)
            let inventory = try #require(
                try await Inventory.query(on: harness.db).filter(\.$city.$id == world.fixtures.alphaCity.requireID()).first())
            let line = try #require(
                try await harness.db.sql().raw(
                    "SELECT id FROM inventory_lines WHERE inventory_id = \(bind: try inventory.requireID()) ORDER BY position LIMIT 1"
                ).first()?.decode(column: "id", as: UUID.self))
            let id = try await world.inMarking()
            try await world.mark(
                id, "FB1", 3, by: world.peer,
                evidence: [
                    "inventory:\(try inventory.requireID().uuidString)", "inventory-line:\(line.uuidString)",
                    "https://example.org/plan",
                ])
            // The records change afterwards; the evidence keeps what was cited.
            try await harness.db.sql().raw("UPDATE inventory_lines SET description = 'changed later' WHERE id = \(bind: line)")
                .run()
            try await harness.db.sql().raw(
                "UPDATE inventories SET version = version + 5 WHERE id = \(bind: try inventory.requireID())"
            ).run()
            let mark = try #require(
                try await ReviewMark.query(on: harness.db).filter(\.$request.$id == id).filter(\.$criterion == "FB1").first())
            let cited = try #require(mark.evidence.first { $0.recordType == "inventory" })
            #expect(cited.recordVersion == String(inventory.version))
            #expect(cited.snapshot == "Inventory 2020, version \(inventory.version)")
            let citedLine = try #require(mark.evidence.first { $0.recordType == "inventory-line" })
            #expect(citedLine.recordID == line && citedLine.snapshot?.contains("changed later") == false)
            #expect(mark.evidence.last?.kind == .link)
        }
    }

    @Test func reply_disagreeNeedsEvidenceAndComment_andNothingAfterTheDeadline() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let world = try await ReviewWorld.make(harness)
            let id = try await world.inMarking()
            try await world.mark(id, "FB1", 1, by: world.peer)
            try await world.setup.advance(id, to: .reply, by: world.secretariat)
            await expectRefused("review.error.disagree_evidence") {
                try await world.marks.reply(id, criterion: "FB1", agree: false, evidence: "", comment: "wrong", by: world.memberA)
            }
            await expectRefused("review.error.disagree_comment") {
                try await world.marks.reply(
                    id, criterion: "FB1", agree: false, evidence: "page:9", comment: "", by: world.memberA)
            }
            await expectRefused("review.error.no_mark") {
                try await world.marks.reply(id, criterion: "TG1", agree: true, evidence: "", comment: "", by: world.memberA)
            }
            await expectRefused("error.forbidden") {
                try await world.marks.reply(id, criterion: "FB1", agree: true, evidence: "", comment: "", by: world.peer)
            }
            #expect(try await ReviewWorld.replies(id, on: harness.db).isEmpty)
            try await world.marks.reply(id, criterion: "FB1", agree: true, evidence: "", comment: "", by: world.memberA)
            try await world.marks.reply(
                id, criterion: "FB1", agree: false, evidence: "page:9", comment: "the 2020 inventory is complete",
                by: world.memberA)
            let late = world.at("2026-03-31")
            await expectRefused("review.error.deadline_passed") {
                try await late.marks.reply(id, criterion: "FB1", agree: true, evidence: "", comment: "", by: world.memberA)
            }
            let replies = try await ReviewWorld.replies(id, on: harness.db)
            #expect(replies.count == 1 && replies[0].agree == false && replies[0].evidence == "page:9")
            // Marks are closed once the reply stage has begun.
            await expectRefused("review.error.stage") { try await world.mark(id, "TG1", 1, by: world.expert) }
        }
    }

    /// An analytical study runs through the same stages; its report keeps the baseline the city gave.
    @Test func analyticalStudy_reportKeepsTheBaseline() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let world = try await ReviewWorld.make(harness)
            let baseline = [
                "interests": "Distributed energy stations; PV on public buildings", "population": "1.2 million (2020 census)",
            ]
            let id = try await world.requests.create(
                .init(kind: .analyticalStudy, title: "Alpha study", summary: "New to low-carbon work", baseline: baseline),
                city: world.fixtures.alphaCity, by: world.memberA)
            try await world.setup.accept(id, editionID: world.editionID, deadlines: ReviewWorld.deadlines, by: world.secretariat)
            try await world.setup.assign(id, userID: world.peer.id, kind: .peer, lead: true, by: world.secretariat)
            try await world.setup.respond(id, accept: true, showName: true, reason: "", by: world.peer)
            try await world.setup.advance(id, to: .marking, by: world.secretariat)
            // A study has no document: its evidence is a link or a record.
            try await world.mark(id, "FB1", 1, by: world.peer, evidence: ["https://example.org/alpha-baseline"])
            try await world.marks.recommend(
                id, criterion: "FB1", .init(text: "Build a first BASIC inventory", priority: .high, gpcRef: nil), by: world.peer)
            try await world.setup.advance(id, to: .reply, by: world.secretariat)
            try await world.setup.advance(id, to: .moderation, by: world.secretariat)
            try await world.marks.moderate(id, criterion: "FB1", level: 1, reason: "", by: world.secretariat)
            try await world.publication.publish(id, by: world.secretariat)
            let report = try #require(try await ReviewPublication.versions(id, on: harness.db).last)
            #expect(report.kind == "analytical-study" && report.baseline == baseline && report.sectors == nil)
            // On the report page and in the API, for everyone.
            let page = try await Browser(client).get("/reviews/\(id.uuidString)")
            #expect(page.body.contains("<dd>Distributed energy stations; PV on public buildings</dd>"))
            let json = try InventoryTestSupport.json(try await Browser(client).get("/api/v1/reviews/\(id.uuidString)"))
            #expect((json["baseline"] as? [String: String]) == baseline)
        }
    }

    @Test func publishedReport_isImmutable_andCorrectionsAreNewVersions() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let world = try await ReviewWorld.make(harness)
            let id = try await world.inMarking()
            try await world.mark(id, "FB1", 3, by: world.peer)
            try await world.mark(id, "TG1", 4, by: world.expert)
            try await world.mark(id, "AC1", 1, by: world.expert)
            try await world.marks.recommend(
                id, criterion: "AC1", .init(text: "Add transport actions", priority: .high, gpcRef: "II.1"), by: world.expert)
            try await world.setup.advance(id, to: .reply, by: world.secretariat)
            try await world.marks.reply(
                id, criterion: "AC1", agree: false, evidence: "page:12", comment: "bus plan", by: world.memberA)
            try await world.setup.advance(id, to: .moderation, by: world.secretariat)
            await expectRefused("review.error.no_final_marks") { try await world.publication.publish(id, by: world.secretariat) }
            await expectRefused("review.error.final_reason") {
                try await world.marks.moderate(id, criterion: "AC1", level: 2, reason: "", by: world.peer)
            }
            try await world.marks.moderate(id, criterion: "AC1", level: 2, reason: "the bus plan counts", by: world.peer)
            try await world.marks.moderate(id, criterion: "TG1", level: 4, reason: "", by: world.peer)
            try await world.marks.moderate(id, criterion: "FB1", level: 3, reason: "", by: world.secretariat)
            await expectRefused("error.forbidden") { try await world.publication.publish(id, by: world.peer) }
            try await world.publication.publish(id, by: world.secretariat)
            #expect(try await world.state(id) == .published)
            let first = try await ReviewPublication.versions(id, on: harness.db)
            #expect(first.count == 1)
            let report = try #require(first.first)
            // FB1 3/4 = 75 (w 2), TG1 4/4 = 100 (w 2), AC1 2/4 = 50 (w 2): present 6 of 14 < 2/3, so no composite.
            #expect(report.composite == nil && report.compositeNotShownReason != nil)
            #expect(report.criteria.first { $0.id == "FB1" }?.score == 75)
            let ac1 = try #require(report.criteria.first { $0.id == "AC1" })
            #expect(
                ac1.firstLevel == 1 && ac1.finalLevel == 2 && ac1.reply?.agree == false
                    && ac1.finalReason == "the bus plan counts")
            #expect(report.criteria.first { $0.id == "CB1" }?.status == "missing")
            #expect(report.criteria.first { $0.id == "TG2" }?.status == "missing")
            #expect(report.groups.first { $0.id == "TG" }?.score == 100)
            #expect(report.recommendations.map(\.gpcRef) == ["II.1"])
            #expect(report.reviewers.map(\.name) == ["Bo Beta", nil])
            #expect(report.publicView.criteria.allSatisfy { $0.firstLevel == nil && $0.selfLevel == nil })
            // What was reviewed travels with the report: the plan's sectors (no scope was stated).
            #expect(report.sectors == ["I", "II"] && report.scope == nil && report.baseline == nil)
            // Nothing changes a published review but a correction.
            await expectRefused("review.error.stage") {
                try await world.marks.moderate(id, criterion: "AC1", level: 3, reason: "late", by: world.peer)
            }
            await expectRefused("review.error.reason_required") {
                try await world.publication.correct(id, reason: "", criterion: nil, level: nil, by: world.secretariat)
            }
            await expectRefused("error.forbidden") {
                try await world.publication.correct(id, reason: "x", criterion: "FB1", level: 1, by: world.peer)
            }
            try await world.publication.correct(
                id, reason: "AC1 misread", criterion: "AC1", level: 3, by: world.secretariat)
            let versions = try await ReviewPublication.versions(id, on: harness.db)
            #expect(versions.map(\.version) == [1, 2])
            #expect(versions[0] == report)
            #expect(versions[1].reason == "AC1 misread")
            #expect(versions[1].criteria.first { $0.id == "AC1" }?.finalLevel == 3)
        }
    }
}
