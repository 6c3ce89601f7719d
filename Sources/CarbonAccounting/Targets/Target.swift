/// The target kinds of the GHG Protocol Mitigation Goal Standard and the Global Covenant of Mayors.
public enum TargetKind: String, Sendable, CaseIterable, Codable {
    /// −X % of base-year emissions by the target year.
    case baseYearAbsolute = "base_year_absolute"
    /// −X % of emissions per unit of GDP.
    case baseYearIntensityGDP = "base_year_intensity_gdp"
    /// −X % of emissions per person.
    case baseYearIntensityCapita = "base_year_intensity_capita"
    /// A level by the target year (peak by, net zero by).
    case fixedLevel = "fixed_level"
    /// A level per person (t CO2e per capita) by the target year.
    case fixedLevelPerCapita = "fixed_level_per_capita"
    /// −X % below business as usual in the target year.
    case baselineScenario = "baseline_scenario"
    /// Emissions peak by the target year (no level, no percentage).
    case peak
    /// A commitment that is not a GHG emissions target (energy intensity, non-fossil share,
    /// forest cover): kept with its wording in the registry; no progress is computed from inventories.
    case other

    /// The series an intensity is measured against, if any.
    public var driver: Driver? {
        switch self {
        case .baseYearIntensityGDP: .gdp
        case .baseYearIntensityCapita, .fixedLevelPerCapita: .population
        default: nil
        }
    }

    public var isIntensity: Bool { driver != nil }

    /// Kinds measured as a reduction in percent.
    public var takesPercent: Bool {
        [.baseYearAbsolute, .baseYearIntensityGDP, .baseYearIntensityCapita, .baselineScenario].contains(self)
    }

    /// Kinds measured against a level.
    public var takesLevel: Bool { self == .fixedLevel || self == .fixedLevelPerCapita }

    public enum Driver: String, Sendable, Hashable {
        case gdp, population
    }
}

/// A point on the way: by `year`, a reduction (for relative targets) or a level (fixed-level).
public struct Milestone: Sendable, Hashable, Codable {
    public let year: Int
    public let reductionPercent: Double?
    public let level: Double?

    public init(year: Int, reductionPercent: Double? = nil, level: Double? = nil) {
        self.year = year
        self.reductionPercent = reductionPercent
        self.level = level
    }
}

/// A city's emission target, as the engine needs it (coverage and provenance live with the record).
public struct Target: Sendable, Hashable {
    public var kind: TargetKind
    public var baseYear: Int?
    /// Base-year emissions (t CO2e) as the source document states them; nil = from the inventory.
    public var baseValue: Double?
    public var targetYear: Int
    public var reductionPercent: Double?
    /// Fixed-level targets: the level (t CO2e) to reach by the target year (0 = net zero).
    public var targetLevel: Double?
    public var milestones: [Milestone]

    public init(
        kind: TargetKind, baseYear: Int? = nil, baseValue: Double? = nil, targetYear: Int, reductionPercent: Double? = nil,
        targetLevel: Double? = nil, milestones: [Milestone] = []
    ) {
        self.kind = kind
        self.baseYear = baseYear
        self.baseValue = baseValue
        self.targetYear = targetYear
        self.reductionPercent = reductionPercent
        self.targetLevel = targetLevel
        self.milestones = milestones
    }

    /// What is wrong with the target itself, by field (template column names).
    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let baseYear, targetYear <= baseYear {
            problems.append(FieldProblem("target_year", "must be after the base year \(baseYear)"))
        }
        switch kind {
        case .peak:
            if reductionPercent != nil {
                problems.append(FieldProblem("reduction_percent", "does not apply to a peaking target"))
            }
            if targetLevel != nil { problems.append(FieldProblem("target_level_tco2e", "does not apply to a peaking target")) }
        case .other:
            if let percent = reductionPercent, !(0...100).contains(percent) {
                problems.append(FieldProblem("reduction_percent", "must be between 0 and 100"))
            }
        case .baseYearAbsolute, .baseYearIntensityGDP, .baseYearIntensityCapita, .baselineScenario:
            if baseYear == nil && kind != .baselineScenario {
                problems.append(FieldProblem("base_year", "is required for this kind"))
            }
            if let percent = reductionPercent {
                if !(0...100).contains(percent) {
                    problems.append(FieldProblem("reduction_percent", "must be between 0 and 100"))
                }
            } else {
                problems.append(FieldProblem("reduction_percent", "is required for this kind"))
            }
            if targetLevel != nil {
                problems.append(FieldProblem("target_level_tco2e", "applies to fixed-level targets only"))
            }
        case .fixedLevel, .fixedLevelPerCapita:
            if let level = targetLevel {
                if level < 0 { problems.append(FieldProblem("target_level_tco2e", "must not be negative")) }
            } else {
                problems.append(FieldProblem("target_level_tco2e", "is required for a fixed-level target"))
            }
            if reductionPercent != nil {
                problems.append(FieldProblem("reduction_percent", "does not apply to a fixed-level target; give the level"))
            }
        }
        if let baseValue, baseValue < 0 { problems.append(FieldProblem("base_value_tco2e", "must not be negative")) }
        for milestone in milestones {
            if let baseYear, milestone.year <= baseYear || milestone.year >= targetYear {
                problems.append(FieldProblem("milestones", "\(milestone.year) is not between the base year and the target year"))
            }
            if let percent = milestone.reductionPercent, !(0...100).contains(percent) {
                problems.append(FieldProblem("milestones", "the reduction for \(milestone.year) must be between 0 and 100"))
            }
        }
        return problems
    }
}
