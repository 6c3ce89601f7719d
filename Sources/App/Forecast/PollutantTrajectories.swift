import CarbonAccounting
import Foundation

/// The scenario's air pollutants year by year, beside its CO2e: each pollutant's base-year tonnes
/// by sector (in the city boundary) grow with the same drivers as the greenhouse gases, less what
/// the actions' energy avoided saves (with their start years and ramp-up). The same `Forecast`
/// rules, one forecast per pollutant; a pollutant the base inventory does not estimate has none.
struct PollutantTrajectories: Sendable {
    let edition: AirPollutantEdition
    let baseYear: Int
    /// Pollutants with a base-year amount, in `AirPollutant.allCases` order.
    let forecasts: [(pollutant: AirPollutant, forecast: Forecast)]

    init(
        base: AirPollutantReport, baseYear: Int, settings: ForecastSettings, actions: [(ActionSummary, ActionCoBenefits?)],
        tree: GPCTree
    ) {
        edition = base.edition
        self.baseYear = baseYear
        var forecasts: [(AirPollutant, Forecast)] = []
        for pollutant in AirPollutant.allCases where base.total.amounts[pollutant] != nil {
            var bySector: [Sector: Double] = [:]
            for sector in Sector.allCases {
                if let value = base.sector(sector).amounts[pollutant] { bySector[sector] = value }
            }
            var effects: [ActionEffect] = []
            for (action, benefits) in actions where action.status != ActionStatus.cancelled.rawValue {
                for (index, item) in (benefits?.entries ?? []).enumerated() {
                    guard let amount = item.estimate?.pollutants[pollutant], let sector = tree[item.entry.gpcRef]?.sector
                    else { continue }
                    effects.append(
                        ActionEffect(
                            id: "\(action.id.uuidString)#\(index)", sector: sector, startYear: action.startYear,
                            annualReduction: amount, rampUpYears: action.rampUpYears))
                }
            }
            forecasts.append((pollutant, Forecast(base: bySector, settings: settings, actions: effects)))
        }
        self.forecasts = forecasts
    }

    /// Whether any action's energy avoided changes a pollutant (else the scenario is the BAU).
    var hasReductions: Bool { forecasts.contains { !$0.forecast.wedges.isEmpty } }
}
