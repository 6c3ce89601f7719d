import CarbonAccounting
import Foundation

struct LinesPageModel: Sendable {
    let computed: ComputedInventory
    let access: InventoryAccess
    let ref: String?
    let sector: Sector?
    let scope: Scope?
    /// How each shown line's pollutants were obtained (factor, table, interval, or why not), by row id.
    var airDetails: [UUID: [AirPollutantDetail]] = [:]
}

/// A line with what the engines made of it: greenhouse gases and air pollutants.
struct LineRow: Sendable {
    let stored: StoredLine
    let result: LineResult
    let air: AirPollutantLineResult?

    static func all(_ computed: ComputedInventory) -> [LineRow] {
        let air = computed.air.results
        return zip(computed.lines, computed.report.results).enumerated().map { index, pair in
            LineRow(stored: pair.0, result: pair.1, air: index < air.count ? air[index] : nil)
        }
    }
}

/// The lines behind a figure: every input, the factor and its source, what the line adds to each
/// gas and to CO2e, and its air pollutants.
enum LinesPage {
    static func selected(_ model: LinesPageModel) -> [LineRow] {
        let tree = model.computed.report.tree
        return LineRow.all(model.computed).filter { row in
            let sub = tree[row.stored.line.gpcRef]
            if let ref = model.ref, row.stored.line.gpcRef != ref { return false }
            if let sector = model.sector, sub?.sector != sector { return false }
            if let scope = model.scope, sub?.scope != scope { return false }
            return true
        }
    }

    static func render(_ model: LinesPageModel, chrome: Chrome) -> String {
        let t = chrome.t
        let inventory = model.computed.inventory
        let cityName = t.pick(inventory.cityNames)
        let rows = selected(model)
        let filter = [
            model.ref, model.sector.map { "\($0.rawValue) \(t("sector.\($0.rawValue)"))" },
            model.scope.map { t("scope.\($0.rawValue)") },
        ]
        .compactMap { $0 }.joined(separator: " · ")
        let title = t("lines.title", ["city": cityName, "year": String(inventory.year)])
        let total = rows.filter { !$0.stored.line.isMemo }.compactMap(\.result.co2e).reduce(0, +)
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.inventory(inventory.citySlug, inventory.year, kind: inventory.kind))) {
                    InventoryComponents.title(inventory, t: t)
                }
            }
            h1 { title }
            if !filter.isEmpty { para(.class("lead")) { t("lines.filtered", ["filter": filter]) } }
            InventoryComponents.conventions(inventory.gwpSet, t: t)
            PollutantTable.statements(inventory.airEdition, t: t)
            para(.class("count")) {
                t("lines.count", ["count": String(rows.count), "total": t.number(total, maxFractionDigits: 0)])
            }
            table(
                t: t, rows: rows, inventory: inventory, canEdit: model.access.canEdit, tree: model.computed.report.tree,
                airDetails: model.airDetails)
        }
    }

    static func table(
        t: Translator, rows: [LineRow], inventory: InventorySummary, canEdit: Bool, tree: GPCTree,
        airDetails: [UUID: [AirPollutantDetail]]
    ) -> Node {
        div(.class("table-scroll")) {
            App.table(.class("lines")) {
                thead {
                    tr {
                        th { "GPC" }
                        th { t("line.description") }
                        th { t("line.inputs") }
                        th(.class("num")) { "CO2 t" }
                        th(.class("num")) { "CH4 t" }
                        th(.class("num")) { "N2O t" }
                        th(.class("num")) { t("line.other_gas") }
                        th(.class("num")) { t("line.biogenic") }
                        th(.class("num")) { "t CO2e" }
                        th { t("pollutants.title") }
                        th { t("line.quality") }
                        th { t("line.source") }
                        if canEdit { th { t("common.actions") } }
                    }
                }
                tbody {
                    for row in rows {
                        let stored = row.stored
                        let result = row.result
                        let line = stored.line
                        tr(.id("line-\(stored.rowID.uuidString)")) {
                            td {
                                line.gpcRef
                                if let sub = tree[line.gpcRef] {
                                    br()
                                    small { t("scope.\(sub.scope.rawValue)") }
                                }
                            }
                            td {
                                line.description.isEmpty ? "—" : line.description
                                if !line.id.isEmpty {
                                    br()
                                    small { code { line.id } }
                                }
                            }
                            td { inputs(line, result: result, t: t) }
                            td(.class("num")) { amount(result.gases.co2, t: t) }
                            td(.class("num")) { amount(result.gases.ch4, t: t) }
                            td(.class("num")) { amount(result.gases.n2o, t: t) }
                            td(.class("num")) {
                                if let species = result.gases.otherSpecies {
                                    species + " " + amount(result.gases.other, t: t)
                                } else {
                                    "—"
                                }
                            }
                            td(.class("num")) { amount(result.gases.biogenicCO2, t: t) }
                            td(.class("num")) {
                                amount(result.co2e, t: t)
                                if line.isMemo {
                                    br()
                                    small { t("line.memo_market") }
                                }
                            }
                            td { LineAirCell.render(row.air, details: airDetails[stored.rowID] ?? [], t: t) }
                            td { line.dataQuality?.rawValue ?? "—" }
                            td { line.source.isEmpty ? "—" : line.source }
                            if canEdit {
                                td {
                                    link(
                                        .href(
                                            Paths.inventoryLine(
                                                inventory.citySlug, inventory.year, stored.rowID, kind: inventory.kind))
                                    ) {
                                        t("common.edit")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// What went into the line, as the user entered it, and any problem.
    static func inputs(_ line: Line, result: LineResult, t: Translator) -> Node {
        .fragment(
            build {
                if let key = line.notationKey {
                    strong { key.rawValue }
                    " " + line.explanation
                }
                if let activity = line.activity {
                    div {
                        "\(t.number(activity.value, maxFractionDigits: 6)) \(activity.unit.symbol)"
                        if !line.fuel.isEmpty { " · " + line.fuel }
                    }
                }
                if let factors = line.factors {
                    div {
                        [("CO2", factors.co2), ("CH4", factors.ch4), ("N2O", factors.n2o)].compactMap { gas, value in
                            value.map { "\(gas) \(t.number($0, maxFractionDigits: 6))" }
                        }.joined(separator: ", ") + " \(factors.unit)"
                    }
                    if let converted = result.convertedActivity, line.activity?.unit != factors.unit.denominator {
                        small { "= \(t.number(converted, maxFractionDigits: 6)) \(factors.unit.denominator.symbol)" }
                    }
                }
                if let method = line.method {
                    div { code { method.rawValue } }
                    if !line.parameters.isEmpty { small { code { line.parameters } } }
                }
                if !line.measured.isEmpty && line.factors == nil && line.method == nil { div { t("line.measured") } }
                for problem in result.problems { div(.class("field-error")) { problem.description } }
            })
    }

    static func amount(_ value: Double?, t: Translator) -> String {
        guard let value else { return "—" }
        return t.number(value, maxFractionDigits: abs(value) < 10 ? 4 : 1)
    }
}
