import Foundation
import Testing

@testable import CarbonAccounting

/// Forecasts, scenarios, gaps and the target kinds added for the registry, on hand-computed examples.
@Suite struct ForecastTests {
    @Test func bau_compoundsEachSectorWithItsDriver() {
        // Base 2020: I = 1,000, II = 500. I grows with GDP at 5 %/yr, II with population at 1 %/yr.
        // 2023: I = 1,000 × 1.05³ = 1,157.625; II = 500 × 1.01³ = 515.1505; total 1,672.7755.
        let settings = ForecastSettings(
            baseYear: 2020, horizonYear: 2030, populationGrowth: 1, gdpGrowth: 5, drivers: [.stationaryEnergy: .gdp])
        let forecast = Forecast(base: [.stationaryEnergy: 1_000, .transportation: 500], settings: settings, actions: [])
        let i = forecast.index(of: 2023)!
        expectClose(forecast.bauBySector[.stationaryEnergy]![i], 1_157.625)
        expectClose(forecast.bauBySector[.transportation]![i], 515.1505)
        expectClose(forecast.bau[i], 1_672.7755)
        #expect(forecast.years.count == 11)
        #expect(forecast.index(of: 2031) == nil && forecast.index(of: 2019) == nil)
    }

    @Test func actions_rampUp_andReduceTheirSector() {
        // I constant at 1,000. An action of 300 t/yr from 2022 with a 3-year ramp-up:
        // 2021: 0; 2022: 100; 2023: 200; 2024 onwards: 300.
        let settings = ForecastSettings(
            baseYear: 2020, horizonYear: 2026, populationGrowth: 0, gdpGrowth: 0, drivers: [.stationaryEnergy: .constant])
        let action = ActionEffect(id: "a", sector: .stationaryEnergy, startYear: 2022, annualReduction: 300, rampUpYears: 3)
        let forecast = Forecast(base: [.stationaryEnergy: 1_000], settings: settings, actions: [action])
        #expect(forecast.wedges["a"]! == [0, 0, 100, 200, 300, 300, 300])
        #expect(forecast.scenario == [1_000, 1_000, 900, 800, 700, 700, 700])
    }

    @Test func actions_neverTakeASectorBelowZero() {
        // II = 100; two actions of 150 and 50 from 2021: 200 > 100, so both are scaled by 100/200.
        let settings = ForecastSettings(baseYear: 2020, horizonYear: 2021, populationGrowth: 0, gdpGrowth: 0)
        let forecast = Forecast(
            base: [.transportation: 100], settings: settings,
            actions: [
                ActionEffect(id: "a", sector: .transportation, startYear: 2021, annualReduction: 150),
                ActionEffect(id: "b", sector: .transportation, startYear: 2021, annualReduction: 50),
            ])
        #expect(forecast.scenario == [100, 0])
        #expect(forecast.wedges["a"]! == [0, 75] && forecast.wedges["b"]! == [0, 25])
        #expect(forecast.notes.first?.contains("scaled down") == true)
    }

    @Test func gap_forEveryKindThatHasALevel() {
        // Base 2020 = 1,000 (all in I), growing with population 2 %/yr; no actions.
        // BAU 2030 = 1,000 × 1.02¹⁰ = 1,218.99441999….
        let settings = ForecastSettings(baseYear: 2020, horizonYear: 2035, populationGrowth: 2, gdpGrowth: 4)
        let forecast = Forecast(base: [.stationaryEnergy: 1_000], settings: settings, actions: [])
        let bau2030 = 1_000 * pow(1.02, 10.0)
        let coverage = Coverage()
        let emissions = Series([2010: 1_200, 2020: 1_000])
        // −50 % of 2010 (1,200) by 2030: level 600; gap = BAU − 600.
        let absolute = TargetGap.compute(
            Target(kind: .baseYearAbsolute, baseYear: 2010, targetYear: 2030, reductionPercent: 50), coverage: coverage,
            forecastCoverage: coverage, forecast: forecast, emissions: emissions, driver: nil)
        expectClose(absolute.level, 600)
        expectClose(absolute.gap, bau2030 - 600)
        // 30 % below BAU in 2030: level = 0.7 × BAU.
        let baseline = TargetGap.compute(
            Target(kind: .baselineScenario, targetYear: 2030, reductionPercent: 30), coverage: coverage,
            forecastCoverage: coverage, forecast: forecast, emissions: emissions, driver: nil)
        expectClose(baseline.level, 0.7 * bau2030)
        // −20 % per capita from 2010. Population 2010 = 100, 2020 = 125 (known); projected 2030
        // = 125 × 1.02¹⁰. Level = 1,200/100 × 0.8 × 125 × 1.02¹⁰ = 1,200 × 1.02¹⁰.
        let population = Series([2010: 100, 2020: 125])
        let perCapita = TargetGap.compute(
            Target(kind: .baseYearIntensityCapita, baseYear: 2010, targetYear: 2030, reductionPercent: 20),
            coverage: coverage, forecastCoverage: coverage, forecast: forecast, emissions: emissions, driver: population)
        expectClose(perCapita.level, 1_200 * pow(1.02, 10.0))
        // 5 t per person by 2030: 5 × 125 × 1.02¹⁰.
        let level = TargetGap.compute(
            Target(kind: .fixedLevelPerCapita, targetYear: 2030, targetLevel: 5), coverage: coverage,
            forecastCoverage: coverage, forecast: forecast, emissions: emissions, driver: population)
        expectClose(level.level, 625 * pow(1.02, 10.0))
        // Another coverage, or a year beyond the horizon: no gap, and why.
        let co2 = TargetGap.compute(
            Target(kind: .fixedLevel, targetYear: 2030, targetLevel: 0), coverage: Coverage(co2Only: true),
            forecastCoverage: coverage, forecast: forecast, emissions: emissions, driver: nil)
        #expect(co2.gap == nil && co2.reason?.contains("CO2 only") == true)
        let late = TargetGap.compute(
            Target(kind: .fixedLevel, targetYear: 2050, targetLevel: 0), coverage: coverage, forecastCoverage: coverage,
            forecast: forecast, emissions: emissions, driver: nil)
        #expect(late.gap == nil && late.reason?.contains("2050") == true)
    }

