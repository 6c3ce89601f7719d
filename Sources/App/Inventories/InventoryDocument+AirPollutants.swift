import CarbonAccounting
import Foundation

/// The `air_pollutants` part of the JSON export: tonnes, unrounded; null = not estimated (never
/// zero). Totals are inside the city boundary (scope 1); grid energy's pollutants are a memo.
struct AirPollutantsDocument: Encodable, Sendable {
    struct Cell: Encodable, Sendable {
        let sector: String?
        let name: String?
        let lines: Int
        let tonnes: [String: Double?]
        /// Lines that count here but have no estimate of the pollutant.
        let notEstimatedLines: [String: Int]
        enum CodingKeys: String, CodingKey {
            case sector, name, lines, tonnes
            case notEstimatedLines = "not_estimated_lines"
        }

        init(_ totals: AirPollutantTotals, sector: Sector? = nil) {
            self.sector = sector?.rawValue
            name = sector?.name
            lines = totals.lineCount
            tonnes = AirPollutantsDocument.tonnes(totals.amounts)
            var missing: [String: Int] = [:]
            for pollutant in AirPollutant.allCases where totals.notEstimatedLines(pollutant) > 0 {
                missing[pollutant.key] = totals.notEstimatedLines(pollutant)
            }
            notEstimatedLines = missing
        }
    }

    let edition: String
    let citation: String
    let unit = "t"
    let conventions: [String: String]
    let total: Cell
    let bySector: [Cell]
    let upstreamPowerPlantMemo: Cell

    enum CodingKeys: String, CodingKey {
        case edition, citation, unit, conventions, total
        case bySector = "by_sector"
        case upstreamPowerPlantMemo = "upstream_power_plant_memo"
    }

    static let conventionTexts = [
        "boundary":
            "Totals are emissions inside the city boundary (scope 1 lines); grid-supplied energy's pollutants are emitted at the power plants and are a memo outside every total.",
        "co2e": "Air pollutants have no GWP here: they never enter CO2e, BASIC or BASIC+.",
        "missing": "null is not estimated, never zero.",
        "keys": "nox (as NO2), sox (as SO2), co, nmvoc, nh3, tsp, pm10, pm25 (PM2.5), bc (black carbon)",
    ]

    init(_ report: AirPollutantReport) {
        edition = report.edition.rawValue
        citation = report.edition.citation
        conventions = Self.conventionTexts
        total = Cell(report.total)
        bySector = Sector.allCases.map { Cell(report.sector($0), sector: $0) }
        upstreamPowerPlantMemo = Cell(report.upstreamPowerMemo)
    }

    static func tonnes(_ values: PollutantValues) -> [String: Double?] {
        Dictionary(uniqueKeysWithValues: AirPollutant.allCases.map { ($0.key, values[$0]) })
    }
}

/// A line's pollutants in the JSON export: where they count and the tonnes of each.
struct LineAirDocument: Encodable, Sendable {
    /// in_boundary, upstream_memo, outside_boundary, notation or error.
    let status: String
    let tonnes: [String: Double?]

    init(_ result: AirPollutantLineResult) {
        switch result.status {
        case .inBoundary: status = "in_boundary"
        case .upstreamMemo: status = "upstream_memo"
        case .outsideBoundary: status = "outside_boundary"
        case .notation: status = "notation"
        case .failed: status = "error"
        }
        tonnes = AirPollutantsDocument.tonnes(result.amounts)
    }
}
