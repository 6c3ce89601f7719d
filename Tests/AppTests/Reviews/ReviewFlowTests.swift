import FluentKit
import HTTPTypes
import Foundation
import SQLKit
import Testing

@testable import App

/// The whole review through the site, as its people do it: request with a plan → set-up → two
/// reviewers accept and mark → the city replies → moderation → publication; then the report page,
/// its JSON, the mail queued with the events, and bad input refused with nothing changed.
@Suite struct ReviewFlowTests {
    @Test func requestToPublication_throughTheSite() async throws {
        let settings = try OpsTest.mailSettings(port: 9)
        try await TestApp.run(seed: true, configure: OpsTest.mailOn(settings)) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let world = try await ReviewWorld.make(harness, fixtures: fixtures)
            let city = Browser(client)
            let secretariat = Browser(client)
            let peer = Browser(client)
            let expert = Browser(client)
            _ = try await city.signIn(fixtures.memberA.email)
            _ = try await secretariat.signIn(fixtures.secretariat.email)
            _ = try await peer.signIn(fixtures.memberB.email)
            _ = try await expert.signIn(fixtures.expert.email)

            // The city asks; a file that is not a document is refused and nothing is stored.
            #expect(try await city.get("/cities/alpha-city/reviews/new").status == .ok)
            let fields = [
                ("kind", "plan-review"), ("title", "Alpha plan 2030"), ("summary", "Our plan"), ("sectors", "I"),
                ("scope", "The whole municipality, 2021–2030"),
            ]
            let refused = try await city.upload(
                "/cities/alpha-city/reviews", field: "documents", filename: "plan.pdf", contentType: "application/pdf",
                content: "not a pdf", fields: fields)
            #expect(refused.status == .unprocessableContent)
            // The form again, with what was typed and the problem named next to the documents.
            #expect(refused.body.contains("error-summary") && refused.body.contains("value=\"Alpha plan 2030\""))
            #expect(refused.body.contains("Files are not kept"))
            #expect(try await ReviewRequest.query(on: harness.db).filter(\.$illustrative == false).count() == 0)
            try await city.get("/cities/alpha-city/reviews/new")
            let sent = try await city.upload(
                "/cities/alpha-city/reviews", field: "documents", filename: "plan.pdf", contentType: "application/pdf",
                bytes: ReviewWorld.pdf, fields: fields)
            #expect(sent.status == .seeOther)
            let id = try #require(
                try await ReviewRequest.query(on: harness.db).filter(\.$illustrative == false).first()?.requireID())
            let review = "/reviews/\(id.uuidString)"

