import FluentKit
import Foundation
import HTTPTypes
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

            // A reviewer not named: by kind and country.
            let expert = ReviewReport.Reviewer(name: nil, country: "JP", kind: "expert", lead: false)
            let t = Translator(locale: .en, catalogue: try Catalogue.load())
            #expect(ReviewReportView.anonymous(expert, t: t) == "An expert from Japan")
            #expect(
                ReviewReportView.anonymous(.init(name: nil, country: nil, kind: "peer", lead: false), t: t) == "A peer")
        }
    }
}
