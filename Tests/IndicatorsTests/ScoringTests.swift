import Testing

@testable import Indicators

@Suite struct ScoringTests {
    @Test func composite_renormalisesWeightsOverApplicableItems() throws {
        // A (w 3) and B (w 1) everywhere; C (w 2) only in Japan. All linear 0 → 100.
        let japanOnly = Applicability(onlyCountries: ["JP"])
        let edition = try edition([
            linearItem("A", floor: 0, benchmark: 100, weight: 3), linearItem("B", floor: 0, benchmark: 100, weight: 1),
            linearItem("C", floor: 0, benchmark: 100, weight: 2, applicability: japanOnly),
        ])
        let answers: [ItemID: Answer] = ["A": .value(50), "B": .value(100), "C": .value(80)]

        let chinese = edition.score(assessment(answers, city: CityContext(country: "CN")))
        let japanese = edition.score(assessment(answers, city: CityContext(country: "JP")))

        // China: C does not apply → (3 × 50 + 1 × 100) / (3 + 1) = 250 / 4 = 62.5
        expectClose(chinese.composite.score, 62.5)
        #expect(chinese.composite.weightApplicable == 4)
        #expect(chinese.composite.itemsScored == 2)
        #expect(chinese.composite.itemsNotApplicable == 1)
        #expect(chinese.item("C")?.status == .notApplicable(reason: "applies only in JP"))
        // Japan: (150 + 100 + 2 × 80) / 6 = 410 / 6 = 68.333…
        expectClose(japanese.composite.score, 410.0 / 6.0)
    }

    @Test func missing_zero_andNotApplicable_areThreeDifferentThings() throws {
        // D applies only when A ≥ 1.
        let edition = try edition(
            [
                linearItem("A", floor: 0, benchmark: 100), linearItem("B", floor: 0, benchmark: 100),
                linearItem("C", floor: 0, benchmark: 100),
                linearItem(
                    "D", floor: 0, benchmark: 100,
                    applicability: Applicability(conditions: [AnswerCondition(item: "A", comparison: .atLeast, values: [1])])),
            ], minimumShare: 0.5)
        // A is a real 0; B has no value; C is 100; D has a value but does not apply because A = 0.
        let scores = edition.score(assessment(["A": .value(0), "C": .value(100), "D": .value(100)]))

        #expect(scores.item("A")?.status == .scored(0))
        #expect(scores.item("B")?.status == .missing(reason: "no value"))
        #expect(scores.item("D")?.status == .notApplicable(reason: "applies only when A >= 1"))
        // (1 × 0 + 1 × 100) / (1 + 1) = 50: B is neither 0 (would give 100 / 3 = 33.3) nor best (200 / 3 = 66.7)
        expectClose(scores.composite.score, 50)
        // applicable weight A + B + C = 3, present A + C = 2
        #expect(scores.composite.weightApplicable == 3)
        #expect(scores.composite.weightPresent == 2)
        #expect(scores.composite.itemsMissing == 1)
        #expect(scores.composite.itemsNotApplicable == 1)
    }

