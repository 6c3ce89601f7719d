import CarbonAccounting
import Foundation

/// A target in the API and the registry JSON, with its progress and gap.
struct TargetDocument: Encodable, Sendable {
    struct CoverageDocument: Encodable, Sendable {
        let basis: String
        let gases: String
        let sectors: [String]
    }

    struct MilestoneDocument: Encodable, Sendable {
        let year: Int
        @Null var reductionPercent: Double?
        enum CodingKeys: String, CodingKey {
            case year
            case reductionPercent = "reduction_percent"
        }
    }

    struct PointDocument: Encodable, Sendable {
        let year: Int
        let value: Double
        let origin: String
        let source: String
        let illustrative: Bool
    }

    struct ProgressDocument: Encodable, Sendable {
        @Null var percentAchieved: Double?
        @Null var onTrack: Bool?
        @Null var reason: String?
        @Null var latestYear: Int?
        @Null var base: Double?
        @Null var latest: Double?
        @Null var targetLevel: Double?
        @Null var pathAtLatest: Double?
        let unit: String
        @Null var gwpSet: String?
        let notes: [String]
        let series: [PointDocument]
        enum CodingKeys: String, CodingKey {
            case percentAchieved = "percent_achieved"
            case onTrack = "on_track"
            case reason
            case latestYear = "latest_year"
            case base, latest
            case targetLevel = "target_level"
            case pathAtLatest = "path_at_latest"
            case unit
            case gwpSet = "gwp_set"
            case notes, series
        }
    }

    /// Progress on another basis (`ProgressEstimates`): never counted as on or off track, so it
    /// says `on_path`, not `on_track`.
    struct EstimateDocument: Encodable, Sendable {
        let series: String
        let basis: String
        @Null var percentAchieved: Double?
        @Null var onPath: Bool?
        @Null var reason: String?
        @Null var latestYear: Int?
        @Null var base: Double?
        @Null var latest: Double?
        let unit: String
        let counted = false
        let notes: [String]
        let points: [PointDocument]
        enum CodingKeys: String, CodingKey {
            case series, basis
            case percentAchieved = "percent_achieved"
            case onPath = "on_path"
            case reason
            case latestYear = "latest_year"
            case base, latest, unit, counted, notes, points
        }

        init(_ estimate: ProgressEstimate, item: EvaluatedTarget) {
            let progress = estimate.progress
            series = estimate.series
            basis = estimate.basis
            percentAchieved = progress.percentAchieved
            onPath = progress.onTrack
            reason = progress.reason
            latestYear = progress.latestYear
            base = progress.base
            latest = progress.latest
            unit = TargetText.estimateUnit(estimate, item: item)
            notes = estimate.notes
            points = estimate.points.map {
                PointDocument(year: $0.year, value: $0.value, origin: $0.origin, source: $0.source, illustrative: false)
            }
        }
    }

    struct GapDocument: Encodable, Sendable {
        @Null var level: Double?
        @Null var scenario: Double?
        @Null var gap: Double?
        @Null var reason: String?
    }

    let id: UUID
    let city: String
    let kind: String
    let text: String
    @Null var baseYear: Int?
    @Null var baseValue: Double?
    let targetYear: Int
    @Null var reductionPercent: Double?
    @Null var targetLevel: Double?
    let coverage: CoverageDocument
    @Null var gwpSet: String?
    let conditional: Bool
    let milestones: [MilestoneDocument]
    let setBy: String
    let source: String
    let originalWording: String
    let note: String
    let progress: ProgressDocument
    let estimates: [EstimateDocument]
    @Null var gap: GapDocument?
    let url: String

    enum CodingKeys: String, CodingKey {
        case id, city, kind, text
        case baseYear = "base_year"
        case baseValue = "base_value_tco2e"
        case targetYear = "target_year"
        case reductionPercent = "reduction_percent"
        case targetLevel = "target_level_tco2e"
        case coverage
        case gwpSet = "gwp_set"
        case conditional, milestones
        case setBy = "set_by"
        case source
        case originalWording = "original_wording"
        case note, progress, estimates, gap, url
    }

