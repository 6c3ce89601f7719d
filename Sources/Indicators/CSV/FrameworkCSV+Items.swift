import Foundation

extension FrameworkReader {
    /// Reads an item row. Every field is checked so that all of a row's problems are reported; an
    /// item whose kind cannot be built is left out (and remembered in `brokenItems`).
    mutating func readItem(_ row: CSVTable.Row) {
        let id = ItemID(row["id"])
        guard !id.rawValue.isEmpty else {
            problem(row.line, "id", .missingValue, "an item needs an id")
            return
        }
        if let first = rows[.item(id)] {
            problem(row.line, "id", .duplicateID, "item '\(id)' appears twice (first on row \(first))")
            return
        }
        rows[.item(id)] = row.line
        if row["group"].isEmpty { problem(row.line, "group", .missingValue, "an item needs the id of its group") }

        var weight = 0.0
        if let value = parseNumber(row["weight"]) {
            weight = value
        } else {
            let empty = row["weight"].isEmpty
            problem(
                row.line, "weight", empty ? .missingValue : .invalidNumber,
                empty ? "an item needs a weight" : "'\(row["weight"])' is not a number")
        }
        let applicability = readApplicability(row)
        let kind: ItemKind?
        switch row["kind"].lowercased() {
        case "quantitative": kind = readQuantitative(row)
        case "qualitative": kind = readQualitative(row)
        case "deduction": kind = readDeduction(row)
        case "":
            problem(row.line, "kind", .missingValue, "an item needs a kind: quantitative, qualitative or deduction")
            kind = nil
        default:
            problem(row.line, "kind", .unknownKind, "kind must be quantitative, qualitative or deduction, not '\(row["kind"])'")
            kind = nil
        }
        let confidence = confidence(row)
        guard let kind else {
            brokenItems.insert(id)
            return
        }
        items.append(
            FrameworkItem(
                id: id, group: row["group"], name: texts(row, prefix: "name"), description: texts(row, prefix: "description"),
                kind: kind, weight: weight, applicability: applicability,
                previousID: row["previous_id"].isEmpty ? nil : ItemID(row["previous_id"]),
                benchmarkReason: row["benchmark_reason"],
                source: row["source"], confidence: confidence))
    }

    private mutating func refuse(_ row: CSVTable.Row, _ columns: [String], for kind: String) {
        for column in columns where !row[column].isEmpty {
            problem(row.line, column, .unexpectedValue, "column \(column) is not used by a \(kind) item")
        }
    }

    private mutating func number(_ row: CSVTable.Row, _ column: String) -> Double? {
        if let value = parseNumber(row[column]) { return value }
        let empty = row[column].isEmpty
        problem(
            row.line, column, empty ? .missingValue : .invalidNumber,
            empty ? "\(column) is required here" : "'\(row[column])' is not a number")
        return nil
    }

    /// "required" (the default) or "optional".
    private mutating func evidenceRequired(_ row: CSVTable.Row) -> Bool {
        switch row["evidence"].lowercased() {
        case "", "required": return true
        case "optional": return false
        default:
            problem(row.line, "evidence", .unexpectedValue, "evidence must be required or optional, not '\(row["evidence"])'")
            return true
        }
    }

