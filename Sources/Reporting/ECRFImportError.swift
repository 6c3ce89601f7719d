import Spreadsheets

/// A problem in an imported workbook, named by sheet and cell: "eCRF_3!H12: text where a number belongs".
public struct CellProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The sheet's name, e.g. "eCRF_3".
    public let sheet: String
    /// An A1 reference such as "H12"; nil for a problem of the whole sheet.
    public let cell: String?
    /// What is wrong, and what to do where it is not obvious.
    public let message: String

    /// A problem at `cell` of `sheet` (nil: the whole sheet).
    public init(sheet: String, cell: String?, message: String) {
        self.sheet = sheet
        self.cell = cell
        self.message = message
    }

    /// "eCRF_3!H12: message".
    public var description: String { cell.map { "\(sheet)!\($0): \(message)" } ?? "\(sheet): \(message)" }
}

/// Why an eCRF workbook was not imported. Nothing is imported unless every row is valid.
public enum ECRFImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not an .xlsx workbook at all (not a zip, an .ods, a damaged file …).
    case notAWorkbook(SpreadsheetError)
    /// A workbook, but with none of the eCRF sheets.
    case notAnECRF(sheets: [String])
    /// An eCRF workbook without one of its three sheets.
    case missingSheet(String, available: [String])
    /// Every problem found, by sheet and cell (at most `ECRF.maxProblems`).
    case problems([CellProblem])

    /// A sentence for the person who uploaded the file.
    public var description: String {
        switch self {
        case .notAWorkbook(let error): error.description
        case .notAnECRF(let sheets):
            "the workbook is not a GCoM CRF (eCRF) workbook: it has none of the sheets eCRF_1, eCRF_2, eCRF_3 (its sheets: \(Self.list(sheets)))"
        case .missingSheet(let name, let available):
            "the eCRF workbook has no sheet “\(name)” (its sheets: \(Self.list(available))); an eCRF has eCRF_1 (metadata), eCRF_2 (emissions) and eCRF_3 (activity)"
        case .problems(let problems):
            "\(problems.count) problem\(problems.count == 1 ? "" : "s"): " + problems.map(\.description).joined(separator: "; ")
        }
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.map { "“\($0)”" }.joined(separator: ", ")
    }
}
