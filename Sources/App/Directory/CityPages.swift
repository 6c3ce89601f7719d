import Foundation

struct CityListModel: Sendable {
    let page: PageOf<CityEntry>
    let filter: ListFilter
    let countries: [String]
}

struct CityProfileModel: Sendable {
    let profile: CityProfile
    /// Nil only for a city the indicator data does not hold yet.
    let dashboard: CityDashboard?
    let canEdit: Bool
}

enum CityPages {
    static func list(_ model: CityListModel, chrome: Chrome) -> String {
        Layout.render(title: chrome.t("cities.title"), chrome: chrome) { listContent(model, t: chrome.t) }
    }

    /// Everything inside `<main>`: the same for every reader of a language, so it can be cached.
    static func listContent(_ model: CityListModel, t: Translator) -> Node {
        let filterQuery = [("q", model.filter.query), ("country", model.filter.country), ("type", model.filter.type)]
        return .fragment(
            build {
                h1 { t("cities.title") }
                para(.class("lead")) { t("cities.lead") }
                Components.directoryFilters(
                    action: Paths.cities, filter: model.filter, countries: model.countries, typeLabel: t("filter.city_type"),
                    types: Vocabulary.cityTypes.map { ($0, t("city_type.\($0)")) }, nameHint: t("filter.name_hint"), t: t)
                para(.class("count"), .aria("live", "polite")) { t("list.count", ["count": String(model.page.total)]) }
                if model.page.items.isEmpty {
                    para(.class("empty")) { t("list.empty") }
                } else {
                    table(.class("directory")) {
                        thead {
                            tr {
                                th { t("city.name") }
                                th { t("city.country") }
                                th { t("city.region") }
                                th { t("city.type") }
                            }
                        }
                        tbody {
                            for city in model.page.items {
                                tr {
                                    td {
                                        link(.href(Paths.city(city.slug))) { t.pick(city.names) }
                                        if t.pick(city.names) != city.nameEn {
                                            " "
                                            small(.lang("en")) { city.nameEn }
                                        }
                                    }
                                    td { Components.country(city.country, t: t) }
                                    td { city.region ?? "—" }
                                    td { city.cityType.map { t("city_type.\($0)") } ?? "—" }
                                }
                            }
                        }
                    }
                }
                Components.pager(model.page, path: Paths.cities, query: filterQuery, t: t)
            })
    }

    static func profile(_ model: CityProfileModel, chrome: Chrome) -> String {
        let t = chrome.t
        let city = model.profile.city
        let name = t.pick(city.names)
        return Layout.render(title: name, chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.cities)) { t("cities.title") } }
            h1 { name }
            if model.canEdit { para { link(.class("button"), .href(Paths.editCity(city.slug))) { t("city.edit") } } }
            if let details = city.details { para(.class("lead")) { details } }
            para { link(.class("button secondary"), .href(Paths.cityInventories(city.slug))) { t("city.emissions_link") } }
            PlanNavigation.links(city.slug, t: t)
            if let dashboard = model.dashboard { CityDashboardView.render(dashboard, t: t) }
            section {
                h2 { t("city.names") }
                dl(.class("names")) {
                    for language in ContentLanguage.allCases {
                        if let value = city.names[language.rawValue] {
                            dt { language.endonym }
                            dd(.lang(language.rawValue)) { value }
                        }
                    }
                }
            }
            section {
                h2 { t("city.about") }
                dl {
                    dt { t("city.country") }
                    dd { Components.country(city.country, t: t) }
                    dt { t("city.region") }
                    dd { city.region ?? "—" }
                    dt { t("city.coordinates") }
                    dd {
                        if let latitude = city.latitude, let longitude = city.longitude {
                            "\(t.number(latitude, maxFractionDigits: 5)), \(t.number(longitude, maxFractionDigits: 5))"
                        } else {
                            "—"
                        }
                    }
                    dt { t("city.type") }
                    dd { city.cityType.map { t("city_type.\($0)") } ?? "—" }
                    dt { t("city.pathways") }
                    dd { city.pathways.isEmpty ? "—" : city.pathways.map { t("pathway.\($0)") }.joined(separator: ", ") }
                }
            }
            section {
                h2 { t("city.facts") }
                if model.profile.facts.isEmpty {
                    para(.class("empty")) { t("city.no_facts") }
                } else {
                    para(.class("hint")) { t("city.facts_hint") }
                    factsTable(model.profile.facts, t: t, deleteFor: nil, csrf: nil)
                }
            }
            section {
                h2 { t("city.programmes") }
                if model.profile.programmes.isEmpty {
                    para(.class("empty")) { t("city.no_programmes") }
                } else {
                    ul { for programme in model.profile.programmes { li { t.pick(programme.names) } } }
                }
            }
            section {
                h2 { t("city.organisations") }
                if model.profile.organisations.isEmpty {
                    para(.class("empty")) { t("city.no_organisations") }
                } else {
                    ul {
                        for organisation in model.profile.organisations {
                            li { link(.href(Paths.organisation(organisation.slug))) { t.pick(organisation.names) } }
                        }
                    }
                }
            }
            Components.sources(city.sources, t: t)
        }
    }

    static func factsTable(_ facts: [FactRow], t: Translator, deleteFor slug: String?, csrf: String?) -> Node {
        table(.class("facts")) {
            thead {
                tr {
                    th { t("fact.indicator") }
                    th { t("fact.year") }
                    th { t("fact.value") }
                    th { t("fact.unit") }
                    th { t("fact.confidence") }
                    th { t("fact.source") }
                    if slug != nil { th { t("common.actions") } }
                }
            }
            tbody {
                for fact in facts {
                    tr(.when(Vocabulary.isUnverified(fact.confidence), .class("unverified"))) {
                        td { t("indicator.\(fact.indicator)") }
                        td { String(fact.year) }
                        td(.class("number")) { t.number(fact.value) }
                        td {
                            fact.unit
                            if let basis = fact.priceBasis {
                                br()
                                small { basis }
                            }
                        }
                        td { Components.confidenceBadge(fact.confidence, t: t) }
                        td {
                            fact.source
                            if let note = fact.note {
                                br()
                                small { note }
                            }
                            if let boundary = fact.boundaryNote {
                                br()
                                small(.class("boundary")) { t("fact.covers") + ": " + boundary }
                            }
                        }
                        if let slug, let csrf, let id = fact.id {
                            td {
                                form(.action(Paths.deleteCityFact(slug, id)), .post, .class("inline")) {
                                    Forms.csrf(csrf)
                                    button(.type("submit"), .class("link")) { t("common.delete") }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
