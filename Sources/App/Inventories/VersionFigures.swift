import CarbonAccounting
import Foundation

/// What indicator formulas need of an inventory version beyond its totals, computed when the
/// version is recorded (so benchmarking a thousand cities never reads their lines):
/// - t CO2e by sector on the inventory's own level (BASIC or BASIC+);
/// - municipal solid waste generated and landfilled, t: the activity of the waste lines measured
///   in mass (III.1 landfill, III.2 biological treatment, III.3 incineration and open burning —
///   GPC ch. 8; wastewater, III.4, is not solid waste); landfilled = III.1 — nil when no such line;
/// - the grid electricity factor the inventory uses, t CO2/MWh: CO2 of the location-based
///   scope-2 lines of sector I ÷ their electricity in MWh — nil when there is none;
/// - the GPC cells the level requires and how many are reported (a figure or a notation key).
struct VersionFigures: Codable, Sendable, Hashable {
    var sectors: [String: Double]
    var wasteGeneratedTonnes: Double?
    var wasteLandfilledTonnes: Double?
    var gridFactor: Double?
    var requiredCells: Int
    var coveredCells: Int

    init(lines: [Line], report: InventoryReport) {
        let level = report.level
        let tree = report.tree
        var sectors: [String: Double] = [:]
        for sector in Sector.allCases where sector != .otherScope3 {
            if let value = report.cell(sector, level.basis).co2e { sectors[sector.rawValue] = value }
        }
        self.sectors = sectors
        var generated: Double?
        var landfilled: Double?
        var gridCO2 = 0.0
        var gridMWh = 0.0
        for (line, result) in zip(lines, report.results) {
            guard let activity = line.activity else { continue }
            let ref = line.gpcRef
            if activity.unit.dimension == .mass, ref.hasPrefix("III.1.") || ref.hasPrefix("III.2.") || ref.hasPrefix("III.3.") {
                let tonnes = activity.value * activity.unit.inBase
                generated = (generated ?? 0) + tonnes
                if ref.hasPrefix("III.1.") { landfilled = (landfilled ?? 0) + tonnes }
            }
            if ref.hasPrefix("I."), tree[ref]?.scope == .two, !line.isMemo, activity.unit.dimension == .energy,
                let co2 = result.gases.co2
            {
                // TJ is the energy base; 1 MWh = 3.6e-3 TJ.
                gridMWh += activity.value * activity.unit.inBase / 3.6e-3
                gridCO2 += co2
            }
        }
        wasteGeneratedTonnes = generated
        wasteLandfilledTonnes = generated == nil ? nil : (landfilled ?? 0)
        gridFactor = gridMWh > 0 ? gridCO2 / gridMWh : nil
        requiredCells = report.completeness.required.count
        coveredCells = report.completeness.coveredCount
    }

    var json: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data("{}".utf8), as: UTF8.self) }

    static func decode(_ text: String?) -> VersionFigures? {
        guard let text, !text.isEmpty else { return nil }
        return try? JSONDecoder().decode(VersionFigures.self, from: Data(text.utf8))
    }
}
