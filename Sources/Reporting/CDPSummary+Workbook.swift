import CarbonAccounting
import Foundation
import Spreadsheets

extension CDPSummary {
    /// The sheet with one total per row.
    public static let summarySheet = "CDP-ICLEI Track"
    /// The sheet with the CSV's header and row.
    public static let openDataSheet = "Open data row"

    /// Two sheets: the totals one per row with the GPC references summed and a note (for a person
    /// filling in the questionnaire), and the same row as the CSV (for a program).
    public func workbook() -> Workbook {
        var summary = Sheet(name: Self.summarySheet, columnWidths: [1: 70, 2: 18, 3: 40, 4: 60], frozenRows: 1)
        summary.append([
            Cell.text("Total", style: .header), Cell.text("Metric tonnes CO2e", style: .header),
            Cell.text("GPC sub-categories summed", style: .header), Cell.text("Note", style: .header),
        ])
        for figure in figures {
            summary.append([
                Cell.text(figure.column, style: .wrapped), .number(figure.value),
                Cell.text(figure.refs.joined(separator: ", "), style: .wrapped),
                Cell.text(figure.note, style: .wrapped),
            ])
        }
        summary.append([])
        for (name, value) in columns.prefix(8) + columns.suffix(2) {
            summary.append([.bold(name), Cell(value)])
        }
        var openData = Sheet(name: Self.openDataSheet, frozenRows: 1)
        openData.append(columns.map { Cell.text($0.name, style: .header) })
        openData.append(columns.map { Cell($0.value) })
        for column in 1...columns.count { openData.columnWidths[column] = 22 }
        return Workbook(sheets: [summary, openData])
    }

    /// The .xlsx file of `workbook()`.
    public func xlsx() throws(ReportingError) -> Data {
        do { return try workbook().xlsx() } catch { throw .spreadsheet(error) }
    }
}
