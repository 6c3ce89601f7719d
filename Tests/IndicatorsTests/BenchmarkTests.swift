import Testing

@testable import Indicators

@Suite struct BenchmarkTests {
    static let basic = ComparisonBasis(emissions: .basic, gases: .allGHG, gwp: .ar5)

    @Test func plausibility_flagsPopulationAndPerPersonFiguresBeyondTheirThresholds() {
        // CDP: +54 % is flagged, +12 to +22 % passes; the default threshold is a ratio of 1.5.
        let passes = DataPlausibility.check(PlausibilityInputs(reportedPopulation: 1_220_000, directoryPopulation: 1_000_000))
        let flagged = DataPlausibility.check(PlausibilityInputs(reportedPopulation: 1_670_000, directoryPopulation: 1_000_000))
        let low = DataPlausibility.check(PlausibilityInputs(reportedPopulation: 600_000, directoryPopulation: 1_000_000))
        // 30 t vs the country's 7.5 t: ratio 4 > 3
        let emissions = DataPlausibility.check(PlausibilityInputs(perPersonEmissions: 30, countryPerPersonEmissions: 7.5))
        let stricter = DataPlausibility.check(
            PlausibilityInputs(reportedPopulation: 1_220_000, directoryPopulation: 1_000_000),
            thresholds: PlausibilityThresholds(populationRatio: 1.2))

        #expect(passes.isEmpty)
        #expect(flagged.map(\.check) == [.population])
        expectClose(flagged.first?.ratio, 1.67)
        #expect(low.map(\.check) == [.population])  // 0.6 < 1 / 1.5
        #expect(emissions.map(\.check) == [.perPersonEmissions])
        expectClose(emissions.first?.ratio, 4)
        #expect(stricter.map(\.check) == [.population])
    }

