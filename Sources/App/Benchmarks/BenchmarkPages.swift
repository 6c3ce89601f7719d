import Foundation
import Indicators

/// The benchmark page: choose a framework's indicator, a group and a year; see where cities stand,
/// compared only where the comparison is fair, with the leaders and the most improved.
struct BenchmarkPageModel: Sendable {
    let frameworks: [FrameworkEntry]
    let groups: [PeerGroup]
    let observations: IndicatorObservations
    let year: Int
    /// "" all cities, a group slug, or "peers:<city>".
    let group: String
    let members: Set<String>?
    let focus: String?
    let view: BenchmarkView
    let improved: ImprovementView?
}

enum BenchmarkPages {
    static func page(_ model: BenchmarkPageModel, chrome: Chrome) -> String {
        let t = chrome.t
        let observations = model.observations
        let item = observations.item
        let cities = observations.cities
        func name(_ slug: String) -> String { cities.city(slug).map { t.pick($0.names) } ?? slug }
        let view = model.view
        return Layout.render(title: t("benchmarks.title"), chrome: chrome) {
            h1 { t("benchmarks.title") }
            para(.class("lead")) { t("benchmarks.lead") }
            form(.class("filters"), .action(Paths.benchmarks), .get) {
                Forms.select(
                    "framework", label: t("frameworks.name"),
                    options: model.frameworks.filter { $0.current != nil }.map { ($0.slug, t.pick($0.framework.name)) },
                    selected: observations.framework.slug, errors: [:], t: t)
                Forms.select(
                    "indicator", label: t("benchmarks.indicator"),
                    options: observations.edition.edition.items.map {
                        ($0.id.rawValue, "\($0.id.rawValue) — \(t.pick($0.name))")
                    },
                    selected: item.id.rawValue, errors: [:], t: t)
                Forms.select(
                    "year", label: t("benchmarks.year"), options: observations.years.reversed().map { (String($0), String($0)) },
                    selected: String(model.year), errors: [:], t: t)
                Forms.select(
                    "group", label: t("benchmarks.group"),
                    options: [("", t("benchmarks.all_cities"))] + model.groups.map { ($0.slug, t.pick($0.names)) }
                        + (model.focus.map { [("peers:\($0)", t("benchmarks.peers_of", ["city": name($0)]))] } ?? []),
                    selected: model.group, errors: [:], t: t)
                if let focus = model.focus { input(.type("hidden"), .name("city"), .value(focus)) }
                Forms.submit(t("filter.apply"))
            }
            h2 { "\(item.id.rawValue) — \(t.pick(item.name))" }
            dl(.class("facts")) {
                dt { t("benchmarks.unit") }
                dd { observations.unit.isEmpty ? "—" : observations.unit }
                dt { t("benchmarks.direction") }
                dd { t("direction.\(observations.direction.rawValue)") }
                dt { t("benchmarks.compared_on") }
                dd { view.reference.description.isEmpty ? t("benchmarks.no_basis") : view.reference.description }
                dt { t("benchmarks.rules") }
                dd {
                    t(
                        "benchmarks.rules_text",
                        [
                            "gap": String(observations.settings.rules.maximumYearGap),
                            "population": t.number(observations.settings.thresholds.populationRatio),
                            "emissions": t.number(observations.settings.thresholds.perPersonEmissionsRatio),
                        ])
                }
            }
            if let distribution = view.distribution {
                Charts.distribution(
                    view.ranked.map { entry in
                        Charts.Dot(
                            label: name(entry.city), value: entry.value, highlighted: entry.city == model.focus,
                            href: Paths.city(entry.city))
                    },
                    quartiles: (
                        distribution.minimum, distribution.lowerQuartile, distribution.median, distribution.upperQuartile,
                        distribution.maximum
                    ), title: t("benchmarks.distribution", ["count": String(view.ranked.count), "year": String(model.year)]),
                    unit: observations.unit, t: t)
                para(.class("hint")) {
                    t(
                        "benchmarks.median",
                        ["median": t.number(distribution.median, maxFractionDigits: 3), "unit": observations.unit])
                }
            } else {
                para(.class("empty")) { t("benchmarks.no_figures") }
            }
            if let standing = view.focus, let focus = model.focus {
                para(.class("notice")) { Self.standing(standing, city: name(focus), t: t) }
            }
            section {
                h3 { t("benchmarks.leaders") }
                ol {
                    for leader in view.leaders {
                        li {
                            link(.href(Paths.city(leader.city))) { name(leader.city) }
                            ": \(t.number(leader.value, maxFractionDigits: 3)) \(observations.unit) (\(leader.year))"
                            Self.learnFrom(leader.city, cities: cities, t: t)
                        }
                    }
                }
            }
            if let improved = model.improved, !improved.ranked.isEmpty {
                section {
                    h3 { t("benchmarks.most_improved", ["from": String(improved.fromYear), "to": String(improved.toYear)]) }
                    ol {
                        for entry in improved.ranked.prefix(5) {
                            li {
                                link(.href(Paths.city(entry.city))) { name(entry.city) }
                                ": \(t.number(entry.from, maxFractionDigits: 3)) → \(t.number(entry.to, maxFractionDigits: 3)) \(observations.unit)"
                                Self.learnFrom(entry.city, cities: cities, t: t)
                            }
                        }
                    }
                }
            }
            section {
                h3 { t("benchmarks.ranked") }
                table(.class("ranked")) {
                    thead {
                        tr {
                            th(.class("number")) { t("benchmarks.rank") }
                            th { t("city.name") }
                            th(.class("number")) { t("benchmarks.value") }
                            th(.class("number")) { t("benchmarks.year") }
                        }
                    }
                    tbody {
                        for entry in view.ranked {
                            tr(.when(entry.city == model.focus, .class("focus"))) {
                                td(.class("number")) { String(entry.rank) }
                                td { link(.href(Paths.city(entry.city))) { name(entry.city) } }
                                td(.class("number")) { t.number(entry.value, maxFractionDigits: 3) }
                                td(.class("number")) { String(entry.year) }
                            }
                        }
                    }
                }
            }
            if !view.flagged.isEmpty {
                section {
                    h3 { t("benchmarks.flagged") }
                    para(.class("hint")) { t("benchmarks.flagged_hint") }
                    ul {
                        for entry in view.flagged {
                            li {
                                link(.href(Paths.city(entry.city))) { name(entry.city) }
                                ": \(t.number(entry.value, maxFractionDigits: 3)) \(observations.unit) (\(entry.year)) — "
                                    + (entry.plausibility.map(\.message) + entry.comparability.map(\.description)).joined(
                                        separator: "; ")
                            }
                        }
                    }
                }
            }
            if !view.notComparable.isEmpty {
                section {
                    h3 { t("benchmarks.not_comparable") }
                    ul {
                        for entry in view.notComparable {
                            li {
                                link(.href(Paths.city(entry.city))) { name(entry.city) }
                                ": \(t.number(entry.value, maxFractionDigits: 3)) (\(entry.year)) — "
                                    + entry.issues.map(\.description).joined(separator: "; ")
                            }
                        }
                    }
                }
            }
        }
    }

    static func standing(_ standing: Standing, city: String, t: Translator) -> String {
        switch standing {
        case .ranked(let rank, let count):
            t("benchmarks.standing_ranked", ["city": city, "rank": String(rank), "count": String(count)])
        case .flagged(let entry):
            t("benchmarks.standing_flagged", ["city": city, "why": entry.plausibility.map(\.message).joined(separator: "; ")])
        case .notComparable(let entry):
            t(
                "benchmarks.standing_not_comparable",
                ["city": city, "why": entry.issues.map(\.description).joined(separator: "; ")])
        case .noFigure: t("benchmarks.standing_none", ["city": city])
        }
    }

    /// Whom to learn from: the city's case studies and its actions.
    static func learnFrom(_ slug: String, cities: IndicatorData, t: Translator) -> Node {
        let studies = cities.city(slug)?.caseStudies ?? []
        return span(.class("learn")) {
            " — "
            for study in studies.prefix(3) {
                link(.href(Paths.knowledgeRecord(.caseStudy, study.slug))) { t.pick(study.names) }
                "; "
            }
            link(.href(Paths.cityActions(slug))) { t("benchmarks.actions") }
        }
    }
}
