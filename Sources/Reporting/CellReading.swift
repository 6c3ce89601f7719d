import Foundation
import CarbonAccounting
import Spreadsheets

/// Reads cells of one sheet as texts and numbers, collecting a problem for each cell that holds
/// the wrong kind of value.
struct CellReading {
    let sheet: SheetValues
    private(set) var problems: [CellProblem] = []

    init(_ sheet: SheetValues) { self.sheet = sheet }

    mutating func problem(_ cell: String?, _ message: String) {
        problems.append(CellProblem(sheet: sheet.name, cell: cell, message: message))
    }

    /// The cell as text: numbers written as they read back exactly, TRUE/FALSE for booleans.
    mutating func text(_ cell: String) -> String {
        switch sheet[cell] {
        case .empty: return ""
        case .text(let text): return Self.trimmed(text)
        case .number(let number): return LineColumns.format(number)
        case .bool(let flag): return flag ? "TRUE" : "FALSE"
        case .error(let code):
            problem(cell, "an error value (\(code)) where text belongs")
            return ""
        }
    }

    /// The cell as a number; nil when empty. Text that reads as a plain number ("1000", as a
    /// spreadsheet stores a number typed into a text cell) is accepted; any other text is a problem.
    mutating func number(_ cell: String) -> Double? {
        switch sheet[cell] {
        case .empty: return nil
        case .number(let number): return number
        case .text(let text):
            let trimmed = Self.trimmed(text)
            if trimmed.isEmpty { return nil }
            if let number = Double(trimmed), number.isFinite { return number }
            problem(cell, "text where a number belongs (“\(Self.clip(trimmed))”)")
            return nil
        case .bool(let flag):
            problem(cell, "\(flag ? "TRUE" : "FALSE") where a number belongs")
            return nil
        case .error(let code):
            problem(cell, "an error value (\(code)) where a number belongs")
            return nil
        }
    }

    /// A whole number such as a year; nil when empty.
    mutating func wholeNumber(_ cell: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = number(cell) else { return nil }
        guard value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            problem(cell, "\(LineColumns.format(value)) is not a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return Int(value)
    }

    /// Whitespace trimmed, without Foundation when there is none at either end (the usual case:
    /// an import reads tens of thousands of cells).
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func clip(_ text: String) -> String { text.count > 40 ? String(text.prefix(40)) + "…" : text }

    /// Lower-case letters and digits only: labels compared without regard to spacing and punctuation.
    static func normalized(_ text: String) -> String {
        String(
            text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                .map(Character.init))
    }
}

/// Whether two tonnages agree within rounding: to whole tonnes, or 0.01 % of the larger. Looser
/// than our own exports need (they agree to the bit) so that a hand-rounded workbook passes, tight
/// enough to catch kg written as t (×1,000) or another GWP set (CH4 25 vs 28: 12 %).
enum Tolerance {
    static func agrees(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= max(0.5, 1e-4 * max(abs(a), abs(b))) }

    /// "(1,000 times the computed figure: kg written as tonnes?)" when that is what it looks like.
    static func hint(found: Double, computed: Double) -> String {
        guard computed != 0 else { return "" }
        let ratio = found / computed
        if abs(ratio - 1000) < 10 { return " (1,000 times the computed figure: kg written as tonnes?)" }
        if abs(ratio - 0.001) < 0.00001 { return " (a thousandth of the computed figure: tonnes written as kt?)" }
        return ""
    }
}
