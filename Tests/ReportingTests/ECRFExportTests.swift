import CarbonAccounting
import Foundation
import Reporting
import Spreadsheets
import Testing

/// The eCRF workbook of the worked example, cell by cell (figures in metric tonnes CO2e, AR5).
@Suite struct ECRFExportTests {
    static func sheets(_ set: GWPSet = .ar5) throws -> (Sheet?, Sheet?, Sheet?) {
        let book = try ECRF.workbook(for: WorkedExample.export(set))
        return (book[ECRF.metadataSheet], book[ECRF.emissionsSheet], book[ECRF.activitySheet])
    }

    @Test func emissionsTable_workedExample_inTonnes() throws {
        let (_, table, _) = try Self.sheets()
        expectClose(number(table, "B4"), 56_266.5)  // I.1.1 natural gas
        expectClose(number(table, "D4"), 149_800)  // I.1.2: 250,000 MWh × 0.5992
        #expect(number(table, "F4") == nil && text(table, "G4") == "NE")  // I.1.3 NE, with its reason in H
        #expect(text(table, "H4")?.contains("I.1.3 NE: T&D losses not yet estimated") == true)
        expectClose(number(table, "B5"), 946)  // wood: CH4 and N2O only; 11,200 t biogenic CO2 is a memo
        expectClose(number(table, "D5"), 5_992)  // the market-based 3,000 t is a memo, not added
        #expect(text(table, "C6") == "IE" && text(table, "E6") == "IE" && text(table, "G6") == "IE")
        #expect(text(table, "H6")?.contains("commercial") == true)
        expectClose(number(table, "B7"), 2_458.1595)  // coal, through the NCV
        expectClose(number(table, "B9"), 56)  // I.8.1 2 t CH4 × 28; I.7.1 NO noted in H
        #expect(text(table, "H9")?.contains("I.7.1 NO: No coal mining in the city") == true)
        #expect(text(table, "E9") == "NE" && text(table, "G9") == "NE")
        // Stationary energy: 56,266.5 + 946 + 2,458.1595 + 56 = 59,726.6595; indirect 149,800 + 5,992.
        expectClose(number(table, "B10"), 59_726.6595)
        expectClose(number(table, "D10"), 155_792)
        #expect(number(table, "F10") == nil && text(table, "G10") == "NE")
        expectClose(number(table, "B11"), 1_016.05)
        expectClose(number(table, "F11"), 200)
        #expect(text(table, "C15") == "IE")
        // Waste: III.1.1 156,240 + III.1.3 280 (direct); III.4.2 265 (outside).
        expectClose(number(table, "B17"), 156_520)
        expectClose(number(table, "F20"), 265)
        expectClose(number(table, "B21"), 156_520)
        expectClose(number(table, "B22"), 5_000)
        expectClose(number(table, "B23"), 1_300)
        expectClose(number(table, "B24"), 6_300)
        expectClose(number(table, "B25"), 2_800)
        expectClose(number(table, "B28"), 2_800)
        for row in 29...32 { #expect(text(table, "C\(row)") == "IE") }
        expectClose(number(table, "B33"), 500_000)
        // Total without generation: 59,726.6595 + 1,016.05 + 156,520 + 6,300 + 2,800 = 226,362.7095.
        expectClose(number(table, "B34"), 226_362.7095)
        expectClose(number(table, "D34"), 155_792)
        expectClose(number(table, "F34"), 465)
    }

    /// CityCatalyst's template defects (reporting_formats.md §4), each checked where it was.
    @Test func emissionsTable_avoidsTheKnownDefects() throws {
        let export = WorkedExample.export()
        let (_, table, _) = try Self.sheets()
        let tonnes = { (ref: String) in export.report.subCategory(ref)?.co2e }
        #expect(number(table, "B17") == (tonnes("III.1.1") ?? 0) + (tonnes("III.1.3") ?? 0))  // not "{{|II.1.1_total}}"
        #expect(number(table, "B22") == tonnes("IV.1"))  // not "{{|V.1_total}}"
        #expect(number(table, "B23") == tonnes("IV.2"))  // product use is IV.2, not IV.1
        #expect(number(table, "B24") == export.report.cell(.ippu, .one).co2e)
        #expect(number(table, "B28") == export.report.cell(.afolu, .one).co2e)
        // kg would be 1,000 times these.
        #expect(number(table, "B4") == tonnes("I.1.1"))
        // D15 is off-road indirect (II.5.2): the inventory has none, so NE, not II.4.2's figure.
        #expect(number(table, "D15") == nil && text(table, "E15") == "NE")
        // The fugitive row's key cell is written by the same code as every other cell.
        #expect(text(table, "C9") == nil && number(table, "B9") != nil)
    }

    @Test func activitySheet_gasColumnsUseTheInventorysGWPSet() throws {
        // Natural gas line: CH4 5 t; landfill CH4 5,580 t (non-fossil).
        let cases: [(GWPSet, Double, Double)] = [
            (.ar4, 5 * 25, 5_580 * 25), (.ar5, 5 * 28, 5_580 * 28), (.ar6, 5 * 29.8, 5_580 * 27.0),
        ]
        for (set, gasCH4, landfillCH4) in cases {
            let (_, table, activity) = try Self.sheets(set)
            let gasRow = try #require(row(of: "res-gas", in: activity))
            expectClose(number(activity, "Z\(gasRow)"), gasCH4)
            let landfillRow = try #require(firstRow(ref: "III.1.1", in: activity))
            expectClose(number(activity, "Z\(landfillRow)"), landfillCH4)
            expectClose(number(table, "B17"), landfillCH4 + 10 * (set == .ar4 ? 25 : set == .ar5 ? 28 : 27.0))
        }
    }

    @Test func activitySheet_rowsInTemplateOrder_withLinesInPlace() throws {
        let (_, _, activity) = try Self.sheets()
        #expect(text(activity, "B1") == "GPC ref. no." && text(activity, "AG1") == "Activity data conversion - override used?")
        #expect(text(activity, "AH1") == "LCC - Line no.")
        // Natural gas: every column of the row.
        #expect(number(activity, "A2") == 2021 && text(activity, "B2") == "I.1.1")
        #expect(text(activity, "C2") == "Stationary energy" && text(activity, "D2") == "Residential buildings")
        #expect(text(activity, "E2") == "Direct emissions" && text(activity, "F2") == "Natural Gas")
        #expect(number(activity, "H2") == 1_000 && text(activity, "I2") == "TJ" && text(activity, "L2") == "High")
        #expect(text(activity, "M2") == "kg/TJ" && number(activity, "N2") == 56_100 && number(activity, "O2") == 5)
        expectClose(number(activity, "Q2"), 56_266.5)  // kg CO2e per TJ under AR5
        expectClose(number(activity, "Y2"), 56_100)
        expectClose(number(activity, "AA2"), 26.5)
        expectClose(number(activity, "AB2"), 56_266.5)
        #expect(number(activity, "AH2") == 1 && text(activity, "AI2") == "res-gas")
        #expect(text(activity, "B4") == "I.1.3" && text(activity, "G4") == "NE")
        // Wood: the CO2 factor is biogenic (R), its CO2 in AC, not in Y.
        let wood = try #require(firstRow(ref: "I.2.1", in: activity))
        #expect(number(activity, "N\(wood)") == nil && number(activity, "R\(wood)") == 112_000)
        #expect(number(activity, "Y\(wood)") == nil)
        expectClose(number(activity, "AC\(wood)"), 11_200)
        // The market-based line is a memo: its figures stay out of the GHG columns.
        let market = try #require(firstRow(ref: "I.2.2", in: activity)) + 1
        #expect(text(activity, "AM\(market)") == "market" && number(activity, "AB\(market)") == nil)
        expectClose(number(activity, "AB\(market - 1)"), 5_992)
        // Coal: H and I in the factor's unit, the original in AD and AE.
        let coal = try #require(firstRow(ref: "I.3.1", in: activity))
        expectClose(number(activity, "H\(coal)"), 25.8)
        #expect(
            text(activity, "I\(coal)") == "TJ" && number(activity, "AD\(coal)") == 1_000 && text(activity, "AE\(coal)") == "t")
        // A sub-category without lines: NE by default, marked so that an import skips it.
        let empty = try #require(firstRow(ref: "I.5.1", in: activity))
        #expect(text(activity, "G\(empty)") == "NE" && text(activity, "AJ\(empty)")?.hasPrefix("[default]") == true)
        // 67 template rows; I.2.2 (2 lines) and the rest (1 each) take their slot: 67 + 1 more row, plus the header.
        #expect(activity?.rows.count == 1 + 67 + 1)
        #expect(text(activity, "B69") == "VI.1")
    }

