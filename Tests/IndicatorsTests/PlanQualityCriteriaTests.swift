import Testing

@testable import Indicators

/// The shipped plan-quality criteria (issue 12) and a worked example of scoring them.
@Suite struct PlanQualityCriteriaTests {
    @Test func criteria_areQualitativeItemsWithADescriptorPerLevel() throws {
        let edition = try BundledFrameworks.load(.planQualityCriteria)
        #expect(edition.framework.slug == "plan-quality")
        #expect(edition.framework.name["en"]?.contains("the platform's own") == true)
        #expect(edition.groups.map(\.id) == ["FB", "TG", "AC", "FI", "MO", "PA", "CB"])
        #expect(edition.items.count == 10)
        for item in edition.items {
            guard case .qualitative(let scale) = item.kind else {
                Issue.record("\(item.id) is not qualitative")
                continue
            }
            #expect([3, 4].contains(scale.maxLevel))
            #expect(scale.levels.allSatisfy { scale.descriptors[$0]?["en"] != nil }, "\(item.id)")
            #expect(item.weight > 0)
            #expect(LocalizedText.platformLanguages.allSatisfy { item.name[$0] != nil }, "\(item.id)")
        }
    }

    /// FB1 3/4, FB2 2/3, TG1 4/4, TG2 1/3, AC1 2/4, FI1 0/3, MO1 3/3, PA1 1/3; AC2 and CB1 missing.
    /// Weights 2,1,2,1,2,(1),1.5,1.5,1,(1): present 12 of 14. Weighted sum 600 + 400/3 → 550/9.
    @Test func workedExample_scoresExactly_missingIsMissing() throws {
        let edition = try BundledFrameworks.load(.planQualityCriteria)
        var assessment = Assessment(edition: edition, year: 2025, city: CityContext(country: "CN"))
        for (id, level) in ["FB1": 3, "FB2": 2, "TG1": 4, "TG2": 1, "AC1": 2, "FI1": 0, "MO1": 3, "PA1": 1] {
            assessment.responses[ItemID(id)] = ItemResponse(.level(level))
        }
        let scores = edition.score(assessment)
        #expect(abs((scores.composite.score ?? 0) - 550.0 / 9.0) < 1e-9)
        #expect(scores.composite.weightPresent == 12)
        #expect(scores.composite.weightApplicable == 14)
        #expect(abs((scores.group("FB")?.summary.score ?? 0) - 650.0 / 9.0) < 1e-9)
        #expect(scores.item("FI1")?.status == .scored(0))
        #expect(scores.item("CB1")?.status.score == nil)
        if case .missing = scores.item("CB1")?.status {} else { Issue.record("CB1 should be missing") }
        #expect(scores.group("CB")?.summary.score == nil)
    }

    @Test func milestones_doNotApply_withoutATarget() throws {
        let edition = try BundledFrameworks.load(.planQualityCriteria)
        var assessment = Assessment(edition: edition, year: 2025, city: CityContext())
        assessment.responses["TG1"] = ItemResponse(.level(0))
        assessment.responses["TG2"] = ItemResponse(.level(2))
        let scores = edition.score(assessment)
        if case .notApplicable = scores.item("TG2")?.status {} else { Issue.record("TG2 should not apply") }
        #expect(scores.group("TG")?.summary.score == 0)
    }
}
