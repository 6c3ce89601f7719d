import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing

@testable import App

/// The editorial workflow: members draft, reviewers publish or return; drafts are seen only by
/// their author and reviewers; every change is a version; publication files are checked.
@Suite struct KnowledgeWorkflowTests {
    typealias Who = AuthorizationMatrixTests.Who

    @Test func draftReviewPublish_withVersionsAndSearch() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let author = Browser(client)
            _ = try await author.signIn(fixtures.memberA.email)
            try await author.get("/knowledge/new?kind=case_study")
            let refused = try await author.post(
                "/knowledge/new?kind=case_study",
                [("title_en", ""), ("city", "atlantis"), ("results", "Saved energy | lots | MWh")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.contains("at least one language") && refused.contains("results"))
            let created = try await author.post(
                "/knowledge/new?kind=case_study",
                [
                    ("title_en", "District heating retrofit"), ("title_zh", "区域供热节能改造"),
                    ("summary_zh", "阿尔法市推进低碳供热改造。"), ("body_en", "## What was done\nPipes **insulated**. <script>x</script>"),
                    ("city", "alpha-city"), ("sector", "I"), ("pathways", "low_emission"),
                    ("results", "Heat saved | 12,500 | MWh per year"), ("sources", "City report 2023"),
                ])
            #expect(created.status == .seeOther)
            let path = try #require(created.location)
            let id = String(path.split(separator: "/").last!)
            // A draft: its author sees it; nobody else but reviewers; search does not find it.
            #expect(try await author.get(path).status == .ok)
            let other = Browser(client)
            _ = try await other.signIn(fixtures.memberB.email)
            #expect(try await other.get(path).status == .notFound)
            #expect(try await Browser(client).get("/case-studies/district-heating-retrofit").status == .notFound)
            let search = try await Browser(client).get("/api/v1/search?q=%E4%BE%9B%E7%83%AD")
            #expect((try InventoryTestSupport.json(search)["total"] as? Int) == 0)
            // The author submits; may not publish.
            try await author.get(path)
            #expect(try await author.post("\(path)/submit", []).status == .seeOther)
            #expect(try await author.post("\(path)/publish", []).status == .forbidden)
            // The secretariat returns it with a reason, the author resubmits, the secretariat publishes.
            let secretariat = Browser(client)
            _ = try await secretariat.signIn(fixtures.secretariat.email)
            let queue = try await secretariat.get("/knowledge/drafts")
            #expect(queue.contains("District heating retrofit"))
            try await secretariat.get(path)
            #expect(try await secretariat.post("\(path)/return", [("comment", "")]).status == .unprocessableContent)
            #expect(try await secretariat.post("\(path)/return", [("comment", "Add the source")]).status == .seeOther)
            try await author.get(path)
            #expect(try await author.post("\(path)/submit", []).status == .seeOther)
            try await secretariat.get(path)
            #expect(try await secretariat.post("\(path)/publish", []).status == .seeOther)
            // Published: a stable URL, found by search in Chinese, Markdown rendered safely.
            let page = try await Browser(client).get("/case-studies/district-heating-retrofit")
            #expect(page.status == .ok && page.contains("<strong>insulated</strong>") && !page.contains("<script>x"))
            #expect(page.contains("12,500"))
            let found = try await Browser(client).get("/api/v1/search?q=%E4%BE%9B%E7%83%AD")
            #expect((try InventoryTestSupport.json(found)["total"] as? Int) == 1)
            // Versions: created, submitted, returned, submitted, published.
            let versions = try await harness.db.sql().select().column("number").from("knowledge_versions")
                .where("item_id", .equal, UUID(uuidString: id)!).all()
            #expect(versions.count == 5)
            // The author can no longer edit the published record; the secretariat can.
            #expect(try await author.get("\(path)/edit").status == .forbidden)
            #expect(try await secretariat.get("\(path)/edit").status == .ok)
        }
    }

    @Test func publicationFiles_areCheckedAndLimited() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let author = Browser(client)
            _ = try await author.signIn(fixtures.memberA.email)
            try await author.get("/knowledge/new?kind=publication")
            let created = try await author.post(
                "/knowledge/new?kind=publication", [("title_en", "Low-carbon guide"), ("sources", "Alpha City")])
            let path = try #require(created.location)
            try await author.get(path)
            let fake = try await author.upload(
                "\(path)/file", filename: "guide.pdf", contentType: "application/pdf", content: "<html>not a pdf</html>")
            #expect(fake.status == .unprocessableContent)
            try await author.get(path)
            let pdf = try await author.upload(
                "\(path)/file", filename: "guide.pdf", contentType: "application/pdf", content: "%PDF-1.4\n% test\n")
            #expect(pdf.status == .seeOther)
            let item = try #require(try await KnowledgeItem.query(on: harness.db).first())
            let fileID = try #require(item.fileID)
            // Draft: the file is the author's; others get 404.
            #expect(try await author.get("/files/\(fileID)/guide.pdf").status == .ok)
            #expect(try await Browser(client).get("/files/\(fileID)/guide.pdf").status == .notFound)
            // A photo needs an image and a credit; it is shown with its caption once published.
            try await author.get(path)
            let noCredit = try await author.upload(
                "\(path)/photo", filename: "cover.png", contentType: "image/png",
                bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00])
            #expect(noCredit.status == .unprocessableContent)
            try await author.get(path)
            let text = try await author.upload(
                "\(path)/photo", filename: "cover.png", contentType: "image/png", content: "not an image")
            #expect(text.status == .unprocessableContent)
            try await author.get(path)
            let photo = try await author.upload(
                "\(path)/photo", filename: "cover.jpg", contentType: "image/jpeg", bytes: [0xFF, 0xD8, 0xFF, 0xE0, 0x00],
                fields: [("caption", "Guide cover"), ("credit", "Alpha City")])
            #expect(photo.status == .seeOther)
            let withPhoto = try #require(try await KnowledgeItem.query(on: harness.db).first())
            #expect(withPhoto.photoCredit == "Alpha City" && withPhoto.photoID != nil)
            try await author.get(path)
            let big = String(repeating: "x", count: UploadLimits.publicationBytes + 10)
            let tooLarge = try await author.upload(
                "\(path)/file", filename: "big.pdf", contentType: "application/pdf", content: "%PDF-" + big)
            #expect(tooLarge.status == .contentTooLarge)
        }
    }

    @Test func site_roleByKnowledgeAction() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browsers = try await RoleMatrix.browsers(client, fixtures)
            // A draft by memberA, in review.
            let author = browsers[.memberA]!
            try await author.get("/knowledge/new?kind=news")
            let path = try #require(
                try await author.post("/knowledge/new?kind=news", [("title_en", "Matrix news"), ("sources", "x")]).location)
            try await author.get(path)
            #expect(try await author.post("\(path)/submit", []).status == .seeOther)
            let signedOut: (Who) -> Bool = { $0 == .visitor || $0 == .applicant }
            let rows: [(HTTPRequest.Method, String, [(String, String)], (Who) -> HTTPResponse.Status)] = [
                (.get, "/knowledge", [], { _ in .ok }),
                (.get, "/knowledge/drafts", [], { signedOut($0) ? .seeOther : .ok }),
                (.get, "/knowledge/new?kind=event", [], { signedOut($0) ? .seeOther : .ok }),
                (
                    .get, path, [],
                    { who in signedOut(who) ? .seeOther : [.memberA, .secretariat].contains(who) ? .ok : .notFound }
                ),
                (
                    .get, "\(path)/edit", [],
                    { who in
                        signedOut(who) ? .seeOther : who == .secretariat ? .ok : who == .memberA ? .forbidden : .notFound
                    }
                ),
                (
                    .post, "\(path)/submit", [],
                    { who in
                        signedOut(who) ? .unauthorized : [.memberA, .secretariat].contains(who) ? .forbidden : .notFound
                    }
                ),
                (
                    .post, "\(path)/publish", [],
                    { who in
                        signedOut(who)
                            ? .unauthorized : who == .secretariat ? .seeOther : who == .memberA ? .forbidden : .notFound
                    }
                ),
            ]
            for (method, target, form, expected) in rows {
                for who in Who.allCases {
                    let browser = browsers[who]!
                    if method == .post { try await browser.get("/knowledge") }
                    let page = method == .get ? try await browser.get(target) : try await browser.post(target, form)
                    #expect(page.status == expected(who), "\(who.rawValue) \(method) \(target): got \(page.status.code)")
                }
            }
        }
    }
}
