import Foundation

/// One row of the targets template (issue 4): a target and what the engine does not need
/// (city, coverage, conditionality, who set it, source, the original wording).
public struct TargetRow: Sendable, Hashable {
    public var city: String
    public var target: Target
    public var coverage: Coverage
    /// The GWP set progress is measured in; nil = that of the city's latest inventory.
    public var gwpSet: GWPSet?
    public var conditional: Bool
    public var setBy: String
    public var source: String
    /// The source's own words, kept beside the parsed target when they are ambiguous.
    public var originalWording: String
    public var note: String

    public init(
        city: String, target: Target, coverage: Coverage = Coverage(), gwpSet: GWPSet? = nil, conditional: Bool = false,
        setBy: String = "", source: String, originalWording: String = "", note: String = ""
    ) {
        self.city = city
        self.target = target
        self.coverage = coverage
        self.gwpSet = gwpSet
        self.conditional = conditional
        self.setBy = setBy
        self.source = source
        self.originalWording = originalWording
        self.note = note
    }
}

/// Reads and writes the targets CSV template. Like the inventory template: all rows valid or
/// nothing, every problem with its row and column.
public enum TargetCSV {
    public static let columns = [
        "city", "kind", "base_year", "base_value_tco2e", "target_year", "reduction_percent", "target_level_tco2e", "coverage",
        "gases", "sectors", "gwp_set", "conditional", "milestones", "set_by", "source", "original_wording", "note",
    ]
    static let required = ["city", "kind", "target_year", "source"]

    /// A row with the line of the file it came from (for errors found later, e.g. an unknown city).
    public struct Numbered: Sendable, Hashable {
        public let line: Int
        public let row: TargetRow
    }

    public static func read(_ text: String) -> Result<[TargetRow], ImportProblems> {
        readNumbered(text).map { $0.map(\.row) }
    }

    public static func readNumbered(_ text: String) -> Result<[Numbered], ImportProblems> {
        let (rows, problems) = readAll(text)
        return problems.isEmpty ? .success(rows) : .failure(ImportProblems(problems))
    }

    /// The rows that parse and the problems of those that do not (a file problem leaves no rows),
    /// so a caller can add its own checks (unknown city) to the same list.
    public static func readAll(_ text: String) -> (rows: [Numbered], problems: [ImportProblem]) {
        func fail(_ problems: [ImportProblem]) -> ([Numbered], [ImportProblem]) { ([], problems) }
        let records: [CSV.Record]
        do { records = try CSV.parse(text) } catch {
            return fail([ImportProblem(row: nil, column: nil, message: "the file is not valid CSV: \(error)")])
        }
        let nonEmpty = records.filter { !$0.fields.allSatisfy { $0.trimmed.isEmpty } }
        guard let header = nonEmpty.first else {
            return fail([ImportProblem(row: nil, column: nil, message: "the file is empty")])
        }
        let names = header.fields.map { $0.trimmed.lowercased() }
        var problems: [ImportProblem] = []
        if names.count == 1, names[0].contains(";") {
            return fail([
                ImportProblem(
                    row: header.line, column: nil, message: "the file is separated by semicolons; save it with commas (CSV UTF-8)"
                )
            ])
        }
        for name in names where !name.isEmpty && !columns.contains(name) {
            problems.append(
                ImportProblem(
                    row: header.line, column: name,
                    message: "unknown column; the template's columns are \(columns.joined(separator: ", "))"))
        }
        for name in required where !names.contains(name) {
            problems.append(ImportProblem(row: header.line, column: name, message: "the required column \(name) is missing"))
        }
        guard problems.isEmpty else { return fail(problems) }
        guard nonEmpty.count > 1 else {
            return fail([ImportProblem(row: nil, column: nil, message: "the file has a header but no rows")])
        }
        var rows: [Numbered] = []
        for record in nonEmpty.dropFirst() {
            var fields: [String: String] = [:]
            for (index, value) in record.fields.enumerated() {
                if index < names.count {
                    fields[names[index]] = value.trimmed
                } else if !value.trimmed.isEmpty {
                    problems.append(
                        ImportProblem(row: record.line, column: nil, message: "more fields than columns in the header"))
                }
            }
            switch parse(fields) {
            case .success(let row): rows.append(Numbered(line: record.line, row: row))
            case .failure(let found):
                problems += found.items.map { ImportProblem(row: record.line, column: $0.column, message: $0.message) }
            }
        }
        return (rows, problems)
    }

