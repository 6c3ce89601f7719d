import Foundation

extension Charts {
    /// A target drawn on the forecast chart: its level in the target year and its milestones.
    struct TargetMark: Sendable {
        let label: String
        let year: Int
        let level: Double
        /// Points of the path from the base (year, value), through milestones, to the level.
        let path: [(year: Int, value: Double)]
    }

    struct Wedge: Sendable {
        let label: String
        /// Reduction by year, aligned with `years`.
        let values: [Double]
    }

    /// History (dots), business as usual (dashed), the scenario (solid) with the wedge of each
    /// action stacked between them, and each target's path and level (diamonds).
    static func forecast(
        history: [Point], years: [Int], bau: [Double], scenario: [Double], wedges: [Wedge], targets: [TargetMark],
        title: String, unit: String, t: Translator
    ) -> Node {
        let width = 640.0
        let height = 320.0
        let left = 95.0
        let bottom = 30.0
        let top = 15.0
        let right = 20.0
        let allYears = history.map(\.year) + years + targets.flatMap { [$0.year] + $0.path.map(\.year) }
        let allValues = history.map(\.value) + bau + scenario + targets.flatMap { [$0.level] + $0.path.map(\.value) }
        guard let minYear = allYears.min(), let maxYear = allYears.max(), let maxValue = allValues.max(), maxValue > 0 else {
            return para(.class("empty")) { t("chart.no_data") }
        }
        let yearSpan = Double(max(1, maxYear - minYear))
        func x(_ year: Int) -> Double { left + Double(year - minYear) / yearSpan * (width - left - right) }
        func y(_ value: Double) -> Double { top + (1 - value / (maxValue * 1.1)) * (height - top - bottom) }
        func line(_ points: [(Int, Double)], color: String, dash: String? = nil, widthText: String = "2") -> Node {
            var attributes: [Attribute] = [
                .custom("points", points.map { "\(number(x($0.0))),\(number(y($0.1)))" }.joined(separator: " ")),
                .custom("fill", "none"), .custom("stroke", color), .custom("stroke-width", widthText),
            ]
            if let dash { attributes.append(.custom("stroke-dasharray", dash)) }
            return Node.element("polyline", attributes, [])
        }
        var children: [Node] = [Node.element("title", [], [.text(title)])]
        for step in 0...4 {
            let value = maxValue * 1.1 * Double(step) / 4
            children.append(
                Node.element(
                    "line",
                    [
                        .custom("x1", number(left)), .custom("x2", number(width - right)), .custom("y1", number(y(value))),
                        .custom("y2", number(y(value))), .custom("stroke", "#dddddd"),
                    ], []))
            children.append(svgText(t.number(value, maxFractionDigits: 0), x: left - 6, y: y(value) + 4, anchor: "end"))
        }
        let tick = max(1, Int(yearSpan / 8))
        for year in stride(from: minYear, through: maxYear, by: tick) {
            children.append(svgText(String(year), x: x(year), y: height - 8, anchor: "middle"))
        }
        // Wedges: stacked from the scenario up to business as usual.
        var lower = scenario
        for (index, wedge) in wedges.enumerated() where wedge.values.contains(where: { $0 > 0 }) {
            let upper = zip(lower, wedge.values).map { $0 + $1 }
            let outline =
                zip(years, upper).map { "\(number(x($0))),\(number(y($1)))" }
                + zip(years, lower).reversed().map { "\(number(x($0))),\(number(y($1)))" }
            children.append(
                Node.element(
                    "polygon",
                    [
                        .custom("points", outline.joined(separator: " ")),
                        .custom("fill", palette[(index + 1) % palette.count]), .custom("fill-opacity", "0.45"),
                    ], [Node.element("title", [], [.text(wedge.label)])]))
            lower = upper
        }
        if years.count > 1 {
            children.append(line(Array(zip(years, bau)), color: "#6b6b6b", dash: "6 4"))
            children.append(line(Array(zip(years, scenario)), color: palette[0], widthText: "3"))
        }
        let sortedHistory = history.sorted { $0.year < $1.year }
        if sortedHistory.count > 1 { children.append(line(sortedHistory.map { ($0.year, $0.value) }, color: "#222222")) }
        for point in sortedHistory {
            children.append(
                Node.element(
                    "circle",
                    [
                        .custom("cx", number(x(point.year))), .custom("cy", number(y(point.value))), .custom("r", "4"),
                        .custom("fill", point.reported ? "#ffffff" : "#222222"), .custom("stroke", "#222222"),
                    ],
                    [
                        Node.element(
                            "title", [], [.text("\(point.year): \(t.number(point.value, maxFractionDigits: 0)) \(unit)")])
                    ]))
        }
        for (index, target) in targets.enumerated() {
            let color = palette[(index + 4) % palette.count]
            if target.path.count > 1 { children.append(line(target.path, color: color, dash: "2 3")) }
            for milestone in target.path.dropFirst().dropLast() {
                children.append(
                    Node.element(
                        "circle",
                        [
                            .custom("cx", number(x(milestone.year))), .custom("cy", number(y(milestone.value))),
                            .custom("r", "4"), .custom("fill", color),
                        ], [Node.element("title", [], [.text("\(target.label): \(milestone.year)")])]))
            }
            let cx = x(target.year)
            let cy = y(target.level)
            children.append(
                Node.element(
                    "polygon",
                    [
                        .custom(
                            "points",
                            "\(number(cx)),\(number(cy - 7)) \(number(cx + 7)),\(number(cy)) \(number(cx)),\(number(cy + 7)) \(number(cx - 7)),\(number(cy))"
                        ), .custom("fill", color),
                    ],
                    [
                        Node.element(
                            "title", [],
                            [.text("\(target.label): \(t.number(target.level, maxFractionDigits: 0)) \(unit) (\(target.year))")])
                    ]))
        }
        let legend = div(.class("legend")) {
            span { "— " + t("forecast.history") }
            span { " - - " + t("forecast.bau") }
            span { " ━ " + t("forecast.scenario") }
            span { " ◆ " + t("forecast.target_levels") }
            if !wedges.isEmpty {
                ul(.class("wedge-legend")) {
                    for (index, wedge) in wedges.enumerated() {
                        li {
                            Node.element(
                                "svg",
                                [.custom("width", "12"), .custom("height", "12"), .aria("hidden", "true")],
                                [
                                    Node.element(
                                        "rect",
                                        [
                                            .custom("width", "12"), .custom("height", "12"),
                                            .custom("fill", palette[(index + 1) % palette.count]),
                                        ], [])
                                ])
                            " " + wedge.label
                        }
                    }
                }
            }
        }
        return figure(
            title: title, unit: unit, svg: svg(width: width, height: height, title: title, children: children), legend: legend)
    }
}
