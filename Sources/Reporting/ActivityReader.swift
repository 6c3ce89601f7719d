import CarbonAccounting
import Spreadsheets

/// Reads the activity rows of `eCRF_3` into lines: which rows are lines, their order, and the
/// checks that need the whole sheet (duplicate ids and line numbers). A row's own fields and
/// checks are in `ActivityReader+Row.swift` and `ActivityReader+Fields.swift`.
struct ActivityReader {
    var cells: CellReading
    let metadata: InventoryMetadata
    let parser: LineParser
    let calculator: Calculator
    /// Column H of `eCRF_2` by GPC reference (for workbooks without the platform's columns).
    let crfExplanations: [String: String]
    /// Whether totals can be compared (the metadata is valid, so the GWP set is known).
    let crossCheck: Bool
    var problems: [CellProblem] { cells.problems }

    init(
        _ sheet: SheetValues, metadata: InventoryMetadata, parser: LineParser, calculator: Calculator,
        crfExplanations: [String: String], crossCheck: Bool
    ) {
        cells = CellReading(sheet)
        self.metadata = metadata
        self.parser = parser
        self.calculator = calculator
        self.crfExplanations = crfExplanations
        self.crossCheck = crossCheck
    }

    mutating func read() -> [Line] {
        checkHeaders()
        let platform = cells.sheet[ActivityColumn.lineNumber.letter + "1"] == .text(ActivityColumn.lineNumber.header)
        var numbered: [(number: Int, line: Line)] = []
        var unnumbered: [Line] = []
        var numberRows: [Int: Int] = [:]
        var idRows: [String: Int] = [:]
        var row = 2
        while row <= cells.sheet.maxRow && cells.problems.count < ECRF.maxProblems {
            defer { row += 1 }
            guard let parsed = readRow(row, platform: platform) else { continue }
            if !parsed.line.id.isEmpty {
                if let first = idRows[parsed.line.id] {
                    cells.problem(
                        ActivityColumn.lineID.letter + String(row), "line ID “\(parsed.line.id)” is already used on row \(first)")
                    continue
                }
                idRows[parsed.line.id] = row
            }
            if let number = parsed.number {
                if let first = numberRows[number] {
                    cells.problem(
                        ActivityColumn.lineNumber.letter + String(row), "line number \(number) is already used on row \(first)")
                    continue
                }
                numberRows[number] = row
                numbered.append((number, parsed.line))
            } else {
                unnumbered.append(parsed.line)
            }
        }
        // The platform's line numbers restore the inventory's own order; rows added by hand follow.
        return numbered.sorted { $0.number < $1.number }.map(\.line) + unnumbered
    }

    /// The columns must be where the layout puts them: three headers are checked loosely (other
    /// tools word them a little differently).
    private mutating func checkHeaders() {
        let expected: [(ActivityColumn, [String])] = [
            (.gpcRef, ["gpc"]), (.notationKey, ["notation"]), (.amount, ["amount", "activity"]),
        ]
        for (column, words) in expected {
            let found = cells.text(column.letter + "1")
            if !words.contains(where: { found.lowercased().contains($0) }) {
                cells.problem(
                    column.letter + "1",
                    "expected the header “\(column.header)” here, found “\(CellReading.clip(found))”: the activity columns must stay in place"
                )
            }
        }
    }
}
