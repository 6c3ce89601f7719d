import CarbonAccounting
import Spreadsheets

/// The "Air pollutants" sheet of the platform's own workbook (no reporting framework has a slot for
/// them; `air_pollutants.md` §1): one row per GPC sub-category × fuel × vehicle class with the nine
/// pollutants in tonnes, the sector totals, the city's total and the power-plant memo of grid
/// energy, with the edition of the factors and the boundary rule stated above the table.
///
/// A pollutant no line estimated is an empty cell (missing, never zero); the last column counts
/// the lines that left a pollutant out. Nothing here is CO2e, and nothing is rounded.
public struct AirPollutantAnnex: ReportAnnex {
    public let sheetName = "Air pollutants"
    /// The pollutants of the export's lines, in the same order (the inventory's edition).
    public let report: AirPollutantReport

    /// Uses a report the caller already has; it must be of the export's lines.
    public init(report: AirPollutantReport) {
        self.report = report
    }

    /// The header row of the table (row 5).
    public static let headerRow = 5
    static let pollutantColumn = 7

    /// The column of a pollutant's tonnes (1-based; G for NOx … O for BC).
    public static func column(of pollutant: AirPollutant) -> Int {
        pollutantColumn + (AirPollutant.allCases.firstIndex(of: pollutant) ?? 0)
    }

    public func sheet(for export: InventoryExport) -> Sheet {
        let pollutants = AirPollutant.allCases
        var sheet = Sheet(name: sheetName, columnWidths: [1: 12, 2: 40, 3: 8, 4: 28, 5: 18, 6: 8], frozenRows: Self.headerRow)
        sheet.append([.bold("Air pollutants, tonnes (EMEP/EEA Tier 1) — never part of any CO2e, BASIC or BASIC+ figure")])
        sheet.append([.bold("Factors"), .text(report.edition.citation, style: .wrapped)])
        sheet.append([
            .bold("Boundary"),
            .text(
                "Totals are emissions inside the city boundary (scope 1 lines). Grid-supplied energy (scope 2) pollutes at the power plants: shown as a memo, outside every total. Scope 3 lines have no pollutants here.",
                style: .wrapped),
        ])
        sheet.append([
            .bold("Missing"), .text("An empty cell is not estimated (never zero); the last column counts such lines."),
        ])
        sheet.append(
            ["GPC ref.", "Sub-category", "Scope", "Fuel or activity", "Vehicle class", "Lines"].map {
                Cell.text($0, style: .header)
            } + pollutants.map { Cell.text("\($0.name) (t)", style: .header) } + [
                Cell.text("Lines without an estimate", style: .header), Cell.text("Edition", style: .header),
            ])
        for column in 7...(6 + pollutants.count) { sheet.columnWidths[column] = 14 }
        for group in groups(export.lines) {
            sheet.append(
                [
                    .text(group.ref), .text(group.name), .number(Double(group.scope)), .text(group.fuel),
                    .text(group.vehicle), .number(Double(group.totals.lineCount)),
                ] + amounts(group.totals) + [.text(report.edition.rawValue)])
        }
        sheet.append([])
        for sector in Sector.allCases {
            let totals = report.sector(sector)
            guard totals.lineCount > 0 else { continue }
            sheet.append(
                [
                    .bold("\(sector.rawValue)"), .bold("Total \(sector.name) (in the city boundary)"), .empty, .empty, .empty,
                    .number(Double(totals.lineCount)),
                ]
                    + amounts(totals) + [.text(report.edition.rawValue)])
        }
        sheet.append(
            [
                .bold("Total"), .bold("Total in the city boundary (scope 1)"), .empty, .empty, .empty,
                .number(Double(report.total.lineCount)),
            ]
                + amounts(report.total) + [.text(report.edition.rawValue)])
        sheet.append(
            [
                .bold("Memo"), .bold("Grid-supplied energy: at the power plants (1.A.1.a factors), outside the total"), .empty,
                .empty, .empty, .number(Double(report.upstreamPowerMemo.lineCount)),
            ]
                + amounts(report.upstreamPowerMemo) + [.text(report.edition.rawValue)])
        return sheet
    }

    private func amounts(_ totals: AirPollutantTotals) -> [Cell] {
        let missing = AirPollutant.allCases.reduce(0) { max($0, totals.notEstimatedLines($1)) }
        return AirPollutant.allCases.map { Cell.number(totals.amounts[$0]) } + [.number(Double(missing))]
    }

    struct Group {
        let ref: String
        let name: String
        let scope: Int
        let fuel: String
        let vehicle: String
        var totals: AirPollutantTotals
    }

    /// Lines that count (in the boundary, or the memo) summed by sub-category, fuel and vehicle, in
    /// the order of their first line.
    func groups(_ lines: [Line]) -> [Group] {
        var groups: [Group] = []
        var index: [String: Int] = [:]
        for (line, result) in zip(lines, report.results) {
            switch result.status {
            case .inBoundary, .upstreamMemo: break
            case .outsideBoundary, .notation, .failed: continue
            }
            guard let sub = report.tree[line.gpcRef] else { continue }
            let vehicle = line.vehicle?.name ?? ""
            let key = "\(line.gpcRef)|\(line.fuel)|\(vehicle)"
            if index[key] == nil {
                index[key] = groups.count
                groups.append(
                    Group(
                        ref: line.gpcRef, name: sub.name, scope: sub.scope.rawValue, fuel: line.fuel, vehicle: vehicle,
                        totals: AirPollutantTotals()))
            }
            if let position = index[key] { groups[position].totals.add(result) }
        }
        return groups
    }
}
