import Foundation

enum ProgrammePages {
    static func list(_ programmes: [ProgrammeSummary], chrome: Chrome) -> String {
        let t = chrome.t
        return Layout.render(title: t("programmes.title"), chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.knowledge)) { t("knowledge.title") } }
            h1 { t("programmes.title") }
            for kind in ["network", "programme", "project", "initiative", "policy"] {
                let items = programmes.filter { $0.kind == kind }
                if !items.isEmpty {
                    section {
                        h2 { t("programme_kind.\(kind)") }
                        ul {
                            for programme in items {
                                li {
                                    link(.href(Paths.programme(programme.slug))) { t.pick(programme.names) }
                                    if !programme.pathways.isEmpty {
                                        " · " + programme.pathways.map { t("pathway.\($0)") }.joined(separator: ", ")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func show(_ model: ProgrammePageModel, chrome: Chrome) -> String {
        let t = chrome.t
        let programme = model.programme
        return Layout.render(title: t.pick(programme.names), chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.programmes)) { t("programmes.title") } }
            h1 { t.pick(programme.names) }
            Components.languages(programme.names, t: t)
            if let details = programme.details { para(.class("lead")) { details } }
            dl(.class("facts")) {
                dt { t("knowledge.kind") }
                dd { t("programme_kind.\(programme.kind)") }
                if let country = programme.country {
                    dt { t("registry.country") }
                    dd { Components.country(country, t: t) }
                }
                if let year = programme.startYear {
                    dt { t("programmes.since") }
                    dd { String(year) }
                }
                if !programme.pathways.isEmpty {
                    dt { t("city.pathways") }
                    dd { programme.pathways.map { t("pathway.\($0)") }.joined(separator: ", ") }
                }
                if let website = programme.website, Markdown.isSafe(website) {
                    dt { t("organisation.website") }
                    dd { link(.href(website), .rel("noopener")) { website } }
                }
            }
            section {
                h2 { t("programmes.cities") }
                if model.cities.isEmpty {
                    para(.class("empty")) { t("knowledge.none") }
                } else {
                    ul(.class("inline")) {
                        for city in model.cities { li { link(.href(Paths.city(city.slug))) { t.pick(city.names) } } }
                    }
                }
            }
            section {
                h2 { t("programmes.records") }
                KnowledgePages.cards(model.records, t: t)
            }
            para(.class("hint sources")) { t("common.sources") + ": " + programme.sources.joined(separator: ", ") }
        }
    }
}
