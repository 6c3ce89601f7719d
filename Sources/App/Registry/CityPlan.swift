import CarbonAccounting
import FluentKit
import Foundation

/// The business-as-usual forecast of a city with its scenario and the gap to each target.
struct ForecastView: Sendable {
    let settings: ForecastSettings
    let coverage: Coverage
    let gwpSet: GWPSet
    let baseInventoryYear: Int
    let illustrativeBase: Bool
    let forecast: Forecast
    /// By target id.
    let gaps: [UUID: TargetGap]
    /// The scenario's air pollutants beside its CO2e.
    var pollutants: PollutantTrajectories? = nil
}

/// Everything the registry knows about one city's plan: targets with progress, the forecast,
/// actions and action plans.
struct CityPlan: Sendable {
    let cityID: UUID
    let citySlug: String
    let cityNames: [String: String]
    let targets: [EvaluatedTarget]
    let settings: ForecastSettings?
    let forecast: ForecastView?
    /// Why there is no forecast (settings present but no usable base inventory).
    let forecastProblem: String?
    let actions: [ActionSummary]
    let plans: [PlanSummary]
    /// The city's published inventory totals and reported totals, for the chart's history.
    let history: [SeriesPoint]
}

extension Services {
    var targets: TargetService { query.targets }
    var actions: ActionService { query.actions }
    var evaluator: TargetEvaluator { query.evaluator }

    func plan(of city: City) async throws -> CityPlan { try await query.plan(of: city) }
}

extension QueryContext {
    var inventories: InventoryService { InventoryService(db: db, reference: reference, cache: cache, clock: clock) }
    var targets: TargetService { TargetService(db: db, clock: clock) }
    var actions: ActionService { ActionService(db: db, clock: clock) }
    var evaluator: TargetEvaluator { TargetEvaluator(reference: reference, inventories: inventories) }

    /// Loads and computes a city's plan (a fixed number of queries, plus reading the lines of
    /// inventories a target or the forecast needs).
    func plan(of city: City) async throws -> CityPlan {
        let cityID = try city.requireID()
        async let targetList = targets.targets(of: city)
        async let dataLoad = PerformanceData.load(city: cityID, on: db)
        async let actionList = actions.actions(city: city)
        async let planList = actions.plans(of: city)
        async let settingsRecord = CityForecast.query(on: db).filter(\.$city.$id == cityID).first()
        let (summaries, data, actionSummaries, plans, record) = try await (
            targetList, dataLoad, actionList, planList, settingsRecord
        )
        let settings = record?.settings
        var forecastView: ForecastView?
        var problem: String?
        if let settings {
            switch try await forecast(city: city, settings: settings, actions: actionSummaries) {
            case .success(let view): forecastView = view
            case .failure(let reason): problem = reason.message
            }
        }
        let evaluated = try await evaluator.evaluate(
            summaries, data: data, bau: forecastView.map { [cityID: $0.forecast.bauSeries] } ?? [:])
        if let view = forecastView {
            var gaps: [UUID: TargetGap] = [:]
            for item in evaluated {
                if let set = item.gwpSet, set != view.gwpSet {
                    gaps[item.target.id] = TargetGap(
                        level: nil, scenario: nil, gap: nil,
                        reason: "the forecast is in \(view.gwpSet.rawValue); the target is measured in \(set.rawValue)")
                    continue
                }
                let driver: Series? =
                    switch item.target.row.target.kind.driver {
                    case .population: data.population[cityID]
                    case .gdp: data.gdp[cityID]?.series
                    case nil: nil
                    }
                gaps[item.target.id] = TargetGap.compute(
                    item.target.row.target, coverage: item.target.row.coverage, forecastCoverage: view.coverage,
                    forecast: view.forecast, emissions: item.series, driver: driver)
            }
            forecastView = ForecastView(
                settings: view.settings, coverage: view.coverage, gwpSet: view.gwpSet, baseInventoryYear: view.baseInventoryYear,
                illustrativeBase: view.illustrativeBase, forecast: view.forecast, gaps: gaps, pollutants: view.pollutants)
        }
        var history: [SeriesPoint] = []
        let basis = forecastView?.coverage.basis ?? .basic
        for point in data.inventories[cityID] ?? [] {
            if let value = point.totals[basis] ?? point.totals[point.level.basis] {
                history.append(
                    SeriesPoint(
                        year: point.year, value: value, origin: "inventory", source: "\(point.year) inventory",
                        illustrative: point.illustrative))
            }
        }
        let inventoryYears = Set(history.map(\.year))
        for reported in data.reported[cityID] ?? [] where !reported.co2Only && !inventoryYears.contains(reported.year) {
            history.append(
                SeriesPoint(
                    year: reported.year, value: reported.total, origin: "reported", source: reported.source, illustrative: false))
        }
        history.sort { $0.year < $1.year }
        return CityPlan(
            cityID: cityID, citySlug: city.slug, cityNames: city.names, targets: evaluated, settings: settings,
            forecast: forecastView,
            forecastProblem: problem, actions: actionSummaries, plans: plans, history: history)
    }

    struct ForecastProblem: Error {
        let message: String
    }

    /// The forecast from the published inventory of the settings' base year, by sector on the
    /// inventory's own level (BASIC or BASIC+), with the given actions: their typed reductions, or
    /// the CO2e of their energy avoided under the inventory's GWP set; and beside it the air
    /// pollutants of the same scenario, under the inventory's edition.
    func forecast(city: City, settings: ForecastSettings, actions: [ActionSummary]) async throws
        -> Result<ForecastView, ForecastProblem>
    {
        let base = try await Inventory.query(on: db).filter(\.$city.$id == city.requireID()).filter(\.$year == settings.baseYear)
            .filter(\.$kindRaw == InventoryKind.community.rawValue)
            .filter(\.$stateRaw == InventoryState.published.rawValue).first()
        guard let base else {
            return .failure(ForecastProblem(message: "no published inventory of \(settings.baseYear) to start the forecast from"))
        }
        let computed = try await inventories.computed(base, city: city)
        let basis = base.level.basis
        var bySector: [Sector: Double] = [:]
        for sector in Sector.allCases where sector != .otherScope3 {
            if let value = computed.report.cell(sector, basis).co2e { bySector[sector] = value }
        }
        let benefits = actions.map {
            ActionCoBenefits.compute($0.energyAvoided, reference: reference, set: base.gwpSet, edition: base.airEdition)
        }
        let effects = zip(actions, benefits).compactMap { action, computed in action.effect(computed: computed?.co2e) }
        let forecast = Forecast(base: bySector, settings: settings, actions: effects)
        let pollutants = PollutantTrajectories(
            base: computed.air, baseYear: base.year, settings: settings, actions: Array(zip(actions, benefits)),
            tree: reference.tree)
        return .success(
            ForecastView(
                settings: settings, coverage: Coverage(basis: basis), gwpSet: base.gwpSet, baseInventoryYear: base.year,
                illustrativeBase: base.illustrative, forecast: forecast, gaps: [:], pollutants: pollutants))
    }
}
