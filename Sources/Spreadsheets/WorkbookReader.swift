import Foundation

/// Reads an .xlsx workbook: its sheet names, and each sheet's values by cell.
///
/// Values are what the file stores: texts (shared or inline, rich-text runs joined, Japanese
/// phonetic guides left out), numbers, booleans, errors, and the cached value of a formula (the
/// formula itself is not evaluated: a formula never calculated by a spreadsheet program reads as
/// empty). Dates are numbers (Excel's serial days), as the file stores them.
public struct WorkbookReader: Sendable {
    /// Guard against zip bombs: no part may unpack to more than this (bytes).
    public static let defaultPartLimit = 200 * 1024 * 1024

    /// Every sheet's name, in tab order.
    public let sheetNames: [String]
    private let sheetParts: [String: String]
    private let sharedStrings: [String]
    private let data: Data
    private let partLimit: Int

    /// Opens a workbook. Throws `notAZip` for bytes that are not a zip archive, `notAWorkbook` for
    /// a zip that is not a spreadsheet (an .ods, a .docx …), `malformedPart` for damaged XML.
    public init(data: Data, partLimit: Int = WorkbookReader.defaultPartLimit) throws(SpreadsheetError) {
        let zip = try ZipPackage.Reader(data: data, limit: partLimit)
        self.data = data
        self.partLimit = partLimit
        let packageRels = try zip.read("_rels/.rels").map { (bytes) throws(SpreadsheetError) in
            try Relationships.parse(bytes, part: "_rels/.rels", source: "")
        }
        let workbookPath = packageRels?.first(kind: "officeDocument")?.path ?? "xl/workbook.xml"
        guard let workbookXML = try zip.read(workbookPath) else {
            let paths = zip.paths()
            if paths.contains("content.xml") && paths.contains("mimetype") {
                throw .notAWorkbook("it is an OpenDocument file (.ods); save it as an Excel workbook (.xlsx)")
            }
            if paths.contains(where: { $0.hasPrefix("word/") || $0.hasPrefix("ppt/") }) {
                throw .notAWorkbook("it is a Word or PowerPoint file, not a spreadsheet")
            }
            if paths.contains("xl/workbook.bin") {
                throw .notAWorkbook("it is a binary workbook (.xlsb); save it as an Excel workbook (.xlsx)")
            }
            throw .notAWorkbook("the zip archive has no workbook part (\(workbookPath))")
        }
        let relsPath = Relationships.partPath(for: workbookPath)
        let workbookRels = try zip.read(relsPath).map { (bytes) throws(SpreadsheetError) in
            try Relationships.parse(bytes, part: relsPath, source: workbookPath)
        }
        let listed = try Self.sheets(in: workbookXML, part: workbookPath)
        var names: [String] = []
        var parts: [String: String] = [:]
        for (name, id) in listed {
            names.append(name)
            if let item = workbookRels?[id], item.kind == "worksheet", !item.external { parts[name] = item.path }
        }
        sheetNames = names
        sheetParts = parts
        if let item = workbookRels?.first(kind: "sharedStrings"), !item.external, let bytes = try zip.read(item.path) {
            sharedStrings = try SharedStringsReader.parse(bytes, part: item.path)
        } else {
            sharedStrings = []
        }
    }

    /// The values of a sheet. Throws `missingSheet` when the workbook has no sheet of that name
    /// (exact match first, then ignoring case), `malformedPart` for damaged sheet XML.
    public func sheet(named name: String) throws(SpreadsheetError) -> SheetValues {
        let found = sheetNames.first { $0 == name } ?? sheetNames.first { $0.lowercased() == name.lowercased() }
        guard let found else { throw .missingSheet(name, available: sheetNames) }
        guard let path = sheetParts[found] else {
            throw .notAWorkbook("“\(found)” is not a worksheet (a chart sheet or a macro sheet)")
        }
        let zip = try ZipPackage.Reader(data: data, limit: partLimit)
        guard let bytes = try zip.read(path) else {
            throw .malformedPart(path, "the workbook lists sheet “\(found)” but the part is missing")
        }
        return try SheetReader.parse(bytes, part: path, name: found, sharedStrings: sharedStrings)
    }

    /// Whether the workbook has a sheet of this name (ignoring case, as Excel does).
    public func hasSheet(_ name: String) -> Bool { sheetNames.contains { $0.lowercased() == name.lowercased() } }

    private static func sheets(in data: Data, part: String) throws(SpreadsheetError) -> [(name: String, id: String)] {
        var sheets: [(name: String, id: String)] = []
        try XMLEvents.parse(
            data, part: part,
            start: { element, attributes in
                // `r:id` arrives as "id" once the prefix is stripped.
                if element == "sheet", let name = attributes["name"] { sheets.append((name, attributes["id"] ?? "")) }
            })
        return sheets
    }
}

/// The values of one sheet read from a workbook.
public struct SheetValues: Sendable {
    /// The sheet's name as the workbook spells it.
    public let name: String
    private let cells: [CellReference: CellValue]
    /// The last row and column holding a value (0 for an empty sheet).
    public let maxRow: Int
    /// See `maxRow`.
    public let maxColumn: Int

    /// Values by cell (empty values are dropped).
    public init(name: String, cells: [CellReference: CellValue]) {
        self.name = name
        self.cells = cells.filter { $0.value != .empty }
        maxRow = self.cells.keys.map(\.row).max() ?? 0
        maxColumn = self.cells.keys.map(\.column).max() ?? 0
    }

    /// The value at a cell (empty where nothing is).
    public subscript(reference: CellReference) -> CellValue { cells[reference] ?? .empty }

    /// The value at "B7"; empty for an invalid reference.
    public subscript(a1: String) -> CellValue { CellReference(a1).map { self[$0] } ?? .empty }

    /// The value at a 1-based row and column; empty outside the sheet.
    public subscript(row row: Int, column column: Int) -> CellValue {
        CellReference(row: row, column: column).map { self[$0] } ?? .empty
    }

    /// Every non-empty cell, in row then column order.
    public var references: [CellReference] { cells.keys.sorted() }
}
