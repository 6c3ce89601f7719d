/// One sheet of a workbook to write: rows of cells from A1, column widths, merged ranges and an
/// optional frozen header.
public struct Sheet: Sendable {
    /// 1–31 characters, checked when the workbook is written (Excel's rules).
    public var name: String
    /// `rows[0]` is row 1 and `rows[r][0]` column A. Rows may have different lengths.
    public private(set) var rows: [[Cell]]
    /// Width in characters (Excel's unit: the width of "0" in the default font) by 1-based column.
    public var columnWidths: [Int: Double]
    /// Rows kept in view when scrolling (0: none; 1: a header row).
    public var frozenRows: Int
    /// Merged ranges; they must not overlap.
    public var merges: [CellRange]

    /// A sheet; rows can be given now or appended.
    public init(
        name: String, rows: [[Cell]] = [], columnWidths: [Int: Double] = [:], frozenRows: Int = 0, merges: [CellRange] = []
    ) {
        self.name = name
        self.rows = rows
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.merges = merges
    }

    /// Adds a row below the last one.
    public mutating func append(_ row: [Cell]) { rows.append(row) }

    /// The cell at a reference (empty where nothing was written).
    public subscript(reference: CellReference) -> Cell {
        get {
            guard reference.row <= rows.count, reference.column <= rows[reference.row - 1].count else { return .empty }
            return rows[reference.row - 1][reference.column - 1]
        }
        set {
            if rows.count < reference.row { rows.append(contentsOf: repeatElement([], count: reference.row - rows.count)) }
            if rows[reference.row - 1].count < reference.column {
                rows[reference.row - 1].append(
                    contentsOf: repeatElement(.empty, count: reference.column - rows[reference.row - 1].count))
            }
            rows[reference.row - 1][reference.column - 1] = newValue
        }
    }

    /// The cell at an A1 reference such as "B7"; an invalid reference reads as empty and is not written.
    public subscript(a1: String) -> Cell {
        get { CellReference(a1).map { self[$0] } ?? .empty }
        set { if let reference = CellReference(a1) { self[reference] = newValue } }
    }

    /// Merges a range such as "A2:A16" (its value is the top-left cell's); ignored when invalid.
    public mutating func merge(_ range: String) {
        if let range = CellRange(range) { merges.append(range) }
    }

    /// Excel's rules for sheet names (Excel's "rename sheet" checks): 1–31 characters, none of
    /// `: \ / ? * [ ]`, no apostrophe at either end, no control character, not "History" (reserved).
    static func validate(name: String) throws(SpreadsheetError) {
        if name.isEmpty { throw .invalidSheetName(name, "a sheet needs a name") }
        if name.utf16.count > 31 { throw .invalidSheetName(name, "a sheet name has at most 31 characters") }
        if let bad = name.first(where: { ":\\/?*[]".contains($0) }) {
            throw .invalidSheetName(name, "a sheet name cannot contain “\(bad)”")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0xFFFE || $0.value == 0xFFFF }) {
            throw .invalidSheetName(name, "a sheet name cannot contain control characters")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw .invalidSheetName(name, "a sheet name cannot begin or end with an apostrophe")
        }
        if name.lowercased() == "history" { throw .invalidSheetName(name, "Excel reserves the name “History”") }
    }
}