            // The plan is there for the review's people, and for nobody else before publication.
            let document = try #require(
                try await ReviewDocument.query(on: harness.db).filter(\.$request.$id == id).first()?.requireID())
            let download = try await city.get("\(review)/documents/\(document.uuidString)")
            #expect(download.status == .ok && download.body.hasPrefix("%PDF-"))
            #expect(try await Browser(client).get("\(review)/documents/\(document.uuidString)").status == .notFound)
            #expect(try await peer.get("\(review)/documents/\(document.uuidString)").status == .notFound)

            // Set-up: criteria, timetable, two reviewers (the lead peer and an expert).
            #expect(try await secretariat.get("\(review)/setup").status == .ok)
            var accept: [(String, String)] = [("edition", world.editionID.uuidString)]
            let today = Date()
            for (offset, stage) in ReviewState.stages.enumerated() {
                accept.append(
                    ("deadline_\(stage.rawValue)", ISODay.format(today.addingTimeInterval(Double(offset + 5) * 86_400))))
            }
            #expect(try await secretariat.post("\(review)/accept", accept).status == .seeOther)
            let setup = try await secretariat.get("\(review)/setup")
            #expect(setup.body.contains("Bo Beta") && setup.body.contains("Ex Pert"))
            #expect(!setup.body.contains("Ada Alpha —"), "the reviewed city's member is never suggested")
            #expect(
                try await secretariat.post(
                    "\(review)/assign", [("reviewer", world.peer.id.uuidString), ("kind", "peer"), ("lead", "on")]
                ).status == .seeOther)
            try await secretariat.get("\(review)/setup")
            #expect(
                try await secretariat.post("\(review)/assign", [("reviewer", world.expert.id.uuidString), ("kind", "expert")])
                    .status == .seeOther)
            #expect(try await peer.get("\(review)/documents/\(document.uuidString)").status == .ok)
            try await peer.get(review)
            #expect(try await peer.post("\(review)/respond", [("decision", "accept"), ("show_name", "on")]).status == .seeOther)
            try await expert.get(review)
            #expect(try await expert.post("\(review)/respond", [("decision", "accept")]).status == .seeOther)
            try await secretariat.get("\(review)/setup")
            #expect(try await secretariat.post("\(review)/advance", [("to", "marking")]).status == .seeOther)

            // Marking.
            let workspace = try await peer.get("\(review)/marking")
            #expect(workspace.status == .ok && workspace.body.contains("FB1"))
            // The timetable marks the stage the review is in, for screen readers too; only that one.
            #expect(workspace.body.components(separatedBy: "aria-current=\"step\"").count == 2)
            #expect(workspace.body.contains("<tr class=\"current\" aria-current=\"step\"><th>Marking</th>"))
            // A form per criterion, each field with its own id (a label points to its own form).
            #expect(HTMLIDs.repeated(in: workspace.body).isEmpty, "\(HTMLIDs.repeated(in: workspace.body))")
            #expect(workspace.body.contains(#"<label for="f-FB1-level">"#))
            let outside = try await peer.post(
                "\(review)/marks",
                [("criterion", "FB1"), ("level", "7"), ("evidence", "page:2"), ("public_comment", "Typed before the refusal")])
            #expect(outside.status == .unprocessableContent)
            // The marking page again: the error above FB1's form, the comment kept, nothing stored.
            #expect(outside.body.contains("error-summary") && outside.body.contains("Typed before the refusal"))
            #expect(try await ReviewMark.query(on: harness.db).filter(\.$request.$id == id).count() == 0)
            try await peer.get("\(review)/marking")
            #expect(
                try await peer.post(
                    "\(review)/marks",
                    [
                        ("criterion", "FB1"), ("level", "2"), ("evidence", "page:2\nhttps://example.org/inventory"),
                        ("public_comment", "Inventory of one year"), ("private_note", "Send us the 2019 data"),
                    ]
                ).status == .seeOther)
            // Each reviewer's own workspace (a shared page per reader): FB1's form only for the peer who marked it.
            let fb1Form = "<input type=\"hidden\" name=\"criterion\" value=\"FB1\">"
            let peerWorkspace = try await peer.get("\(review)/marking")
            #expect(peerWorkspace.body.contains(fb1Form))
            let expertWorkspace = try await expert.get("\(review)/marking")
            #expect(!expertWorkspace.body.contains(fb1Form))
            // Where the marking stands, above the forms: FB1 is the peer's for the peer, another
            // reviewer's for the expert, each linked to its form.
            for body in [peerWorkspace.body, expertWorkspace.body] {
                #expect(body.contains("1 of 10 criteria marked"), "the plan-quality criteria have 10 items")
                #expect(
                    body.contains(##"<a href="#criterion-FB1">"##)
                        && body.contains(#"<section class="criterion" id="criterion-FB1">"#))
            }
            #expect(peerWorkspace.body.contains("<td>2</td><td>You</td>"))
            #expect(expertWorkspace.body.contains("<td>2</td><td>Another reviewer</td>"))
            try await expert.get("\(review)/marking")
            #expect(
                try await expert.post("\(review)/marks", [("criterion", "TG1"), ("level", "3"), ("evidence", "page:5")]).status
                    == .seeOther)
            try await expert.get("\(review)/marking")
            #expect(
                try await expert.post(
                    "\(review)/recommendations",
                    [("criterion", "TG1"), ("text", "Add interim milestones"), ("priority", "high"), ("gpc_ref", "")]
                ).status == .seeOther)
            try await secretariat.get(review)
            #expect(try await secretariat.post("\(review)/advance", [("to", "reply")]).status == .seeOther)

            // The city's reply: the private note is there; disagreeing without evidence is refused.
            let replyPage = try await city.get("\(review)/reply")
            #expect(replyPage.body.contains("Send us the 2019 data"))
            #expect(HTMLIDs.repeated(in: replyPage.body).isEmpty, "\(HTMLIDs.repeated(in: replyPage.body))")
            let bare = try await city.post(
                "\(review)/replies", [("criterion", "FB1"), ("answer", "disagree"), ("comment", "no")])
            #expect(bare.status == .unprocessableContent)
            #expect(bare.body.contains("error-summary") && bare.body.contains(">no</textarea>"))
            #expect(try await ReviewWorld.replies(id, on: harness.db).isEmpty)
            try await city.get("\(review)/reply")
            #expect(
                try await city.post(
                    "\(review)/replies",
                    [("criterion", "FB1"), ("answer", "disagree"), ("evidence", "page:7"), ("comment", "Two years are covered")]
                ).status == .seeOther)
            try await secretariat.get(review)
            #expect(try await secretariat.post("\(review)/advance", [("to", "moderation")]).status == .seeOther)

            // Moderation: the lead moderates what it did not mark; the secretariat the rest.
            try await peer.get("\(review)/moderation")
            let ownMark = try await peer.post("\(review)/final", [("criterion", "FB1"), ("level", "3")])
            #expect(ownMark.status == .conflict)
            #expect(ownMark.body.contains("error-summary") && ownMark.body.contains("cannot be its first reviewer"))
            try await peer.get("\(review)/moderation")
            #expect(try await peer.post("\(review)/final", [("criterion", "TG1"), ("level", "3")]).status == .seeOther)
            let moderation = try await secretariat.get("\(review)/moderation")
            #expect(HTMLIDs.repeated(in: moderation.body).isEmpty, "\(HTMLIDs.repeated(in: moderation.body))")
            #expect(
                try await secretariat.post(
                    "\(review)/final", [("criterion", "FB1"), ("level", "3"), ("reason", "2019 data found")]
                )
                .status == .seeOther)
            try await secretariat.get("\(review)/setup")
            #expect(try await secretariat.post("\(review)/publish", []).status == .seeOther)

            // The report: for everyone; first marks and private notes only for participants.
            let visitor = Browser(client)
            let page = try await visitor.get(review)
            #expect(page.status == .ok)
            #expect(page.body.contains("2019 data found") && page.body.contains("Add interim milestones"))
            #expect(!page.body.contains("Send us the 2019 data"))
            #expect(!page.body.contains("First mark"))
            let cityReport = try await city.get(review)
            #expect(cityReport.body.contains("First mark"))
            // The follow-up forms, one pair per recommendation, their ids under the recommendation's.
            #expect(
                cityReport.body.range(of: #"<select id="f-[0-9A-F-]{36}-response" name="response""#, options: .regularExpression)
                    != nil)
            #expect(HTMLIDs.repeated(in: cityReport.body).isEmpty, "\(HTMLIDs.repeated(in: cityReport.body))")
            let json = try InventoryTestSupport.json(try await visitor.get("/api/v1/reviews/\(id.uuidString)"))
            #expect(json["version"] as? Int == 1 && json["illustrative"] as? Bool == false)
            #expect(json["scope"] as? String == "The whole municipality, 2021–2030" && json["sectors"] as? [String] == ["I"])
            #expect(page.body.contains("The whole municipality, 2021–2030"))
            let criteria = try #require(json["criteria"] as? [[String: Any]])
            let fb1 = try #require(criteria.first { $0["id"] as? String == "FB1" })
            #expect(fb1["finalLevel"] as? Int == 3 && fb1["score"] as? Double == 75 && fb1["firstLevel"] == nil)
            let list = try InventoryTestSupport.json(try await visitor.get("/api/v1/reviews"))
            let listed = try #require(list["reviews"] as? [[String: Any]])
            #expect(listed.contains { $0["id"] as? String == id.uuidString && $0["illustrative"] as? Bool == false })
            #expect(listed.contains { $0["illustrative"] as? Bool == true }, "the seeded illustrative review, labelled")
            #expect(try await visitor.get("/reviews").body.contains("Alpha plan 2030"))
            let csv = try await visitor.get("\(review)/marks.csv")
            #expect(csv.status == .ok && csv.body.contains("mark,FB1,,,3,2019 data found"))
            #expect(csv.body.contains("recommendation,TG1") && !csv.body.contains("Send us the 2019 data"))
            #expect(try await city.get("\(review)/marks.csv").body.contains("Send us the 2019 data"))

            // Mail: the two assignments and the publication, queued with their events.
            let kinds = try await harness.db.sql().raw("SELECT kind FROM mail_messages").all()
                .map { try $0.decode(column: "kind", as: String.self) }
            #expect(kinds.filter { $0 == "review-assigned" }.count == 2)
            #expect(kinds.contains("review-published"))
        }
    }
}

