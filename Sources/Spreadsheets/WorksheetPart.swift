/// `xl/worksheets/sheetN.xml` (ECMA-376 Part 1 §18.3). Elements are written in the order the
/// schema's sequence requires — dimension, sheetViews, sheetFormatPr, cols, sheetData,
/// mergeCells — because Excel refuses (repairs) a part whose children are out of order.
enum WorksheetPart {
    static func xml(_ sheet: Sheet, strings: inout SharedStrings) throws(SpreadsheetError) -> [UInt8] {
        var bytes = Array(PackageParts.declaration.utf8)
        bytes.reserveCapacity(sheet.rows.count * 200 + 1000)
        bytes += #"<worksheet xmlns="\#(PackageParts.mainNamespace)" xmlns:r="\#(PackageParts.relationshipsNamespace)">"#.utf8
        bytes += #"<dimension ref="\#(dimension(of: sheet))"/>"#.utf8
        bytes += "<sheetViews>".utf8
        if sheet.frozenRows > 0 {
            let topLeft = "A\(sheet.frozenRows + 1)"
            bytes += #"<sheetView workbookViewId="0"><pane ySplit="\#(sheet.frozenRows)" topLeftCell="\#(topLeft)""#.utf8
            bytes += #" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="\#(topLeft)""#.utf8
            bytes += #" sqref="\#(topLeft)"/></sheetView>"#.utf8
        } else {
            bytes += #"<sheetView workbookViewId="0"/>"#.utf8
        }
        bytes += "</sheetViews>".utf8
        bytes += #"<sheetFormatPr defaultRowHeight="15"/>"#.utf8
        let widths = sheet.columnWidths.filter { $0.key >= 1 && $0.key <= CellReference.maxColumn && $0.value > 0 }
        if !widths.isEmpty {
            bytes += "<cols>".utf8
            for (column, width) in widths.sorted(by: { $0.key < $1.key }) {
                // Excel's column width limit is 255 characters.
                let clamped = NumberText.format(min(width, 255))
                bytes += #"<col min="\#(column)" max="\#(column)" width="\#(clamped)" customWidth="1"/>"#.utf8
            }
            bytes += "</cols>".utf8
        }
        bytes += "<sheetData>".utf8
        // Column letters once per sheet, not once per cell.
        let widest = min(sheet.rows.map(\.count).max() ?? 0, CellReference.maxColumn)
        let letters = (0..<widest).map { Array(CellReference.columnName($0 + 1).utf8) }
        for (rowOffset, row) in sheet.rows.enumerated() where row.contains(where: { $0 != .empty }) {
            let rowNumber = rowOffset + 1
            guard rowNumber <= CellReference.maxRow else { break }
            bytes += #"<row r="\#(rowNumber)">"#.utf8
            for (columnOffset, cell) in row.enumerated() where cell != .empty && columnOffset < CellReference.maxColumn {
                try append(
                    cell, row: rowNumber, column: columnOffset + 1, letters: letters[columnOffset], sheet: sheet.name, to: &bytes,
                    strings: &strings)
            }
            bytes += "</row>".utf8
        }
        bytes += "</sheetData>".utf8
        if !sheet.merges.isEmpty {
            for (index, range) in sheet.merges.enumerated() {
                for other in sheet.merges[..<index] where other.overlaps(range) {
                    throw .overlappingMerge(sheet: sheet.name, range: range.description)
                }
            }
            bytes += #"<mergeCells count="\#(sheet.merges.count)">"#.utf8
            for range in sheet.merges { bytes += #"<mergeCell ref="\#(range.description)"/>"#.utf8 }
            bytes += "</mergeCells>".utf8
        }
        bytes += "</worksheet>".utf8
        return bytes
    }

    private static func dimension(of sheet: Sheet) -> String {
        let lastRow = sheet.rows.lastIndex { row in row.contains { $0 != .empty } }
        guard let lastRow else { return "A1" }
        let lastColumn = sheet.rows.map { row in (row.lastIndex { $0 != .empty } ?? -1) + 1 }.max() ?? 1
        let end = CellReference(
            row: min(lastRow + 1, CellReference.maxRow), column: min(max(lastColumn, 1), CellReference.maxColumn))
        return "A1:" + (end?.a1 ?? "A1")
    }

    private static func append(
        _ cell: Cell, row: Int, column: Int, letters: [UInt8], sheet: String, to bytes: inout [UInt8],
        strings: inout SharedStrings
    ) throws(SpreadsheetError) {
        bytes += #"<c r=""#.utf8
        bytes += letters
        bytes += String(row).utf8
        bytes += "\"".utf8
        if cell.style.index != 0 { bytes += #" s="\#(cell.style.index)""#.utf8 }
        switch cell.value {
        case .empty:
            bytes += "/>".utf8
        case .text(let text):
            let length = XMLText.cellLength(text)
            guard length <= XMLText.maxCellCharacters else {
                throw .textTooLong(sheet: sheet, cell: CellReference.columnName(column) + String(row), length: length)
            }
            bytes += #" t="s"><v>\#(strings.position(of: text))</v></c>"#.utf8
        case .number(let value) where value.isFinite:
            bytes += "><v>".utf8
            bytes += NumberText.format(value).utf8
            bytes += "</v></c>".utf8
        case .number:
            bytes += #" t="e"><v>#NUM!</v></c>"#.utf8
        case .bool(let value):
            bytes += #" t="b"><v>\#(value ? 1 : 0)</v></c>"#.utf8
        case .error(let text):
            bytes += #" t="e"><v>"#.utf8
            XMLText.appendContent(text, to: &bytes)
            bytes += "</v></c>".utf8
        }
    }
}
