import CarbonAccounting
import Foundation

/// The inventory page's air-pollutant section: the sector × pollutant table in tonnes with the
/// statements every page showing these figures makes (edition, boundary, never CO2e, missing is
/// not zero), and the chart of where each pollutant comes from.
enum PollutantTable {
    static func render(_ air: AirPollutantReport, inventory: InventorySummary, t: Translator) -> Node {
        section(.id("air-pollutants")) {
            h2 { t("pollutants.title") }
            statements(air.edition, t: t)
            if air.total.lineCount == 0 && air.upstreamPowerMemo.lineCount == 0 {
                para(.class("empty")) { t("pollutants.none") }
            } else {
                sectorTable(air, inventory: inventory, t: t)
                div(.class("charts")) { PollutantChart.shares(air, t: t) }
            }
        }
    }

    /// What every figure of this section depends on, stated once above it.
    static func statements(_ edition: AirPollutantEdition, t: Translator) -> Node {
        div(.class("conventions"), .custom("role", "note")) {
            strong { t("pollutants.conventions") }
            ul {
                li { t("pollutants.edition_statement", ["citation": edition.citation]) }
                li { t("pollutants.boundary_statement") }
                li { t("pollutants.not_co2e") }
                li { t("pollutants.missing_statement") }
            }
        }
    }

    static func sectorTable(_ air: AirPollutantReport, inventory: InventorySummary, t: Translator) -> Node {
        let pollutants = AirPollutant.allCases
        return div(.class("table-scroll")) {
            App.table(.class("pollutants")) {
                caption { t("pollutants.table_caption", ["edition": air.edition.rawValue]) }
                thead {
                    tr {
                        th { t("inventory.sector") }
                        for pollutant in pollutants { th(.class("num")) { t("pollutants.name.\(pollutant.key)") } }
                    }
                }
                tbody {
                    // Sectors without a line in the boundary have no row: nothing there to estimate.
                    for sector in Sector.allCases where air.sector(sector).lineCount > 0 {
                        let totals = air.sector(sector)
                        tr {
                            th(.custom("scope", "row")) {
                                link(
                                    .href(
                                        Paths.inventoryLines(
                                            inventory.citySlug, inventory.year, kind: inventory.kind, sector: sector.rawValue,
                                            scope: Scope.one.rawValue))
                                ) { "\(sector.rawValue) \(t("sector.\(sector.rawValue)"))" }
                            }
                            for pollutant in pollutants { cell(totals, pollutant, t: t) }
                        }
                    }
                }
                tfoot {
                    tr {
                        th(.custom("scope", "row")) { t("pollutants.total") }
                        for pollutant in pollutants { cell(air.total, pollutant, t: t) }
                    }
                    if air.upstreamPowerMemo.lineCount > 0 {
                        tr(.class("memo-row")) {
                            th(.custom("scope", "row")) { t("pollutants.memo") }
                            for pollutant in pollutants { cell(air.upstreamPowerMemo, pollutant, t: t) }
                        }
                    }
                }
            }
        }
    }

    /// Tonnes, "—" when no line estimated it, and a mark when some lines left it out.
    static func cell(_ totals: AirPollutantTotals, _ pollutant: AirPollutant, t: Translator) -> Node {
        let missing = totals.notEstimatedLines(pollutant) + totals.partialLines(pollutant)
        return td(.class("num")) {
            if let value = totals.amounts[pollutant] {
                tonnes(value, t: t)
                if missing > 0 {
                    " "
                    span(.class("partial"), .title(t("pollutants.incomplete", ["count": String(missing)]))) { "*" }
                }
            } else {
                span(.class("missing"), .title(t("pollutants.not_estimated"))) { "—" }
            }
        }
    }

    /// Rounded for display only, to a precision that keeps small amounts (black carbon) visible.
    static func tonnes(_ value: Double, t: Translator) -> String {
        let magnitude = abs(value)
        let digits = magnitude >= 100 ? 0 : magnitude >= 1 ? 2 : magnitude >= 0.01 ? 4 : 6
        return t.number(value, maxFractionDigits: digits)
    }
}
