import CarbonAccounting
import Foundation
import Spreadsheets

/// The Global Covenant of Mayors' Common Reporting Framework workbook ("eCRF"): the three sheets
/// `eCRF_1` (metadata), `eCRF_2` (emissions by sector × scope, with notation keys) and `eCRF_3`
/// (activity detail), laid out as in `reporting_formats.md` §1 — the de facto CRF exchange format,
/// which C40's CIRIS exports too.
///
/// Conventions, stated here once: every figure is in **metric tonnes** CO2e (never kg), under the
/// inventory's **own GWP set** (never hard-coded AR5); a cell without a figure carries a notation
/// key, NE when the inventory says nothing (with the reason in column H); generation of
/// grid-supplied energy (GPC I.4.4) is reported apart and left out of the total, as the CRF does.
public enum ECRF {
    /// Metadata: labels in B, values in C, sections merged in A.
    public static let metadataSheet = "eCRF_1"
    /// The CRF table: sector × scope, notation keys, explanations.
    public static let emissionsSheet = "eCRF_2"
    /// Activity detail: one row per line (or per sub-category without lines).
    public static let activitySheet = "eCRF_3"
    /// The three sheets, in order; an importer requires all of them.
    public static let sheetNames = [metadataSheet, emissionsSheet, activitySheet]

    /// The workbook: the three eCRF sheets, then each annex (e.g. the air-pollutant sheet).
    public static func workbook(for export: InventoryExport, annexes: [any ReportAnnex] = []) throws(ReportingError)
        -> Workbook
    {
        var sheets = [metadata(export), emissions(export), activity(export)]
        var names = Set(sheets.map { $0.name.lowercased() })
        for annex in annexes {
            guard names.insert(annex.sheetName.lowercased()).inserted else { throw .sheetNameTaken(annex.sheetName) }
            sheets.append(annex.namedSheet(for: export))
        }
        return Workbook(sheets: sheets)
    }

    /// The .xlsx file of `workbook(for:annexes:)`.
    public static func xlsx(for export: InventoryExport, annexes: [any ReportAnnex] = []) throws(ReportingError) -> Data {
        let book = try workbook(for: export, annexes: annexes)
        do { return try book.xlsx() } catch { throw .spreadsheet(error) }
    }
}
