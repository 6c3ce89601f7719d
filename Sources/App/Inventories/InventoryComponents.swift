import CarbonAccounting
import Foundation

/// Pieces shared by the inventory pages.
enum InventoryComponents {
    static func banner(_ inventory: InventorySummary, t: Translator) -> Node {
        .fragment(
            build {
                if inventory.illustrative {
                    para(.class("notice illustrative"), .custom("role", "note")) { t("inventory.illustrative") }
                }
                para {
                    span(.class("badge state-\(inventory.state.rawValue)")) { t("state.\(inventory.state.rawValue)") }
                    if let comment = inventory.stateComment { " " + comment }
                }
            })
    }

    static func facts(_ inventory: InventorySummary, verifier: String?, t: Translator) -> Node {
        dl(.class("inventory-facts")) {
            dt { t("inventory.level") }
            dd { inventory.level.rawValue }
            dt { t("inventory.gwp_set") }
            dd { inventory.gwpSet.rawValue }
            dt { t("inventory.version") }
            dd { String(inventory.version) }
            dt { t("inventory.boundary") }
            dd { inventory.boundary.isEmpty ? "—" : inventory.boundary }
            if let verifier {
                dt { t("inventory.verifier") }
                dd { verifier }
            }
        }
    }

    /// The conventions every page showing CO2e states (GWP set, biogenic CO2, scope 2, rounding).
    static func conventions(_ set: GWPSet, t: Translator) -> Node {
        div(.class("conventions"), .custom("role", "note")) {
            strong { t("inventory.conventions") }
            ul {
                li { t("gwp.convention.\(set.rawValue)") }
                li { t("convention.biogenic") }
                li { t("convention.scope2") }
                li { t("convention.totals") }
                li { t("convention.rounding") }
            }
        }
    }

    static func actions(_ inventory: InventorySummary, access: InventoryAccess, csrf: String?, t: Translator) -> Node {
        let slug = inventory.citySlug
        let year = inventory.year
        return div(.class("actions")) {
            ul(.class("inline")) {
                li { link(.href(Paths.inventoryLines(slug, year))) { t("inventory.all_lines") } }
                li { link(.href(Paths.inventoryExport(slug, year, "csv"))) { t("inventory.export_csv") } }
                li { link(.href(Paths.inventoryExport(slug, year, "json"))) { t("inventory.export_json") } }
                li { link(.href(Paths.inventoryReportingTable(slug, year))) { t("inventory.reporting_table") } }
                li { link(.href(Paths.inventoryVersions(slug, year))) { t("inventory.versions") } }
            }
            if access.canEdit {
                nav(.class("sectors"), .aria("label", t("inventory.edit_by_sector"))) {
                    strong { t("inventory.edit_by_sector") + ": " }
                    for sector in Sector.allCases {
                        link(.class("button neutral"), .href(Paths.inventorySector(slug, year, sector.rawValue))) {
                            "\(sector.rawValue) \(t("sector.\(sector.rawValue)"))"
                        }
                        " "
                    }
                    link(.class("button"), .href(Paths.inventoryImport(slug, year))) { t("inventory.import") }
                }
            }
            if let csrf {
                let transitions = InventoryTransition.allCases.filter { $0.allowed(by: access) }
                if !transitions.isEmpty {
                    form(.class("state-change"), .action(Paths.inventoryState(slug, year)), .post) {
                        Forms.csrf(csrf)
                        Forms.text(
                            "comment", label: t("inventory.state_comment"), value: "", errors: [:], t: t,
                            hint: t("inventory.state_comment_hint"), maxLength: 1000)
                        for transition in transitions {
                            button(
                                .type("submit"), .name("action"), .value(transition.rawValue),
                                .class(transition == .return ? "button neutral" : "button")
                            ) { t("transition.\(transition.rawValue)") }
                            " "
                        }
                    }
                }
            }
        }
    }

    /// A submit button for an ordinary action (the "secondary" style is reserved for destructive ones).
    static func neutralSubmit(_ text: String) -> Node {
        button(.type("submit"), .class("button neutral")) { text }
    }

    static func number(_ value: Double?, t: Translator, digits: Int = 0) -> String {
        value.map { t.number($0, maxFractionDigits: digits) } ?? "—"
    }
}