    /// One row by template column name (the browser form uses the same names).
    public static func parse(_ fields: [String: String]) -> Result<TargetRow, FieldProblems> {
        var problems: [FieldProblem] = []
        func text(_ name: String) -> String { fields[name]?.trimmed ?? "" }
        func year(_ name: String) -> Int? {
            guard !text(name).isEmpty else { return nil }
            guard let value = Int(text(name)), (1900...2100).contains(value) else {
                problems.append(FieldProblem(name, "“\(text(name))” is not a year between 1900 and 2100"))
                return nil
            }
            return value
        }
        func number(_ name: String) -> Double? {
            let raw = text(name).replacingOccurrences(of: "%", with: "").trimmed
            guard !raw.isEmpty else { return nil }
            guard let value = Double(raw), value.isFinite else {
                problems.append(FieldProblem(name, "“\(text(name))” is not a number (use . for decimals)"))
                return nil
            }
            return value
        }
        for (name, limit) in [("source", 1000), ("original_wording", 2000), ("note", 2000), ("set_by", 300), ("city", 100)]
        where text(name).count > limit {
            problems.append(FieldProblem(name, "is longer than \(limit) characters"))
        }
        if text("city").isEmpty { problems.append(FieldProblem("city", "is required (the city's slug)")) }
        if text("source").isEmpty { problems.append(FieldProblem("source", "is required: where the target is stated")) }
        let kind = TargetKind(rawValue: text("kind").lowercased())
        if kind == nil {
            problems.append(
                FieldProblem(
                    "kind",
                    "“\(text("kind"))” is not a kind; use one of \(TargetKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let baseYear = year("base_year")
        let targetYear = year("target_year")
        if text("target_year").isEmpty { problems.append(FieldProblem("target_year", "is required")) }
        var coverage = Coverage()
        switch text("coverage").lowercased() {
        case "", "basic": coverage.basis = .basic
        case "basic+", "basic_plus", "basicplus", "basic-plus": coverage.basis = .basicPlus
        case "territorial": coverage.basis = .territorial
        default: problems.append(FieldProblem("coverage", "“\(text("coverage"))” must be basic, basic+ or territorial"))
        }
        switch text("gases").lowercased() {
        case "", "all", "ghg", "co2e", "all ghg": coverage.co2Only = false
        case "co2": coverage.co2Only = true
        default: problems.append(FieldProblem("gases", "“\(text("gases"))” must be all or CO2"))
        }
        for code in text("sectors").split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "," }) {
            if let sector = Sector(rawValue: code.uppercased()) {
                coverage.sectors.insert(sector)
            } else {
                problems.append(FieldProblem("sectors", "“\(code)” is not a GPC sector (I, II, III, IV, V)"))
            }
        }
        var gwpSet: GWPSet?
        if !text("gwp_set").isEmpty {
            gwpSet = GWPSet.parse(text("gwp_set"))
            if gwpSet == nil { problems.append(FieldProblem("gwp_set", "“\(text("gwp_set"))” must be AR4, AR5 or AR6")) }
        }
        var conditional = false
        switch text("conditional").lowercased() {
        case "", "false", "no", "0", "unconditional": break
        case "true", "yes", "1", "conditional": conditional = true
        default: problems.append(FieldProblem("conditional", "“\(text("conditional"))” must be true or false"))
        }
        var milestones: [Milestone] = []
        for pair in text("milestones").split(whereSeparator: { $0 == " " || $0 == ";" }) {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let y = Int(parts[0]), let percent = Double(parts[1].replacingOccurrences(of: "%", with: ""))
            else {
                problems.append(FieldProblem("milestones", "“\(pair)” is not year:percent (e.g. 2025:20)"))
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
            targetLevel: level, milestones: milestones)
        let found = target.problems()
        guard found.isEmpty else { return .failure(FieldProblems(found)) }
        return .success(
            TargetRow(
                city: text("city"), target: target, coverage: coverage, gwpSet: gwpSet, conditional: conditional,
                setBy: text("set_by"), source: text("source"), originalWording: text("original_wording"), note: text("note")))
    }

    /// The row in template columns (what `parse` reads back).
    public static func fields(_ row: TargetRow) -> [String: String] {
        let target = row.target
        func number(_ value: Double?) -> String { value.map(LineColumns.format) ?? "" }
        return [
            "city": row.city, "kind": target.kind.rawValue, "base_year": target.baseYear.map(String.init) ?? "",
            "base_value_tco2e": number(target.baseValue), "target_year": String(target.targetYear),
            "reduction_percent": number(target.reductionPercent), "target_level_tco2e": number(target.targetLevel),
            "coverage": row.coverage.basis == .basicPlus ? "basic+" : row.coverage.basis.rawValue,
            "gases": row.coverage.co2Only ? "CO2" : "all",
            "sectors": row.coverage.sectors.sorted().map(\.rawValue).joined(separator: ";"),
            "gwp_set": row.gwpSet?.rawValue ?? "", "conditional": row.conditional ? "true" : "false",
            "milestones": target.milestones.compactMap { m in m.reductionPercent.map { "\(m.year):\(LineColumns.format($0))" } }
                .joined(separator: ";"),
            "set_by": row.setBy, "source": row.source, "original_wording": row.originalWording, "note": row.note,
        ]
    }

    /// Rows in the template (header first), with `extra` columns appended (the open-data export
    /// adds progress).
    public static func write(_ rows: [TargetRow], extra: [String] = [], values: (Int) -> [String] = { _ in [] }) -> String {
        var out = CSV.row(columns + extra)
        for (index, row) in rows.enumerated() {
            let fields = Self.fields(row)
            out += CSV.row(columns.map { fields[$0] ?? "" } + values(index))
        }
        return out
    }
}
