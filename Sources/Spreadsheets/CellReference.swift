/// A cell address: 1-based row and column, written A1-style ("B7", "AG68").
public struct CellReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Excel's sheet size (ECMA-376 and Excel's specifications and limits): 1,048,576 rows × 16,384 columns (XFD).
    public static let maxRow = 1_048_576
    /// See `maxRow`.
    public static let maxColumn = 16_384

    /// 1-based row.
    public let row: Int
    /// 1-based column (A = 1).
    public let column: Int

    /// Nil when the row or column is outside the sheet.
    public init?(row: Int, column: Int) {
        guard (1...Self.maxRow).contains(row), (1...Self.maxColumn).contains(column) else { return nil }
        self.row = row
        self.column = column
    }

    /// Reads "B7" or "$B$7" (letters in either case); nil for anything else.
    public init?(_ text: String) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$") where digits == 0: continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard !(digits == 0 && byte == UInt8(ascii: "0")) else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default: return nil
            }
            // Three letters and seven digits already exceed the sheet; stop before overflowing.
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0 else { return nil }
        self.init(row: row, column: column)
    }

    /// "A" for 1, "Z" for 26, "AA" for 27 … "XFD" for 16,384.
    public static func columnName(_ column: Int) -> String {
        var number = column
        var letters: [UInt8] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(remainder))
            number = (number - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The 1-based column of letters such as "AG"; nil when they are not a column of the sheet.
    public static func columnNumber(_ letters: String) -> Int? {
        CellReference(letters + "1")?.column
    }

    /// "B7".
    public var a1: String { Self.columnName(column) + String(row) }
    /// The A1 form.
    public var description: String { a1 }

    /// Row-major order: row 1 left to right, then row 2.
    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A rectangle of cells, e.g. "A2:A16" (a merged section label).
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    /// Top-left cell.
    public let start: CellReference
    /// Bottom-right cell.
    public let end: CellReference

    /// Nil unless `start` is above and left of (or equal to) `end`.
    public init?(_ start: CellReference, _ end: CellReference) {
        guard start.row <= end.row, start.column <= end.column else { return nil }
        self.start = start
        self.end = end
    }

    /// Reads "A2:A16"; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = CellReference(String(parts[0])), let end = CellReference(String(parts[1])) else {
            return nil
        }
        self.init(start, end)
    }

    /// Whether a cell lies in the range.
    public func contains(_ reference: CellReference) -> Bool {
        (start.row...end.row).contains(reference.row) && (start.column...end.column).contains(reference.column)
    }

    /// Whether two ranges share a cell.
    public func overlaps(_ other: CellRange) -> Bool {
        start.row <= other.end.row && other.start.row <= end.row && start.column <= other.end.column
            && other.start.column <= end.column
    }

    /// "A2:A16".
    public var description: String { "\(start.a1):\(end.a1)" }
}
