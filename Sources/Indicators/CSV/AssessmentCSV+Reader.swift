import Foundation

extension AssessmentCSV {
    /// Reads an assessment-values file against `edition`. All rows or nothing: every problem is
    /// thrown at once with its row and column.
    ///
    /// - A quantitative value must be in the item's unit or a unit that converts to it through
    ///   `catalog`; it is stored in the item's unit, with the original kept in ``ItemResponse/entered``.
    /// - A level must lie on the item's scale; a deduction's points between its floor and 0.
    /// - When `requireEvidence` is true, an answer to an item that requires evidence must cite some.
    /// - A row with neither value, level nor exclusion but with a comment or evidence is kept as
    ///   missing; a blank row is skipped.
    public static func read(
        _ text: String, edition: Edition, catalog: UnitCatalog = .standard, requireEvidence: Bool = true
    ) throws(AssessmentProblems) -> [ItemID: ItemResponse] {
        var problems: [AssessmentProblem] = []
        func problem(_ row: Int, _ column: String?, _ code: AssessmentProblem.Code, _ message: String) {
            problems.append(AssessmentProblem(row: row, column: column, code: code, message: message))
        }
        let table: CSVTable
        do {
            table = try CSVTable(parsing: text)
        } catch {
            throw AssessmentProblems([
                AssessmentProblem(row: error.line, column: nil, code: .unreadableFile, message: error.message)
            ])
        }
        var columnIndex: [String: Int] = [:]
        for (index, raw) in table.header.enumerated() {
            let name = raw.lowercased()
            if name.isEmpty { continue }
            if !Self.columns.contains(name) {
                problem(table.headerLine, raw, .unknownColumn, "unknown column '\(raw)'")
            } else if columnIndex[name] != nil {
                problem(table.headerLine, raw, .duplicateColumn, "column '\(raw)' appears twice")
            } else {
                columnIndex[name] = index
            }
        }
        guard columnIndex["item_id"] != nil else {
            problem(table.headerLine, "item_id", .missingColumn, "the file has no 'item_id' column")
            throw AssessmentProblems(problems)
        }

        var responses: [ItemID: ItemResponse] = [:]
        var seen: [ItemID: Int] = [:]
        for record in table.records {
            let row = CSVTable.Row(record: record, columns: columnIndex)
            if row.isBlank { continue }
            let id = ItemID(row["item_id"])
            guard !id.rawValue.isEmpty else {
                problem(row.line, "item_id", .missingValue, "a row needs an item id")
                continue
            }
            guard let item = edition.item(id) else {
                problem(
                    row.line, "item_id", .unknownItem, "'\(id)' is not an item of \(edition.framework.slug) \(edition.version)")
                continue
            }
            if let first = seen[id] {
                problem(row.line, "item_id", .duplicateItem, "'\(id)' appears twice (first on row \(first))")
                continue
            }
            seen[id] = row.line
            let before = problems.count
            let response = readRow(row, item: item, catalog: catalog, requireEvidence: requireEvidence) { column, code, message in
                problem(row.line, column, code, message)
            }
            if problems.count == before, let response { responses[id] = response }
        }
        if !problems.isEmpty { throw AssessmentProblems(problems) }
        return responses
    }

    private static func readRow(
        _ row: CSVTable.Row, item: FrameworkItem, catalog: UnitCatalog, requireEvidence: Bool,
        problem: (String, AssessmentProblem.Code, String) -> Void
    ) -> ItemResponse? {
        let evidence = row["evidence"].components(separatedBy: evidenceSeparator).map(Evidence.parse).filter {
            !$0.reference.isEmpty
        }
        let comment = row["comment"]
        let valueText = row["value"]
        let levelText = row["level"]
        let unitText = row["unit"]
        let excluded = row["excluded_reason"]

        if !excluded.isEmpty {
            for (column, text) in [("value", valueText), ("level", levelText)] where !text.isEmpty {
                problem(column, .unexpectedValue, "an excluded item takes no \(column)")
            }
            return ItemResponse(.excluded(reason: excluded), evidence: evidence, comment: comment)
        }
        if valueText.isEmpty && levelText.isEmpty {
            return ItemResponse(.missing(reason: "no value entered"), evidence: evidence, comment: comment)
        }
        if let formula = item.formula {
            problem(
                valueText.isEmpty ? "level" : "value", .computedItem,
                "'\(item.id)' is computed from platform data (\(formula.rawValue)); it can be excluded but not entered")
            return nil
        }
        if requireEvidence && item.evidenceRequired && evidence.isEmpty {
            problem("evidence", .missingEvidence, "'\(item.id)' requires evidence: a document, a link or a platform record")
        }

        switch item.kind {
        case .qualitative(let scale):
            for (column, text) in [("value", valueText), ("unit", unitText)] where !text.isEmpty {
                problem(column, .unexpectedValue, "'\(item.id)' is answered with a level; leave \(column) empty")
            }
            guard let level = parseInteger(levelText) else {
                problem(
                    "level", levelText.isEmpty ? .missingValue : .invalidNumber,
                    "'\(item.id)' needs a whole level 0–\(scale.maxLevel)")
                return nil
            }
            guard scale.levels.contains(level) else {
                problem("level", .levelOutsideScale, "level \(level) is outside the scale of '\(item.id)', 0–\(scale.maxLevel)")
                return nil
            }
            return ItemResponse(.level(level), evidence: evidence, comment: comment)

        case .quantitative(let spec):
            if !levelText.isEmpty { problem("level", .unexpectedValue, "'\(item.id)' takes a value, not a level") }
            guard let value = parseNumber(valueText) else {
                problem("value", valueText.isEmpty ? .missingValue : .invalidNumber, "'\(valueText)' is not a number")
                return nil
            }
            guard !unitText.isEmpty else {
                problem("unit", .missingUnit, "give the unit of the value (\(spec.unit) or a unit that converts to it)")
                return nil
            }
            guard catalog.isKnown(unitText) else {
                problem("unit", .unknownUnit, "unknown unit '\(unitText)'; '\(item.id)' is in \(spec.unit)")
                return nil
            }
            guard let converted = catalog.convert(value, from: unitText, to: spec.unit.symbol) else {
                problem("unit", .wrongUnit, "'\(unitText)' does not convert to \(spec.unit), the unit of '\(item.id)'")
                return nil
            }
            let sameUnit = UnitCatalog.normalise(unitText) == UnitCatalog.normalise(spec.unit.symbol)
            return ItemResponse(
                .value(converted), evidence: evidence, comment: comment,
                entered: sameUnit ? nil : EnteredQuantity(value: value, unit: unitText))

        case .deduction(let floor, _):
            if !levelText.isEmpty { problem("level", .unexpectedValue, "'\(item.id)' takes points, not a level") }
            if !unitText.isEmpty && unitText != "points" {
                problem("unit", .wrongUnit, "a deduction is in points, not '\(unitText)'")
            }
            guard let points = parseNumber(valueText) else {
                problem("value", valueText.isEmpty ? .missingValue : .invalidNumber, "'\(valueText)' is not a number")
                return nil
            }
            guard points <= 0 && points >= floor else {
                problem("value", .pointsOutOfRange, "\(formatNumber(points)) points is outside \(formatNumber(floor))…0")
                return nil
            }
            return ItemResponse(.points(points), evidence: evidence, comment: comment)
        }
    }
}
