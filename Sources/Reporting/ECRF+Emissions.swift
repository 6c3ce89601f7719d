import CarbonAccounting
import Spreadsheets

extension ECRF {
    /// Column headers of rows 2–3 (reporting_formats.md §1.2).
    static let emissionsHeaders: [(cell: String, text: String)] = [
        ("A2", "Sectors and Sub-Sectors"),
        ("B2", "Direct Emissions"),
        ("D2", "Indirect emissions from the use of grid-supplied electricity, heat, steam and/or cooling"),
        ("F2", "Emissions occurring outside the city boundary as a result of in-city activities"),
        ("H2", "Please explain any excluded sources, identify any emissions covered under an ETS and provide any other comments"),
        ("B3", "Emissions in tCO2e"), ("C3", "Notation key (if needed)"),
        ("D3", "Emissions in tCO2e"), ("E3", "Notation key (if needed)"),
        ("F3", "Emissions in tCO2e"), ("G3", "Notation key (if needed)"),
    ]

    static let emissionsMerges = ["A1:H1", "A2:A3", "B2:C2", "D2:E2", "F2:G2", "H2:H3"]

    /// `eCRF_2`: row 1 states what the table is (the template's "Please select" slot), rows 2–3
    /// the headers, rows 4–34 one CRF sub-sector or total each.
    static func emissions(_ export: InventoryExport) -> Sheet {
        var sheet = Sheet(
            name: emissionsSheet, columnWidths: [1: 52, 2: 16, 3: 12, 4: 16, 5: 12, 6: 16, 7: 12, 8: 70], frozenRows: 3)
        let metadata = export.metadata
        sheet["A1"] = .bold(
            "\(metadata.cityName) \(metadata.year) — GPC \(metadata.level.rawValue), \(metadata.gwp.rawValue) 100-year GWPs, metric tonnes CO2e"
        )
        for (cell, text) in emissionsHeaders { sheet[cell] = Cell.text(text, style: .header) }
        for range in emissionsMerges { sheet.merge(range) }
        let notes = KeyNotes(export.lines)
        for row in CRFRow.all {
            sheet["A\(row.row)"] = row.isTotal ? .bold(row.label) : .text(row.label)
            var cells: [CRFColumn: CRFCell] = [:]
            for column in CRFColumn.allCases {
                let cell = row.cell(column, export, notes)
                cells[column] = cell
                let style: CellStyle = row.isTotal ? .bold : .plain
                sheet["\(CellReference.columnName(column.valueColumn))\(row.row)"] = .number(cell.value, style: style)
                if let key = cell.key { sheet["\(CellReference.columnName(column.keyColumn))\(row.row)"] = .text(key.rawValue) }
            }
            let explanation = row.explanation(cells)
            if !explanation.isEmpty { sheet["H\(row.row)"] = Cell.text(explanation, style: .wrapped) }
        }
        return sheet
    }
}
