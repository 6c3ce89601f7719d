import Foundation
import Testing

@testable import CarbonAccounting

/// Progress rules of issue 4, on examples computed by hand.
@Suite struct TargetProgressTests {
    @Test func baseYearAbsolute_percentAchieved_andOnTrack() {
        // −40 % of 1,000 kt by 2030 from 2010: level 600. In 2020 emissions are 850:
        // achieved = (1,000 − 850) / (1,000 − 600) × 100 = 37.5 %; the path in 2020 is
        // 1,000 + (600 − 1,000) × 10/20 = 800, and 850 > 800: not on track.
        let target = Target(kind: .baseYearAbsolute, baseYear: 2010, targetYear: 2030, reductionPercent: 40)
        let progress = Progress.compute(target, emissions: Series([2010: 1_000, 2015: 900, 2020: 850]))
        expectClose(progress.percentAchieved, 37.5)
        expectClose(progress.pathAtLatest, 800)
        #expect(progress.onTrack == false)
        #expect(progress.latestYear == 2020)
    }

    @Test func percentAchieved_isNotCapped() {
        // Emissions fell to 500 against a level of 600: (1,000 − 500) / 400 × 100 = 125 %.
        let target = Target(kind: .baseYearAbsolute, baseYear: 2010, targetYear: 2030, reductionPercent: 40)
        expectClose(Progress.compute(target, emissions: Series([2010: 1_000, 2022: 500])).percentAchieved, 125)
        // Emissions grew: (1,000 − 1,100) / 400 × 100 = −25 %.
        expectClose(Progress.compute(target, emissions: Series([2010: 1_000, 2022: 1_100])).percentAchieved, -25)
    }

    @Test func statedBaseValue_isKept_andSaid() {
        let target = Target(kind: .baseYearAbsolute, baseYear: 2005, baseValue: 2_000, targetYear: 2030, reductionPercent: 50)
        let progress = Progress.compute(target, emissions: Series([2020: 1_500]))
        // (2,000 − 1,500) / (2,000 − 1,000) × 100 = 50 %
        expectClose(progress.percentAchieved, 50)
        #expect(progress.reason?.contains("source states") == true)
    }

    @Test func milestones_bendThePath() {
        // −20 % by 2020, −50 % by 2030 from 1,000 in 2010: path 1,000 → 800 (2020) → 500 (2030).
        // In 2025 the path is 800 + (500 − 800) × 5/10 = 650; 700 is above it.
        let target = Target(
            kind: .baseYearAbsolute, baseYear: 2010, targetYear: 2030, reductionPercent: 50,
            milestones: [Milestone(year: 2020, reductionPercent: 20)])
        let progress = Progress.compute(target, emissions: Series([2010: 1_000, 2025: 700]))
        expectClose(progress.pathAtLatest, 650)
        #expect(progress.onTrack == false)
    }

    @Test func intensityPerCapita_interpolatesPopulation_butNeverExtrapolates() {
        // 2010: 1,000 kt / 1.0 M = 1,000 t per million; 2020 population interpolated between 2015 (1.1 M)
        // and 2025 (1.3 M) = 1.2 M; 960 / 1.2 = 800. Target −30 %: level 700.
        // Achieved = (1,000 − 800) / (1,000 − 700) × 100 = 66.66… %.
        let target = Target(kind: .baseYearIntensityCapita, baseYear: 2010, targetYear: 2030, reductionPercent: 30)
        let progress = Progress.compute(
            target, emissions: Series([2010: 1_000, 2020: 960]), driver: Series([2010: 1.0, 2015: 1.1, 2025: 1.3]))
        expectClose(progress.percentAchieved, 200.0 / 3.0)
        #expect(progress.reason?.contains("interpolated between 2015 and 2025") == true)
        let outside = Progress.compute(
            target, emissions: Series([2010: 1_000, 2020: 960]), driver: Series([2010: 1.0, 2015: 1.1]))
        #expect(outside.percentAchieved == nil && outside.reason?.contains("not extrapolated") == true)
    }

    @Test func fixedLevel_netZero_fromTheFirstKnownYear() {
        // Net zero by 2050; first known 2015: 5,000; latest 2020: 4,000.
        // Achieved = (5,000 − 4,000) / (5,000 − 0) × 100 = 20 %; path in 2020 = 5,000 × (1 − 5/35) = 4,285.71…
        let target = Target(kind: .fixedLevel, targetYear: 2050, targetLevel: 0)
        let progress = Progress.compute(target, emissions: Series([2015: 5_000, 2020: 4_000]))
        expectClose(progress.percentAchieved, 20)
        expectClose(progress.pathAtLatest, 5_000 * (1 - 5.0 / 35.0))
        #expect(progress.onTrack == true)
    }

