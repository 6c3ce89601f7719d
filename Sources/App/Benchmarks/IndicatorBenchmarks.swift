import Foundation
import Indicators

/// `lcc-bench indicators [CITIES] [INDICATORS] [YEARS]` (issue 11): peers and benchmark views for
/// 1,000 cities × 30 indicators × 10 years, from memory, in under 200 ms. Generated figures on
/// mixed bases (a tenth on BASIC+, a twentieth on another GWP set) so that the comparability rules
/// do their work, as on real data.
enum IndicatorBenchmarks {
    static func run(cities: Int, indicators: Int, years: Int) {
        var generator = SystemRandomNumberGenerator()
        let basic = ComparisonBasis(emissions: .basic, gases: .allGHG, gwp: .ar5)
        let basicPlus = ComparisonBasis(emissions: .basicPlus, gases: .allGHG, gwp: .ar5)
        let otherGWP = ComparisonBasis(emissions: .basic, gases: .allGHG, gwp: .ar6)
        let lastYear = 2024
        var observations: [[IndicatorObservation]] = Array(repeating: [], count: indicators)
        for indicator in 0..<indicators {
            observations[indicator].reserveCapacity(cities * years)
            for city in 0..<cities {
                let level = Double.random(in: 1...20, using: &generator)
                for offset in 0..<years {
                    let roll = Int.random(in: 0..<20, using: &generator)
                    let basis = roll < 2 ? basicPlus : roll == 2 ? otherGWP : basic
                    observations[indicator].append(
                        IndicatorObservation(
                            city: "city-\(city)", value: level * (1 - 0.02 * Double(offset)), year: lastYear - offset,
                            basis: basis))
                }
            }
        }
        let features = (0..<cities).map { city in
            PeerFeatures(
                id: "city-\(city)", country: ["CN", "JP", "KR", "MN"][city % 4],
                population: Double.random(in: 1e5...2e7, using: &generator),
                areaKm2: Double.random(in: 100...16_000, using: &generator),
                gdpPerPerson: MoneyPerPerson(
                    value: Double.random(in: 5_000...90_000, using: &generator), currency: "USD", year: 2020),
                climate: Climate(heatingDegreeDays: Double.random(in: 500...5_000, using: &generator), source: "bench"),
                serviceShare: Double.random(in: 30...80, using: &generator),
                industryShare: Double.random(in: 10...50, using: &generator),
                emissionsPerPerson: EmissionsPerPerson(
                    value: Double.random(in: 2...15, using: &generator), basis: basic, year: 2020))
        }
        let clock = ContinuousClock()
        var ranked = 0
        let viewsTime = clock.measure {
            for indicator in 0..<indicators {
                let view = BenchmarkView.build(
                    indicator: "I\(indicator)", direction: .lowerIsBetter, observations: observations[indicator],
                    reference: basic,
                    year: lastYear, focus: "city-0")
                ranked += view.ranked.count
            }
        }
        var peersFound = 0
        let peersTime = clock.measure {
            peersFound = PeerMatcher.peers(of: features[0], among: features, limit: 10).matches.count
        }
        var medians = 0
        let overTimeTime = clock.measure {
            medians =
                BenchmarkView.medianSeries(
                    direction: .lowerIsBetter, observations: observations[0], reference: basic,
                    years: Array((lastYear - years + 1)...lastYear)
                ).count
        }
        func ms(_ duration: Duration) -> String {
            String(format: "%.1f ms", Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000)
        }
        print("indicators: \(cities) cities × \(indicators) indicators × \(years) years = \(cities * indicators * years) figures")
        print(
            "  \(indicators) benchmark views (latest year, ranks, flags, distribution): \(ms(viewsTime)) — \(ranked) ranked entries"
        )
        print("  peers of one city among \(cities) (7 features): \(ms(peersTime)) — \(peersFound) peers")
        print("  one indicator over \(years) years (peer median per year): \(ms(overTimeTime)) — \(medians) medians")
        print("  total: \(ms(viewsTime + peersTime + overTimeTime)) (goal: under 200 ms)")
    }
}