    init(_ item: EvaluatedTarget, gap: TargetGap?, t: Translator) {
        let row = item.target.row
        let target = row.target
        let progress = item.progress
        id = item.target.id
        city = item.target.citySlug
        kind = target.kind.rawValue
        text = TargetText.commitment(row, t: t)
        baseYear = target.baseYear
        baseValue = target.baseValue
        targetYear = target.targetYear
        reductionPercent = target.reductionPercent
        targetLevel = target.targetLevel
        coverage = CoverageDocument(
            basis: row.coverage.basis.rawValue, gases: row.coverage.co2Only ? "CO2" : "all",
            sectors: row.coverage.sectors.sorted().map(\.rawValue))
        gwpSet = row.gwpSet?.rawValue
        conditional = row.conditional
        milestones = target.milestones.map { MilestoneDocument(year: $0.year, reductionPercent: $0.reductionPercent) }
        setBy = row.setBy
        source = row.source
        originalWording = row.originalWording
        note = row.note
        self.progress = ProgressDocument(
            percentAchieved: progress.percentAchieved, onTrack: progress.onTrack, reason: progress.reason,
            latestYear: progress.latestYear, base: progress.base, latest: progress.latest, targetLevel: progress.targetLevel,
            pathAtLatest: progress.pathAtLatest, unit: TargetText.unit(item), gwpSet: item.gwpSet?.rawValue, notes: item.notes,
            series: item.points.map {
                PointDocument(year: $0.year, value: $0.value, origin: $0.origin, source: $0.source, illustrative: $0.illustrative)
            })
        estimates = item.estimates.map { EstimateDocument($0, item: item) }
        self.gap = gap.map { GapDocument(level: $0.level, scenario: $0.scenario, gap: $0.gap, reason: $0.reason) }
        url = Paths.cityTargets(item.target.citySlug) + "#target-\(item.target.id.uuidString)"
    }
}

/// An action in the API and the registry JSON.
struct ActionDocument: Encodable, Sendable {
    struct UpdateDocument: Encodable, Sendable {
        let date: String
        let status: String
        @Null var achievedReduction: Double?
        let evidence: String
        let note: String
        enum CodingKeys: String, CodingKey {
            case date, status
            case achievedReduction = "achieved_reduction_tco2e_per_year"
            case evidence, note
        }
    }

    let id: UUID
    let city: String
    let titles: [String: String]
    let descriptions: [String: String]
    let sector: String
    @Null var gpcRef: String?
    let type: String
    let owner: String
    let status: String
    let startYear: Int
    @Null var endYear: Int?
    @Null var cost: Double?
    @Null var currency: String?
    let funding: String
    @Null var expectedReduction: Double?
    let reductionMethod: String
    let rampUpYears: Int
    let coBenefits: [String]
    let sdgs: [Int]
    let links: [String]
    let updateEveryDays: Int
    @Null var planID: UUID?
    let updates: [UpdateDocument]
    let url: String
    /// Fuel or energy avoided as stated (the CO2e and pollutants follow from it).
    let energyAvoided: [EnergyAvoidedEntry]

    enum CodingKeys: String, CodingKey {
        case id, city, titles, descriptions, sector
        case gpcRef = "gpc_ref"
        case type, owner, status
        case startYear = "start_year"
        case endYear = "end_year"
        case cost, currency, funding
        case expectedReduction = "expected_reduction_tco2e_per_year"
        case reductionMethod = "reduction_method"
        case rampUpYears = "ramp_up_years"
        case coBenefits = "co_benefits"
        case sdgs, links
        case updateEveryDays = "update_every_days"
        case planID = "plan_id"
        case updates, url
        case energyAvoided = "energy_avoided"
    }

