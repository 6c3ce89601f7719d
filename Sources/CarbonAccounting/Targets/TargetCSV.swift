import Foundation

/// One row of the targets template (issue 4): a target and what the engine does not need
/// (city, coverage, conditionality, source, the original wording).
public struct TargetRow: Sendable, Hashable {
    public var city: String
    public var target: Target
    public var coverage: TotalBasis
    public var conditional: Bool
    public var source: String
    /// The source's own words, kept beside the parsed target when they are ambiguous.
    public var originalWording: String
}

/// Reads the targets CSV template. Like the inventory template: all rows valid or nothing, every
/// problem with its row and column.
public enum TargetCSV {
    public static let columns = [
        "city", "kind", "base_year", "base_value_tco2e", "target_year", "reduction_percent", "target_level_tco2e", "coverage",
        "conditional", "milestones", "source", "original_wording",
    ]
    static let required = ["city", "kind", "target_year", "source"]

    public static func read(_ text: String) -> Result<[TargetRow], ImportProblems> {
        let records: [CSV.Record]
        do { records = try CSV.parse(text) } catch {
            return .failure(
                ImportProblems([ImportProblem(row: nil, column: nil, message: "the file is not valid CSV: \(error)")]))
        }
        guard let header = records.first else {
            return .failure(ImportProblems([ImportProblem(row: nil, column: nil, message: "the file is empty")]))
        }
        let names = header.fields.map { $0.trimmed.lowercased() }
        var problems: [ImportProblem] = []
        for name in names where !columns.contains(name) {
            problems.append(
                ImportProblem(
                    row: 1, column: name, message: "unknown column; the template's columns are \(columns.joined(separator: ", "))"
                ))
        }
        for name in required where !names.contains(name) {
            problems.append(ImportProblem(row: 1, column: name, message: "the required column \(name) is missing"))
        }
        guard problems.isEmpty else { return .failure(ImportProblems(problems)) }
        guard records.count > 1 else {
            return .failure(ImportProblems([ImportProblem(row: nil, column: nil, message: "the file has a header but no rows")]))
        }
        var rows: [TargetRow] = []
        for record in records.dropFirst() {
            var fields: [String: String] = [:]
            for (index, value) in record.fields.enumerated() where index < names.count { fields[names[index]] = value.trimmed }
            switch parse(fields) {
            case .success(let row): rows.append(row)
            case .failure(let found):
                problems += found.items.map { ImportProblem(row: record.line, column: $0.column, message: $0.message) }
            }
        }
        return problems.isEmpty ? .success(rows) : .failure(ImportProblems(problems))
    }

    public static func parse(_ fields: [String: String]) -> Result<TargetRow, FieldProblems> {
        var problems: [FieldProblem] = []
        func text(_ name: String) -> String { fields[name] ?? "" }
        func year(_ name: String) -> Int? {
            guard !text(name).isEmpty else { return nil }
            guard let value = Int(text(name)), (1900...2100).contains(value) else {
                problems.append(FieldProblem(name, "“\(text(name))” is not a year"))
                return nil
            }
            return value
        }
        func number(_ name: String) -> Double? {
            guard !text(name).isEmpty else { return nil }
            guard let value = Double(text(name)), value.isFinite else {
                problems.append(FieldProblem(name, "“\(text(name))” is not a number (use . for decimals)"))
                return nil
            }
            return value
        }
        if text("city").isEmpty { problems.append(FieldProblem("city", "is required (the city's slug)")) }
        if text("source").isEmpty { problems.append(FieldProblem("source", "is required: where the target is stated")) }
        let kind = TargetKind(rawValue: text("kind").lowercased())
        if kind == nil {
            problems.append(FieldProblem("kind", "must be one of \(TargetKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let baseYear = year("base_year")
        let targetYear = year("target_year")
        if targetYear == nil && text("target_year").isEmpty { problems.append(FieldProblem("target_year", "is required")) }
        let coverage: TotalBasis
        switch text("coverage").lowercased() {
        case "", "basic": coverage = .basic
        case "basic+", "basic_plus", "basicplus": coverage = .basicPlus
        case "territorial": coverage = .territorial
        default:
            coverage = .basic
            problems.append(FieldProblem("coverage", "must be basic, basic+ or territorial"))
        }
        var conditional = false
        switch text("conditional").lowercased() {
        case "", "false", "no", "0", "unconditional": break
        case "true", "yes", "1", "conditional": conditional = true
        default: problems.append(FieldProblem("conditional", "must be true or false"))
        }
        var milestones: [Milestone] = []
        for pair in text("milestones").split(whereSeparator: { $0 == " " || $0 == ";" }) {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let y = Int(parts[0]), let percent = Double(parts[1]) else {
                problems.append(FieldProblem("milestones", "“\(pair)” is not year:percent"))
                continue
            }
            milestones.append(Milestone(year: y, reductionPercent: percent))
        }
        let base = number("base_value_tco2e")
        let percent = number("reduction_percent")
        let level = number("target_level_tco2e")
        guard problems.isEmpty, let kind, let targetYear else { return .failure(FieldProblems(problems)) }
        let target = Target(
            kind: kind, baseYear: baseYear, baseValue: base, targetYear: targetYear, reductionPercent: percent,
            targetLevel: level,
            milestones: milestones)
        let found = target.problems()
        guard found.isEmpty else { return .failure(FieldProblems(found)) }
        return .success(
            TargetRow(
                city: text("city"), target: target, coverage: coverage, conditional: conditional, source: text("source"),
                originalWording: text("original_wording")))
    }
}
