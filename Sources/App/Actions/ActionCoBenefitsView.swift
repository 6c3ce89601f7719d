import CarbonAccounting
import Foundation

/// The action page's reductions computed from energy avoided (CO2e and each air pollutant, entry
/// by entry, with the GWP set and edition they are in), and the form's rows to state them.
enum ActionCoBenefitsView {
    static func render(_ benefits: ActionCoBenefits, t: Translator) -> Node {
        let pollutants = AirPollutant.allCases
        return section(.id("co-benefits")) {
            h2 { t("pollutants.action_title") }
            para(.class("hint")) {
                t("pollutants.action_basis", ["set": benefits.set.rawValue, "edition": benefits.edition.citation])
            }
            div(.class("table-scroll")) {
                table(.class("pollutants")) {
                    thead {
                        tr {
                            th { t("pollutants.avoided") }
                            th(.class("num")) { "t CO2e" }
                            for pollutant in pollutants { th(.class("num")) { t("pollutants.name.\(pollutant.key)") } }
                        }
                    }
                    tbody {
                        for item in benefits.entries {
                            tr {
                                th(.custom("scope", "row")) {
                                    "\(item.entry.gpcRef) · \(item.entry.fuel) · \(t.number(item.entry.amount, maxFractionDigits: 6)) \(item.entry.unit)"
                                    if let vehicle = item.entry.vehicle { " · " + t("pollutants.vehicle.\(vehicle)") }
                                    for problem in item.problems { div(.class("field-error")) { problem } }
                                }
                                td(.class("num")) { item.estimate.map { t.number($0.co2e, maxFractionDigits: 1) } ?? "—" }
                                for pollutant in pollutants { cell(item.estimate?.pollutants[pollutant], t: t) }
                            }
                        }
                    }
                    tfoot {
                        tr {
                            th(.custom("scope", "row")) { t("pollutants.action_total") }
                            td(.class("num")) { benefits.co2e.map { t.number($0, maxFractionDigits: 1) } ?? "—" }
                            for pollutant in pollutants { cell(benefits.pollutants[pollutant], t: t) }
                        }
                        if !benefits.upstream.isEmpty {
                            tr(.class("memo-row")) {
                                th(.custom("scope", "row")) { t("pollutants.memo") }
                                td(.class("num")) { "" }
                                for pollutant in pollutants { cell(benefits.upstream[pollutant], t: t) }
                            }
                        }
                    }
                }
            }
            para(.class("hint")) { t("pollutants.action_note") }
        }
    }

    static func cell(_ value: Double?, t: Translator) -> Node {
        td(.class("num")) {
            if let value {
                PollutantTable.tonnes(value, t: t)
            } else {
                span(.class("missing"), .title(t("pollutants.not_estimated"))) { "—" }
            }
        }
    }

    /// Three rows of sub-category, fuel, amount, unit and vehicle class; blank rows are ignored.
    static func formRows(_ fields: [String: String], errors: [String: String], t: Translator) -> Node {
        fieldset {
            legend { t("pollutants.avoided_legend") }
            para(.class("hint")) { t("pollutants.avoided_hint") }
            for row in 1...EnergyAvoidedForm.rows {
                div(.class("avoided-row")) {
                    let name = { (column: String) in EnergyAvoidedForm.name(row, column) }
                    Forms.text(
                        name("gpc_ref"), label: t("pollutants.avoided_ref", ["row": String(row)]),
                        value: fields[name("gpc_ref")] ?? "", errors: errors, t: t, maxLength: 20)
                    Forms.text(
                        name("fuel"), label: t("column.fuel"), value: fields[name("fuel")] ?? "", errors: errors, t: t,
                        maxLength: 100)
                    Forms.text(
                        name("amount"), label: t("pollutants.avoided_amount"), value: fields[name("amount")] ?? "",
                        errors: errors, t: t, type: "number", maxLength: 30)
                    Forms.select(
                        name("unit"), label: t("column.activity_unit"),
                        options: ActivityUnit.all.map { ($0.symbol, $0.symbol) }, selected: fields[name("unit")] ?? "",
                        errors: errors, t: t, blank: "—")
                    Forms.select(
                        name("vehicle"), label: t("pollutants.vehicle"),
                        options: VehicleClass.allCases.map { ($0.rawValue, t("pollutants.vehicle.\($0.rawValue)")) },
                        selected: fields[name("vehicle")] ?? "", errors: errors, t: t, blank: "—")
                }
            }
        }
    }
}
