import CarbonAccounting
import Foundation

enum RegistryPages {
    /// One city's commitments, performance and actions.
    static func city(_ plan: CityPlan, now: Date, chrome: Chrome) -> String {
        let t = chrome.t
        let cityName = t.pick(plan.cityNames)
        let title = t("registry.city_title", ["city": cityName])
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.registry)) { t("registry.title") }
                " · "
                link(.href(Paths.city(plan.citySlug))) { cityName }
            }
            h1 { title }
            PlanNavigation.links(plan.citySlug, t: t)
            para { link(.href(Paths.cityRegistryJSON(plan.citySlug)), .type("application/json")) { t("registry.json") } }
            section {
                h2 { t("registry.commitments") }
                if plan.targets.isEmpty {
                    para(.class("empty")) { t("targets.none") }
                } else {
                    TargetPages.targetTable(plan.targets, showCity: false, canEdit: nil, t: t)
                }
            }
            section {
                h2 { t("registry.performance") }
                if let view = plan.forecast {
                    ForecastPages.chart(plan: plan, view: view, t: t)
                } else {
                    Charts.trend(
                        plan.history.map {
                            Charts.Point(year: $0.year, value: $0.value, reported: $0.origin == "reported", href: nil)
                        },
                        title: t("chart.trend"), unit: "t CO2e", t: t)
                }
                para { link(.href(Paths.cityInventories(plan.citySlug))) { t("registry.inventories_link") } }
            }
            section {
                h2 { t("actions.title") }
                if plan.actions.isEmpty {
                    para(.class("empty")) { t("actions.none") }
                } else {
                    ActionPages.actionTable(plan.actions, showCity: false, now: now, showDue: false, t: t)
                }
            }
        }
    }

    static let perPage = 50

    /// Targets by kind and year, actions by sector and status, across cities, with filters.
    static func all(_ data: RegistryData, filter: RegistryFilter, page: Int, now: Date, chrome: Chrome) -> String {
        let t = chrome.t
        let targets = filter.targets(data)
        let actions = filter.actions(data)
        let start = min((page - 1) * perPage, targets.count)
        let shown = Array(targets[start..<min(start + perPage, targets.count)])
        let years = Array(Set(data.targets.map(\.target.row.target.targetYear))).sorted()
        return Layout.render(title: t("registry.title"), chrome: chrome) {
            h1 { t("registry.title") }
            para(.class("lead")) { t("registry.lead") }
            ul(.class("inline")) {
                li { link(.href(Paths.registryTargetsCSV)) { t("registry.targets_csv") } }
                li { link(.href(Paths.registryActionsCSV)) { t("registry.actions_csv") } }
                li { link(.href(Paths.targetTemplate)) { t("targets.template_title") } }
            }
            form(.action(Paths.registry), .get, .class("filters")) {
                Forms.select(
                    "kind", label: t("target_field.kind"),
                    options: TargetKind.allCases.map { ($0.rawValue, t("target_kind.\($0.rawValue)")) },
                    selected: filter.kind, errors: [:], t: t, blank: t("registry.any"))
                Forms.select(
                    "year", label: t("target_field.target_year"), options: years.map { (String($0), String($0)) },
                    selected: filter.year,
                    errors: [:], t: t, blank: t("registry.any"))
                Forms.select(
                    "country", label: t("registry.country"),
                    options: Array(Set(data.countries.values)).sorted().map { ($0, Components.country($0, t: t)) },
                    selected: filter.country.uppercased(), errors: [:], t: t, blank: t("registry.any"))
                Forms.select(
                    "sector", label: t("action_field.sector"),
                    options: ForecastPages.sectors.map { ($0.rawValue, t("sector.\($0.rawValue)")) }, selected: filter.sector,
                    errors: [:], t: t, blank: t("registry.any"))
                Forms.select(
                    "status", label: t("action_field.status"),
                    options: Vocabulary.actionStatuses.map { ($0, t("action_status.\($0)")) }, selected: filter.status,
                    errors: [:],
                    t: t, blank: t("registry.any"))
                Forms.submit(t("registry.filter"))
            }
            section {
                h2 { t("registry.targets_by_kind") }
                countTable(
                    rows: TargetKind.allCases.map { ($0.rawValue, t("target_kind.\($0.rawValue)")) },
                    columns: decades(years), t: t
                ) { kind, decade in
                    data.targets.filter {
                        $0.target.row.target.kind.rawValue == kind && $0.target.row.target.targetYear / 10 * 10 == decade
                    }.count
                }
            }
            section {
                h2 { t("registry.targets", ["count": String(targets.count)]) }
                if shown.isEmpty {
                    para(.class("empty")) { t("targets.none") }
                } else {
                    TargetPages.targetTable(shown, showCity: true, canEdit: nil, t: t)
                }
                if let pager = Components.pager(
                    PageOf(items: shown, page: page, perPage: perPage, total: targets.count), path: Paths.registry,
                    query: query(filter), t: t)
                {
                    pager
                }
            }
            section {
                h2 { t("registry.actions_by_sector") }
                countTable(
                    rows: ForecastPages.sectors.map { ($0.rawValue, t("sector.\($0.rawValue)")) },
                    columns: Vocabulary.actionStatuses.map { ($0, t("action_status.\($0)")) }, t: t
                ) { sector, status in
                    data.actions.filter { $0.sector.rawValue == sector && $0.status == status }.count
                }
                h2 { t("registry.actions", ["count": String(actions.count)]) }
                if actions.isEmpty {
                    para(.class("empty")) { t("actions.none") }
                } else {
                    ActionPages.actionTable(actions, showCity: true, now: now, showDue: false, t: t)
                }
            }
        }
    }

    static func query(_ filter: RegistryFilter) -> [(String, String)] {
        [
            ("kind", filter.kind), ("year", filter.year), ("country", filter.country), ("sector", filter.sector),
            ("status", filter.status),
        ]
        .filter { !$0.1.isEmpty }
    }

    static func decades(_ years: [Int]) -> [(Int, String)] {
        Array(Set(years.map { $0 / 10 * 10 })).sorted().map { ($0, "\($0)s") }
    }

    private static func countTable<Column>(
        rows: [(String, String)], columns: [(Column, String)], t: Translator, count: (String, Column) -> Int
    ) -> Node {
        table(.class("counts")) {
            thead {
                tr {
                    th { "" }
                    for column in columns { th(.class("number")) { column.1 } }
                }
            }
            tbody {
                for row in rows {
                    tr {
                        th { row.1 }
                        for column in columns {
                            let value = count(row.0, column.0)
                            td(.class("number")) { value == 0 ? "·" : String(value) }
                        }
                    }
                }
            }
        }
    }
}