    @Test func excludedItem_leavesBothScoreAndMaximum_whileMissingLowersTheShare() throws {
        let edition = try edition([
            levelItem("A", maxLevel: 4, weight: 2), levelItem("B", maxLevel: 4, weight: 2),
            levelItem("C", maxLevel: 4, weight: 1),
        ])
        // A level 3 of 4 → 75; C level 4 of 4 → 100
        let excluded = edition.score(assessment(["A": .level(3), "B": .excluded(reason: "no council homes"), "C": .level(4)]))
        let missing = edition.score(assessment(["A": .level(3), "C": .level(4)]))

        // Excluded: (2 × 75 + 1 × 100) / (2 + 1) = 250 / 3 = 83.33…, maximum 3 of 3 → share 1
        expectClose(excluded.composite.score, 250.0 / 3.0)
        #expect(excluded.composite.weightApplicable == 3)
        #expect(excluded.composite.share == 1)
        #expect(excluded.composite.itemsExcluded == 1)
        // Missing: B stays in the maximum: 3 of 5 present = 0.6 < 2/3 → not shown
        #expect(missing.composite.score == nil)
        #expect(missing.composite.share == 0.6)
        #expect(
            missing.composite.notShownReason == "only 3 of 5 applicable weight is present, less than the edition's minimum share")
    }

    @Test func composite_notShownBelowMinimumShare_andShownAtItDespiteRounding() throws {
        let edition = try edition([
            linearItem("A", floor: 0, benchmark: 100, weight: 0.2), linearItem("B", floor: 0, benchmark: 100, weight: 0.2),
            linearItem("C", floor: 0, benchmark: 100, weight: 0.2),
        ])
        // Two of three: 0.4 / 0.6000000000000001 = 0.666…65 in binary, still two thirds → shown.
        // (0.2 × 30 + 0.2 × 60) / 0.4 = 18 / 0.4 = 45
        let two = edition.score(assessment(["A": .value(30), "B": .value(60)]))
        expectClose(two.composite.score, 45)
        #expect(two.composite.itemsScored == 2)
        // One of three: 1/3 < 2/3 → not shown, with the reason.
        let one = edition.score(assessment(["A": .value(30)]))
        #expect(one.composite.score == nil)
        #expect(one.composite.notShownReason != nil)
        #expect(one.composite.itemsScored == 1)
    }

    @Test func groups_scoreSeparately_andAGroupWithNothingIsNotShown() throws {
        let edition = try edition([
            linearItem("A1", group: "A", floor: 0, benchmark: 100),
            linearItem("A2", group: "A", floor: 0, benchmark: 100, weight: 3),
            linearItem("B1", group: "B", floor: 0, benchmark: 100),
        ])
        let scores = edition.score(assessment(["A1": .value(20), "A2": .value(60)]))
        // group A: (1 × 20 + 3 × 60) / 4 = 200 / 4 = 50
        expectClose(scores.group("A")?.summary.score, 50)
        #expect(scores.group("B")?.summary.score == nil)
        // composite: 4 of 5 present (0.8 ≥ 2/3) → 200 / 4 = 50
        expectClose(scores.composite.score, 50)
    }

    @Test func ceukWorkedVector_transportSection() throws {
        // peer_review_methods.md §3.3: Single Tier council, Transport (section weight 0.20).
        // Q1 high (3) select one max 2, scored 1; Q2 low (1) yes/no max 1, scored 1;
        // Q3 medium (2) multiple choice max 3, scored 2; Q4 negative, −1 added as is.
        let deduction = FrameworkItem(
            id: "Q4", group: "transport", name: LocalizedText(en: "Q4"), kind: .deduction(floor: -3, evidenceRequired: false),
            weight: 0)
        let edition = try edition(
            [
                levelItem("Q1", group: "transport", maxLevel: 2, weight: 3),
                levelItem("Q2", group: "transport", maxLevel: 1, weight: 1),
                levelItem("Q3", group: "transport", maxLevel: 3, weight: 2), deduction,
            ], minimumShare: 1)
        let answers: [ItemID: Answer] = ["Q1": .level(1), "Q2": .level(1), "Q3": .level(2), "Q4": .points(-1)]

        let section = try #require(edition.score(assessment(answers)).group("transport")?.summary.score)
        // weighted: 1/2 × 3 + 1/1 × 1 + 2/3 × 2 − 1 = 1.5 + 1 + 1.333… − 1 = 2.8333… of 6 = 0.47222… (CEUK: 0.472)
        expectClose(section, 100 * (1.5 + 1 + 4.0 / 3.0 - 1) / 6)
        // × section weight 0.20 = 0.0944… (CEUK: 0.09)
        expectClose(section / 100 * 0.20, 17.0 / 36.0 * 0.20)

        // Exempting Q3: weighted 1.5 + 1 − 1 = 1.5 of 4 = 0.375 (CEUK: 0.375); × 0.20 = 0.075, which is
        // 0.07500000000000001 in binary: rounding it for display is the page's job (half-up → 0.08).
        var exempt = answers
        exempt["Q3"] = .excluded(reason: "exception for this council")
        let exempted = try #require(edition.score(assessment(exempt)).group("transport")?.summary)
        expectClose(exempted.score, 37.5)
        #expect(exempted.weightApplicable == 4)
        #expect(exempted.deductions == -1)
    }

    @Test func applicability_unknownCityTypeNeverRemovesAnItem() throws {
        let pilots = Applicability(onlyCityTypes: ["low_carbon_pilot"])
        let edition = try edition([
            linearItem("A", floor: 0, benchmark: 100), linearItem("P", floor: 0, benchmark: 100, applicability: pilots),
        ])
        let answers: [ItemID: Answer] = ["A": .value(40), "P": .value(80)]

        let unknown = edition.score(assessment(answers, city: CityContext(cityType: nil)))
        let metropolitan = edition.score(assessment(answers, city: CityContext(cityType: "metropolitan")))

        #expect(unknown.item("P")?.status == .scored(80))
        #expect(metropolitan.item("P")?.status == .notApplicable(reason: "applies only to city types low_carbon_pilot"))
        expectClose(metropolitan.composite.score, 40)
    }

    @Test func contextItem_isShownButNeverScored() throws {
        let context = FrameworkItem(
            id: "S", group: "G", name: LocalizedText(en: "share"),
            kind: .quantitative(
                QuantitativeSpec(unit: "%", direction: .lowerIsBetter, obtain: .entered(evidenceRequired: false), scoring: nil)),
            weight: 0)
        let edition = try edition([linearItem("A", floor: 0, benchmark: 100), context])
        let scores = edition.score(assessment(["A": .value(70), "S": .value(35)]))
        #expect(scores.item("S")?.status == .context)
        #expect(scores.item("S")?.value == 35)
        expectClose(scores.composite.score, 70)
        #expect(scores.composite.itemsApplicable == 1)
    }

    @Test func answerOfTheWrongShapeOrOffTheScale_isMissingNotScored() throws {
        let edition = try edition([levelItem("L", maxLevel: 3), linearItem("Q", floor: 0, benchmark: 100)])
        let scores = edition.score(assessment(["L": .level(5), "Q": .level(2)]))
        #expect(scores.item("L")?.status == .missing(reason: "level 5 is outside the scale 0–3"))
        #expect(scores.item("Q")?.status == .missing(reason: "the answer does not fit a quantitative item"))
        #expect(scores.composite.score == nil)
    }
}
