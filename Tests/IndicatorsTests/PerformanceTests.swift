import Testing

@testable import Indicators

@Suite struct PerformanceTests {
    /// Runs the issue-11 benchmark once and checks the results are sane; no timing assertion (the
    /// machine is shared), the timings are printed.
    @Test func benchmark_thousandCities_thirtyIndicators_tenYears() throws {
        let report = IndicatorsBenchmark.run()

        print(
            "indicators benchmark: build \(report.buildSeconds * 1000) ms, peers \(report.peersSeconds * 1000) ms, view \(report.viewSeconds * 1000) ms"
        )
        #expect(report.observations == 300_000)
        #expect(report.peers.matches.count == 10)
        #expect(report.peers.matches.allSatisfy { (0...100).contains($0.matchPercent) })
        #expect(zip(report.peers.matches, report.peers.matches.dropFirst()).allSatisfy { $0.distance <= $1.distance })
        #expect(!report.peers.matches.contains { $0.peer == "city-0" })
        let view = report.view
        #expect(view.ranked.count + view.flagged.count + view.notComparable.count == 1000)
        #expect(!view.flagged.isEmpty)  // every 20th city is on AR4, every 50th fails the population check
        #expect(!view.notComparable.isEmpty)  // every 33rd is on BASIC+
        let box = try #require(view.distribution)
        #expect(box.minimum <= box.lowerQuartile && box.lowerQuartile <= box.median && box.median <= box.upperQuartile)
        #expect(box.upperQuartile <= box.maximum)
        #expect(view.ranked.first?.rank == 1)
        #expect(
            IndicatorsBenchmark.run(cities: 50, indicators: 3, years: 2).view.ranked
                == IndicatorsBenchmark.run(cities: 50, indicators: 3, years: 2).view.ranked)
    }
}