    @Test func peak_perCapitaLevel_andOther() {
        // Peak by 2020: highest up to 2020 is 1,100 (2018); 2022 = 1,050 ≤ 1,100 → on track.
        let peak = Target(kind: .peak, targetYear: 2020)
        let emissions = Series([2015: 1_000, 2018: 1_100, 2020: 1_080, 2022: 1_050])
        let progress = Progress.compute(peak, emissions: emissions)
        #expect(progress.onTrack == true && progress.percentAchieved == nil && progress.targetLevel == 1_100)
        #expect(Progress.compute(Target(kind: .peak, targetYear: 2030), emissions: emissions).onTrack == nil)
        // Below 5.5 t per person, from the first known year 2010: 2010 = 660/100 = 6.6 t;
        // 2020 = 600/100 = 6.0 t. Achieved = (6.6 − 6.0) / (6.6 − 5.5) × 100 = 54.5454…%.
        let perCapita = Target(kind: .fixedLevelPerCapita, targetYear: 2030, targetLevel: 5.5)
        let measured = Progress.compute(
            perCapita, emissions: Series([2010: 660, 2020: 600]), driver: Series([2010: 100, 2020: 100]))
        expectClose(measured.percentAchieved, (6.6 - 6.0) / (6.6 - 5.5) * 100)
        #expect(Progress.compute(perCapita, emissions: Series([2010: 660, 2020: 600])).percentAchieved == nil)
        let other = Progress.compute(Target(kind: .other, targetYear: 2020, reductionPercent: 40), emissions: emissions)
        #expect(other.percentAchieved == nil && other.reason?.contains("not a greenhouse-gas") == true)
        #expect(Target(kind: .peak, targetYear: 2020, reductionPercent: 10).problems().map(\.column) == ["reduction_percent"])
    }

    @Test func coverage_measuresPartsOfAnInventory() throws {
        // Natural gas 100 TJ in I.1.1 (5,610 t CO2 plus CH4 and N2O) and grid 1,000 MWh
        // × 0.5 t CO2/MWh in I.1.2 = 500 t CO2; diesel in II.1.1. CO2-only and sector subsets add the cells.
        let calculator = reference.calculator(set: .ar5)
        let lines = [
            line([
                "gpc_ref": "I.1.1", "fuel": "Natural Gas", "activity_value": "100", "activity_unit": "TJ", "ef_co2": "56100",
                "ef_ch4": "5", "ef_n2o": "0.1", "ef_unit": "kg/TJ",
            ]),
            line([
                "gpc_ref": "I.1.2", "activity_value": "1000", "activity_unit": "MWh", "ef_co2": "0.5", "ef_unit": "t/MWh",
            ]),
            line([
                "gpc_ref": "II.1.1", "fuel": "Diesel Oil", "activity_value": "10", "activity_unit": "TJ", "ef_co2": "74100",
                "ef_unit": "kg/TJ",
            ]),
        ]
        let report = calculator.report(lines: lines, level: .basic)
        let all = Coverage()
        expectClose(all.emissions(in: report), report.basic.co2e!)
        let energy = Coverage(sectors: [.stationaryEnergy])
        expectClose(energy.emissions(in: report), report.cell(.stationaryEnergy, .basic).co2e!)
        let co2 = Coverage(co2Only: true)
        expectClose(co2.emissions(in: report), report.basic.co2e(of: .co2)!)
        #expect(co2.emissions(in: report)! < all.emissions(in: report)!)
        #expect(all.gaps(in: report).first?.contains("no data or notation key") == true)
        #expect(Coverage(basis: .basicPlus).gaps(in: report).first?.contains("BASIC+") == true)
    }
}