    private mutating func readQuantitative(_ row: CSVTable.Row) -> ItemKind? {
        refuse(row, ["scale_max"], for: "quantitative")
        var complete = true
        let unit = row["unit"]
        if unit.isEmpty {
            problem(row.line, "unit", .missingValue, "a quantitative item needs a unit")
            complete = false
        }
        let direction = Direction(rawValue: row["direction"].lowercased())
        if direction == nil {
            let empty = row["direction"].isEmpty
            problem(
                row.line, "direction", empty ? .missingValue : .unknownDirection,
                "direction must be higher_is_better or lower_is_better\(empty ? "" : ", not '\(row["direction"])'")")
            complete = false
        }
        var obtain: Obtain?
        switch row["obtain"].lowercased() {
        case "entered":
            refuse(row, ["formula"], for: "entered")
            obtain = .entered(evidenceRequired: evidenceRequired(row))
        case "computed":
            refuse(row, ["evidence"], for: "computed")
            if let formula = FormulaName(rawValue: row["formula"].lowercased()) {
                obtain = .computed(formula: formula)
            } else {
                let empty = row["formula"].isEmpty
                problem(
                    row.line, "formula", empty ? .missingValue : .unknownFormula,
                    empty ? "a computed item needs a formula" : "unknown formula '\(row["formula"])' (see FORMULAS.md)")
            }
        case "":
            problem(row.line, "obtain", .missingValue, "obtain must be entered or computed")
        default:
            problem(row.line, "obtain", .unknownObtain, "obtain must be entered or computed, not '\(row["obtain"])'")
        }
        let scoring = readScoring(row)
        guard complete, let direction, let obtain, let scoring else { return nil }
        let function: ScoringFunction?
        switch scoring {
        case .scored(let scored): function = scored
        case .contextOnly: function = nil
        }
        return .quantitative(QuantitativeSpec(unit: IndicatorUnit(unit), direction: direction, obtain: obtain, scoring: function))
    }

    /// A read scoring column: a function, or "none" for a context item.
    private enum ScoringChoice {
        case scored(ScoringFunction)
        case contextOnly
    }

    private mutating func readScoring(_ row: CSVTable.Row) -> ScoringChoice? {
        switch row["scoring"].lowercased() {
        case "linear":
            refuse(row, ["thresholds"], for: "linear")
            let floor = number(row, "floor")
            let benchmark = number(row, "benchmark")
            guard let floor, let benchmark else { return nil }
            return .scored(.linear(floor: floor, benchmark: benchmark))
        case "stepped":
            refuse(row, ["floor", "benchmark"], for: "stepped")
            guard let steps = readSteps(row) else { return nil }
            return .scored(.stepped(steps))
        case "none":
            refuse(row, ["floor", "benchmark", "thresholds"], for: "unscored")
            return .contextOnly
        case "":
            problem(row.line, "scoring", .missingValue, "scoring must be linear, stepped or none")
            return nil
        default:
            problem(row.line, "scoring", .unknownScoring, "scoring must be linear, stepped or none, not '\(row["scoring"])'")
            return nil
        }
    }

    /// "bound:score; bound:score", weakest step first.
    private mutating func readSteps(_ row: CSVTable.Row) -> [Step]? {
        let text = row["thresholds"]
        guard !text.isEmpty else {
            problem(row.line, "thresholds", .missingValue, "a stepped item needs thresholds such as '10:50; 20:100'")
            return nil
        }
        var steps: [Step] = []
        for clause in text.split(separator: FrameworkCSV.clauseSeparator) {
            let parts = clause.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let bound = parseNumber(String(parts[0])), let score = parseNumber(String(parts[1])) else {
                problem(row.line, "thresholds", .invalidNumber, "'\(clause.trimmingASCIISpacesSub())' is not bound:score")
                return nil
            }
            steps.append(Step(bound: bound, score: score))
        }
        return steps
    }

    private mutating func readQualitative(_ row: CSVTable.Row) -> ItemKind? {
        refuse(
            row, ["unit", "direction", "obtain", "formula", "scoring", "floor", "benchmark", "thresholds"], for: "qualitative")
        let evidence = evidenceRequired(row)
        guard let maxLevel = parseInteger(row["scale_max"]) else {
            let empty = row["scale_max"].isEmpty
            problem(
                row.line, "scale_max", empty ? .missingValue : .invalidNumber,
                "a qualitative item needs scale_max, the highest level (3 for 0–3)")
            return nil
        }
        return .qualitative(LevelScale(maxLevel: maxLevel, descriptors: [:], evidenceRequired: evidence))
    }

    private mutating func readDeduction(_ row: CSVTable.Row) -> ItemKind? {
        refuse(
            row, ["unit", "direction", "obtain", "formula", "scoring", "benchmark", "thresholds", "scale_max"], for: "deduction")
        let evidence = evidenceRequired(row)
        guard let floor = number(row, "floor") else { return nil }
        return .deduction(floor: floor, evidenceRequired: evidence)
    }
}

extension Substring {
    func trimmingASCIISpacesSub() -> String { String(self).trimmingASCIISpaces() }
}
