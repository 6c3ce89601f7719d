import Foundation

/// How a sector's emissions grow after the base year in the business-as-usual forecast.
public enum GrowthDriver: Sendable, Hashable {
    /// With the population projection.
    case population
    /// With the GDP projection.
    case gdp
    /// At an explicit annual rate (percent per year; negative = decline).
    case rate(Double)
    /// Held at the base-year level.
    case constant

    /// The template's words: `population`, `gdp`, `rate:1.5`, `constant`.
    public var text: String {
        switch self {
        case .population: "population"
        case .gdp: "gdp"
        case .rate(let r): "rate:\(LineColumns.format(r))"
        case .constant: "constant"
        }
    }

    public static func parse(_ text: String) -> GrowthDriver? {
        let value = text.trimmed.lowercased()
        switch value {
        case "population": return .population
        case "gdp": return .gdp
        case "constant": return .constant
        default:
            guard value.hasPrefix("rate:"), let r = Double(value.dropFirst(5)), r.isFinite, r > -100, r < 100 else { return nil }
            return .rate(r)
        }
    }
}

/// The settings of a city's business-as-usual forecast.
public struct ForecastSettings: Sendable, Hashable {
    public var baseYear: Int
    public var horizonYear: Int
    /// Projected growth of population and GDP, percent per year.
    public var populationGrowth: Double
    public var gdpGrowth: Double
    /// Sectors not listed grow with population.
    public var drivers: [Sector: GrowthDriver]

    public init(
        baseYear: Int, horizonYear: Int, populationGrowth: Double, gdpGrowth: Double, drivers: [Sector: GrowthDriver] = [:]
    ) {
        self.baseYear = baseYear
        self.horizonYear = horizonYear
        self.populationGrowth = populationGrowth
        self.gdpGrowth = gdpGrowth
        self.drivers = drivers
    }

    public func driver(_ sector: Sector) -> GrowthDriver { drivers[sector] ?? .population }

    /// The growth factor of a driver from the base year to `year`: (1 + r/100)^(year − base),
    /// computed in one step (compounded, no intermediate rounding).
    public func factor(_ driver: GrowthDriver, year: Int) -> Double {
        let n = Double(year - baseYear)
        switch driver {
        case .population: return pow(1 + populationGrowth / 100, n)
        case .gdp: return pow(1 + gdpGrowth / 100, n)
        case .rate(let r): return pow(1 + r / 100, n)
        case .constant: return 1
        }
    }

    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if horizonYear <= baseYear { problems.append(FieldProblem("horizon_year", "must be after the base year \(baseYear)")) }
        if horizonYear - baseYear > 100 {
            problems.append(FieldProblem("horizon_year", "must be at most 100 years after the base year"))
        }
        for (name, value) in [("population_growth", populationGrowth), ("gdp_growth", gdpGrowth)]
        where !(value > -100 && value < 100) {
            problems.append(FieldProblem(name, "must be a percentage per year between −100 and 100"))
        }
        return problems
    }
}

/// A mitigation action as the scenario needs it.
public struct ActionEffect: Sendable, Hashable {
    public let id: String
    public let sector: Sector
    public let startYear: Int
    /// t CO2e per year once fully effective.
    public let annualReduction: Double
    /// Years to reach the full effect (1 = full from the start year).
    public let rampUpYears: Int

    public init(id: String, sector: Sector, startYear: Int, annualReduction: Double, rampUpYears: Int = 1) {
        self.id = id
        self.sector = sector
        self.startYear = startYear
        self.annualReduction = annualReduction
        self.rampUpYears = max(1, rampUpYears)
    }

    /// The reduction in `year`: none before the start, then R × min(1, (year − start + 1) / ramp-up).
    public func reduction(in year: Int) -> Double {
        guard year >= startYear else { return 0 }
        return annualReduction * min(1, Double(year - startYear + 1) / Double(rampUpYears))
    }
}

/// Business as usual and the scenario with actions, year by year from the base year to the horizon.
///
/// Rules (issue 4; the HEAT+ / ClearPath forecast approach):
/// - BAU(sector, y) = base(sector) × growth factor of the sector's driver from the base year to y;
/// - scenario(sector, y) = max(0, BAU(sector, y) − Σ reductions of the sector's actions in y); when
///   actions would take a sector below zero, each action's wedge is scaled down in proportion and
///   a note says so;
/// - totals are sums over sectors; nothing is rounded before display.
public struct Forecast: Sendable {
    public let settings: ForecastSettings
    public let years: [Int]
    public let bauBySector: [Sector: [Double]]
    public let bau: [Double]
    public let scenario: [Double]
    /// The reduction of each action (by id), year by year, as counted in the scenario.
    public let wedges: [String: [Double]]
    public let notes: [String]

