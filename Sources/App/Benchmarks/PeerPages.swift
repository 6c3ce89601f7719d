import Foundation
import Indicators

/// "Cities like mine": the city's features, its most similar cities with match % and why, the
/// named groups it belongs to, and where it stands among its peers on the index's indicators.
struct PeerPageModel: Sendable {
    struct Standing: Sendable {
        let item: FrameworkItem
        let unit: String
        let value: Double?
        let year: Int?
        let median: Double?
        let standing: Indicators.Standing?
        let framework: String
    }

    /// One indicator over the years: the city's own figures and its peers' median.
    struct OverTime: Sendable {
        struct Row: Sendable {
            let year: Int
            let own: Double?
            let median: Double?
        }

        let item: FrameworkItem
        let unit: String
        let basis: String
        let framework: String
        let rows: [Row]
    }

    let peers: CityPeers
    let standings: [Standing]
    var overTime: OverTime? = nil
}

enum PeerPages {
    static func page(_ model: PeerPageModel, chrome: Chrome) -> String {
        let t = chrome.t
        let city = model.peers.city
        let cityName = t.pick(city.names)
        func name(_ slug: String) -> String { model.peers.cities.city(slug).map { t.pick($0.names) } ?? slug }
        let features = city.features
        return Layout.render(title: t("peers.title", ["city": cityName]), chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.city(city.slug))) { cityName } }
            h1 { t("peers.title", ["city": cityName]) }
            para(.class("lead")) { t("peers.lead") }
            section {
                h2 { t("peers.features") }
                dl(.class("facts")) {
                    feature(t("peer_feature.population"), features.population.map { t.number($0, maxFractionDigits: 0) }, t: t)
                    feature(
                        t("peer_feature.density"), features.density.map { t.number($0, maxFractionDigits: 0) + " /km²" }, t: t)
                    feature(
                        t("peer_feature.gdp_per_person"),
                        features.gdpPerPerson.map {
                            "\(t.number($0.value, maxFractionDigits: 0)) \($0.currency) (\($0.year), \($0.priceBasis))"
                        },
                        t: t)
                    feature(
                        t("peer_feature.climate"),
                        features.climate.map { climate in
                            [
                                climate.heatingDegreeDays.map { "HDD \(t.number($0, maxFractionDigits: 0))" },
                                climate.coolingDegreeDays.map { "CDD \(t.number($0, maxFractionDigits: 0))" },
                            ].compactMap { $0 }.joined(separator: ", ")
                        }, t: t)
                    feature(t("peer_feature.service_share"), features.serviceShare.map { t.number($0) + " %" }, t: t)
                    feature(t("peer_feature.industry_share"), features.industryShare.map { t.number($0) + " %" }, t: t)
                    feature(
                        t("peer_feature.emissions_per_person"),
                        features.emissionsPerPerson.map { "\(t.number($0.value)) t (\($0.year); \($0.basis.description))" }, t: t)
                }
            }
            if !model.peers.groups.isEmpty {
                para {
                    t("peers.groups") + ": "
                    for group in model.peers.groups {
                        link(.href(Paths.with(Paths.benchmarks, query: [("group", group.slug), ("city", city.slug)]))) {
                            t.pick(group.names)
                        }
                        " "
                    }
                }
            }
            section {
                h2 { t("peers.similar") }
                if model.peers.result.matches.isEmpty {
                    para(.class("empty")) { t("peers.none") }
                } else {
                    table {
                        thead {
                            tr {
                                th { t("city.name") }
                                th(.class("number")) { t("peers.match") }
                                th { t("peers.near") }
                                th { t("peers.not_compared") }
                            }
                        }
                        tbody {
                            for match in model.peers.result.matches {
                                tr {
                                    td { link(.href(Paths.city(match.peer))) { name(match.peer) } }
                                    td(.class("number")) { t.number(match.matchPercent, maxFractionDigits: 0) + " %" }
                                    td { match.near.map { t("peer_feature.\($0.rawValue)") }.joined(separator: ", ") }
                                    td {
                                        match.notCompared.map { t("peer_feature." + $0.feature.rawValue) }.joined(separator: ", ")
                                    }
                                }
                            }
                        }
                    }
                }
                para(.class("hint")) { t("peers.rule") }
            }
            if let overTime = model.overTime {
                section(.id("over-time")) {
                    h2 { t("peers.over_time", ["item": "\(overTime.item.id.rawValue) — \(t.pick(overTime.item.name))"]) }
                    para(.class("hint")) { t("peers.over_time_hint", ["basis": overTime.basis]) }
                    table {
                        thead {
                            tr {
                                th { t("fact.year") }
                                th(.class("number")) { cityName + " (" + overTime.unit + ")" }
                                th(.class("number")) { t("peers.median") }
                            }
                        }
                        tbody {
                            for row in overTime.rows {
                                tr {
                                    td { String(row.year) }
                                    td(.class("number")) { row.own.map { t.number($0, maxFractionDigits: 3) } ?? "—" }
                                    td(.class("number")) { row.median.map { t.number($0, maxFractionDigits: 3) } ?? "—" }
                                }
                            }
                        }
                    }
                }
            }
            if !model.standings.isEmpty {
                section {
                    h2 { t("peers.against") }
                    table {
                        thead {
                            tr {
                                th { t("frameworks.item") }
                                th(.class("number")) { t("benchmarks.value") }
                                th(.class("number")) { t("peers.median") }
                                th { t("peers.standing") }
                            }
                        }
                        tbody {
                            for standing in model.standings {
                                tr {
                                    td {
                                        link(
                                            .href(
                                                Paths.with(
                                                    Paths.benchmarks,
                                                    query: [
                                                        ("framework", standing.framework),
                                                        ("indicator", standing.item.id.rawValue),
                                                        ("group", "peers:\(city.slug)"), ("city", city.slug),
                                                    ] + (standing.year.map { [("year", String($0))] } ?? [])))
                                        ) { "\(standing.item.id.rawValue) — \(t.pick(standing.item.name))" }
                                    }
                                    td(.class("number")) {
                                        standing.value.map {
                                            "\(t.number($0, maxFractionDigits: 3)) \(standing.unit) (\(standing.year ?? 0))"
                                        }
                                            ?? t("assessment.missing")
                                    }
                                    td(.class("number")) { standing.median.map { t.number($0, maxFractionDigits: 3) } ?? "—" }
                                    td { standing.standing.map { BenchmarkPages.standing($0, city: cityName, t: t) } ?? "—" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func feature(_ label: String, _ value: String?, t: Translator) -> Node {
        .fragment(
            build {
                dt { label }
                dd {
                    if let value { value } else { span(.class("missing")) { t("peers.not_known") } }
                }
            })
    }
}
