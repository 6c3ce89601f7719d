import Foundation

struct OrganisationListModel: Sendable {
    let page: PageOf<OrganisationEntry>
    let filter: ListFilter
    let countries: [String]
}

struct OrganisationProfileModel: Sendable {
    let organisation: OrganisationRecord
    let members: [MemberRow]
    let canEdit: Bool
    let showContacts: Bool
    /// The organisation's membership and profile history (secretariat only; empty otherwise).
    var history: [AuditRow] = []
}

/// An organisation's profile as a plain value.
struct OrganisationRecord: Sendable {
    let slug: String
    let names: [String: String]
    let type: String
    let status: OrganisationStatus
    let isResourceCentre: Bool
    let country: String?
    let city: NamedLink?
    let parent: NamedLink?
    let website: String?
    let joinedAt: Date?
    let contactName: String?
    let contactEmail: String?
    let details: String?
    let sources: [String]
}

/// A person of an organisation, as its profile lists them to signed-in members.
struct MemberRow: Sendable {
    let name: String
    let isExpert: Bool
}

enum OrganisationPages {
    static func list(_ model: OrganisationListModel, chrome: Chrome) -> String {
        Layout.render(title: chrome.t("organisations.title"), chrome: chrome) { listContent(model, t: chrome.t) }
    }

    /// Everything inside `<main>`: the same for every reader of a language, so it can be cached.
    static func listContent(_ model: OrganisationListModel, t: Translator) -> Node {
        let filterQuery = [("q", model.filter.query), ("country", model.filter.country), ("type", model.filter.type)]
        return .fragment(
            build {
                h1 { t("organisations.title") }
                para(.class("lead")) { t("organisations.lead") }
                Components.directoryFilters(
                    action: Paths.organisations, filter: model.filter, countries: model.countries,
                    typeLabel: t("filter.organisation_type"),
                    types: Vocabulary.organisationTypes.map { ($0, t("org_type.\($0)")) }, nameHint: nil, t: t)
                para(.class("count"), .aria("live", "polite")) { t("list.count", ["count": String(model.page.total)]) }
                if model.page.items.isEmpty {
                    para(.class("empty")) { t("list.empty") }
                } else {
                    table(.class("directory")) {
                        thead {
                            tr {
                                th { t("organisation.name") }
                                th { t("organisation.type") }
                                th { t("city.country") }
                                th { t("organisation.city") }
                            }
                        }
                        tbody {
                            for organisation in model.page.items {
                                tr {
                                    td {
                                        link(.href(Paths.organisation(organisation.slug))) { t.pick(organisation.names) }
                                        if organisation.isResourceCentre {
                                            " "
                                            span(.class("badge")) { t("organisation.resource_centre") }
                                        }
                                        if organisation.status == OrganisationStatus.member.rawValue {
                                            " "
                                            span(.class("badge member")) { t("organisation.member") }
                                        }
                                    }
                                    td { t("org_type.\(organisation.type)") }
                                    td { Components.country(organisation.country, t: t) }
                                    td {
                                        if let citySlug = organisation.citySlug {
                                            link(.href(Paths.city(citySlug))) { t.pick(organisation.cityNames ?? [:]) }
                                        } else {
                                            "—"
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                Components.pager(model.page, path: Paths.organisations, query: filterQuery, t: t)
            })
    }

    static func profile(_ model: OrganisationProfileModel, chrome: Chrome) -> String {
        let t = chrome.t
        let organisation = model.organisation
        let name = t.pick(organisation.names)
        return Layout.render(title: name, chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.organisations)) { t("organisations.title") } }
            h1 { name }
            if model.canEdit {
                para { link(.class("button"), .href(Paths.editOrganisation(organisation.slug))) { t("organisation.edit") } }
            }
            if let details = organisation.details { para(.class("lead")) { details } }
            dl {
                dt { t("organisation.type") }
                dd { t("org_type.\(organisation.type)") }
                dt { t("organisation.status") }
                dd { t("org_status.\(organisation.status.rawValue)") }
                if organisation.isResourceCentre {
                    dt { t("organisation.resource_centre") }
                    dd { t("common.yes") }
                }
                dt { t("city.country") }
                dd { Components.country(organisation.country, t: t) }
                if let city = organisation.city {
                    dt { t("organisation.city") }
                    dd { link(.href(Paths.city(city.slug))) { t.pick(city.names) } }
                }
                if let parent = organisation.parent {
                    dt { t("organisation.parent") }
                    dd { link(.href(Paths.organisation(parent.slug))) { t.pick(parent.names) } }
                }
                if let website = organisation.website {
                    dt { t("organisation.website") }
                    dd { link(.href(website), .rel("noopener nofollow")) { website } }
                }
                if let joined = organisation.joinedAt {
                    dt { t("organisation.joined") }
                    dd { t.date(joined) }
                }
                if model.showContacts {
                    dt { t("organisation.contact") }
                    dd { [organisation.contactName, organisation.contactEmail].compactMap { $0 }.joined(separator: " · ") }
                }
            }
            section {
                h2 { t("city.names") }
                dl(.class("names")) {
                    for language in ContentLanguage.allCases {
                        if let value = organisation.names[language.rawValue] {
                            dt { language.endonym }
                            dd(.lang(language.rawValue)) { value }
                        }
                    }
                }
            }
            if model.showContacts, !model.members.isEmpty {
                section {
                    h2 { t("organisation.people") }
                    ul {
                        for member in model.members {
                            li {
                                member.name
                                if member.isExpert {
                                    " "
                                    span(.class("badge")) { t("user.expert") }
                                }
                            }
                        }
                    }
                }
            }
            if !model.history.isEmpty {
                section {
                    h2 { t("organisation.history") }
                    ul(.class("history")) {
                        for entry in model.history {
                            li {
                                t.date(entry.createdAt) + " · " + entry.actorLabel + " · "
                                code { entry.action }
                                if let after = entry.after {
                                    " "
                                    code(.class("json")) { after }
                                }
                            }
                        }
                    }
                }
            }
            Components.sources(organisation.sources, t: t)
        }
    }
}
