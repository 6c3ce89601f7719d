import CarbonAccounting
import Foundation

/// A knowledge record as pages, feeds and the API see it.
struct KnowledgeView: Sendable {
    let item: KnowledgeItem
    let citySlug: String?
    let cityNames: [String: String]?

    var kind: KnowledgeKind { KnowledgeKind(rawValue: item.kind) ?? .news }
    var url: String { Paths.knowledgeRecord(kind, item.slug) }
    var pathways: [String] { item.pathways.split(separator: ";").map(String.init) }
    func list(_ text: String) -> [String] { text.split(separator: ";").map(String.init) }
}

/// An action plan drafted at a training, with its follow-up so far.
struct TrainingPlan: Sendable {
    let citySlug: String
    let cityNames: [String: String]
    let title: String
    let actions: Int
    let updated: Int
}

enum KnowledgePages {
    /// The hub: latest news, events and case studies, and the search box.
    static func hub(news: [KnowledgeView], events: [KnowledgeView], caseStudies: [KnowledgeView], chrome: Chrome) -> String {
        let t = chrome.t
        return Layout.render(title: t("knowledge.title"), chrome: chrome) {
            h1 { t("knowledge.title") }
            para(.class("lead")) { t("knowledge.lead") }
            searchBox(query: "", t: t)
            ul(.class("inline")) {
                for kind in [KnowledgeKind.caseStudy, .news, .event] {
                    li { link(.href(Paths.knowledgeList(kind))) { t("knowledge.kind.\(kind.rawValue).plural") } }
                }
                li { link(.href(Paths.programmes)) { t("programmes.title") } }
                li { link(.href(Paths.eventsCalendar)) { t("events.ics") } }
                li { link(.href(Paths.newsFeed)) { t("knowledge.feed") } }
                li { link(.href(Paths.knowledgeDrafts)) { t("knowledge.drafts") } }
            }
            section {
                h2 { t("knowledge.kind.case_study.plural") }
                cards(caseStudies, t: t)
            }
            section {
                h2 { t("knowledge.kind.event.plural") }
                cards(events, t: t)
            }
            section {
                h2 { t("knowledge.kind.news.plural") }
                cards(news, t: t)
            }
        }
    }

    static func searchBox(query: String, t: Translator) -> Node {
        form(.action(Paths.search), .get, .class("search"), .custom("role", "search")) {
            label(.for("f-q")) { t("search.label") }
            input(.type("search"), .id("f-q"), .name("q"), .value(query), .maxlength(200))
            Forms.submit(t("search.submit"))
        }
    }

    static func cards(_ items: [KnowledgeView], t: Translator) -> Node {
        guard !items.isEmpty else { return para(.class("empty")) { t("knowledge.none") } }
        return ul(.class("cards")) {
            for view in items {
                li {
                    link(.href(view.url)) { t.pick(view.item.titles) }
                    para(.class("hint")) { meta(view, t: t) }
                    if let summary = view.item.summaries[t.locale.rawValue] ?? view.item.summaries["en"] { para { summary } }
                }
            }
        }
    }

    static func meta(_ view: KnowledgeView, t: Translator) -> String {
        var parts: [String] = []
        if let starts = view.item.startsOn {
            parts.append(starts == view.item.endsOn || view.item.endsOn == nil ? starts : "\(starts) – \(view.item.endsOn!)")
        } else if let published = view.item.publishedAt, view.kind == .news {
            parts.append(ISODay.format(published))
        }
        if let type = view.item.eventType { parts.append(t("event_type.\(type)")) }
        if let names = view.cityNames {
            parts.append(t.pick(names))
        } else if let country = view.item.country {
            parts.append(Components.country(country, t: t))
        }
        return parts.joined(separator: " · ")
    }