    @Test func metadataSheet_labelsAndValues() throws {
        let (metadata, _, _) = try Self.sheets(.ar6)
        #expect(text(metadata, "B1") == "Type" && text(metadata, "C1") == "Community-scale GHG inventory (GPC)")
        #expect(
            text(metadata, "A2") == "Boundary" && text(metadata, "A17") == "Inventory"
                && text(metadata, "A29") == "Compiler/contact")
        #expect(text(metadata, "C2") == "Guiyang 贵阳" && text(metadata, "C6") == "26.58333, 106.71667")
        #expect(number(metadata, "C7") == 2021 && number(metadata, "C12") == 5_987_018)
        #expect(text(metadata, "C18") == "BASIC+" && text(metadata, "C20") == "AR6")
        #expect(text(metadata, "C21") == GWPSet.ar6.convention)
        #expect(text(metadata, "C19") == "CO2, CH4, N2O, HFCs")
        #expect(text(metadata, "C25") == "No" && text(metadata, "C34") == "https://example.org/ghg")
    }

    @Test func openpyxl_readsTheWorkbook() throws {
        let export = WorkedExample.export()
        let book = try ECRF.workbook(for: export)
        let data = try ECRF.xlsx(for: export)
        var expected = OpenpyxlCheck.Expectations(sheets: ECRF.sheetNames)
        // Every cell we wrote, as we wrote it.
        for sheet in book.sheets {
            var cells: [String: CellValue] = [:]
            for (rowOffset, row) in sheet.rows.enumerated() {
                for (columnOffset, cell) in row.enumerated() {
                    cells[CellReference.columnName(columnOffset + 1) + String(rowOffset + 1)] = cell.value
                }
            }
            expected.cells[sheet.name] = cells
        }
        expected.frozen = [ECRF.emissionsSheet: "A4", ECRF.activitySheet: "A2"]
        expected.merged = [
            ECRF.metadataSheet: ["A2:A16", "A17:A28", "A29:A34"],
            ECRF.emissionsSheet: ["A1:H1", "A2:A3", "B2:C2", "D2:E2", "F2:G2", "H2:H3"],
        ]
        OpenpyxlCheck.check(data, expected)
    }

    @Test func annexSheet_followsTheFrameworkSheets_andTakesNoFrameworkName() throws {
        let export = WorkedExample.export()
        let book = try ECRF.workbook(for: export, annexes: [PollutantAnnexStub()])
        #expect(book.sheets.map(\.name) == ECRF.sheetNames + ["Air pollutants"])
        #expect(book["Air pollutants"]?["A2"].value == .text("I.1.1"))
        #expect(throws: ReportingError.sheetNameTaken("ecrf_2")) {
            try ECRF.workbook(for: export, annexes: [NamedAnnex(sheetName: "ecrf_2")])
        }
    }

    @Test func reportFromAnotherGWPSet_isRefused() {
        let calculator = reference.calculator(set: .ar4, year: 2021)
        let report = calculator.report(lines: WorkedExample.lines, level: .basicPlus)
        #expect(throws: ReportingError.inconsistent("the report is in AR4, the inventory in AR5")) {
            try InventoryExport(
                metadata: WorkedExample.metadata, lines: WorkedExample.lines, report: report, calculator: calculator)
        }
    }
}

/// The shape the air-pollutant annex will have: a sheet from the same export.
struct PollutantAnnexStub: ReportAnnex {
    let sheetName = "Air pollutants"
    func sheet(for export: InventoryExport) -> Sheet {
        var sheet = Sheet(name: sheetName)
        sheet.append([.bold("GPC ref."), .bold("NOx (t)")])
        for line in export.lines.prefix(3) { sheet.append([.text(line.gpcRef), .number(nil)]) }
        return sheet
    }
}

struct NamedAnnex: ReportAnnex {
    let sheetName: String
    func sheet(for export: InventoryExport) -> Sheet { Sheet(name: sheetName) }
}

func row(of lineID: String, in sheet: Sheet?) -> Int? {
    sheet?.rows.firstIndex { $0.count > 34 && $0[34].value == .text(lineID) }.map { $0 + 1 }
}

func firstRow(ref: String, in sheet: Sheet?) -> Int? {
    sheet?.rows.firstIndex { $0.count > 1 && $0[1].value == .text(ref) }.map { $0 + 1 }
}
