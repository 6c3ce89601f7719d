import CarbonAccounting
import Foundation
import Reporting
import Spreadsheets
import Testing

/// The air-pollutant sheet of the platform's own workbook, and the pollutant columns of `eCRF_3`.
@Suite struct AirPollutantAnnexTests {
    /// T1 and T3 of the reference note (1,000 GJ of gas and of coal in homes, current edition), a
    /// road line with measured NOx and a city CO factor, and a grid line (a memo, not in the total).
    static let lines: [Line] = [
        line(["line_id": "gas", "gpc_ref": "I.1.1", "activity_value": "1000", "activity_unit": "GJ", "fuel": "Natural Gas"]),
        line([
            "line_id": "coal", "gpc_ref": "I.1.1", "activity_value": "1000", "activity_unit": "GJ",
            "fuel": "Other Bituminous Coal",
        ]),
        line([
            "line_id": "lorries", "gpc_ref": "II.1.1", "activity_value": "1000", "activity_unit": "t", "fuel": "Diesel Oil",
            "ef_co2": "3.186", "ef_unit": "t/t", "vehicle": "heavy_duty", "nox_t": "20.5", "ef_co": "5.2",
            "ef_air_unit": "kg/t", "ef_air_source": "CAPSS 2019", "ef_air_reason": "Korean fleet",
        ]),
        line(["gpc_ref": "I.1.2", "activity_value": "1000", "activity_unit": "MWh", "ef_co2": "0.5", "ef_unit": "t/MWh"]),
    ]

    static func export() -> InventoryExport {
        var metadata = WorkedExample.metadata
        metadata.year = 2023
        return InventoryExport(metadata: metadata, lines: lines, reference: reference)
    }

    static func annex() -> AirPollutantAnnex {
        AirPollutantAnnex(report: reference.airPollutantCalculator(edition: .current).report(lines: lines))
    }

    static func row(_ sheet: Sheet, _ first: String) -> Int? {
        sheet.rows.firstIndex { $0.first?.value.text == first }.map { $0 + 1 }
    }

    /// Total NOx: 51 + 110 kg = 0.161 t from the homes + 20.5 t measured = 20.661 t; CO: 0.026 +
    /// 4.6 t + 1,000 t × 5.2 kg/t = 5.2 t → 9.826 t. The grid line adds nothing to the total.
    @Test func sheet_statesEditionAndBoundary_andHoldsTheHandCalculatedTotals() throws {
        let sheet = Self.annex().sheet(for: Self.export())
        let total = try #require(Self.row(sheet, "Total"))
        let nox = CellReference.columnName(AirPollutantAnnex.column(of: .nox))
        let co = CellReference.columnName(AirPollutantAnnex.column(of: .co))
        expectClose(number(sheet, "\(nox)\(total)"), 20.661)
        expectClose(number(sheet, "\(co)\(total)"), 9.826)
        #expect(text(sheet, "B2")?.contains("guidebook 2023") == true)
        #expect(text(sheet, "B3")?.contains("inside the city boundary") == true)
        #expect(text(sheet, "A1")?.contains("never part of any CO2e") == true)
        let gasRow = try #require(sheet.rows.firstIndex { $0.count > 3 && $0[3].value.text == "Natural Gas" }).advanced(by: 1)
        expectClose(number(sheet, "\(nox)\(gasRow)"), 0.051)
        #expect(Self.row(sheet, "Memo") != nil)
    }

    @Test func openpyxl_readsTheSheet() throws {
        let export = Self.export()
        let data = try ECRF.xlsx(for: export, annexes: [Self.annex()])
        let sheet = Self.annex().sheet(for: export)
        let total = try #require(Self.row(sheet, "Total"))
        let nox = CellReference.columnName(AirPollutantAnnex.column(of: .nox))
        var expectations = OpenpyxlCheck.Expectations(sheets: ["eCRF_1", "eCRF_2", "eCRF_3", "Air pollutants"])
        expectations.cells["Air pollutants"] = [
            "A\(total)": .text("Total"), "\(nox)\(total)": sheet["\(nox)\(total)"].value,
        ]
        OpenpyxlCheck.check(data, expectations)
    }

    /// The optional columns (vehicle, measured pollutants, city factors, ef_id) survive the
    /// workbook, so the pollutants of the imported lines are those exported.
    @Test func pollutantColumns_surviveTheRoundTrip() throws {
        let export = Self.export()
        let imported = try ECRF.read(try ECRF.xlsx(for: export, annexes: [Self.annex()]), reference: reference)
        #expect(imported.lines == Self.lines)
        #expect(imported.lines.first?.factorID.isEmpty == false, "a default factor says which it is")
        let calculator = reference.airPollutantCalculator(edition: .current)
        #expect(calculator.report(lines: imported.lines).total == calculator.report(lines: Self.lines).total)
    }
}
