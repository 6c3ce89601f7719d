import FluentKit
import Foundation
import HTTPTypes
import Indicators
import Testing

@testable import App

/// The published report reads in the reader's language: criterion, group and framework names from
/// the edition it was marked on (the stored report keeps English), reviewers who chose not to be
/// named by kind and country; a missing composite says why once.
@Suite struct ReviewReportViewTests {
    @Test func report_inTheReadersLanguage() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let path = Paths.review(Seeder.illustrativeReviewID)
            let korean = try await Browser(client).get(path + "?lang=ko")
            #expect(korean.status == .ok)
            #expect(korean.body.contains("FB1 계획이 온실가스 인벤토리에 기반한다"))
            #expect(korean.body.contains("사실 근거와 인벤토리"))
            #expect(korean.body.contains("계획 품질 평가 기준"))
            #expect(!korean.body.contains("The plan rests on a GHG inventory"))
            let english = try await Browser(client).get(path)
            #expect(english.body.contains("FB1 The plan rests on a GHG inventory"))
            #expect(!english.body.contains("— —"))
            // Why there is no composite, in the reader's language from the report's numbers: 7.5 of
            // the 14 applicable weight has a final mark, under the edition's minimum share of 2/3.
            #expect(
                english.body.contains(
                    "only 7.5 of the 14 applicable weight has a value, less than the edition's minimum share of 66.7 %"))
            #expect(korean.body.contains("적용 가중치 14 중 값이 있는 것은 7.5뿐으로, 이 판의 최소 비율 66.7%에 못 미칩니다"))

            // A reviewer not named: by kind and country.
            let expert = ReviewReport.Reviewer(name: nil, country: "JP", kind: "expert", lead: false)
            let t = Translator(locale: .en, catalogue: try Catalogue.load())
            #expect(ReviewReportView.anonymous(expert, t: t) == "An expert from Japan")
            #expect(
                ReviewReportView.anonymous(.init(name: nil, country: nil, kind: "peer", lead: false), t: t) == "A peer")
        }
    }

    /// The city's self-assessment scored by the criteria's rule, worked by hand: FB1 2/4 = 50 (w 2),
    /// FB2 3/3 = 100 (w 1), TG1 4/4 = 100 (w 2), TG2 0/3 = 0 (w 1), AC1 1/4 = 25 (w 2), AC2 3/3 = 100
    /// (w 1), FI1 0/3 = 0 (w 1.5), MO1 3/3 = 100 (w 1.5); PA1 and CB1 not assessed (left out, 12 of
    /// 14 weight present ≥ 2/3): (100 + 100 + 200 + 0 + 50 + 100 + 0 + 150) / 12 = 700 / 12 = 58.33.
    @Test func selfAssessment_isScoredByTheSameRule() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let world = try await ReviewWorld.make(harness)
            let id = try await world.request()
            try await world.setup.accept(id, editionID: world.editionID, deadlines: ReviewWorld.deadlines, by: world.secretariat)
            try await world.setup.advance(id, to: .selfAssessment, by: world.secretariat)
            for (criterion, level) in [
                ("FB1", 2), ("FB2", 3), ("TG1", 4), ("TG2", 0), ("AC1", 1), ("AC2", 3), ("FI1", 0), ("MO1", 3),
            ] {
                try await world.marks.selfAssess(id, criterion: criterion, level: level, comment: "", by: world.memberA)
            }
            let scores = try #require(
                try await ReviewWorkspace.load(id, user: world.memberA, db: harness.db, today: "2026-03-01")?.selfScores())
            let composite = try #require(scores.composite.score)
            #expect(abs(composite - 700.0 / 12.0) < 1e-9)
            let city = Browser(client)
            _ = try await city.signIn(world.fixtures.memberA.email)
            let page = try await city.get(Paths.review(id))
            #expect(page.body.contains("The city&#39;s self-assessment, scored") || page.body.contains("self-assessment, scored"))
            #expect(page.body.contains("58.3"))
        }
    }
}
