import Spreadsheets

/// A sheet the platform adds after a framework's sheets in its own export: the extension point
/// for data no reporting framework has a slot for — first of all the **air-pollutant annex**
/// (issue 13; `reporting_formats.md`, order of work (d)), made by the pollutant engine when it
/// lands, from the same `InventoryExport`.
///
/// Importers read only the framework's sheets and ignore annexes, so a workbook exported with
/// annexes imports as it would without them.
public protocol ReportAnnex: Sendable {
    /// The annex's sheet name (at most 31 characters; not a framework sheet's name).
    var sheetName: String { get }
    /// The sheet, computed from the same inputs as the framework's sheets.
    func sheet(for export: InventoryExport) -> Sheet
}

extension ReportAnnex {
    /// The annex's sheet, named as the annex says whatever name the sheet was built with.
    func namedSheet(for export: InventoryExport) -> Sheet {
        var sheet = sheet(for: export)
        sheet.name = sheetName
        return sheet
    }
}
