import Foundation

/// A warning that does not block: something a reviewer should look at.
public struct Warning: Sendable, Hashable {
    public enum Code: String, Sendable {
        case factorOutsideRange = "factor_outside_range"
        case totalJump = "total_jump"
        case populationJump = "population_jump"
        case scopesExceedTotal = "scopes_exceed_total"
        case failedLine = "failed_line"
    }

    public let code: Code
    /// Index of the line concerned, if any.
    public let line: Int?
    public let message: String
}

/// Plausibility checks (warn, never block).
public enum Plausibility {
    /// How far a factor may stray from the library's range for its fuel before we warn: CO2
    /// factors depend on carbon content and vary little (IPCC 2006 Table 1.4 ranges are within
    /// about ±15 %), CH4 and N2O depend on technology and vary by an order of magnitude.
    static let co2Tolerance = 1.5
    static let nonCO2Tolerance = 10.0
    /// A year-on-year change beyond this ratio is almost always a unit or data error.
    static let jumpRatio = 10.0

    public static func check(
        lines: [Line], report: InventoryReport, library: FactorLibrary, calculator: Calculator,
        previousTotal: Double?, population: Double?, previousPopulation: Double?
    ) -> [Warning] {
        var warnings: [Warning] = []
        for (index, line) in lines.enumerated() {
            if !report.results[index].problems.isEmpty {
                warnings.append(
                    Warning(
                        code: .failedLine, line: index,
                        message: "Line \(index + 1) (\(line.gpcRef)) cannot be calculated: "
                            + report.results[index].problems.map(\.description).joined(separator: "; ")))
            }
            guard let factors = line.factors, !line.fuel.isEmpty else { continue }
            // Express the line's factor per TJ to compare with the library.
            let oneUnit = Activity(value: 1, unit: factors.unit.denominator)
            guard let tj = ActivityUnit.parse("TJ"),
                case .success(let perUnitInTJ) = calculator.convert(oneUnit, to: tj, fuel: line.fuel), perUnitInTJ > 0
            else { continue }
            for (group, value) in [(GasGroup.co2, factors.co2), (.ch4, factors.ch4), (.n2o, factors.n2o)] {
                guard let value, let range = library.range(fuel: line.fuel, gas: group) else { continue }
                let perTJ = value * factors.unit.tonnesPerNumerator / perUnitInTJ
                let tolerance = group == .co2 ? co2Tolerance : nonCO2Tolerance
                if perTJ > range.upperBound * tolerance || perTJ < range.lowerBound / tolerance {
                    warnings.append(
                        Warning(
                            code: .factorOutsideRange, line: index,
                            message:
                                "Line \(index + 1) (\(line.gpcRef)): the \(group.rawValue) factor is \(perTJ * 1000) kg/TJ, far outside the library's \(range.lowerBound * 1000)–\(range.upperBound * 1000) kg/TJ for \(line.fuel)"
                        ))
                }
            }
        }
        if let previousTotal, let current = report.levelTotal.co2e, previousTotal > 0, current > 0 {
            let ratio = current / previousTotal
            if ratio >= jumpRatio || ratio <= 1 / jumpRatio {
                warnings.append(
                    Warning(
                        code: .totalJump, line: nil,
                        message:
                            "The total changed \(ratio >= 1 ? "by a factor of" : "to a fraction of") \(ratio >= 1 ? ratio : ratio) since the previous inventory (\(previousTotal) → \(current) t CO2e)"
                    ))
            }
        }
        if let population, let previousPopulation, population > 0, previousPopulation > 0 {
            let ratio = population / previousPopulation
            if ratio >= jumpRatio || ratio <= 1 / jumpRatio {
                warnings.append(
                    Warning(
                        code: .populationJump, line: nil,
                        message: "The population changed from \(previousPopulation) to \(population) since the previous value"))
            }
        }
        return warnings
    }

    /// Reported summaries: the scope parts must not add up to more than the stated total
    /// (BASIC can exclude part of scope 3, so less is fine).
    public static func checkReported(total: Double?, scopes: [Double?]) -> Warning? {
        let parts = scopes.compactMap { $0 }
        guard let total, !parts.isEmpty else { return nil }
        let sum = parts.reduce(0, +)
        guard sum > total * (1 + 1e-9) else { return nil }
        return Warning(
            code: .scopesExceedTotal, line: nil,
            message: "The scope figures add up to \(sum) t, more than the stated total of \(total) t")
    }
}
