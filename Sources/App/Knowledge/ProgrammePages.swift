import FluentKit
import Foundation
import Hummingbird

/// Programmes and networks (seed 004 Table 3, seed 003's programmes by pathway): a list by kind and
/// a page each with its cities and the hub's records that belong to it.
struct ProgrammesController: Sendable {
    let services: Services

    func list(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        HTMLResponse(
            html: try await services.knowledgeText(request, context) {
                let programmes = try await Programme.query(on: services.db).sort(\.$nameEn).all()
                return ProgrammePages.list(programmes, chrome: services.chrome(request, context))
            })
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> HTMLResponse {
        let slug = try context.parameters.require("slug")
        return HTMLResponse(
            html: try await services.knowledgeText(request, context) {
                guard let programme = try await Programme.query(on: services.db).filter(\.$slug == slug).first() else {
                    throw AppError.notFound
                }
                let cities = try await CityProgramme.query(on: services.db).filter(\.$programme.$id == programme.requireID())
                    .with(\.$city).all().map(\.city).sorted { $0.nameEn < $1.nameEn }
                let records = try await KnowledgeItem.query(on: services.db).filter(state: .published)
                    .filter(\.$programmes, .custom("LIKE"), "%\(slug)%").with(\.$city).all()
                    .filter { $0.programmes.split(separator: ";").contains(Substring(slug)) }
                return ProgrammePages.show(
                    programme, cities: cities, records: KnowledgeController.views(records),
                    chrome: services.chrome(request, context))
            })
    }
}

enum ProgrammePages {
    static func list(_ programmes: [Programme], chrome: Chrome) -> String {
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

    static func show(_ programme: Programme, cities: [City], records: [KnowledgeView], chrome: Chrome) -> String {
        let t = chrome.t
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
                if cities.isEmpty {
                    para(.class("empty")) { t("knowledge.none") }
                } else {
                    ul(.class("inline")) {
                        for city in cities { li { link(.href(Paths.city(city.slug))) { t.pick(city.names) } } }
                    }
                }
            }
            section {
                h2 { t("programmes.records") }
                KnowledgePages.cards(records, t: t)
            }
            para(.class("hint sources")) { t("common.sources") + ": " + programme.sources.joined(separator: ", ") }
        }
    }
}