    @Test func fixedLevelPerCapita_startedBelowTheLevel_isACeiling() {
        // 5.5 t per person by 2020; the city was at 3.58 in 2010 and 2.62 in 2018. (3.58 − 2.62) /
        // (3.58 − 5.5) would be a negative "achievement": instead no percentage, on track because
        // 2.62 ≤ 5.5, and the reason says why.
        let target = Target(kind: .fixedLevelPerCapita, targetYear: 2020, targetLevel: 5.5)
        let progress = Progress.compute(
            target, emissions: Series([2010: 358, 2018: 262]), driver: Series([2010: 100, 2018: 100]))
        #expect(progress.percentAchieved == nil)
        #expect(progress.onTrack == true)
        #expect(progress.reason?.contains("ceiling") == true)
        // Above the ceiling in the latest year: not on track.
        let above = Progress.compute(target, emissions: Series([2010: 358, 2018: 600]), driver: Series([2010: 100, 2018: 100]))
        #expect(above.onTrack == false && above.percentAchieved == nil)
    }

    @Test func baselineScenario_needsABAUForecast() {
        let target = Target(kind: .baselineScenario, baseYear: 2015, targetYear: 2030, reductionPercent: 20)
        let none = Progress.compute(target, emissions: Series([2015: 1_000, 2020: 1_050]))
        #expect(none.percentAchieved == nil && none.reason?.contains("business-as-usual") == true)
        // BAU 2030 = 1,500 → level 1,200; achieved = (1,000 − 1,050) / (1,000 − 1,200) × 100 = 25 %.
        let with = Progress.compute(target, emissions: Series([2015: 1_000, 2020: 1_050]), bau: Series([2030: 1_500]))
        expectClose(with.percentAchieved, 25)
    }

    @Test func badTargets_areRefusedByField() {
        #expect(
            Target(kind: .baseYearAbsolute, baseYear: 2030, targetYear: 2020, reductionPercent: 40).problems().map(\.column)
                == ["target_year"])
        #expect(
            Target(kind: .baseYearAbsolute, baseYear: 2010, targetYear: 2030, reductionPercent: 140).problems().map(\.column)
                == ["reduction_percent"])
        #expect(Target(kind: .fixedLevel, targetYear: 2050).problems().map(\.column) == ["target_level_tco2e"])
        let missing = Progress.compute(
            Target(kind: .baseYearAbsolute, baseYear: 2005, targetYear: 2030, reductionPercent: 40), emissions: Series([2020: 1]))
        #expect(missing.reason?.contains("base year 2005") == true)
    }

    @Test func series_interpolation_isLinear_andBounded() {
        let series = Series([2010: 10, 2020: 30])
        #expect(series.value(in: 2015) == .interpolated(20, from: 2010, to: 2020))
        #expect(series.value(in: 2010) == .known(10))
        #expect(series.value(in: 2021).value == nil)
    }
}

@Suite struct TargetCSVTests {
    @Test func template_readsEveryKind_andRefusesBadRowsByRowAndColumn() throws {
        let good = """
            city,kind,base_year,base_value_tco2e,target_year,reduction_percent,target_level_tco2e,coverage,conditional,milestones,source,original_wording
            seoul,base_year_absolute,2005,49445000,2050,100,,basic,false,2030:40,CDP 2021,"100% by 2050"
            yokohama,base_year_intensity_capita,2004,,2030,30,,basic+,no,,Seed 004 Table 1,
            tokyo,fixed_level,,,2050,,0,territorial,true,,Tokyo Zero Emission,net zero
            """
        let rows = try TargetCSV.read(good).get()
        #expect(rows.count == 3)
        #expect(rows[0].target.milestones == [Milestone(year: 2030, reductionPercent: 40)])
        #expect(rows[2].conditional && rows[2].coverage.basis == .territorial && rows[2].target.targetLevel == 0)
        let bad = """
            city,kind,base_year,target_year,reduction_percent,source
            a,base_year_absolute,2030,2020,40,x
            b,base_year_absolute,2010,2030,140,x
            c,net_zero,2010,2030,40,x
            """
        guard case .failure(let problems) = TargetCSV.read(bad) else {
            Issue.record("should fail")
            return
        }
        #expect(problems.items.map { "\($0.row ?? 0):\($0.column ?? "")" } == ["2:target_year", "3:reduction_percent", "4:kind"])
    }

    @Test func template_readsCoverage_andRoundTrips() throws {
        let text = """
            city,kind,base_year,target_year,reduction_percent,gases,sectors,gwp_set,set_by,source,note
            baoding,base_year_intensity_gdp,2010,2020,35%,CO2,,AR5,Baoding Municipal Government,"Plan, 2008",
            kyoto,base_year_absolute,1990,2030,40,all,I;II,,,Table 2,range 40-50
            """
        let rows = try TargetCSV.read(text).get()
        #expect(rows[0].coverage == Coverage(basis: .basic, co2Only: true) && rows[0].gwpSet == .ar5)
        #expect(rows[0].target.reductionPercent == 35)
        #expect(rows[1].coverage.sectors == [.stationaryEnergy, .transportation])
        let again = try TargetCSV.read(TargetCSV.write(rows)).get()
        #expect(again == rows)
        guard case .failure(let problems) = TargetCSV.read("city,kind,target_year,source,sectors\nx,peak,2030,s,VII\n")
        else {
            Issue.record("should fail")
            return
        }
        #expect(problems.items.map { "\($0.row ?? 0):\($0.column ?? "")" } == ["2:sectors"])
    }
}
