import Foundation

/// A workbook to write as an .xlsx file (Office Open XML, ECMA-376 Part 1, transitional).
///
/// The package holds `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml` with its rels,
/// `xl/styles.xml` (plain, bold, wrapped, bold + wrapped), `xl/sharedStrings.xml` (every text
/// once) and one `xl/worksheets/sheetN.xml` per sheet, zipped with ZIPFoundation. The output is
/// deterministic: the same workbook gives the same bytes (no clock, no random ids).
public struct Workbook: Sendable {
    /// The sheets, in tab order.
    public var sheets: [Sheet]

    /// A workbook of these sheets.
    public init(sheets: [Sheet] = []) { self.sheets = sheets }

    /// The sheet of this name, if any.
    public subscript(name: String) -> Sheet? { sheets.first { $0.name == name } }

    /// The .xlsx file. Throws for a sheet name Excel refuses, a text longer than a cell holds,
    /// overlapping merged ranges, or a zip failure.
    public func xlsx() throws(SpreadsheetError) -> Data {
        var seen: Set<String> = []
        for sheet in sheets {
            try Sheet.validate(name: sheet.name)
            // Excel compares sheet names without regard to case.
            guard seen.insert(sheet.name.lowercased()).inserted else {
                throw .invalidSheetName(sheet.name, "two sheets have this name")
            }
        }
        guard !sheets.isEmpty else { throw .invalidSheetName("", "a workbook needs at least one sheet") }
        var strings = SharedStrings()
        var parts: [(path: String, bytes: [UInt8])] = []
        for (offset, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(offset + 1).xml", try WorksheetPart.xml(sheet, strings: &strings)))
        }
        let fixed: [(path: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", PackageParts.contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", PackageParts.rootRelationships),
            ("xl/workbook.xml", PackageParts.workbook(sheetNames: sheets.map(\.name))),
            ("xl/_rels/workbook.xml.rels", PackageParts.workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", StylesPart.xml),
            ("xl/sharedStrings.xml", strings.xml()),
        ]
        return try ZipPackage.write(fixed + parts)
    }
}
