import CarbonAccounting
import Foundation
import Reporting
import Spreadsheets
import Testing

/// The CDP-ICLEI Track totals of the worked example (t CO2e, AR5), by hand.
@Suite struct CDPSummaryTests {
    static func values(_ summary: CDPSummary) -> [Double?] { summary.figures.map(\.value) }

    @Test func workedExample_elevenTotals() {
        let summary = CDPSummary(WorkedExample.export())
        let values = Self.values(summary)
        #expect(values.count == 11)
        expectClose(values[0], 500_000)  // generation (I.4.4)
        // Direct without generation: I 59,726.6595 + II 1,016.05 + III 156,520 + IV 6,300 + V 2,800.
        expectClose(values[1], 226_362.7095)
        #expect(values[2] == nil && values[4] == nil)  // no GPC sub-category
        expectClose(values[3], 155_792)  // 149,800 + 5,992 (market-based memo left out)
        expectClose(values[5], 465)  // II.1.3 200 + III.4.2 265; VI.1 (123) is not in it
        expectClose(values[6], 726_362.7095)  // scope 1 with generation
        expectClose(values[7], 155_792)
        expectClose(values[8], 465)
        // BASIC: I scope 1 59,726.6595 + scope 2 155,792 + II.1.1 1,016.05 + III.1.1 156,240 + III.4.2 265.
        expectClose(values[9], 373_039.7095)
        // BASIC+: + II.1.3 200 + IV 6,300 + V 2,800.
        expectClose(values[10], 382_339.7095)
        let report = WorkedExample.export().report
        expectClose(values[9], report.basic.co2e ?? 0)
        expectClose(values[10], report.basicPlus.co2e ?? 0)
    }

    @Test func transportScope3_isII_x_3_andScope3TotalHasEveryScope3Ref() {
        let summary = CDPSummary(WorkedExample.export())
        let outside = summary.figures[5].refs
        #expect(
            outside.contains("II.1.3") && outside.contains("II.4.3") && outside.contains("I.1.3") && outside.contains("III.4.2"))
        #expect(!outside.contains("VI.1"))
        let every = reference.tree.subCategories.filter { $0.scope == .three && $0.sector != .otherScope3 }.map(\.ref)
        #expect(Set(summary.figures[8].refs) == Set(every))
    }

    @Test func basicInventory_leavesBASICPlusEmpty_withItsReason() {
        let summary = CDPSummary(WorkedExample.export(level: .basic))
        #expect(summary.figures[10].value == nil)
        #expect(summary.figures[10].note.contains("BASIC"))
    }

    @Test func csv_headerAndRow_exactNumbers() throws {
        let csv = CDPSummary(WorkedExample.export()).csv
        let records = try CSV.parse(csv)
        #expect(records.count == 2)
        let header = records[0].fields
        let row = records[1].fields
        #expect(header.count == row.count && header.count == 8 + 11 + 2)
        #expect(header[0] == "City" && row[0] == "Guiyang 贵阳")
        #expect(header[2] == "Accounting year" && row[2] == "2021")
        #expect(
            header[8] == "Direct emissions (metric tonnes CO2e) for Total generation of grid-supplied energy"
                && row[8] == "500000")
        #expect(header[18] == "TOTAL BASIC+ Emissions (GPC)")
        #expect(Double(row[18]) == CDPSummary(WorkedExample.export()).figures[10].value)
        #expect(row[10] == "" && row[12] == "")  // missing, not zero
        #expect(row.last == "BASIC+" && row[19] == "AR5 100-year")
    }

    @Test func xlsx_readByOurReaderAndOpenpyxl() throws {
        let summary = CDPSummary(WorkedExample.export())
        let data = try summary.xlsx()
        let values = try WorkbookReader(data: data).sheet(named: CDPSummary.summarySheet)
        #expect(values["A2"] == .text(summary.figures[0].column))
        #expect(values["B3"] == summary.figures[1].value.map(CellValue.number))
        #expect(values["B4"] == .empty && values["C2"] == .text("I.4.4"))
        var expected = OpenpyxlCheck.Expectations(sheets: [CDPSummary.summarySheet, CDPSummary.openDataSheet])
        var cells: [String: CellValue] = ["A1": .text("Total"), "B1": .text("Metric tonnes CO2e")]
        for (index, figure) in summary.figures.enumerated() {
            cells["A\(index + 2)"] = .text(figure.column)
            cells["B\(index + 2)"] = figure.value.map(CellValue.number) ?? .empty
        }
        expected.cells[CDPSummary.summarySheet] = cells
        let row = try CSV.parse(summary.csv)[1].fields
        var open: [String: CellValue] = [:]
        for (index, field) in row.enumerated() {
            let letters = CellReference.columnName(index + 1)
            open["\(letters)2"] = field.isEmpty ? .empty : Double(field).map(CellValue.number) ?? .text(field)
        }
        expected.cells[CDPSummary.openDataSheet] = open
        OpenpyxlCheck.check(data, expected)
    }
}
