import CarbonAccounting
import Foundation

enum KnowledgePages {
    /// The hub: latest news, events and case studies, and the search box.
    static func hub(_ model: KnowledgeHubModel, chrome: Chrome) -> String {
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
                cards(model.caseStudies, t: t)
            }
            section {
                h2 { t("knowledge.kind.event.plural") }
                cards(model.events, t: t)
            }
            section {
                h2 { t("knowledge.kind.news.plural") }
                cards(model.news, t: t)
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

    static func cards(_ records: [KnowledgeRecord], t: Translator) -> Node {
        guard !records.isEmpty else { return para(.class("empty")) { t("knowledge.none") } }
        return ul(.class("cards")) {
            for record in records {
                li {
                    link(.href(record.url)) { t.pick(record.titles) }
                    para(.class("hint")) { meta(record, t: t) }
                    if let summary = record.summaries[t.locale.rawValue] ?? record.summaries["en"] { para { summary } }
                }
            }
        }
    }

    /// "2019-07-10 – 2019-07-12 · Workshop · Guiyang": dates (or a news item's day), type, place.
    static func meta(_ record: KnowledgeRecord, t: Translator) -> String {
        var parts: [String] = []
        if let starts = record.startsOn {
            if let ends = record.endsOn, ends != starts { parts.append("\(starts) – \(ends)") } else { parts.append(starts) }
        } else if let published = record.publishedAt, record.kind == .news {
            parts.append(ISODay.format(published))
        }
        if let type = record.eventType { parts.append(t("event_type.\(type)")) }
        if let city = record.city {
            parts.append(t.pick(city.names))
        } else if let country = record.country {
            parts.append(Components.country(country, t: t))
        }
        return parts.joined(separator: " · ")
    }

    static func list(_ model: KnowledgeListModel, chrome: Chrome) -> String {
        let t = chrome.t
        let title = t("knowledge.kind.\(model.kind.rawValue).plural")
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) { link(.href(Paths.knowledge)) { t("knowledge.title") } }
            h1 { title }
            searchBox(query: "", t: t)
            cards(model.records, t: t)
        }
    }

    static func detail(_ model: KnowledgeDetailModel, chrome: Chrome) -> String {
        let t = chrome.t
        let record = model.record
        let title = t.pick(record.titles)
        return Layout.render(title: title, chrome: chrome) {
            para(.class("breadcrumb")) {
                link(.href(Paths.knowledge)) { t("knowledge.title") }
                " · "
                link(.href(Paths.knowledgeList(record.kind))) { t("knowledge.kind.\(record.kind.rawValue).plural") }
            }
            h1(.lang(record.titles[t.locale.rawValue] != nil ? t.locale.rawValue : "en")) { title }
            Components.languages(
                record.titles.merging(record.summaries) { a, _ in a }.merging(record.bodies) { a, _ in a }, t: t)
            if let summary = Components.translated(record.summaries, t: t) { summary }
            if let photoID = record.photoID, let photoName = model.photoName {
                Node.element(
                    "figure", [.class("photo")],
                    [
                        Node.void(
                            "img",
                            [
                                .custom("src", Paths.storedFile(photoID, photoName)),
                                .custom("alt", record.photoCaption ?? ""),
                            ]),
                        Node.element(
                            "figcaption", [],
                            [
                                .text(
                                    [record.photoCaption, record.photoCredit.map { "© " + $0 }].compactMap { $0 }.joined(
                                        separator: " — "))
                            ]),
                    ])
            }
            dl(.class("facts")) {
                dt { t("knowledge.kind") }
                dd {
                    t("knowledge.kind.\(record.kind.rawValue)") + (record.eventType.map { " · " + t("event_type.\($0)") } ?? "")
                }
                if record.startsOn != nil {
                    dt { t("events.when") }
                    dd { when(record) }
                }
                if !record.place.isEmpty {
                    dt { t("events.place") }
                    dd { record.place }
                }
                if let city = record.city {
                    dt { t("knowledge.city") }
                    dd { link(.href(Paths.city(city.slug))) { t.pick(city.names) } }
                }
                if let sector = record.sector {
                    dt { t("action_field.sector") }
                    dd { t("sector.\(sector)") + (record.gpcRef.map { " (\($0))" } ?? "") }
                }
                if !record.pathways.isEmpty {
                    dt { t("city.pathways") }
                    dd { record.pathways.map { t("pathway.\($0)") }.joined(separator: ", ") }
                }
                for (key, names) in [
                    ("events.organisers", record.organisers), ("events.partners", record.partners),
                    ("events.participants", record.participantOrganisations),
                ] where !names.isEmpty {
                    dt { t(key) }
                    dd { names.joined(separator: ", ") }
                }
                if let count = record.participantCount {
                    dt { t("events.participant_count") }
                    dd { String(count) }
                }
            }
            if let body = record.bodies[t.locale.rawValue] ?? record.bodies["en"] ?? record.bodies.values.sorted().first {
                section { Markdown.render(body) }
            }
            if !record.programmeText.isEmpty {
                h2 { t("events.programme") }
                para { record.programmeText }
            }
            if !record.outcome.isEmpty {
                h2 { t("events.outcome") }
                para { record.outcome }
            }
            if !model.plans.isEmpty {
                h2 { t("events.plans") }
                table(.class("plans")) {
                    tbody {
                        for plan in model.plans {
                            tr {
                                td { link(.href(Paths.cityActions(plan.city.slug))) { t.pick(plan.city.names) } }
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
            if !record.results.isEmpty {
                h2 { t("knowledge.results") }
                table(.class("results")) {
                    tbody {
                        for result in record.results {
                            tr {
                                td { result.description }
                                td(.class("number")) { t.number(result.value, maxFractionDigits: 6) }
                                td { result.unit }
                            }
                        }
                    }
                }
            }
            if !record.lessons.isEmpty {
                h2 { t("knowledge.lessons") }
                para { record.lessons }
            }
            para(.class("hint sources")) { t("common.sources") + ": " + record.sources.joined(separator: ", ") }
        }
    }

    /// "2019-07-10 – 2019-07-12 (Asia/Shanghai)" or with times.
    static func when(_ record: KnowledgeRecord) -> String {
        var text = record.startsOn ?? ""
        if let time = record.startTime { text += " \(time)" }
        if let end = record.endsOn, end != record.startsOn || record.endTime != nil {
            text += " – " + (end != record.startsOn ? end : "") + (record.endTime.map { " \($0)" } ?? "")
        }
        if let zone = record.timeZone { text += " (\(zone))" }
        return text
    }
}
