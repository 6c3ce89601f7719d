/// What a cell holds. The same type describes a cell to write and a cell read back.
public enum CellValue: Sendable, Hashable, CustomStringConvertible {
    case empty
    case text(String)
    /// Written with the shortest text that reads back as the same `Double` (no rounding).
    /// A NaN or an infinity cannot be stored in a workbook: it is written as the error `#NUM!`.
    case number(Double)
    case bool(Bool)
    /// An error value such as `#DIV/0!` (read from a workbook, or written for a non-finite number).
    case error(String)

    /// Whether the cell holds nothing.
    public var isEmpty: Bool { self == .empty }

    /// The text of a text cell; nil for every other kind.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The number of a number cell; nil for every other kind.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The value as text (numbers exact, booleans TRUE/FALSE).
    public var description: String {
        switch self {
        case .empty: ""
        case .text(let value): value
        case .number(let value): NumberText.format(value)
        case .bool(let value): value ? "TRUE" : "FALSE"
        case .error(let value): value
        }
    }
}

/// The few styles the platform's workbooks need: bold headers and wrapped long text.
public struct CellStyle: Sendable, Hashable {
    /// Bold font.
    public var bold: Bool
    /// Text wrapped in the column's width, aligned to the top.
    public var wrap: Bool

    /// A style of these properties.
    public init(bold: Bool = false, wrap: Bool = false) {
        self.bold = bold
        self.wrap = wrap
    }

    /// The default style (Calibri 11).
    public static let plain = CellStyle()
    /// Bold text: labels.
    public static let bold = CellStyle(bold: true)
    /// Wrapped text: long explanations.
    public static let wrapped = CellStyle(wrap: true)
    /// Bold and wrapped: a column header above a narrow column.
    public static let header = CellStyle(bold: true, wrap: true)

    /// The index of the style in the workbook's `cellXfs` (see `StylesPart`).
    var index: Int { (bold ? 1 : 0) + (wrap ? 2 : 0) }
}

/// A cell to write: a value and its style.
public struct Cell: Sendable, Hashable {
    /// What the cell holds.
    public var value: CellValue
    /// How it looks.
    public var style: CellStyle

    /// A cell with a value and a style.
    public init(_ value: CellValue, style: CellStyle = .plain) {
        self.value = value
        self.style = style
    }

    /// A cell with nothing in it (not written).
    public static let empty = Cell(.empty)

    /// A text cell.
    public static func text(_ text: String, style: CellStyle = .plain) -> Cell { Cell(.text(text), style: style) }

    /// An empty cell for nil: a missing figure stays missing, never zero.
    public static func number(_ number: Double?, style: CellStyle = .plain) -> Cell {
        Cell(number.map(CellValue.number) ?? .empty, style: style)
    }

    /// A boolean cell (TRUE/FALSE).
    public static func bool(_ value: Bool, style: CellStyle = .plain) -> Cell { Cell(.bool(value), style: style) }

    /// Text in bold: headers and labels.
    public static func bold(_ text: String) -> Cell { Cell(.text(text), style: .bold) }
}

/// Numbers as workbook text.
enum NumberText {
    /// The shortest decimal text that reads back as the same `Double` (Swift's `description`,
    /// which is round-trip exact), with whole numbers written without ".0". Valid `xsd:double`.
    static func format(_ value: Double) -> String {
        if value == value.rounded(.towardZero), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }
}
