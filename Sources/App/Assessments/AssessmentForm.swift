import CarbonAccounting
import Foundation
import Indicators

/// The assessment form's fields, one set per item: `value_ID`, `level_ID`, `evidence_ID`,
/// `comment_ID`, `exclude_ID` (a reason excludes the item). The form is turned into an assessment
/// values file and read by the same reader as an upload, so both are checked by one set of rules;
/// a problem on row N is shown at the item written on that row.
struct AssessmentForm: Sendable {
    let csv: String
    /// The item of each data row (row 1 is the header).
    let rowItems: [Int: ItemID]

    init(form: FormData, edition: Edition) {
        var text = CSV.row(AssessmentCSV.columns) + "\n"
        var rows: [Int: ItemID] = [:]
        var row = 2
        for item in edition.items {
            let id = item.id.rawValue
            let exclude = form["exclude_\(id)"]
            let evidence = form["evidence_\(id)"]
            let comment = form["comment_\(id)"]
            var value = ""
            var level = ""
            var unit = ""
            if item.isEntered {
                switch item.kind {
                case .qualitative: level = form["level_\(id)"]
                case .quantitative(let spec):
                    value = form["value_\(id)"]
                    unit = value.isEmpty ? "" : spec.unit.symbol
                case .deduction:
                    value = form["value_\(id)"]
                    unit = value.isEmpty ? "" : "points"
                }
            }
            let fields = [id, value, level, unit, evidence, comment, exclude]
            guard fields.dropFirst().contains(where: { !$0.isEmpty }) else { continue }
            text += CSV.row(fields) + "\n"
            rows[row] = item.id
            row += 1
        }
        csv = text
        rowItems = rows
    }

    /// The problems of a refused form, by item (for the fields) and as a list (for the summary).
    func fieldErrors(_ problems: [ImportProblem]) -> [String: String] {
        var errors: [String: String] = [:]
        for problem in problems {
            guard let row = problem.row, let item = rowItems[row] else { continue }
            errors[item.rawValue] = problem.message
        }
        return errors
    }
}

extension FormData {
    /// The form's current values of an assessment, for showing it again (from a stored file).
    static func assessmentFields(_ responses: [ItemID: ItemResponse]) -> [String: String] {
        var fields: [String: String] = [:]
        for (id, response) in responses {
            let key = id.rawValue
            switch response.answer {
            case .value(let value): fields["value_\(key)"] = LineColumns.format(response.entered?.value ?? value)
            case .points(let points): fields["value_\(key)"] = LineColumns.format(points)
            case .level(let level): fields["level_\(key)"] = String(level)
            case .excluded(let reason): fields["exclude_\(key)"] = reason
            case .missing: break
            }
            if !response.evidence.isEmpty {
                fields["evidence_\(key)"] = response.evidence.map(\.reference).joined(separator: AssessmentCSV.evidenceSeparator)
            }
            if !response.comment.isEmpty { fields["comment_\(key)"] = response.comment }
        }
        return fields
    }
}
