import Foundation

extension Charts {
    /// One compared figure on a strip: a city's value, highlighted when it is the reader's city.
    struct Dot: Sendable {
        let label: String
        let value: Double
        let highlighted: Bool
        let href: String?
    }

    /// A box plot (minimum, quartiles, median, maximum) over a strip of every ranked figure, the
    /// focus city marked: where a city stands among the cities compared. Values only — missing
    /// figures are not on the strip, and the text alternative says how many figures it shows.
    static func distribution(
        _ dots: [Dot], quartiles: (min: Double, q1: Double, median: Double, q3: Double, max: Double)?, title: String,
        unit: String, t: Translator
    ) -> Node {
        let width = 560.0
        let height = 120.0
        let left = 20.0
        let right = width - 20
        let values = dots.map(\.value)
        guard let low = values.min(), let high = values.max() else {
            return figure(title: title, unit: unit, svg: svg(width: width, height: 40, title: title, children: []))
        }
        let span = high > low ? high - low : max(abs(high), 1)
        func x(_ value: Double) -> Double { left + (value - (high > low ? low : low - span / 2)) / span * (right - left) }
        var children: [Node] = [Node.element("title", [], [.text("\(title): \(dots.count)")])]
        if let q = quartiles {
            children.append(line(x(q.min), 40, x(q.max), 40, color: "#6b6b6b", width: 1))
            children.append(
                Node.element(
                    "rect",
                    [
                        .custom("x", number(x(q.q1))), .custom("y", "25"), .custom("width", number(max(1, x(q.q3) - x(q.q1)))),
                        .custom("height", "30"), .custom("fill", "#e7f0ec"), .custom("stroke", "#1b6e53"),
                    ], []))
            children.append(line(x(q.median), 25, x(q.median), 55, color: "#1b6e53", width: 3))
            children.append(svgText(t.number(q.median), x: x(q.median), y: 18, anchor: "middle"))
        }
        for dot in dots {
            var circle = Node.element(
                "circle",
                [
                    .custom("cx", number(x(dot.value))), .custom("cy", dot.highlighted ? "80" : "75"),
                    .custom("r", dot.highlighted ? "7" : "4"), .custom("fill", dot.highlighted ? "#b23a48" : "#2f7fb8"),
                    .custom("fill-opacity", dot.highlighted ? "1" : "0.6"),
                ], [Node.element("title", [], [.text("\(dot.label): \(t.number(dot.value)) \(unit)")])])
            if let href = dot.href { circle = Node.element("a", [.href(href)], [circle]) }
            children.append(circle)
        }
        children.append(svgText(t.number(low), x: left, y: 108, anchor: "start"))
        children.append(svgText(t.number(high), x: right, y: 108, anchor: "end"))
        return figure(title: title, unit: unit, svg: svg(width: width, height: height, title: title, children: children))
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, color: String, width: Double) -> Node {
        Node.element(
            "line",
            [
                .custom("x1", number(x1)), .custom("y1", number(y1)), .custom("x2", number(x2)), .custom("y2", number(y2)),
                .custom("stroke", color), .custom("stroke-width", number(width)),
            ], [])
    }
}
