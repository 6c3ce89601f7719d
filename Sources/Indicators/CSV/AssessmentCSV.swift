/// One problem with an assessment-values file, with its row and column.
public struct AssessmentProblem: Sendable, Hashable, CustomStringConvertible {
    /// A stable code per kind of problem, for tests and translated messages.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case unreadableFile, unknownColumn, missingColumn, duplicateColumn
        case unknownItem, duplicateItem, computedItem
        case missingValue, invalidNumber, unexpectedValue
        case levelOutsideScale, pointsOutOfRange
        case missingUnit, unknownUnit, wrongUnit
        case missingEvidence
    }

    /// 1-based line in the file (the header is line 1).
    public let row: Int
    public let column: String?
    public let code: Code
    public let message: String

    public init(row: Int, column: String?, code: Code, message: String) {
        self.row = row
        self.column = column
        self.code = code
        self.message = message
    }

    public var description: String {
        "row \(row)" + (column.map { ", column \($0)" } ?? "") + ": " + message
    }
}

/// Every problem in an assessment-values file; nothing is imported while there is one.
public struct AssessmentProblems: Error, Sendable, Hashable, CustomStringConvertible {
    public let problems: [AssessmentProblem]

    public init(_ problems: [AssessmentProblem]) { self.problems = problems }

    public var codes: [AssessmentProblem.Code] { problems.map(\.code) }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// The assessment-values file: one row per entered item (`CSV_FORMATS.md`).
///
/// Columns: `item_id, value, level, unit, evidence, comment, excluded_reason`. Computed items are
/// never imported (they are recomputed from platform data) but may be excluded.
public enum AssessmentCSV {
    public static let columns = ["item_id", "value", "level", "unit", "evidence", "comment", "excluded_reason"]
    /// Separates several evidence references in one cell (a space on each side, because URLs
    /// may contain a bare "|").
    public static let evidenceSeparator = " | "

    /// A file with one blank row per entered item of `edition`, units filled in, for a city to
    /// complete in a spreadsheet.
    public static func template(for edition: Edition) -> String {
        var output = CSVTable.line(columns)
        for item in edition.items where item.isEntered {
            output += CSVTable.line([item.id.rawValue, "", "", unit(of: item), "", "", ""])
        }
        return output
    }

    /// Writes the entered and excluded responses in edition order. A value converted on import is
    /// written as it was entered, so a round trip gives the same responses.
    public static func write(_ responses: [ItemID: ItemResponse], edition: Edition) -> String {
        var output = CSVTable.line(columns)
        for item in edition.items {
            guard let response = responses[item.id] else { continue }
            var cells = [
                item.id.rawValue, "", "", "", response.evidence.map(\.reference).joined(separator: evidenceSeparator),
                response.comment, "",
            ]
            switch response.answer {
            case .value(let value):
                guard item.isEntered else { continue }
                cells[1] = formatNumber(response.entered?.value ?? value)
                cells[3] = response.entered?.unit ?? unit(of: item)
            case .level(let level):
                cells[2] = String(level)
            case .points(let points):
                cells[1] = formatNumber(points)
                cells[3] = "points"
            case .missing:
                guard item.isEntered, !response.comment.isEmpty || !response.evidence.isEmpty else { continue }
                cells[3] = unit(of: item)
            case .excluded(let reason):
                cells[6] = reason
            }
            output += CSVTable.line(cells)
        }
        return output
    }

    static func unit(of item: FrameworkItem) -> String {
        switch item.kind {
        case .quantitative(let spec): spec.unit.symbol
        case .deduction: "points"
        case .qualitative: ""
        }
    }
}
