import CarbonAccounting
import Foundation

/// One inventory in a list: its settings and totals from its latest version.
struct InventoryListItem: Sendable {
    let citySlug: String
    let cityNames: [String: String]
    let year: Int
    let level: String
    let gwpSet: String
    let state: InventoryState
    let illustrative: Bool
    let levelTotal: Double?
    let territorial: Double?
    /// Who may see it (the trend chart of a cached page is filtered per reader).
    let cityID: UUID
    let rights: InventoryRights
    var kind: InventoryKind = .community
}

struct ReportedItem: Sendable {
    let citySlug: String
    let cityNames: [String: String]
    let year: Int
    let total: Double?
    let scopes: [Double?]
    let basis: String
    let gases: String
    let unit: String
    let source: String
    let confidence: String
    let note: String?
}

enum InventoryListPages {
    static func city(
        city: CityEntry, inventories: [InventoryListItem], reported: [ReportedItem], canCreate: Bool, chrome: Chrome
    ) -> String {
        let t = chrome.t
        let cityName = t.pick(city.names)
        let title = t("inventories.city_title", ["city": cityName])
        // The trend is the community's: government operations are part of it, never added to it.
        var points = inventories.filter { $0.kind == .community }.compactMap { item in
            item.levelTotal.map {
                Charts.Point(year: item.year, value: $0, reported: false, href: Paths.inventory(city.slug, item.year))
            }
        }
        points += reported.compactMap { item in
            item.total.map { Charts.Point(year: item.year, value: $0, reported: true, href: nil) }
        }
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.city(city.slug))) { cityName } }
            h1 { title }
            if canCreate { para { link(.class("button"), .href(Paths.newInventory(city.slug))) { t("inventory.new") } } }
            para { link(.href(Paths.cityFactors(city.slug))) { t("factors.city_title", ["city": cityName]) } }
            section {
                h2 { t("inventories.line_level") }
                inventoryTable(inventories.filter { $0.kind == .community }, showCity: false, t: t)
            }
            section {
                h2 { t("pollutants.government_inventories") }
                para(.class("hint")) { t("pollutants.government_hint") }
                inventoryTable(inventories.filter { $0.kind == .government }, showCity: false, t: t)
            }
            section {
                h2 { t("inventories.reported") }
                para(.class("hint")) { t("inventories.reported_hint") }
                reportedTable(reported, showCity: false, t: t)
            }
            section {
                h2 { t("chart.trend") }
                Charts.trend(points, title: t("chart.trend"), unit: "t CO2e / t CO2", t: t)
            }
        }
    }

    static func all(inventories: [InventoryListItem], reported: [ReportedItem], chrome: Chrome) -> String {
        let t = chrome.t
        return Layout.render(title: t("inventories.title"), chrome: chrome) {
            h1 { t("inventories.title") }
            para(.class("lead")) { t("inventories.lead") }
            ul(.class("inline")) {
                li { link(.href(Paths.inventoryTemplate)) { t("template.title") } }
                li { link(.href(Paths.emissionFactors)) { t("factors.title") } }
            }
            section {
                h2 { t("inventories.published") }
                inventoryTable(inventories.filter { $0.kind == .community }, showCity: true, t: t)
            }
            section {
                h2 { t("pollutants.government_inventories") }
                para(.class("hint")) { t("pollutants.government_hint") }
                inventoryTable(inventories.filter { $0.kind == .government }, showCity: true, t: t)
            }
            section {
                h2 { t("inventories.reported") }
                para(.class("hint")) { t("inventories.reported_hint") }
                reportedTable(reported, showCity: true, t: t)
            }
        }
    }

    static func inventoryTable(_ items: [InventoryListItem], showCity: Bool, t: Translator) -> Node {
        if items.isEmpty { return para(.class("empty")) { t("inventories.none") } }
        return div(.class("table-scroll")) {
            table(.class("inventories")) {
                thead {
                    tr {
                        if showCity { th { t("city.name") } }
                        th { t("inventory.year") }
                        th { t("inventory.level") }
                        th { "GWP" }
                        th { t("inventory.status") }
                        th(.class("num")) { t("inventories.level_total") }
                        th(.class("num")) { t("total.territorial") }
                    }
                }
                tbody {
                    for item in items {
                        tr {
                            if showCity { td { link(.href(Paths.cityInventories(item.citySlug))) { t.pick(item.cityNames) } } }
                            td {
                                link(.href(Paths.inventory(item.citySlug, item.year, kind: item.kind))) { String(item.year) }
                                if item.illustrative {
                                    " "
                                    span(.class("badge unverified")) { t("inventory.illustrative_badge") }
                                }
                            }
                            td { item.level }
                            td { item.gwpSet }
                            td { span(.class("badge state-\(item.state.rawValue)")) { t("state.\(item.state.rawValue)") } }
                            td(.class("num")) { InventoryComponents.number(item.levelTotal, t: t) }
                            td(.class("num")) { InventoryComponents.number(item.territorial, t: t) }
                        }
                    }
                }
            }
        }
    }

    static func reportedTable(_ items: [ReportedItem], showCity: Bool, t: Translator) -> Node {
        if items.isEmpty { return para(.class("empty")) { t("inventories.none_reported") } }
        return div(.class("table-scroll")) {
            table(.class("reported")) {
                thead {
                    tr {
                        if showCity { th { t("city.name") } }
                        th { t("inventory.year") }
                        th(.class("num")) { t("reported.total") }
                        th(.class("num")) { t("scope.1") }
                        th(.class("num")) { t("scope.2") }
                        th(.class("num")) { t("scope.3") }
                        th { t("reported.basis") }
                        th { t("fact.confidence") }
                        th { t("fact.source") }
                    }
                }
                tbody {
                    for item in items {
                        tr {
                            if showCity { td { link(.href(Paths.cityInventories(item.citySlug))) { t.pick(item.cityNames) } } }
                            td { String(item.year) }
                            td(.class("num")) { InventoryComponents.number(item.total, t: t) + " " + item.unit }
                            for scope in item.scopes { td(.class("num")) { InventoryComponents.number(scope, t: t) } }
                            td { "\(item.basis) · \(item.gases)" }
                            td { Components.confidenceBadge(item.confidence, t: t) }
                            td {
                                small { item.source }
                                if let note = item.note {
                                    br()
                                    small(.class("note")) { note }
                                }
                                if Plausibility.checkReported(total: item.total, scopes: item.scopes) != nil,
                                    let total = item.total
                                {
                                    div(.class("field-error")) {
                                        t(
                                            "reported.scopes_exceed",
                                            [
                                                "sum": t.number(item.scopes.compactMap { $0 }.reduce(0, +), maxFractionDigits: 0),
                                                "total": t.number(total, maxFractionDigits: 0),
                                            ])
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