    init(_ action: ActionSummary) {
        id = action.id
        city = action.citySlug
        titles = action.titles
        descriptions = action.descriptions
        sector = action.sector.rawValue
        gpcRef = action.gpcRef
        type = action.actionType
        owner = action.owner
        status = action.status
        startYear = action.startYear
        endYear = action.endYear
        cost = action.cost
        currency = action.currency
        funding = action.funding
        expectedReduction = action.expectedReduction
        reductionMethod = action.reductionMethod
        rampUpYears = action.rampUpYears
        coBenefits = action.coBenefits
        sdgs = action.sdgs
        links = action.links
        updateEveryDays = action.updateEveryDays
        planID = action.planID
        energyAvoided = action.energyAvoided
        updates = action.updates.map {
            UpdateDocument(
                date: $0.onDate, status: $0.status, achievedReduction: $0.achievedReduction, evidence: $0.evidence, note: $0.note)
        }
        url = Paths.action(action.citySlug, action.id)
    }
}

/// The forecast in the API: settings, business as usual, the scenario and each action's wedge.
struct ForecastDocument: Encodable, Sendable {
    let baseYear: Int
    let horizonYear: Int
    let populationGrowthPercent: Double
    let gdpGrowthPercent: Double
    let drivers: [String: String]
    let coverage: String
    let gwpSet: String
    let illustrativeBase: Bool
    let years: [Int]
    let bau: [Double]
    let scenario: [Double]
    let wedges: [String: [Double]]
    let notes: [String]

    enum CodingKeys: String, CodingKey {
        case baseYear = "base_year"
        case horizonYear = "horizon_year"
        case populationGrowthPercent = "population_growth_percent"
        case gdpGrowthPercent = "gdp_growth_percent"
        case drivers, coverage
        case gwpSet = "gwp_set"
        case illustrativeBase = "illustrative_base"
        case years, bau, scenario, wedges, notes
    }

    init(_ view: ForecastView) {
        baseYear = view.settings.baseYear
        horizonYear = view.settings.horizonYear
        populationGrowthPercent = view.settings.populationGrowth
        gdpGrowthPercent = view.settings.gdpGrowth
        drivers = Dictionary(
            uniqueKeysWithValues: ForecastPages.sectors.map { ($0.rawValue, view.settings.driver($0).text) })
        coverage = view.coverage.summary
        gwpSet = view.gwpSet.rawValue
        illustrativeBase = view.illustrativeBase
        years = view.forecast.years
        bau = view.forecast.bau
        scenario = view.forecast.scenario
        wedges = view.forecast.wedges
        notes = view.forecast.notes
    }
}

/// One city in the registry: commitments, performance, forecast and actions in one document.
struct CityRegistryDocument: Encodable, Sendable {
    struct PlanDocument: Encodable, Sendable {
        let id: UUID
        let title: String
        let origin: String
        @Null var draftedOn: String?
        @Null var followUpBy: String?
        let summary: String
        enum CodingKeys: String, CodingKey {
            case id, title, origin
            case draftedOn = "drafted_on"
            case followUpBy = "follow_up_by"
            case summary
        }
    }

    let city: String
    let names: [String: String]
    let targets: [TargetDocument]
    let performance: [TargetDocument.PointDocument]
    @Null var forecast: ForecastDocument?
    @Null var forecastProblem: String?
    let actions: [ActionDocument]
    let actionPlans: [PlanDocument]

    enum CodingKeys: String, CodingKey {
        case city, names, targets, performance, forecast
        case forecastProblem = "forecast_problem"
        case actions
        case actionPlans = "action_plans"
    }

    init(_ plan: CityPlan, t: Translator) {
        city = plan.citySlug
        names = plan.cityNames
        targets = plan.targets.map { TargetDocument($0, gap: plan.forecast?.gaps[$0.target.id], t: t) }
        performance = plan.history.map {
            TargetDocument.PointDocument(
                year: $0.year, value: $0.value, origin: $0.origin, source: $0.source, illustrative: $0.illustrative)
        }
        forecast = plan.forecast.map(ForecastDocument.init)
        forecastProblem = plan.forecastProblem
        actions = plan.actions.map(ActionDocument.init)
        actionPlans = plan.plans.map {
            PlanDocument(
                id: $0.id, title: $0.title, origin: $0.origin, draftedOn: $0.draftedOn, followUpBy: $0.followUpBy,
                summary: $0.summary)
        }
    }
}
