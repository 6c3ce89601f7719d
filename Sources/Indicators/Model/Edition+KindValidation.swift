extension Edition {
    /// The problems of one item's kind: unit, formula, scoring function, scale, deduction.
    static func kindProblems(_ item: FrameworkItem, catalog: UnitCatalog) -> [FrameworkProblem] {
        var problems: [FrameworkProblem] = []
        func add(_ column: String?, _ code: FrameworkProblem.Code, _ message: String, subject: FrameworkProblem.Subject? = nil) {
            problems.append(FrameworkProblem(column: column, subject: subject ?? .item(item.id), code: code, message: message))
        }
        switch item.kind {
        case .quantitative(let spec):
            if !catalog.isKnown(spec.unit.symbol) { add("unit", .unknownUnit, "unknown unit '\(spec.unit)'") }
            if let formula = item.formula, catalog.isKnown(spec.unit.symbol),
                !formula.naturalUnits.contains(where: { catalog.factor(from: $0, to: spec.unit.symbol) != nil })
            {
                add(
                    "unit", .formulaUnitMismatch,
                    "formula \(formula.rawValue) gives \(formula.naturalUnits.joined(separator: " or ")), which does not convert to '\(spec.unit)'"
                )
            }
            switch spec.scoring {
            case nil:
                if item.weight != 0 {
                    add(
                        "weight", .weightedContextItem, "an item without a scoring function is context only: its weight must be 0"
                    )
                }
            case .linear(let floor, let benchmark):
                if floor == benchmark {
                    add("benchmark", .floorEqualsBenchmark, "floor and benchmark are both \(formatNumber(floor))")
                } else if spec.direction.isBetter(floor, than: benchmark) {
                    add(
                        "benchmark", .directionMismatch,
                        "the benchmark \(formatNumber(benchmark)) must be better than the floor \(formatNumber(floor)) (\(spec.direction.rawValue))"
                    )
                }
            case .stepped(let steps):
                if steps.isEmpty { add("thresholds", .missingValue, "a stepped item needs at least one threshold") }
                for (offset, step) in steps.enumerated() {
                    if !(step.score > 0 && step.score <= 100) {
                        add("thresholds", .scoreOutOfRange, "step score \(formatNumber(step.score)) is outside (0, 100]")
                    }
                    guard offset > 0 else { continue }
                    let before = steps[offset - 1]
                    if !spec.direction.isBetter(step.bound, than: before.bound) || step.score <= before.score {
                        add(
                            "thresholds", .thresholdsNotMonotonic,
                            "step \(offset + 1) (\(formatNumber(step.bound)):\(formatNumber(step.score))) must have a better bound and a higher score than step \(offset) (\(spec.direction.rawValue))"
                        )
                    }
                }
            }
            if spec.scoring != nil && item.benchmarkReason.isEmpty {
                add("benchmark_reason", .missingReason, "a scored quantitative item needs the reason for its benchmark")
            }
        case .qualitative(let scale):
            if scale.maxLevel < 1 || scale.maxLevel > 10 {
                add("scale_max", .invalidScale, "a level scale runs from 0 to a maximum between 1 and 10, not \(scale.maxLevel)")
                return problems
            }
            for level in scale.descriptors.keys.sorted() where !scale.levels.contains(level) {
                add(
                    "level", .levelOutsideScale, "level \(level) is outside the scale 0–\(scale.maxLevel)",
                    subject: .level(item.id, level))
            }
            for level in scale.labels.keys.sorted() where !scale.levels.contains(level) && scale.descriptors[level] == nil {
                add(
                    "level", .levelOutsideScale, "level \(level) is outside the scale 0–\(scale.maxLevel)",
                    subject: .level(item.id, level))
            }
            var languages: Set<String> = []
            for text in scale.descriptors.values { languages.formUnion(text.languages) }
            for level in scale.levels {
                guard let text = scale.descriptors[level], text["en"] != nil else {
                    add(
                        "description_en", .missingDescriptor, "level \(level) of '\(item.id)' has no English descriptor",
                        subject: .level(item.id, level))
                    continue
                }
                for language in languages.sorted() where text[language] == nil {
                    add(
                        "description_\(language)", .partialTranslation,
                        "level \(level) of '\(item.id)' has no \(language) descriptor while other levels do",
                        subject: .level(item.id, level))
                }
            }
        case .deduction(let floor, _):
            if !(floor < 0) || !floor.isFinite {
                add("floor", .invalidNumber, "a deduction's floor is the most points it can take off: a negative number")
            }
            if item.weight != 0 {
                add("weight", .weightedDeduction, "a deduction's points are added as they are: its weight must be 0")
            }
        }
        return problems
    }
}
