import CarbonAccounting
import FluentKit
import Hummingbird
import Foundation

enum ForecastPages {
    static let sectors = Sector.allCases.filter { $0 != .otherScope3 }

    static func page(
        plan: CityPlan, canEdit: Bool, fields: [String: String], errors: [String: String], csrf: String?, chrome: Chrome
    ) -> String {
        let t = chrome.t
        let cityName = t.pick(plan.cityNames)
        let title = t("forecast.city_title", ["city": cityName])
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.city(plan.citySlug))) { cityName } }
            h1 { title }
            para(.class("lead")) { t("forecast.lead") }
            PlanNavigation.links(plan.citySlug, t: t)
            if let view = plan.forecast {
                if view.illustrativeBase {
                    para(.class("notice illustrative"), .custom("role", "note")) { t("forecast.illustrative_base") }
                }
                para {
                    t(
                        "forecast.basis",
                        [
                            "year": String(view.baseInventoryYear), "coverage": TargetText.coverage(view.coverage, t: t),
                            "set": view.gwpSet.rawValue, "horizon": String(view.settings.horizonYear),
                        ])
                }
                chart(plan: plan, view: view, t: t)
                gapTable(plan: plan, view: view, t: t)
                yearTable(plan: plan, view: view, t: t)
                if let trajectories = view.pollutants {
                    PollutantForecastView.render(view, trajectories: trajectories, t: t)
                }
                if !view.forecast.notes.isEmpty { ul(.class("notes")) { for note in view.forecast.notes { li { note } } } }
            } else if let problem = plan.forecastProblem {
                para(.class("notice")) { problem }
            } else {
                para(.class("empty")) { t("forecast.none") }
            }
            if canEdit, let csrf {
                section {
                    h2 { t("forecast.settings") }
                    para(.class("hint")) { t("forecast.rules") }
                    if let summary = Forms.errorSummary(errors, order: fieldOrder, t: t) { summary }
                    form(.action(Paths.cityForecast(plan.citySlug)), .post, .class("line-form")) {
                        Forms.csrf(csrf)
                        for name in ["base_year", "horizon_year", "population_growth", "gdp_growth"] {
                            Forms.text(
                                name, label: t("forecast_field.\(name)"), value: fields[name] ?? "", errors: errors, t: t,
                                type: "number", required: true, hint: t("forecast_hint.\(name)"), maxLength: 20)
                        }
                        for sector in sectors {
                            Forms.text(
                                "driver_\(sector.rawValue)",
                                label: t("forecast_field.driver", ["sector": t("sector.\(sector.rawValue)")]),
                                value: fields["driver_\(sector.rawValue)"] ?? "population", errors: errors, t: t,
                                hint: t("forecast_hint.driver"), maxLength: 30)
                        }
                        Forms.submit(t("forecast.save"))
                    }
                }
            }
        }
    }

    static var fieldOrder: [String] {
        ["base_year", "horizon_year", "population_growth", "gdp_growth"] + sectors.map { "driver_\($0.rawValue)" }
    }

    static func fields(_ settings: ForecastSettings?) -> [String: String] {
        guard let settings else { return ["population_growth": "0", "gdp_growth": "0"] }
        var fields = [
            "base_year": String(settings.baseYear), "horizon_year": String(settings.horizonYear),
            "population_growth": LineColumns.format(settings.populationGrowth),
            "gdp_growth": LineColumns.format(settings.gdpGrowth),
        ]
        for sector in sectors { fields["driver_\(sector.rawValue)"] = settings.driver(sector).text }
        return fields
    }

    static func validate(_ fields: [String: String]) -> (ForecastSettings?, [String: String]) {
        var errors: [String: String] = [:]
        func int(_ name: String) -> Int? {
            guard let value = Int(fields[name] ?? ""), (1990...2100).contains(value) else {
                errors[name] = "forecast.error.year"
                return nil
            }
            return value
        }
        func rate(_ name: String) -> Double? {
            guard let value = Double(fields[name] ?? ""), value.isFinite, value > -100, value < 100 else {
                errors[name] = "forecast.error.rate"
                return nil
            }
            return value
        }
        let base = int("base_year")
        let horizon = int("horizon_year")
        let population = rate("population_growth")
        let gdp = rate("gdp_growth")
        var drivers: [Sector: GrowthDriver] = [:]
        for sector in sectors {
            let name = "driver_\(sector.rawValue)"
            let text = fields[name] ?? ""
            if text.isEmpty { continue }
            if let driver = GrowthDriver.parse(text) { drivers[sector] = driver } else { errors[name] = "forecast.error.driver" }
        }
        guard errors.isEmpty, let base, let horizon, let population, let gdp else { return (nil, errors) }
        let settings = ForecastSettings(
            baseYear: base, horizonYear: horizon, populationGrowth: population, gdpGrowth: gdp, drivers: drivers)
        for problem in settings.problems() { errors[problem.column] = problem.message }
        return errors.isEmpty ? (settings, [:]) : (nil, errors)
    }

    static func chart(plan: CityPlan, view: ForecastView, t: Translator) -> Node {
        let forecast = view.forecast
        let titles = Dictionary(uniqueKeysWithValues: plan.actions.map { ($0.id.uuidString, t.pick($0.titles)) })
        let wedges = plan.actions.compactMap { action -> Charts.Wedge? in
            guard let values = forecast.wedges[action.id.uuidString] else { return nil }
            return Charts.Wedge(label: titles[action.id.uuidString] ?? "", values: values)
        }
        var marks: [Charts.TargetMark] = []
        for item in plan.targets {
            guard let gap = view.gaps[item.target.id], let level = gap.level else { continue }
            var path: [(year: Int, value: Double)] = []
            let target = item.target.row.target
            if target.kind == .baseYearAbsolute, let year = target.baseYear,
                let base = target.baseValue ?? item.series.points[year]
            {
                path.append((year, base))
                for milestone in target.milestones.sorted(by: { $0.year < $1.year }) {
                    if let percent = milestone.reductionPercent { path.append((milestone.year, base * (1 - percent / 100))) }
                }
            } else if let base = forecast.bau.first {
                path.append((forecast.years[0], base))
            }
            path.append((target.targetYear, level))
            marks.append(
                Charts.TargetMark(
                    label: TargetText.commitment(item.target.row, t: t), year: target.targetYear, level: level, path: path))
        }
        let history = plan.history.map {
            Charts.Point(year: $0.year, value: $0.value, reported: $0.origin == "reported", href: nil)
        }
        return Charts.forecast(
            history: history, years: forecast.years, bau: forecast.bau, scenario: forecast.scenario, wedges: wedges,
            targets: marks,
            title: t("forecast.chart"), unit: "t CO2e", t: t)
    }

    static func gapTable(plan: CityPlan, view: ForecastView, t: Translator) -> Node {
        section {
            h2 { t("forecast.gaps") }
            if plan.targets.isEmpty {
                para(.class("empty")) { t("targets.none") }
            } else {
                table(.class("gaps")) {
                    thead {
                        tr {
                            th { t("targets.commitment") }
                            th(.class("number")) { t("forecast.level") }
                            th(.class("number")) { t("forecast.scenario_value") }
                            th(.class("number")) { t("forecast.gap") }
                        }
                    }
                    tbody {
                        for item in plan.targets {
                            let gap = view.gaps[item.target.id]
                            tr {
                                td { TargetText.commitment(item.target.row, t: t) }
                                td(.class("number")) { gap?.level.map { t.number($0, maxFractionDigits: 0) } ?? "—" }
                                td(.class("number")) { gap?.scenario.map { t.number($0, maxFractionDigits: 0) } ?? "—" }
                                td(.class("number")) {
                                    if let value = gap?.gap {
                                        span(.class(value > 0 ? "badge unverified" : "badge verified")) {
                                            t(
                                                value > 0 ? "forecast.short_by" : "forecast.beyond_by",
                                                ["value": t.number(abs(value), maxFractionDigits: 0)])
                                        }
                                    } else {
                                        span(.class("hint")) { gap?.reason ?? "—" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// BAU, scenario and each action's wedge every five years (and the horizon), exact values rounded only for display.
    static func yearTable(plan: CityPlan, view: ForecastView, t: Translator) -> Node {
        let forecast = view.forecast
        let shown = forecast.years.enumerated().filter { index, year in
            index == 0 || year % 5 == 0 || index == forecast.years.count - 1
        }
        return section {
            h2 { t("forecast.by_year") }
            table(.class("forecast-years")) {
                thead {
                    tr {
                        th { t("forecast.year") }
                        th(.class("number")) { t("forecast.bau") }
                        th(.class("number")) { t("forecast.scenario") }
                        th(.class("number")) { t("forecast.reduction") }
                    }
                }
                tbody {
                    for (index, year) in shown {
                        tr {
                            td { String(year) }
                            td(.class("number")) { t.number(forecast.bau[index], maxFractionDigits: 0) }
                            td(.class("number")) { t.number(forecast.scenario[index], maxFractionDigits: 0) }
                            td(.class("number")) {
                                t.number(forecast.bau[index] - forecast.scenario[index], maxFractionDigits: 0)
                            }
                        }
                    }
                }
            }
        }
    }
}
