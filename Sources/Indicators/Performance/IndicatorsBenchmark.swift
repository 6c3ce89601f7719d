import Foundation

/// What one run of ``IndicatorsBenchmark/run(cities:indicators:years:seed:)`` measured.
public struct IndicatorsBenchmarkReport: Sendable {
    public let cities: Int
    public let indicators: Int
    public let years: Int
    public let observations: Int
    /// Building the synthetic data set in memory.
    public let buildSeconds: Double
    /// Peers of one city among all.
    public let peersSeconds: Double
    /// The benchmark view of one indicator (all its years given, the latest chosen).
    public let viewSeconds: Double
    public let peers: PeerResult
    public let view: BenchmarkView

    /// Peers and view together: the figure issue 11 bounds at 200 ms.
    public var computeSeconds: Double { peersSeconds + viewSeconds }
}

/// The performance check of issue 11: "peers and benchmark views for 1,000 cities × 30
/// indicators × 10 years computed in under 200 ms from memory". Deterministic for a seed; callable
/// from a test, a bench executable or a page, with no timing assertion of its own.
public enum IndicatorsBenchmark {
    /// Builds the synthetic data set from `seed`, then times peers of one city and the view of one
    /// indicator. The defaults are issue 11's sizes.
    public static func run(cities: Int = 1000, indicators: Int = 30, years: Int = 10, seed: UInt64 = 42)
        -> IndicatorsBenchmarkReport
    {
        let clock = ContinuousClock()
        var random = SplitMix64(seed: seed)
        let firstYear = 2010
        let buildStart = clock.now
        var features: [PeerFeatures] = []
        features.reserveCapacity(cities)
        let zones = ["Cfa", "Dwa", "Dfa", "Cwa", "BSk"]
        for index in 0..<cities {
            let population = 50_000 * pow(10, random.unit() * 2.5)
            features.append(
                PeerFeatures(
                    id: cityID(index), country: ["CN", "JP", "KR", "MN"][index % 4], population: population,
                    areaKm2: population / (500 + random.unit() * 5000),
                    gdpPerPerson: MoneyPerPerson(
                        value: 3000 + random.unit() * 60_000, currency: "USD", year: firstYear + years - 1),
                    climate: index % 3 == 0
                        ? Climate(
                            heatingDegreeDays: 500 + random.unit() * 4000, coolingDegreeDays: random.unit() * 2000,
                            source: "synthetic")
                        : Climate(zone: zones[index % zones.count], source: "synthetic"),
                    serviceShare: index % 7 == 0 ? nil : 30 + random.unit() * 50,
                    industryShare: index % 7 == 0 ? nil : 10 + random.unit() * 40,
                    emissionsPerPerson: EmissionsPerPerson(
                        value: 1 + random.unit() * 20, basis: ComparisonBasis(emissions: .basic, gases: .allGHG, gwp: .ar5),
                        year: firstYear + years - 1)))
        }
        // observations[indicator][year] holds one figure per city. Ids and bases are made once and
        // shared, as an App cache holding these figures would.
        let ids = (0..<cities).map(cityID)
        let reference = ComparisonBasis(emissions: .basic, gases: .allGHG, gwp: .ar5)
        let ar4 = ComparisonBasis(emissions: .basic, gases: .allGHG, gwp: .ar4)
        let basicPlus = ComparisonBasis(emissions: .basicPlus, gases: .allGHG, gwp: .ar5)
        let implausible = PlausibilityInputs(reportedPopulation: 2_000_000, directoryPopulation: 1_000_000)
        var observations: [[[IndicatorObservation]]] = []
        observations.reserveCapacity(indicators)
        for _ in 0..<indicators {
            var byYear: [[IndicatorObservation]] = []
            byYear.reserveCapacity(years)
            for year in 0..<years {
                var row: [IndicatorObservation] = []
                row.reserveCapacity(cities)
                for city in 0..<cities {
                    let basis = city % 33 == 0 ? basicPlus : city % 20 == 0 ? ar4 : reference
                    row.append(
                        IndicatorObservation(
                            city: ids[city], value: random.unit() * 20, year: firstYear + year, basis: basis,
                            plausibility: city % 50 == 0 ? implausible : nil))
                }
                byYear.append(row)
            }
            observations.append(byYear)
        }
        let buildEnd = clock.now

        let peers = PeerMatcher.peers(of: features[0], among: features, limit: 10)
        let peersEnd = clock.now
        let indicator = indicators / 2
        let view = BenchmarkView.build(
            indicator: "synthetic-\(indicator)", direction: .lowerIsBetter, observations: observations[indicator].flatMap { $0 },
            reference: reference, year: firstYear + years - 1,
            focus: cityID(1))
        let viewEnd = clock.now

        return IndicatorsBenchmarkReport(
            cities: cities, indicators: indicators, years: years, observations: cities * indicators * years,
            buildSeconds: seconds(buildEnd - buildStart), peersSeconds: seconds(peersEnd - buildEnd),
            viewSeconds: seconds(viewEnd - peersEnd), peers: peers, view: view)
    }

    private static func cityID(_ index: Int) -> String { "city-\(index)" }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

/// A small, fast, seedable generator (Steele, Lea & Flood's SplitMix64), so runs repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