    static func list(kind: KnowledgeKind, items: [KnowledgeView], chrome: Chrome) -> String {
        let t = chrome.t
        let title = t("knowledge.kind.\(kind.rawValue).plural")
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.knowledge)) { t("knowledge.title") } }
            h1 { title }
            searchBox(query: "", t: t)
            cards(items, t: t)
        }
    }

    static func detail(_ view: KnowledgeView, plans: [TrainingPlan] = [], photoName: String? = nil, chrome: Chrome) -> String {
        let t = chrome.t
        let item = view.item
        let title = t.pick(item.titles)
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.knowledge)) { t("knowledge.title") }
                " · "
                link(.href(Paths.knowledgeList(view.kind))) { t("knowledge.kind.\(view.kind.rawValue).plural") }
            }
            h1(.lang(item.titles[t.locale.rawValue] != nil ? t.locale.rawValue : "en")) { title }
            Components.languages(
                item.titles.merging(item.summaries) { a, _ in a }.merging(item.bodies) { a, _ in a }, t: t)
            if let summary = Components.translated(item.summaries, t: t) { summary }
            if let photoID = item.photoID, let photoName {
                Node.element(
                    "figure", [.class("photo")],
                    [
                        Node.void(
                            "img",
                            [
                                .custom("src", Paths.storedFile(photoID, photoName)),
                                .custom("alt", item.photoCaption ?? ""),
                            ]),
                        Node.element(
                            "figcaption", [],
                            [
                                .text(
                                    [item.photoCaption, item.photoCredit.map { "© " + $0 }].compactMap { $0 }.joined(
                                        separator: " — "))
                            ]),
                    ])
            }
            dl(.class("facts")) {
                dt { t("knowledge.kind") }
                dd { t("knowledge.kind.\(view.kind.rawValue)") + (item.eventType.map { " · " + t("event_type.\($0)") } ?? "") }
                if let starts = item.startsOn {
                    dt { t("events.when") }
                    dd { when(item) }
                }
                if !item.place.isEmpty {
                    dt { t("events.place") }
                    dd { item.place }
                }
                if let slug = view.citySlug, let names = view.cityNames {
                    dt { t("knowledge.city") }
                    dd { link(.href(Paths.city(slug))) { t.pick(names) } }
                }
                if let sector = item.sector {
                    dt { t("action_field.sector") }
                    dd { t("sector.\(sector)") + (item.gpcRef.map { " (\($0))" } ?? "") }
                }
                if !view.pathways.isEmpty {
                    dt { t("city.pathways") }
                    dd { view.pathways.map { t("pathway.\($0)") }.joined(separator: ", ") }
                }
                for (key, value) in [
                    ("events.organisers", item.organisers), ("events.partners", item.partners),
                    ("events.participants", item.participantOrganisations),
                ] where !value.isEmpty {
                    dt { t(key) }
                    dd { view.list(value).joined(separator: ", ") }
                }
                if let count = item.participantCount {
                    dt { t("events.participant_count") }
                    dd { String(count) }
                }
            }
            if let body = item.bodies[t.locale.rawValue] ?? item.bodies["en"] ?? item.bodies.values.sorted().first {
                section { Markdown.render(body) }
            }
            if !item.programmeText.isEmpty {
                h2 { t("events.programme") }
                para { item.programmeText }
            }
            if !item.outcome.isEmpty {
                h2 { t("events.outcome") }
                para { item.outcome }
            }
            if !plans.isEmpty {
                h2 { t("events.plans") }
                table(.class("plans")) {
                    tbody {
                        for plan in plans {
                            tr {
                                td { link(.href(Paths.cityActions(plan.citySlug))) { t.pick(plan.cityNames) } }
                                td { plan.title }
                                td {
                                    t(
                                        "events.plan_follow_up",
                                        ["actions": String(plan.actions), "updated": String(plan.updated)])
                                }
                            }
                        }
                    }
                }
            }
            if !item.results.isEmpty {
                h2 { t("knowledge.results") }
                table(.class("results")) {
                    tbody {
                        for result in item.results {
                            tr {
                                td { result.description }
                                td(.class("number")) { t.number(result.value, maxFractionDigits: 6) }
                                td { result.unit }
                            }
                        }
                    }
                }
            }
            if !item.lessons.isEmpty {
                h2 { t("knowledge.lessons") }
                para { item.lessons }
            }
            para(.class("hint sources")) { t("common.sources") + ": " + view.list(item.sources).joined(separator: ", ") }
        }
    }

    /// "2019-07-10 – 2019-07-12 (Asia/Shanghai)" or with times.
    static func when(_ item: KnowledgeItem) -> String {
        var text = item.startsOn ?? ""
        if let time = item.startTime { text += " \(time)" }
        if let end = item.endsOn, end != item.startsOn || item.endTime != nil {
            text += " – " + (end != item.startsOn ? end : "") + (item.endTime.map { " \($0)" } ?? "")
        }
        if let zone = item.timeZone { text += " (\(zone))" }
        return text
    }
}
