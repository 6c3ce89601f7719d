/// The status of a mitigation action (SPEC §3 "Targets, forecasts and actions").
public enum ActionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case planned
    case inProgress = "in_progress"
    case completed
    case cancelled
}

/// One mitigation action; reductions in t CO2e per year.
public struct ActionFigure: Sendable, Hashable {
    public var id: String
    public var status: ActionStatus
    public var expectedAnnualReduction: Double?
    public var achievedAnnualReduction: Double?

    public init(id: String, status: ActionStatus, expectedAnnualReduction: Double? = nil, achievedAnnualReduction: Double? = nil)
    {
        self.id = id
        self.status = status
        self.expectedAnnualReduction = expectedAnnualReduction
        self.achievedAnnualReduction = achievedAnnualReduction
    }
}

/// Target kinds; raw values match the App's `TargetKind`.
public enum TargetType: String, Sendable, Hashable, Codable, CaseIterable {
    case baseYearAbsolute = "base_year_absolute"
    case baseYearIntensityGDP = "base_year_intensity_gdp"
    case baseYearIntensityCapita = "base_year_intensity_capita"
    case fixedLevel = "fixed_level"
    case fixedLevelPerCapita = "fixed_level_per_capita"
    case baselineScenario = "baseline_scenario"
    case peak
    case other
}

/// A target and its progress as the App's target engine computed it.
public struct TargetFigures: Sendable, Hashable {
    public var id: String
    public var kind: TargetType
    public var baseYear: Int?
    public var targetYear: Int
    public var reductionPercent: Double?
    /// (base − latest) ÷ (base − target level) × 100, uncapped.
    public var percentAchieved: Double?
    public var progressYear: Int?
    /// False when progress is an estimate on another basis than the target's (issue 11: such
    /// estimates are shown, labelled, and kept out of scores and on-track counts).
    public var progressOnTargetBasis: Bool
    public var source: String

    public init(
        id: String, kind: TargetType, baseYear: Int?, targetYear: Int, reductionPercent: Double?,
        percentAchieved: Double? = nil, progressYear: Int? = nil, progressOnTargetBasis: Bool = true, source: String
    ) {
        self.id = id
        self.kind = kind
        self.baseYear = baseYear
        self.targetYear = targetYear
        self.reductionPercent = reductionPercent
        self.percentAchieved = percentAchieved
        self.progressYear = progressYear
        self.progressOnTargetBasis = progressOnTargetBasis
        self.source = source
    }
}
