import CarbonAccounting
import Foundation

struct InventoryPageModel: Sendable {
    let computed: ComputedInventory
    let access: InventoryAccess
    let trend: [Charts.Point]
    /// People the secretariat may name as verifier (expert members and secretariat).
    let verifierOptions: [(id: UUID, label: String)]
    let verifierLabel: String?
}

extension InventoryPageModel {
    /// The page as one reader sees it: the trend shows only inventories they may view.
    init(_ data: InventoryPageData, user: CurrentUser?, verifierOptions: [(id: UUID, label: String)]) {
        self.init(
            computed: data.computed, access: data.access(for: user),
            trend: data.trend.points(for: user, kind: data.computed.inventory.kind),
            verifierOptions: verifierOptions,
            verifierLabel: data.verifierLabel)
    }
}

/// The inventory page: GPC summary table, gases, memo items, completeness, warnings and charts,
/// every figure linking to the lines behind it.
enum InventoryPage {
    static func render(_ model: InventoryPageModel, chrome: Chrome) -> String {
        let t = chrome.t
        let inventory = model.computed.inventory
        let report = model.computed.report
        let slug = inventory.citySlug
        let year = inventory.year
        let kind = inventory.kind
        let cityName = t.pick(inventory.cityNames)
        let title = InventoryComponents.title(inventory, t: t)
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.city(slug))) { cityName }
                " › "
                link(.href(Paths.cityInventories(slug))) { t("inventories.title") }
            }
            h1 { title }
            InventoryComponents.banner(inventory, t: t)
            InventoryComponents.facts(inventory, verifier: model.verifierLabel, t: t)
            InventoryComponents.conventions(inventory.gwpSet, t: t)
            InventoryComponents.actions(inventory, access: model.access, csrf: chrome.csrfToken, t: t)
            if model.access.canEdit, let token = chrome.csrfToken {
                InventoryEditPages.settingsForm(inventory, csrf: token, t: t)
            }
            section {
                h2 { t("inventory.summary") }
                summaryTable(report, slug: slug, year: year, kind: kind, t: t)
            }
            section {
                h2 { t("inventory.by_gas", ["level": inventory.level.rawValue]) }
                gasTable(report.levelTotal, t: t)
                memo(report, t: t)
            }
            section {
                h2 { t("inventory.charts") }
                div(.class("charts")) {
                    Charts.bars(
                        Sector.allCases.map { sector in
                            Charts.Bar(
                                label: "\(sector.rawValue) \(t("sector.short.\(sector.rawValue)"))",
                                value: report.cell(sector, inventory.level.basis).co2e,
                                href: Paths.inventoryLines(slug, year, kind: kind, sector: sector.rawValue))
                        }, title: t("chart.by_sector", ["level": inventory.level.rawValue]), unit: "t CO2e", t: t)
                    Charts.bars(
                        Scope.allCases.map { scope in
                            Charts.Bar(
                                label: t("scope.\(scope.rawValue)"), value: report.scope(scope).co2e,
                                href: Paths.inventoryLines(slug, year, kind: kind, scope: scope.rawValue))
                        }, title: t("chart.by_scope"), unit: "t CO2e", t: t)
                    Charts.bars(
                        GasGroup.allCases.map { gas in
                            Charts.Bar(label: gas.rawValue, value: report.levelTotal.co2e(of: gas), href: nil)
                        }, title: t("chart.by_gas", ["level": inventory.level.rawValue]), unit: "t CO2e", t: t)
                    Charts.trend(model.trend, title: t("chart.trend"), unit: "t CO2e", t: t)
                }
            }
            PollutantTable.render(model.computed.air, inventory: inventory, t: t)
            section {
                h2 { t("inventory.completeness") }
                completeness(report, slug: slug, year: year, kind: kind, t: t)
            }
            section {
                h2 { t("inventory.warnings") }
                if model.computed.warnings.isEmpty {
                    para(.class("empty")) { t("inventory.no_warnings") }
                } else {
                    ul(.class("warnings")) { for warning in model.computed.warnings { li { warning.message } } }
                }
            }
            if model.access.canNameVerifier, let token = chrome.csrfToken {
                section {
                    h2 { t("inventory.verifier") }
                    form(.action(Paths.inventoryVerifier(slug, year, kind: kind)), .post) {
                        Forms.csrf(token)
                        Forms.select(
                            "verifier", label: t("inventory.verifier"),
                            options: model.verifierOptions.map { ($0.id.uuidString, $0.label) },
                            selected: inventory.verifierID?.uuidString ?? "", errors: [:], t: t, blank: t("inventory.no_verifier")
                        )
                        InventoryComponents.neutralSubmit(t("inventory.name_verifier"))
                    }
                }
            }
        }
    }

    static func summaryTable(_ report: InventoryReport, slug: String, year: Int, kind: InventoryKind, t: Translator) -> Node {
        func cell(_ value: Double?, _ href: String?) -> Node {
            td(.class("num")) {
                if let value {
                    if let href {
                        link(.href(href)) { t.number(value, maxFractionDigits: 0) }
                    } else {
                        t.number(value, maxFractionDigits: 0)
                    }
                } else {
                    span(.class("missing"), .title(t("inventory.missing_explain"))) { "—" }
                }
            }
        }
        return div(.class("table-scroll")) {
            table(.class("gpc-summary")) {
                caption { t("inventory.summary_caption") }
                thead {
                    tr {
                        th { t("inventory.sector") }
                        for scope in Scope.allCases { th(.class("num")) { t("scope.\(scope.rawValue)") } }
                        th(.class("num")) { t("total.territorial") }
                        th(.class("num")) { "BASIC" }
                        th(.class("num")) { "BASIC+" }
                    }
                }
                tbody {
                    for sector in Sector.allCases {
                        tr {
                            th(.custom("scope", "row")) {
                                link(.href(Paths.inventoryLines(slug, year, kind: kind, sector: sector.rawValue))) {
                                    "\(sector.rawValue) \(t("sector.\(sector.rawValue)"))"
                                }
                            }
                            for scope in Scope.allCases {
                                cell(
                                    report.cell(sector, scope).co2e,
                                    Paths.inventoryLines(slug, year, kind: kind, sector: sector.rawValue, scope: scope.rawValue))
                            }
                            for basis in TotalBasis.allCases {
                                cell(
                                    report.cell(sector, basis).co2e,
                                    Paths.inventoryLines(slug, year, kind: kind, sector: sector.rawValue))
                            }
                        }
                    }
                }
                tfoot {
                    tr {
                        th(.custom("scope", "row")) { t("inventory.total") }
                        for scope in Scope.allCases {
                            cell(report.scope(scope).co2e, Paths.inventoryLines(slug, year, kind: kind, scope: scope.rawValue))
                        }
                        for basis in TotalBasis.allCases {
                            cell(report.total(basis).co2e, Paths.inventoryLines(slug, year, kind: kind))
                        }
                    }
                }
            }
        }
    }

    static func gasTable(_ total: Aggregate, t: Translator) -> Node {
        table(.class("gases")) {
            thead {
                tr {
                    th { t("inventory.gas") }
                    th(.class("num")) { t("inventory.tonnes_gas") }
                    th(.class("num")) { "t CO2e" }
                }
            }
            tbody {
                for gas in GasGroup.allCases {
                    tr {
                        th(.custom("scope", "row")) { gas.rawValue }
                        td(.class("num")) { total.mass(of: gas).map { t.number($0, maxFractionDigits: 3) } ?? "—" }
                        td(.class("num")) { total.co2e(of: gas).map { t.number($0, maxFractionDigits: 0) } ?? "—" }
                    }
                }
            }
        }
    }

    static func memo(_ report: InventoryReport, t: Translator) -> Node {
        dl(.class("memo")) {
            dt { t("inventory.biogenic") }
            dd { report.biogenicCO2.map { "\(t.number($0, maxFractionDigits: 0)) t CO2" } ?? "—" }
            dt { t("inventory.market_based") }
            dd { report.marketBasedScope2.map { "\(t.number($0, maxFractionDigits: 0)) t CO2e" } ?? "—" }
        }
    }

    static func completeness(
        _ report: InventoryReport, slug: String, year: Int, kind: InventoryKind, t: Translator
    ) -> Node {
        let completeness = report.completeness
        return .fragment(
            build {
                para(.class(completeness.isComplete ? "complete" : "incomplete")) {
                    t(
                        "inventory.completeness_count",
                        [
                            "covered": String(completeness.coveredCount), "required": String(completeness.required.count),
                            "level": report.level.rawValue,
                        ])
                }
                div(.class("table-scroll")) {
                    table(.class("completeness")) {
                        thead {
                            tr {
                                th { "GPC" }
                                th { t("inventory.subcategory") }
                                th { t("inventory.scope") }
                                th { t("inventory.status") }
                            }
                        }
                        tbody {
                            for entry in completeness.entries where entry.required || entry.state != .missing {
                                tr(.when(entry.required && entry.state == .missing, .class("missing-row"))) {
                                    td {
                                        link(.href(Paths.inventoryLines(slug, year, kind: kind, ref: entry.subCategory.ref))) {
                                            entry.subCategory.ref
                                        }
                                    }
                                    td { entry.subCategory.name }
                                    td { String(entry.subCategory.scope.rawValue) }
                                    td {
                                        switch entry.state {
                                        case .data: t("inventory.has_data")
                                        case .notation(let keys): Set(keys.map(\.rawValue)).sorted().joined(separator: ", ")
                                        case .missing: strong { t("inventory.missing") }
                                        }
                                        if !entry.required { " (" + t("inventory.not_required") + ")" }
                                    }
                                }
                            }
                        }
                    }
                }
            })
    }
}