/// What waits for each person, on their account page, with the stage's deadline.
@Suite struct ReviewTaskTests {
    @Test func accountPage_listsAssignmentsAndMarksDue() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let id = try await ReviewMatrixTests.reviewInMarking(harness, fixtures)
            let world = try await ReviewWorld.make(harness, fixtures: fixtures)
            try await ReviewSetupService(db: harness.db, clock: AppClock()).assign(
                id, userID: world.expert.id, kind: .expert, lead: false, by: world.secretariat)
            let peer = Browser(client)
            _ = try await peer.signIn(fixtures.memberB.email)
            let peerPage = try await peer.get("/account")
            #expect(peerPage.body.contains("your marks are due") && peerPage.body.contains(id.uuidString))
            let expert = Browser(client)
            _ = try await expert.signIn(fixtures.expert.email)
            #expect(try await expert.get("/account").body.contains("accept or decline your assignment"))
            let city = Browser(client)
            _ = try await city.signIn(fixtures.memberA.email)
            #expect(!(try await city.get("/account").body.contains(id.uuidString)))
            // The way to ask for a review: from the list, for the person's own city only.
            #expect(try await city.get("/reviews").body.contains("href=\"/cities/alpha-city/reviews/new\""))
            #expect(!(try await peer.get("/reviews").body.contains("href=\"/cities/alpha-city/reviews/new\"")))

