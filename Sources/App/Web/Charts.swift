import Foundation

/// Charts drawn on the server as SVG through the HTML builder (so every label is escaped), with
/// presentation attributes only: the CSP allows no inline styles or scripts. Each chart carries a
/// text alternative, and each bar links to the lines behind it.
enum Charts {
    struct Bar: Sendable {
        let label: String
        /// nil = missing (no bar, "—"), never drawn as zero.
        let value: Double?
        let href: String?
    }

    struct Point: Sendable {
        let year: Int
        let value: Double
        /// Line-level inventory (filled dot) or a reported total (hollow).
        let reported: Bool
        let href: String?
    }

    static let palette = ["#1b6e53", "#2f7fb8", "#c7772b", "#7a4ea3", "#b23a48", "#5b6b2f", "#6b6b6b"]

    /// Horizontal bars with their formatted value at the end.
    /// `maximum`: the value a full bar stands for (e.g. 100 for scores); the largest value otherwise.
    static func bars(_ bars: [Bar], title: String, unit: String, t: Translator, maximum scale: Double? = nil) -> Node {
        let width = 520.0
        let labelWidth = 190.0
        let valueWidth = 110.0
        let rowHeight = 28.0
        let height = Double(bars.count) * rowHeight + 10
        let maximum = scale ?? bars.compactMap(\.value).map { abs($0) }.max() ?? 0
        let plot = width - labelWidth - valueWidth
        var children: [Node] = [Node.element("title", [], [.text(title)])]
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * rowHeight + 5
            children.append(svgText(bar.label, x: labelWidth - 8, y: y + 18, anchor: "end"))
            let valueText: String
            if let value = bar.value {
                let length = maximum > 0 ? max(1, abs(value) / maximum * plot) : 1
                var rect = Node.element(
                    "rect",
                    [
                        .custom("x", number(labelWidth)), .custom("y", number(y + 4)), .custom("width", number(length)),
                        .custom("height", number(rowHeight - 10)), .custom("fill", palette[index % palette.count]),
                    ], [Node.element("title", [], [.text("\(bar.label): \(t.number(value, maxFractionDigits: 0)) \(unit)")])])
                if let href = bar.href { rect = Node.element("a", [.href(href)], [rect]) }
                children.append(rect)
                valueText = "\(t.number(value, maxFractionDigits: 0))"
                children.append(svgText(valueText, x: labelWidth + length + 6, y: y + 18, anchor: "start"))
            } else {
                children.append(svgText("—", x: labelWidth + 6, y: y + 18, anchor: "start"))
            }
        }
        return figure(title: title, unit: unit, svg: svg(width: width, height: height, title: title, children: children))
    }

    /// Totals by year: inventories as filled dots joined by a line, reported totals as hollow dots.
    static func trend(_ points: [Point], title: String, unit: String, t: Translator) -> Node {
        let width = 520.0
        let height = 260.0
        let left = 90.0
        let bottom = 30.0
        let top = 15.0
        let right = 20.0
        guard let minYear = points.map(\.year).min(), let maxYear = points.map(\.year).max(),
            let maxValue = points.map(\.value).max(), maxValue > 0
        else { return para(.class("empty")) { t("chart.no_data") } }
        let yearSpan = Double(max(1, maxYear - minYear))
        func x(_ year: Int) -> Double { left + (Double(year - minYear) / yearSpan) * (width - left - right) }
        func y(_ value: Double) -> Double { top + (1 - value / (maxValue * 1.1)) * (height - top - bottom) }
        var children: [Node] = [Node.element("title", [], [.text(title)])]
        // Axes and a few gridlines with labels.
        for step in 0...4 {
            let value = maxValue * 1.1 * Double(step) / 4
            let yy = y(value)
            children.append(
                Node.element(
                    "line",
                    [
                        .custom("x1", number(left)), .custom("x2", number(width - right)), .custom("y1", number(yy)),
                        .custom("y2", number(yy)), .custom("stroke", "#dddddd"),
                    ], []))
            children.append(svgText(t.number(value, maxFractionDigits: 0), x: left - 6, y: yy + 4, anchor: "end"))
        }
        for year in Set(points.map(\.year)).sorted() {
            children.append(svgText(String(year), x: x(year), y: height - 8, anchor: "middle"))
        }
        let inventory = points.filter { !$0.reported }.sorted { $0.year < $1.year }
        if inventory.count > 1 {
            let path = inventory.map { "\(number(x($0.year))),\(number(y($0.value)))" }.joined(separator: " ")
            // SVG in HTML has no self-closing void elements: every shape gets its end tag.
            children.append(
                Node.element(
                    "polyline",
                    [
                        .custom("points", path), .custom("fill", "none"), .custom("stroke", palette[0]),
                        .custom("stroke-width", "2"),
                    ], []))
        }
        for point in points {
            var dot = Node.element(
                "circle",
                [
                    .custom("cx", number(x(point.year))), .custom("cy", number(y(point.value))), .custom("r", "5"),
                    .custom("fill", point.reported ? "#ffffff" : palette[0]),
                    .custom("stroke", point.reported ? palette[2] : palette[0]), .custom("stroke-width", "2"),
                ],
                [
                    Node.element(
                        "title", [],
                        [
                            .text(
                                "\(point.year): \(t.number(point.value, maxFractionDigits: 0)) \(unit) (\(t(point.reported ? "chart.reported" : "chart.inventory")))"
                            )
                        ])
                ])
            if let href = point.href { dot = Node.element("a", [.href(href)], [dot]) }
            children.append(dot)
        }
        let legend = para(.class("legend")) {
            span(.class("dot filled")) { "●" }
            " " + t("chart.inventory") + "  "
            span(.class("dot hollow")) { "○" }
            " " + t("chart.reported")
        }
        return figure(
            title: title, unit: unit, svg: svg(width: width, height: height, title: title, children: children), legend: legend)
    }

    static func figure(title: String, unit: String, svg: Node, legend: Node? = nil) -> Node {
        Node.element(
            "figure", [.class("chart")],
            [svg] + (legend.map { [$0] } ?? []) + [Node.element("figcaption", [], [.text("\(title) (\(unit))")])])
    }

    static func svg(width: Double, height: Double, title: String, children: [Node]) -> Node {
        Node.element(
            "svg",
            [
                .custom("xmlns", "http://www.w3.org/2000/svg"), .custom("viewBox", "0 0 \(number(width)) \(number(height))"),
                .custom("role", "img"), .aria("label", title), .custom("font-size", "14"), .custom("font-family", "sans-serif"),
            ], children)
    }

    static func svgText(_ text: String, x: Double, y: Double, anchor: String) -> Node {
        Node.element(
            "text",
            [.custom("x", number(x)), .custom("y", number(y)), .custom("text-anchor", anchor), .custom("fill", "#222222")],
            [.text(text)])
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
