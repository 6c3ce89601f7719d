import CarbonAccounting
import Foundation
import Reporting
import Spreadsheets
import Testing

/// An eCRF filled in another tool: columns A–AG only, labels worded a little differently, reasons
/// for notation keys in eCRF_2's column H, tonnes of CO2e per gas instead of measured tonnes.
@Suite struct ForeignECRFTests {
    static func workbook(residentialTotal: Double = 28_133.25) -> Workbook {
        var metadata = Sheet(name: "eCRF_1")
        metadata["B2"] = .text("Name of city")
        metadata["C2"] = .text("Ulaanbaatar")
        metadata["B7"] = .text("Inventory year")
        metadata["C7"] = .number(2019)
        metadata["B18"] = .text("GPC reporting level")
        metadata["C18"] = .text("basic")
        metadata["B20"] = .text("Global Warming Potential")
        metadata["C20"] = .text("IPCC Fifth Assessment Report (AR5)")
        metadata["C25"] = .text("yes")

        var emissions = Sheet(name: "eCRF_2")
        for row in CRFRow.all {
            emissions["A\(row.row)"] = .text(row.label.replacingOccurrences(of: "Product use", with: "Produce Use"))
        }
        emissions["B4"] = .number(residentialTotal)
        emissions["H9"] = .text("There is no coal mining or oil and gas in the city")
        emissions["B17"] = .number(2_800)

        var activity = Sheet(name: "eCRF_3")
        activity.append(
            [
                "Inventory year", "GPC ref. no.", "CRF - Sector", "CRF - Sub-sector", "Scope", "Fuel type or activity",
                "Notation key",
                "Activity data - Amount", "Activity data - Unit",
            ].map { Cell.text($0) })
        func row(_ cells: [String: CellValue]) {
            var values = Array(repeating: Cell.empty, count: 33)
            for (letters, value) in cells { values[(CellReference.columnNumber(letters) ?? 1) - 1] = Cell(value) }
            activity.append(values)
        }
        // 500 TJ of natural gas: 500 × (56,100 + 5 × 28 + 0.1 × 265) kg = 28,133.25 t.
        row([
            "A": .text("Please select"), "B": .text("I.1.1"), "E": .text("Direct emissions"), "F": .text("Natural Gas"),
            "H": .number(500), "I": .text("TJ"), "K": .text("Energy balance"), "M": .text("kg/TJ"), "N": .number(56_100),
            "O": .number(5), "P": .number(0.1), "W": .text("IPCC 2006 Table 2.5"), "AB": .number(28_133.25),
        ])
        row(["B": .text("I.1.3"), "E": .text("Outside city boundary"), "G": .text("NE")])  // no reason anywhere: skipped
        // Grid electricity given as tonnes only.
        row(["B": .text("I.2.2"), "E": .text("Indirect emissions"), "Y": .number(1_000), "AB": .number(1_000)])
        row(["B": .text("I.7.1"), "E": .text("Direct emissions"), "G": .text("NO")])  // reason from eCRF_2!H9
        // Landfill methane given in t CO2e: 2,800 / 28 = 100 t CH4.
        row(["B": .text("III.1.1"), "E": .text("Direct emissions"), "Z": .number(2_800), "AB": .number(2_800)])
        row(["B": .empty, "E": .text("Outside city boundary"), "G": .text("NE")])  // unreferenced twin
        row(["B": .text("II.2.1"), "E": .text("Direct emissions")])  // left blank
        return Workbook(sheets: [metadata, emissions, activity])
    }

    @Test func importsItsLines() throws {
        let imported = try ECRF.read(try Self.workbook().xlsx(), reference: reference)
        #expect(imported.metadata.cityName == "Ulaanbaatar" && imported.metadata.year == 2019)
        #expect(imported.metadata.level == .basic && imported.metadata.gwp == .ar5 && imported.metadata.verified == true)
        let expected = [
            line([
                "gpc_ref": "I.1.1", "fuel": "Natural Gas", "activity_value": "500", "activity_unit": "TJ", "ef_co2": "56100",
                "ef_ch4": "5", "ef_n2o": "0.1", "ef_unit": "kg/TJ", "source": "Energy balance; IPCC 2006 Table 2.5",
            ]),
            line(["gpc_ref": "I.2.2", "co2_t": "1000"]),
            line([
                "gpc_ref": "I.7.1", "notation_key": "NO",
                "explanation": "There is no coal mining or oil and gas in the city (eCRF_2!H9)",
            ]),
            line(["gpc_ref": "III.1.1", "ch4_t": "100"]),
        ]
        #expect(imported.lines == expected)
        let export = InventoryExport(metadata: imported.metadata, lines: imported.lines, reference: reference)
        // BASIC: 28,133.25 + 1,000 + 2,800 = 31,933.25 t.
        expectClose(export.report.basic.co2e, 31_933.25)
    }

    @Test func kilogramsInTheEmissionsTable_areRefused() throws {
        let data = try Self.workbook(residentialTotal: 28_133_250).xlsx()
        #expect(
            importProblems(data) == [
                "eCRF_2!B4: 28133250 tCO2e here, but the rows of eCRF_3 for I.1.1 add up to 28133.25 tCO2e under AR5 (1,000 times the computed figure: kg written as tonnes?); the activity rows are what is imported"
            ])
    }

    @Test func aTotalWithoutGases_andFiguresWithoutReference_areRefused() throws {
        var book = Self.workbook()
        var activity = book.sheets[2]
        activity["B4"] = .empty  // the I.2.2 row loses its reference
        activity["B8"] = .text("II.2.1")
        activity["AB8"] = .number(12)  // only a total
        book.sheets[2] = activity
        #expect(
            importProblems(try book.xlsx()) == [
                "eCRF_3!B4: a row with figures or a notation key needs a GPC reference (e.g. I.1.1)",
                "eCRF_3!AB8: a total without its gases cannot be imported: give the CO2, CH4 and N2O columns (Y, Z, AA) or activity data and emission factors",
            ])
    }
}
