import CarbonAccounting
import Foundation
import Reporting

/// `lcc-bench reporting [LINES] [ECRF_LINES]` (issue 13): the greenhouse-gas report and the air
/// pollutants of a LINES-line inventory (goal: both under 8 ms, release), and the eCRF workbook with
/// its air-pollutant sheet for ECRF_LINES lines (goal: under 200 ms). Generated lines as for
/// `lcc-bench engine` (fuels in energy and mass units, grid electricity, waste, notation keys).
enum ReportingBenchmarks {
    static func run(lines count: Int, ecrfLines: Int) throws {
        let reference = try ReferenceData.shared.get()
        let calculator = reference.calculator(set: .ar5, year: 2021)
        let air = reference.airPollutantCalculator(edition: .current)
        let lines = try InventoryCSV.read(
            InventoryBenchmarks.generatedCSV(lines: count), parser: reference.parser, calculator: calculator
        ).get()
        var both: [Double] = []
        var pollutantsOnly: [Double] = []
        var checksum = 0.0
        for _ in 0..<100 {
            let start = DispatchTime.now().uptimeNanoseconds
            let report = calculator.report(lines: lines, level: .basicPlus)
            let middle = DispatchTime.now().uptimeNanoseconds
            let pollutants = air.report(lines: lines)
            let end = DispatchTime.now().uptimeNanoseconds
            both.append(Double(end - start) / 1e6)
            pollutantsOnly.append(Double(end - middle) / 1e6)
            checksum += (report.basicPlus.co2e ?? 0) + Double(pollutants.results.count)
        }
        both.sort()
        pollutantsOnly.sort()
        print(
            "reporting: \(count) lines, 100 runs: greenhouse gases + pollutants median \(fmt(both[50])) ms, p99 \(fmt(both[98])) ms; pollutants alone median \(fmt(pollutantsOnly[50])) ms (checksum \(checksum))"
        )

        let ecrfSource = Array(lines.prefix(ecrfLines))
        let ecrfReport = calculator.report(lines: ecrfSource, level: .basicPlus)
        let metadata = InventoryMetadata(cityName: "Bench City", country: "CN", year: 2021, level: .basicPlus, gwp: .ar5)
        let export = try Reporting.InventoryExport(
            metadata: metadata, lines: ecrfSource, report: ecrfReport, calculator: calculator)
        let annex = AirPollutantAnnex(report: air.report(lines: ecrfSource))
        var times: [Double] = []
        var bytes = 0
        for _ in 0..<20 {
            let start = DispatchTime.now().uptimeNanoseconds
            bytes = try ECRF.xlsx(for: export, annexes: [annex]).count
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        times.sort()
        print(
            "ecrf: \(ecrfSource.count) lines with the air-pollutant sheet, 20 runs: median \(fmt(times[10])) ms, max \(fmt(times[19])) ms, \(bytes) bytes"
        )
    }

    static func fmt(_ value: Double) -> String { String(format: "%.2f", value) }
}