    public init(base: [Sector: Double], settings: ForecastSettings, actions: [ActionEffect]) {
        self.settings = settings
        let years = Array(settings.baseYear...max(settings.baseYear, settings.horizonYear))
        self.years = years
        var bauBySector: [Sector: [Double]] = [:]
        var bau = Array(repeating: 0.0, count: years.count)
        var scenario = Array(repeating: 0.0, count: years.count)
        var wedges: [String: [Double]] = Dictionary(
            uniqueKeysWithValues: actions.map { ($0.id, Array(repeating: 0, count: years.count)) })
        var notes: [String] = []
        let sectors = Set(base.keys).union(actions.map(\.sector)).sorted()
        for sector in sectors {
            let start = base[sector] ?? 0
            let driver = settings.driver(sector)
            let sectorActions = actions.filter { $0.sector == sector }
            var series: [Double] = []
            var capped: [Int] = []
            for (index, year) in years.enumerated() {
                let value = start * settings.factor(driver, year: year)
                series.append(value)
                bau[index] += value
                let reductions = sectorActions.map { $0.reduction(in: year) }
                let sum = reductions.reduce(0, +)
                let scale = sum > value && sum > 0 ? value / sum : 1
                if scale < 1 { capped.append(year) }
                for (action, reduction) in zip(sectorActions, reductions) { wedges[action.id]![index] = reduction * scale }
                scenario[index] += max(0, value - sum)
            }
            bauBySector[sector] = series
            if let first = capped.first {
                notes.append(
                    "from \(first), the actions of sector \(sector.rawValue) exceed its business-as-usual emissions; their wedges are scaled down so the sector does not go below zero"
                )
            }
            if base[sector] == nil {
                notes.append("sector \(sector.rawValue) has actions but no base-year emissions")
            }
        }
        self.bauBySector = bauBySector
        self.bau = bau
        self.scenario = scenario
        self.wedges = wedges
        self.notes = notes
    }

    public func index(of year: Int) -> Int? {
        guard let first = years.first, year >= first, year - first < years.count else { return nil }
        return year - first
    }

    public var bauSeries: Series { Series(Dictionary(uniqueKeysWithValues: zip(years, bau))) }
    public var scenarioSeries: Series { Series(Dictionary(uniqueKeysWithValues: zip(years, scenario))) }
}

/// The gap between the scenario and a target in its target year.
public struct TargetGap: Sendable, Hashable {
    /// The target's level in the target year, t CO2e.
    public let level: Double?
    public let scenario: Double?
    /// scenario − level: positive = emissions still above the target.
    public let gap: Double?
    public let reason: String?

    public init(level: Double?, scenario: Double?, gap: Double?, reason: String?) {
        self.level = level
        self.scenario = scenario
        self.gap = gap
        self.reason = reason
    }

    /// `emissions` is the city's series on the target's coverage; `driver` the known population or
    /// GDP (for intensity targets). An intensity target's level in tonnes is its intensity level
    /// × the driver projected to the target year with the forecast's growth rate from the
    /// forecast's base year.
    public static func compute(
        _ target: Target, coverage: Coverage, forecastCoverage: Coverage, forecast: Forecast, emissions: Series,
        driver: Series?
    ) -> TargetGap {
        func none(_ reason: String) -> TargetGap { TargetGap(level: nil, scenario: nil, gap: nil, reason: reason) }
        if let problem = target.problems().first { return none("the target is incomplete: \(problem)") }
        guard target.kind != .peak && target.kind != .other else { return none("this kind of target has no level to compare") }
        guard coverage == forecastCoverage else {
            return none("the forecast covers \(forecastCoverage.summary); the target covers \(coverage.summary)")
        }
        guard let index = forecast.index(of: target.targetYear) else {
            return none("the forecast does not reach \(target.targetYear)")
        }
        let scenario = forecast.scenario[index]
        let driverName = target.kind.driver == .gdp ? "GDP" : "population"
        var projected: Double?
        if let kind = target.kind.driver {
            guard let atBase = driver?.value(in: forecast.settings.baseYear).value, atBase > 0 else {
                return none("no \(driverName) for the forecast's base year \(forecast.settings.baseYear)")
            }
            projected = atBase * forecast.settings.factor(kind == .gdp ? .gdp : .population, year: target.targetYear)
        }
        var base: Double?
        if target.kind != .fixedLevel && target.kind != .fixedLevelPerCapita && target.kind != .baselineScenario {
            if let stated = target.baseValue {
                base = stated
            } else if let year = target.baseYear, let value = emissions.points[year] {
                base = value
            } else {
                return none("no emissions for the base year on the target's coverage")
            }
        }
        let level: Double
        switch target.kind {
        case .fixedLevel: level = target.targetLevel!
        case .fixedLevelPerCapita: level = target.targetLevel! * projected!
        case .baselineScenario: level = forecast.bau[index] * (1 - target.reductionPercent! / 100)
        case .baseYearAbsolute: level = base! * (1 - target.reductionPercent! / 100)
        case .baseYearIntensityCapita, .baseYearIntensityGDP:
            guard let baseYear = target.baseYear, let atBaseYear = driver?.value(in: baseYear).value, atBaseYear > 0 else {
                return none("no \(driverName) for the base year (not extrapolated)")
            }
            level = base! / atBaseYear * (1 - target.reductionPercent! / 100) * projected!
        case .peak, .other: return none("this kind of target has no level to compare")
        }
        return TargetGap(level: level, scenario: scenario, gap: scenario - level, reason: nil)
    }
}
