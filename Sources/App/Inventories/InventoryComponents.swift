import CarbonAccounting
import Foundation

/// Pieces shared by the inventory pages.
enum InventoryComponents {
    /// "Guiyang 2021 inventory", or the government-operations one's title: the two are never confused.
    static func title(_ inventory: InventorySummary, t: Translator) -> String {
        let names = ["city": t.pick(inventory.cityNames), "year": String(inventory.year)]
        return inventory.kind == .government ? t("pollutants.government_title", names) : t("inventory.title", names)
    }

    static func banner(_ inventory: InventorySummary, t: Translator) -> Node {
        .fragment(
            build {
                if inventory.illustrative {
                    para(.class("notice illustrative"), .custom("role", "note")) { t("inventory.illustrative") }
                }
                if inventory.kind == .government {
                    para(.class("notice"), .custom("role", "note")) { t("pollutants.government_note") }
                }
                para {
                    span(.class("badge state-\(inventory.state.rawValue)")) { t("state.\(inventory.state.rawValue)") }
                    if let comment = inventory.stateComment { " " + comment }
                }
            })
    }

    static func facts(_ inventory: InventorySummary, verifier: String?, t: Translator) -> Node {
        dl(.class("inventory-facts")) {
            dt { t("pollutants.kind") }
            dd { t("pollutants.kind.\(inventory.kind.rawValue)") }
            dt { t("inventory.level") }
            dd { inventory.level.rawValue }
            dt { t("inventory.gwp_set") }
            dd { inventory.gwpSet.rawValue }
            dt { t("pollutants.edition") }
            dd { t("pollutants.edition.\(inventory.airEdition.rawValue)") }
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
        let kind = inventory.kind
        return div(.class("actions")) {
            ul(.class("inline")) {
                li { link(.href(Paths.inventoryLines(slug, year, kind: kind))) { t("inventory.all_lines") } }
                li { link(.href(Paths.inventoryExport(slug, year, "csv", kind: kind))) { t("inventory.export_csv") } }
                li { link(.href(Paths.inventoryExport(slug, year, "json", kind: kind))) { t("inventory.export_json") } }
                li { link(.href(Paths.inventoryReportingTable(slug, year, kind: kind))) { t("inventory.reporting_table") } }
                li { link(.href(Paths.inventoryECRF(slug, year, kind: kind))) { t("pollutants.export_ecrf") } }
                li { link(.href(Paths.inventoryCDP(slug, year, "csv", kind: kind))) { t("pollutants.export_cdp_csv") } }
                li { link(.href(Paths.inventoryCDP(slug, year, "xlsx", kind: kind))) { t("pollutants.export_cdp_xlsx") } }
                li { link(.href(Paths.inventoryVersions(slug, year, kind: kind))) { t("inventory.versions") } }
            }
            if access.canEdit {
                nav(.class("sectors"), .aria("label", t("inventory.edit_by_sector"))) {
                    strong { t("inventory.edit_by_sector") + ": " }
                    for sector in Sector.allCases {
                        link(.class("button neutral"), .href(Paths.inventorySector(slug, year, sector.rawValue, kind: kind))) {
                            "\(sector.rawValue) \(t("sector.\(sector.rawValue)"))"
                        }
                        " "
                    }
                    link(.class("button"), .href(Paths.inventoryImport(slug, year, kind: kind))) { t("inventory.import") }
                }
            }
            if let csrf {
                let transitions = InventoryTransition.allCases.filter { $0.allowed(by: access) }
                if !transitions.isEmpty {
                    form(.class("state-change"), .action(Paths.inventoryState(slug, year, kind: kind)), .post) {
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
