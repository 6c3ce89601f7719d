import CarbonAccounting
import Foundation

/// The forecast page's air pollutants: the scenario's tonnes of each pollutant every five years
/// beside its CO2e (business as usual below each figure), and a chart of the same trajectories
/// as an index of the base year (tonnes of different pollutants differ by orders of magnitude).
enum PollutantForecastView {
    static func render(_ view: ForecastView, trajectories: PollutantTrajectories, t: Translator) -> Node {
        let forecast = view.forecast
        let shown = forecast.years.enumerated().filter { index, year in
            index == 0 || year % 5 == 0 || index == forecast.years.count - 1
        }
        return section(.id("pollutant-forecast")) {
            h2 { t("pollutants.forecast_title") }
            para(.class("hint")) {
                t(
                    "pollutants.forecast_basis",
                    ["year": String(trajectories.baseYear), "edition": trajectories.edition.citation])
            }
            if !trajectories.hasReductions { para(.class("hint")) { t("pollutants.forecast_no_actions") } }
            if trajectories.forecasts.isEmpty {
                para(.class("empty")) { t("pollutants.forecast_none") }
            } else {
                PollutantForecastChart.index(view, trajectories: trajectories, t: t)
                div(.class("table-scroll")) {
                    table(.class("pollutants forecast-years")) {
                        thead {
                            tr {
                                th { t("forecast.year") }
                                th(.class("num")) { t("pollutants.forecast_co2e") }
                                for (pollutant, _) in trajectories.forecasts {
                                    th(.class("num")) { t("pollutants.name.\(pollutant.key)") + " (t)" }
                                }
                            }
                        }
                        tbody {
                            for (index, year) in shown {
                                tr {
                                    td { String(year) }
                                    td(.class("num")) { t.number(forecast.scenario[index], maxFractionDigits: 0) }
                                    for (_, trajectory) in trajectories.forecasts {
                                        td(.class("num")) {
                                            if let at = trajectory.index(of: year) {
                                                PollutantTable.tonnes(trajectory.scenario[at], t: t)
                                                br()
                                                small {
                                                    t(
                                                        "pollutants.forecast_bau_value",
                                                        ["value": PollutantTable.tonnes(trajectory.bau[at], t: t)])
                                                }
                                            } else {
                                                "—"
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                let notes = Set(trajectories.forecasts.flatMap(\.forecast.notes)).sorted()
                if !notes.isEmpty { ul(.class("notes")) { for note in notes { li { note } } } }
            }
        }
    }
}

/// The scenario's CO2e and each pollutant as an index of the base year (= 100), one line each.
enum PollutantForecastChart {
    static func index(_ view: ForecastView, trajectories: PollutantTrajectories, t: Translator) -> Node {
        let title = t("pollutants.forecast_chart")
        let years = view.forecast.years
        var series: [(label: String, values: [Double])] = []
        if let first = view.forecast.scenario.first, first > 0 {
            series.append(("CO2e", view.forecast.scenario.map { $0 / first * 100 }))
        }
        for (pollutant, forecast) in trajectories.forecasts {
            guard let first = forecast.scenario.first, first > 0 else { continue }
            series.append((t("pollutants.name.\(pollutant.key)"), forecast.scenario.map { $0 / first * 100 }))
        }
        guard let firstYear = years.first, let lastYear = years.last, !series.isEmpty else {
            return para(.class("empty")) { t("chart.no_data") }
        }
        let width = 560.0
        let height = 280.0
        let left = 50.0
        let right = 130.0
        let top = 15.0
        let bottom = 30.0
        let maximum = max(100, series.flatMap(\.values).max() ?? 100) * 1.05
        let span = Double(max(1, lastYear - firstYear))
        func x(_ year: Int) -> Double { left + Double(year - firstYear) / span * (width - left - right) }
        func y(_ value: Double) -> Double { top + (1 - value / maximum) * (height - top - bottom) }
        var children: [Node] = [Node.element("title", [], [.text(title)])]
        for step in 0...4 {
            let value = maximum * Double(step) / 4
            children.append(
                Node.element(
                    "line",
                    [
                        .custom("x1", Charts.number(left)), .custom("x2", Charts.number(width - right)),
                        .custom("y1", Charts.number(y(value))), .custom("y2", Charts.number(y(value))),
                        .custom("stroke", "#dddddd"),
                    ], []))
            children.append(Charts.svgText(t.number(value, maxFractionDigits: 0), x: left - 6, y: y(value) + 4, anchor: "end"))
        }
        for year in [firstYear, lastYear] {
            children.append(Charts.svgText(String(year), x: x(year), y: height - 8, anchor: "middle"))
        }
        // End labels sorted by height and kept 14 px apart: lines that grow alike end together.
        var labelY: [Int: Double] = [:]
        var lowest = -Double.infinity
        for index in series.indices.sorted(by: { y(series[$0].values.last ?? 100) < y(series[$1].values.last ?? 100) }) {
            let wanted = y(series[index].values.last ?? 100) + 4
            lowest = max(wanted, lowest + 14)
            labelY[index] = lowest
        }
        for (index, line) in series.enumerated() {
            let colour = Charts.palette[index % Charts.palette.count]
            let points = zip(years, line.values).map { "\(Charts.number(x($0))),\(Charts.number(y($1)))" }.joined(separator: " ")
            children.append(
                Node.element(
                    "polyline",
                    [
                        .custom("points", points), .custom("fill", "none"), .custom("stroke", colour),
                        .custom("stroke-width", index == 0 ? "3" : "1.5"),
                    ],
                    [
                        Node.element(
                            "title", [],
                            [.text("\(line.label): \(t.number(line.values.last ?? 100, maxFractionDigits: 1)) in \(lastYear)")])
                    ]))
            let end = line.values.last ?? 100
            children.append(
                Charts.svgText(
                    "\(line.label) \(t.number(end, maxFractionDigits: 0))", x: width - right + 6, y: labelY[index] ?? y(end),
                    anchor: "start"))
        }
        return Charts.figure(
            title: title, unit: t("pollutants.forecast_chart_unit", ["year": String(firstYear)]),
            svg: Charts.svg(width: width, height: height, title: title, children: children))
    }
}
