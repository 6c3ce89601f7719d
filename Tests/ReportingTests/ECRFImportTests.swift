import CarbonAccounting
import Foundation
import Reporting
import Spreadsheets
import Testing

/// Bad workbooks get a clear error naming the sheet and cell, and import nothing.
@Suite struct ECRFImportTests {
    /// The worked example's workbook, changed by `edit`, as a file.
    static func edited(_ edit: (inout [String: Sheet]) -> Void) throws -> Data {
        let book = try ECRF.workbook(for: WorkedExample.export())
        var sheets: [String: Sheet] = [:]
        for sheet in book.sheets { sheets[sheet.name] = sheet }
        edit(&sheets)
        return try Workbook(sheets: book.sheets.compactMap { sheets[$0.name] }).xlsx()
    }

    @Test func textWhereANumberBelongs_isNamedBySheetAndCell() throws {
        let data = try Self.edited { sheets in
            sheets[ECRF.activitySheet]?["H2"] = .text("about a thousand")
            sheets[ECRF.metadataSheet]?["C12"] = .text("six million")
        }
        #expect(
            importProblems(data) == [
                "eCRF_1!C12: text where a number belongs (“six million”)",
                "eCRF_3!H2: text where a number belongs (“about a thousand”)",
            ])
    }

    @Test func numberStoredAsText_isAccepted() throws {
        let data = try Self.edited { sheets in sheets[ECRF.activitySheet]?["H2"] = .text("1000") }
        #expect(importProblems(data).isEmpty)
    }

    @Test func everyProblemOfEveryRow_allOrNothing() throws {
        let data = try Self.edited { sheets in
            var activity = sheets[ECRF.activitySheet]
            activity?["B2"] = .text("I.9.9")  // not a GPC sub-category
            activity?["AJ4"] = .empty  // NE without its explanation
            activity?["N2"] = .bool(true)
            activity?["E3"] = .text("Direct emissions")  // I.1.2 is scope 2
            activity?["A5"] = .number(2019)
            sheets[ECRF.activitySheet] = activity
        }
        let problems = importProblems(data)
        #expect(problems.contains("eCRF_3!N2: TRUE where a number belongs"))
        #expect(
            problems.contains("eCRF_3!E3: “Direct emissions” does not match I.1.2, a scope 2 sub-category (Indirect emissions)"))
        #expect(problems.contains("eCRF_3!AJ4: is required with a notation key"))
        #expect(problems.contains("eCRF_3!A5: inventory year 2019 differs from eCRF_1!C7 (2021)"))
        #expect(problems.count == 4, "\(problems)")
    }

    @Test func unknownReference_andBadUnit_areNamed() throws {
        let data = try Self.edited { sheets in
            sheets[ECRF.activitySheet]?["B2"] = .text("I.9.9")
            sheets[ECRF.activitySheet]?["I2"] = .text("barrels")
        }
        #expect(
            importProblems(data) == [
                "eCRF_3!B2: “I.9.9” is not a GPC sub-category", "eCRF_3!I2: “barrels” is not a known unit",
            ])
    }

    @Test func convertedActivity_mustMatchTheOriginal() throws {
        // Row 3: 250,000,000 kWh (AD, AE) = 250,000 MWh (H, I), the unit of the t/MWh factor.
        let amount = try Self.edited { sheets in sheets[ECRF.activitySheet]?["H3"] = .number(250) }
        #expect(
            importProblems(amount) == [
                "eCRF_3!H3: 250 MWh does not match the original activity in AD and AE, which converts to 250000 MWh"
            ])
        let unit = try Self.edited { sheets in sheets[ECRF.activitySheet]?["I3"] = .text("GWh") }
        #expect(
            importProblems(unit) == [
                "eCRF_3!I3: “GWh” is not the emission factor's unit (MWh), in which the converted activity is given"
            ])
    }

    @Test func rowTotalInKilograms_isCaught() throws {
        let data = try Self.edited { sheets in sheets[ECRF.activitySheet]?["AB2"] = .number(56_266_500) }
        #expect(
            importProblems(data) == [
                "eCRF_3!AB2: total 56266500 tCO2e, but the row's data give 56266.5 tCO2e under AR5 (1,000 times the computed figure: kg written as tonnes?)"
            ])
    }

    @Test func emissionsTableDisagreeingWithTheRows_isCaught() throws {
        let data = try Self.edited { sheets in
            sheets[ECRF.emissionsSheet]?["B4"] = .number(56_266_500)
            sheets[ECRF.emissionsSheet]?["B8"] = .number(10)
            sheets[ECRF.emissionsSheet]?["C9"] = .text("N/A")
        }
        #expect(importProblems(data) == ["eCRF_2!C9: “N/A” is not a notation key (NO, IE, NE or C)"])
        let figures = try Self.edited { sheets in
            sheets[ECRF.emissionsSheet]?["B4"] = .number(56_266_500)
            sheets[ECRF.emissionsSheet]?["B8"] = .number(10)
        }
        #expect(
            importProblems(figures) == [
                "eCRF_2!B4: 56266500 tCO2e here, but the rows of eCRF_3 for I.1.1 add up to 56266.5 tCO2e under AR5 (1,000 times the computed figure: kg written as tonnes?); the activity rows are what is imported",
                "eCRF_2!B8: 10 tCO2e here, but eCRF_3 has no figures for I.5.1; the activity rows are what is imported",
            ])
    }

    @Test func rowsMovedInTheEmissionsTable_areNamed() throws {
        let data = try Self.edited { sheets in sheets[ECRF.emissionsSheet]?["A17"] = .text("Landfills") }
        #expect(
            importProblems(data) == [
                "eCRF_2!A17: expected the row “Waste > Solid waste disposal” here, found “Landfills”: the CRF table's rows must stay in place"
            ])
    }

    @Test func metadataProblems_yearLevelAndGWP() throws {
        let data = try Self.edited { sheets in
            sheets[ECRF.metadataSheet]?["C7"] = .empty
            sheets[ECRF.metadataSheet]?["C18"] = .text("Advanced")
            sheets[ECRF.metadataSheet]?["C20"] = .text("SAR")
            sheets[ECRF.metadataSheet]?["C6"] = .text("north-east")
        }
        #expect(
            importProblems(data) == [
                "eCRF_1!C6: “north-east” is not a coordinate: latitude, longitude in decimal degrees",
                "eCRF_1!C7: the inventory year is required",
                "eCRF_1!C18: “Advanced” is not a GPC reporting level: BASIC or BASIC+",
                "eCRF_1!C20: “SAR” names no GWP set the platform has: AR4, AR5 or AR6",
            ])
    }

    @Test func notAWorkbook_notAnECRF_missingSheet() throws {
        #expect(throws: ECRFImportError.notAWorkbook(.notAZip)) {
            try ECRF.read(Data("gpc_ref,co2_t\nI.1.1,5\n".utf8), reference: reference)
        }
        let other = try Workbook(sheets: [Sheet(name: "Budget"), Sheet(name: "Notes")]).xlsx()
        #expect(throws: ECRFImportError.notAnECRF(sheets: ["Budget", "Notes"])) { try ECRF.read(other, reference: reference) }
        let partial = try Self.edited { sheets in sheets[ECRF.activitySheet] = nil }
        #expect(throws: ECRFImportError.missingSheet("eCRF_3", available: ["eCRF_1", "eCRF_2"])) {
            try ECRF.read(partial, reference: reference)
        }
        #expect(
            ECRFImportError.missingSheet("eCRF_3", available: ["eCRF_1", "eCRF_2"]).description
                == "the eCRF workbook has no sheet “eCRF_3” (its sheets: “eCRF_1”, “eCRF_2”); an eCRF has eCRF_1 (metadata), eCRF_2 (emissions) and eCRF_3 (activity)"
        )
    }

    @Test func editedDefaultRow_becomesALine() throws {
        // A person states NO for I.5.1 in the row the exporter left NE by default.
        let data = try Self.edited { sheets in
            let row = firstRow(ref: "I.5.1", in: sheets[ECRF.activitySheet]) ?? 0
            sheets[ECRF.activitySheet]?["G\(row)"] = .text("NO")
            sheets[ECRF.activitySheet]?["AJ\(row)"] = .text("No farms in the city")
            sheets[ECRF.emissionsSheet]?["C8"] = .text("NO")
        }
        let imported = try ECRF.read(data, reference: reference)
        #expect(imported.lines.count == WorkedExample.lines.count + 1)
        #expect(imported.lines.last == Line(gpcRef: "I.5.1", notationKey: .notOccurring, explanation: "No farms in the city"))
    }
}
