import CarbonAccounting
import Spreadsheets

/// What one row of `eCRF_3` holds, read once.
struct ActivityRow {
    let row: Int
    let numbers: [ActivityColumn: Double]
    let ref: String
    let key: String
    var explanation: String
    let hasFigures: Bool
    let hasMethod: Bool

    func cell(_ column: ActivityColumn) -> String { column.letter + String(row) }

    /// The columns whose figures make a row more than a label.
    static let figureColumns: [ActivityColumn] = [
        .amount, .factorCO2, .factorCH4, .factorN2O, .factorCO2e, .factorBiogenic, .co2, .ch4, .n2o, .co2e, .biogenic,
        .originalAmount, .measuredCO2, .measuredCH4, .measuredN2O, .otherGasAmount, .measuredBiogenic,
    ]
}

extension ActivityReader {
    mutating func text(_ column: ActivityColumn, _ row: Int) -> String { cells.text(column.letter + String(row)) }

    /// One row: nil when it is not a line (empty, a default row, a template row left blank) or has problems.
    mutating func readRow(_ row: Int, platform: Bool) -> (number: Int?, line: Line)? {
        let before = cells.problems.count
        var numbers: [ActivityColumn: Double] = [:]
        for column in ActivityColumn.numeric {
            let address = column.letter + String(row)
            // The eCRF template leaves "Please select" in column A of its rows (a drop-down's prompt).
            if column == .year, cells.sheet[address].text?.lowercased() == "please select" { continue }
            if let value = cells.number(address) { numbers[column] = value }
        }
        if cells.problems.count > before { return nil }
        let hasFigures = ActivityRow.figureColumns.contains { numbers[$0] != nil }
        var values = ActivityRow(
            row: row, numbers: numbers, ref: text(.gpcRef, row), key: text(.notationKey, row).uppercased(),
            explanation: text(.explanation, row), hasFigures: hasFigures, hasMethod: !text(.method, row).isEmpty)
        guard isLine(&values, platform: platform) else { return nil }
        checkRow(values)
        let (fields, columnOf) = fields(values)
        if cells.problems.count > before { return nil }

        let line: Line
        switch parser.parse(fields) {
        case .failure(let found):
            for problem in found.items { cells.problem(values.cell(columnOf[problem.column] ?? .gpcRef), problem.message) }
            return nil
        case .success(let parsed): line = parsed
        }
        let result = calculator.calculate(line)
        for problem in result.problems { cells.problem(values.cell(columnOf[problem.column] ?? .gpcRef), problem.message) }
        if crossCheck, let stated = numbers[.co2e], let computed = result.co2e, !Tolerance.agrees(stated, computed) {
            cells.problem(
                values.cell(.co2e),
                "total \(LineColumns.format(stated)) tCO2e, but the row's data give \(LineColumns.format(computed)) tCO2e under \(calculator.set.rawValue)\(Tolerance.hint(found: stated, computed: computed))"
            )
        }
        if columnOf["activity_unit"] == .originalUnit { checkConversion(line, result, values) }
        if cells.problems.count > before { return nil }
        return (numbers[.lineNumber].map { Int($0) }, line)
    }

    /// Whether a row is a line. Skipped: the exporter's default rows, rows without a reference
    /// and without figures, template rows left blank, and — in a workbook from another tool — an
    /// NE row with no explanation anywhere (it says what a missing sub-category says).
    private mutating func isLine(_ values: inout ActivityRow, platform: Bool) -> Bool {
        let numbers = values.numbers
        if numbers[.lineNumber] == nil && values.explanation.hasPrefix(ECRF.defaultMarker) && !values.hasFigures
            && !values.hasMethod
        {
            return false
        }
        if values.ref.isEmpty {
            if values.hasFigures || values.hasMethod || !(values.key.isEmpty || values.key == NotationKey.notEstimated.rawValue) {
                cells.problem(values.cell(.gpcRef), "a row with figures or a notation key needs a GPC reference (e.g. I.1.1)")
            }
            return false
        }
        if !values.hasFigures && !values.hasMethod && values.key.isEmpty { return false }
        if !values.key.isEmpty && values.explanation.isEmpty && !platform {
            // A workbook from another tool keeps the reasons for its keys in eCRF_2's column H.
            if let stated = crfExplanations[values.ref] {
                values.explanation = stated
            } else if values.key == NotationKey.notEstimated.rawValue && !values.hasFigures {
                return false
            }
        }
        return true
    }

    /// Checks of a row against the rest of the workbook and the GPC.
    private mutating func checkRow(_ values: ActivityRow) {
        let numbers = values.numbers
        if crossCheck, let year = numbers[.year], year != Double(metadata.year) {
            cells.problem(
                values.cell(.year), "inventory year \(LineColumns.format(year)) differs from eCRF_1!C7 (\(metadata.year))")
        }
        let label = text(.scope, values.row)
        if let subCategory = parser.tree[values.ref], let scope = ActivitySlot.scope(ofLabel: label), scope != subCategory.scope {
            cells.problem(
                values.cell(.scope),
                "“\(label)” does not match \(values.ref), a scope \(subCategory.scope.rawValue) sub-category (\(ActivitySlot.label(subCategory.scope)))"
            )
        }
        if let oxidation = numbers[.oxidation], oxidation != 1 {
            cells.problem(
                values.cell(.oxidation),
                "an oxidation factor other than 1 is not applied separately: include it in the CO2 factor (IPCC 2006 factors assume full oxidation)"
            )
        }
        if !values.key.isEmpty,
            let first = [ActivityColumn.co2, .ch4, .n2o, .co2e, .biogenic].first(where: { numbers[$0] != nil })
        {
            cells.problem(values.cell(first), "a row with a notation key cannot also carry emissions")
        }
    }

    /// With the original activity in AD and AE, H and I must be that activity in the factor's unit.
    private mutating func checkConversion(_ line: Line, _ result: LineResult, _ values: ActivityRow) {
        guard let factors = line.factors, let converted = result.convertedActivity else { return }
        let denominator = factors.unit.denominator
        let unit = text(.unit, values.row)
        if !unit.isEmpty && ActivityUnit.parse(unit) != denominator {
            cells.problem(
                values.cell(.unit),
                "“\(CellReading.clip(unit))” is not the emission factor's unit (\(denominator.symbol)), in which the converted activity is given"
            )
        } else if let amount = values.numbers[.amount], abs(amount - converted) > 1e-9 * max(abs(amount), abs(converted)) {
            cells.problem(
                values.cell(.amount),
                "\(LineColumns.format(amount)) \(denominator.symbol) does not match the original activity in AD and AE, which converts to \(LineColumns.format(converted)) \(denominator.symbol)"
            )
        }
    }
}
