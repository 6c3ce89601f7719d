import CarbonAccounting
import Foundation

/// Where each air pollutant of an inventory comes from: one bar per pollutant, split by sector in
/// proportion to its share of the city's total (the nine totals differ by orders of magnitude, so
/// shares compare where tonnes would not), with the total in tonnes at the end. Drawn like `Charts`:
/// SVG through the HTML builder, presentation attributes only, a title on every segment.
enum PollutantChart {
    static func shares(_ air: AirPollutantReport, t: Translator) -> Node {
        let title = t("pollutants.chart_title")
        let width = 560.0
        let labelWidth = 120.0
        let valueWidth = 120.0
        let rowHeight = 26.0
        let plot = width - labelWidth - valueWidth
        let sectors = Sector.allCases
        let pollutants = AirPollutant.allCases
        let height = Double(pollutants.count) * rowHeight + 10
        var children: [Node] = [Node.element("title", [], [.text(title)])]
        for (row, pollutant) in pollutants.enumerated() {
            let y = Double(row) * rowHeight + 5
            let name = t("pollutants.name.\(pollutant.key)")
            children.append(Charts.svgText(name, x: labelWidth - 8, y: y + 17, anchor: "end"))
            guard let total = air.total.amounts[pollutant], total > 0 else {
                children.append(Charts.svgText("—", x: labelWidth + 6, y: y + 17, anchor: "start"))
                continue
            }
            var x = labelWidth
            for (index, sector) in sectors.enumerated() {
                guard let value = air.sector(sector).amounts[pollutant], value > 0 else { continue }
                let share = value / total
                let length = share * plot
                let label =
                    "\(name), \(sector.rawValue) \(t("sector.\(sector.rawValue)")): \(PollutantTable.tonnes(value, t: t)) t (\(t.number(share * 100, maxFractionDigits: 1)) %)"
                children.append(
                    Node.element(
                        "rect",
                        [
                            .custom("x", Charts.number(x)), .custom("y", Charts.number(y + 4)),
                            .custom("width", Charts.number(length)), .custom("height", Charts.number(rowHeight - 10)),
                            .custom("fill", Charts.palette[index % Charts.palette.count]),
                        ], [Node.element("title", [], [.text(label)])]))
                x += length
            }
            children.append(
                Charts.svgText("\(PollutantTable.tonnes(total, t: t)) t", x: labelWidth + plot + 6, y: y + 17, anchor: "start"))
        }
        let legend = para(.class("legend")) {
            for (index, sector) in sectors.enumerated() where !air.sector(sector).amounts.isEmpty {
                span(.class("swatch sector-\(index)")) { "■" }
                " \(sector.rawValue) \(t("sector.short.\(sector.rawValue)"))  "
            }
        }
        return Charts.figure(
            title: title, unit: t("pollutants.chart_unit"),
            svg: Charts.svg(width: width, height: height, title: title, children: children), legend: legend)
    }
}