            // Once every criterion has its first mark, marking waits on nobody: the task is gone.
            let record = try #require(try await ReviewRequest.find(id, on: harness.db))
            let criteria = try await ReviewCriteria.load(record, on: harness.db).items.map(\.id.rawValue)
            for criterion in criteria.dropLast() { try await world.mark(id, criterion, 1, by: world.peer) }
            #expect(try await peer.get("/account").body.contains("your marks are due"), "one criterion is left")
            try await world.mark(id, try #require(criteria.last), 1, by: world.peer)
            #expect(!(try await peer.get("/account").body.contains("your marks are due")))
        }
    }

    /// The rule itself: marking waits on accepted reviewers while a criterion has no first mark.
    @Test func markingTask_whileCriteriaAreUnmarked() {
        let accepted = ReviewDirectory.Assignment(reviewID: UUID(), userID: UUID(), state: .accepted, lead: false)
        let invited = ReviewDirectory.Assignment(reviewID: UUID(), userID: UUID(), state: .invited, lead: false)
        func key(_ assignment: ReviewDirectory.Assignment?, unmarked: Int?) -> String? {
            ReviewTask.key(state: .marking, isSecretariat: false, isCityEditor: false, assignment: assignment, unmarked: unmarked)
        }
        #expect(key(accepted, unmarked: 3) == "marking")
        #expect(key(accepted, unmarked: 0) == nil)
        #expect(key(invited, unmarked: 0) == "respond", "an assignment to answer is still a task")
        #expect(key(nil, unmarked: 3) == nil)
    }
}
