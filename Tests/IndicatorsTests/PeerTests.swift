import Testing

@testable import Indicators

@Suite struct PeerTests {
    static let ar5 = ComparisonBasis(emissions: .basic, gases: .allGHG, gwp: .ar5)
    static let home = PeerFeatures(
        id: "home", population: 1_000_000, areaKm2: 1000,
        gdpPerPerson: MoneyPerPerson(value: 20_000, currency: "USD", year: 2020),
        climate: Climate(zone: "Cfa", source: "Köppen–Geiger map"), serviceShare: 60, industryShare: nil,
        emissionsPerPerson: EmissionsPerPerson(value: 8, basis: ar5, year: 2020))

    @Test func distance_leavesOutAMissingFeature_andSaysWhy() throws {
        let populationB = 1_000_000 * 10.0.squareRoot()
        let peer = PeerFeatures(
            id: "peer", population: populationB, areaKm2: populationB / 1000,
            gdpPerPerson: MoneyPerPerson(value: 20_000, currency: "USD", year: 2020),
            climate: Climate(zone: "Cfb", source: "map"),
            serviceShare: 50, industryShare: 35,
            emissionsPerPerson: EmissionsPerPerson(
                value: 8, basis: ComparisonBasis(emissions: .basic, gases: .allGHG, gwp: .ar4), year: 2020))

        let match = try #require(PeerMatcher.compare(Self.home, peer))

        // population  w 1.0: |ln √10| / ln 10 = 0.5
        // density     w 0.5: same density (1,000 per km²) → 0
        // GDP/person  w 1.0: same → 0
        // climate     w 1.0: Cfa vs Cfb, same main group and precipitation letter → 1/3
        // services    w 0.5: |60 − 50| / 40 = 0.25
        // industry: unknown for home; emissions: AR5 vs AR4 → both left out
        // D = √[(1 × 0.25 + 0 + 0 + 1 × 1/9 + 0.5 × 0.0625) / (1 + 0.5 + 1 + 1 + 0.5)] = √(0.392361… / 4)
        let expected = ((0.25 + 1.0 / 9.0 + 0.5 * 0.0625) / 4).squareRoot()
        expectClose(match.distance, expected)
        expectClose(match.matchPercent, (1 - expected) * 100)
        #expect(match.compared.map(\.feature) == [.population, .density, .gdpPerPerson, .climate, .serviceShare])
        #expect(match.near == [.density, .gdpPerPerson, .serviceShare])
        #expect(match.notCompared.map(\.feature) == [.industryShare, .emissionsPerPerson])
        #expect(match.notCompared[0].reason == "the industry share of GDP is not known for home")
        #expect(match.notCompared[1].reason.contains("different bases"))
    }

    @Test func peers_nearestFirst_skippingSelf_andThoseWithTooFewFeatures() {
        let twin = PeerFeatures(
            id: "twin", population: 1_000_000, areaKm2: 1000,
            gdpPerPerson: MoneyPerPerson(value: 20_000, currency: "USD", year: 2020),
            climate: Climate(zone: "Cfa", source: "map"))
        let far = PeerFeatures(
            id: "far", population: 100_000_000, areaKm2: 1000,
            gdpPerPerson: MoneyPerPerson(value: 2000, currency: "USD", year: 2020),
            climate: Climate(zone: "BWh", source: "map"))
        let sparse = PeerFeatures(id: "sparse", population: 900_000)
        let yuan = PeerFeatures(
            id: "yuan", population: 1_000_000, gdpPerPerson: MoneyPerPerson(value: 140_000, currency: "CNY", year: 2020))

        let result = PeerMatcher.peers(of: Self.home, among: [far, Self.home, sparse, twin, yuan])

        #expect(result.matches.map(\.peer) == ["twin", "far"])
        expectClose(result.matches[0].matchPercent, 100)
        #expect(result.matches[1].matchPercent == 0)  // every compared feature at distance 1
        #expect(result.tooFewFeatures == ["sparse", "yuan"])  // one feature each; CNY vs USD is not compared
    }

    @Test func weights_areEditable_andAZeroWeightDropsTheFeature() throws {
        var weights = PeerWeights()
        weights.climate = 0
        weights.minimumCompared = 1
        let peer = PeerFeatures(id: "p", population: 10_000_000, climate: Climate(zone: "ET", source: "map"))
        let match = try #require(PeerMatcher.compare(Self.home, peer, weights: weights))
        // only population remains: |ln 10| / ln 10 = 1 → match 0 %
        #expect(match.compared.map(\.feature) == [.population])
        expectClose(match.matchPercent, 0)  // ln 0.1 / ln 10 is 0.9999999999999998 in binary
        #expect(!match.notCompared.contains { $0.feature == .climate })
    }
}