    @Test func comparability_sameBasisGasesGWPAndNearYearsOnly() {
        let co2 = ComparisonBasis(emissions: .territorial, gases: .co2Only)
        #expect(Comparability.issues(Self.basic, year: 2020, against: Self.basic, year: 2021).isEmpty)
        #expect(
            Comparability.issues(Self.basic, year: 2017, against: Self.basic, year: 2021) == [
                .years(2017, reference: 2021, maximumGap: 2)
            ])
        #expect(
            Comparability.issues(co2, year: 2021, against: Self.basic, year: 2021) == [
                .emissionsBasis(.territorial, reference: .basic), .gases(.co2Only, reference: .allGHG),
            ])
        // CO2 alone has a GWP of 1 in every set: two CO2-only series never differ on GWP.
        #expect(Comparability.issues(co2, year: 2021, against: co2, year: 2021).isEmpty)
    }

    @Test func view_ranksComparablePlausibleFigures_andShowsTheRestWithReasons() throws {
        let implausible = PlausibilityInputs(reportedPopulation: 2_000_000, directoryPopulation: 1_000_000)
        let observations = [
            IndicatorObservation(city: "a", value: 2, year: 2021, basis: Self.basic),
            IndicatorObservation(city: "b", value: 4, year: 2021, basis: Self.basic),
            IndicatorObservation(city: "h", value: 4, year: 2020, basis: Self.basic),
            IndicatorObservation(city: "c", value: 6, year: 2021, basis: Self.basic),
            IndicatorObservation(city: "d", value: 1, year: 2021, basis: Self.basic, plausibility: implausible),
            IndicatorObservation(
                city: "e", value: 5, year: 2021, basis: ComparisonBasis(emissions: .basicPlus, gases: .allGHG, gwp: .ar5)),
            IndicatorObservation(
                city: "f", value: 3, year: 2021, basis: ComparisonBasis(emissions: .basic, gases: .allGHG, gwp: .ar4)),
            IndicatorObservation(city: "g", value: 0.5, year: 2015, basis: Self.basic),
            // c also has an older figure; the 2021 one is nearer the reference year and is used.
            IndicatorObservation(city: "c", value: 9, year: 2019, basis: Self.basic),
        ]

        let view = BenchmarkView.build(
            indicator: "EM01", direction: .lowerIsBetter, observations: observations, reference: Self.basic, year: 2021,
            focus: "c",
            leaders: 2)

        // lower is better: a 2 (1), b 4 and h 4 (2, tied), c 6 (4)
        #expect(view.ranked.map(\.city) == ["a", "b", "h", "c"])
        #expect(view.ranked.map(\.rank) == [1, 2, 2, 4])
        #expect(view.leaders.map(\.city) == ["a", "b"])
        #expect(view.focus == .ranked(rank: 4, of: 4))
        // d (population ratio 2) and f (AR4, not re-based) are shown flagged, not ranked
        #expect(view.flagged.map(\.city) == ["d", "f"])
        #expect(view.flagged[0].plausibility.map(\.check) == [.population])
        #expect(view.flagged[1].comparability == [.gwp(.ar4, reference: .ar5)])
        // e (BASIC+) and g (2015, 6 years away) are not comparable
        #expect(view.notComparable.map(\.city) == ["e", "g"])
        #expect(view.notComparable[0].issues == [.emissionsBasis(.basicPlus, reference: .basic)])
        #expect(view.notComparable[1].issues == [.years(2015, reference: 2021, maximumGap: 2)])

        // Box plot over 2, 4, 4, 6 (type 7): q1 at h = 0.75 → 2 + 0.75 × 2 = 3.5; median at h = 1.5 → 4;
        // q3 at h = 2.25 → 4 + 0.25 × 2 = 4.5
        let box = try #require(view.distribution)
        #expect([box.minimum, box.lowerQuartile, box.median, box.upperQuartile, box.maximum] == [2, 3.5, 4, 4.5, 6])
        #expect(box.count == 4)

        let flaggedFocus = BenchmarkView.build(
            indicator: "EM01", direction: .lowerIsBetter, observations: observations, reference: Self.basic, year: 2021,
            focus: "d")
        if case .flagged(let entry) = flaggedFocus.focus {
            #expect(entry.city == "d")
        } else {
            Issue.record("d should be flagged")
        }
        let strict = BenchmarkView.build(
            indicator: "EM01", direction: .lowerIsBetter, observations: observations, reference: Self.basic, year: 2021,
            rules: ComparisonRules(gwpMismatch: .exclude))
        #expect(strict.notComparable.map(\.city) == ["e", "f", "g"])
    }

    @Test func view_higherIsBetter_reversesTheRanks_andMedianSeriesFollowsTheYears() {
        let observations = [
            IndicatorObservation(city: "a", value: 10, year: 2020), IndicatorObservation(city: "b", value: 30, year: 2020),
            IndicatorObservation(city: "c", value: 20, year: 2020), IndicatorObservation(city: "a", value: 12, year: 2021),
            IndicatorObservation(city: "b", value: 40, year: 2021),
        ]
        let view = BenchmarkView.build(
            indicator: "TR01", direction: .higherIsBetter, observations: observations, reference: .none, year: 2020)
        #expect(view.ranked.map(\.city) == ["b", "c", "a"])

        let medians = BenchmarkView.medianSeries(
            direction: .higherIsBetter, observations: observations, reference: .none, years: [2019, 2020, 2021])
        // 2020: median of 10, 20, 30 = 20; 2021: (12 + 40) / 2 = 26; 2019: no figure
        #expect(medians == [2020: 20, 2021: 26])
    }

    @Test func mostImproved_ranksByChangeInTheRightDirection_onTheSameBasisOnly() {
        let usd = ComparisonBasis(currency: "USD", priceBasis: .current)
        let observations = [
            IndicatorObservation(city: "p", value: 10, year: 2015, basis: Self.basic),
            IndicatorObservation(city: "p", value: 8, year: 2020, basis: Self.basic),
            IndicatorObservation(city: "q", value: 5, year: 2015, basis: Self.basic),
            IndicatorObservation(city: "q", value: 4.5, year: 2020, basis: Self.basic),
            IndicatorObservation(city: "r", value: 4, year: 2015, basis: Self.basic),
            IndicatorObservation(city: "r", value: 5, year: 2020, basis: Self.basic),
            IndicatorObservation(city: "s", value: 4, year: 2015, basis: Self.basic),
            IndicatorObservation(city: "t", value: 4, year: 2015, basis: usd),
            IndicatorObservation(city: "t", value: 2, year: 2020, basis: usd),
            IndicatorObservation(city: "u", value: 9, year: 2015, basis: Self.basic),
            IndicatorObservation(
                city: "u", value: 6, year: 2020, basis: Self.basic,
                plausibility: PlausibilityInputs(perPersonEmissions: 6, countryPerPersonEmissions: 1)),
            IndicatorObservation(city: "v", value: 9, year: 2015, basis: Self.basic),
            IndicatorObservation(
                city: "v", value: 6, year: 2020, basis: ComparisonBasis(emissions: .basic, gases: .allGHG, gwp: .ar6)),
        ]

        let view = MostImproved.rank(direction: .lowerIsBetter, observations: observations, from: 2015, to: 2020)

        // p: (8 − 10) / 10 = −20 % → +20; q: −10 % → +10; r: +25 % → −25
        #expect(view.ranked.map(\.city) == ["p", "q", "r"])
        expectClose(view.ranked[0].change, -20)
        expectClose(view.ranked[0].improvement, 20)
        expectClose(view.ranked[2].improvement, -25)
        #expect(view.flagged.map(\.city) == ["u"])
        #expect(view.notComparable.map(\.city) == ["s", "t", "v"])
        #expect(view.notComparable[0].issues == [.noFigure(year: 2020)])
        #expect(view.notComparable[1].issues == [.currentPricesAcrossYears])
        #expect(view.notComparable[2].issues == [.gwp(.ar6, reference: .ar5)])

        // A share in %: absolute change in points, higher is better (30 → 40 = +10 points)
        let shares = [
            IndicatorObservation(city: "p", value: 30, year: 2015), IndicatorObservation(city: "p", value: 40, year: 2020),
        ]
        let points = MostImproved.rank(direction: .higherIsBetter, observations: shares, from: 2015, to: 2020, measure: .absolute)
        #expect(points.ranked.first?.improvement == 10)
    }
}
