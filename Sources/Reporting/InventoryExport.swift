import CarbonAccounting
import Spreadsheets

/// Everything a report is made from: the metadata, the lines, and their calculation under the
/// inventory's own GWP set and level. Built once and handed to every format (eCRF, CDP, annexes).
public struct InventoryExport: Sendable {
    /// What the reports state about the inventory.
    public let metadata: InventoryMetadata
    /// The inventory's lines, in its order.
    public let lines: [Line]
    /// One result per line, in order; totals by sub-category, scope and basis.
    public let report: InventoryReport
    /// The calculator of the inventory's GWP set and year (for per-gas and factor CO2e).
    public let calculator: Calculator

    /// Calculates the lines under the metadata's GWP set, inventory year and level.
    public init(metadata: InventoryMetadata, lines: [Line], reference: ReferenceData) {
        self.metadata = metadata
        self.lines = lines
        calculator = reference.calculator(set: metadata.gwp, year: metadata.year)
        report = calculator.report(lines: lines, level: metadata.level)
    }

    /// Uses a report the caller already has. Throws when it was not made from these lines under
    /// the metadata's GWP set and level (a report in another set would put the wrong GWPs in every cell).
    public init(metadata: InventoryMetadata, lines: [Line], report: InventoryReport, calculator: Calculator)
        throws(ReportingError)
    {
        guard report.set == metadata.gwp, calculator.set == metadata.gwp else {
            throw .inconsistent("the report is in \(report.set.rawValue), the inventory in \(metadata.gwp.rawValue)")
        }
        guard report.level == metadata.level else {
            throw .inconsistent("the report is for \(report.level.rawValue), the inventory is \(metadata.level.rawValue)")
        }
        guard report.results.count == lines.count else {
            throw .inconsistent("the report has \(report.results.count) results for \(lines.count) lines")
        }
        self.metadata = metadata
        self.lines = lines
        self.report = report
        self.calculator = calculator
    }

    /// The gases the lines contain, in GPC order ("CO2, CH4, N2O, HFCs"): row 19 of `eCRF_1`
    /// unless the metadata states them. "CO2, CH4, N2O" when no line has a figure yet.
    public var gasesIncluded: String {
        if let stated = metadata.gasesIncluded, !stated.isEmpty { return stated }
        var present: Set<GasGroup> = []
        for result in report.results {
            if result.gases.co2 != nil || result.gases.biogenicCO2 != nil { present.insert(.co2) }
            if result.gases.ch4 != nil { present.insert(.ch4) }
            if result.gases.n2o != nil { present.insert(.n2o) }
            if let species = result.gases.otherSpecies, let group = GasGroup.of(species: species) { present.insert(group) }
        }
        let groups = present.isEmpty ? [.co2, .ch4, .n2o] : GasGroup.allCases.filter(present.contains)
        return groups.map(\.rawValue).joined(separator: ", ")
    }
}

/// Why a report could not be produced.
public enum ReportingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The inputs disagree (report and metadata in different GWP sets …).
    case inconsistent(String)
    /// An annex would take the name of a framework sheet or of another annex.
    case sheetNameTaken(String)
    /// The workbook could not be written.
    case spreadsheet(SpreadsheetError)

    /// A sentence for the person who asked for the report.
    public var description: String {
        switch self {
        case .inconsistent(let reason): "the report cannot be made: \(reason)"
        case .sheetNameTaken(let name): "an annex cannot be named “\(name)”: the workbook already has that sheet"
        case .spreadsheet(let error): error.description
        }
    }
}
