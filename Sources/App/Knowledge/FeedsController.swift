import FluentKit
import Foundation
import Hummingbird
import NIOCore

/// Machine-readable views of what is published: the events as iCalendar (all, or one city's), the
/// news as an Atom feed (RFC 4287), and the sitemap (sitemaps.org 0.9).
struct FeedsController: Sendable {
    let services: Services

    func events(_ request: Request, context: AppRequestContext) async throws -> Response {
        Self.response(
            try await services.knowledgeText(request, context) { try await calendar(request, city: nil) },
            type: "text/calendar; charset=utf-8")
    }

    func cityEvents(_ request: Request, context: AppRequestContext) async throws -> Response {
        let city = try await services.city(slug: try context.parameters.require("slug"))
        return Self.response(
            try await services.knowledgeText(request, context) { try await calendar(request, city: city) },
            type: "text/calendar; charset=utf-8")
    }

    private func calendar(_ request: Request, city: City?) async throws -> String {
        var query = KnowledgeItem.query(on: services.db).filter(\.$kind == KnowledgeKind.event.rawValue)
            .filter(state: .published)
        if let city { query = query.filter(\.$city.$id == (try city.requireID())) }
        let items = try await query.sort(\.$startsOn).all()
        let base = request.absoluteURL("", publicURL: services.config.publicURL)
        let events = items.compactMap { item -> ICalendar.Event? in
            guard let startDay = item.startsOn else { return nil }
            let zone = item.timeZone ?? "UTC"
            let start = item.startTime.flatMap { ICalendar.instant(day: startDay, time: $0, zone: zone) }
            let end = item.endTime.flatMap { ICalendar.instant(day: item.endsOn ?? startDay, time: $0, zone: zone) }
            return ICalendar.Event(
                uid: "\(item.slug)@lcc-platform", summary: item.titles["en"] ?? item.titleEn,
                description: item.summaries["en"] ?? "", location: item.place,
                url: base + Paths.knowledgeRecord(.event, item.slug), startDay: startDay, endDay: item.endsOn ?? startDay,
                start: start, end: start == nil ? nil : end, lastModified: item.updatedAt ?? Date(timeIntervalSince1970: 0))
        }
        let name = city.map { "LCC Platform — \($0.nameEn)" } ?? "LCC Platform events"
        return ICalendar.calendar(name: name, events: events, now: services.clock.now())
    }

    func atom(_ request: Request, context: AppRequestContext) async throws -> Response {
        Self.response(
            try await services.knowledgeText(request, context) { try await atomFeed(request) },
            type: "application/atom+xml; charset=utf-8")
    }

    private func atomFeed(_ request: Request) async throws -> String {
        let items = try await KnowledgeItem.query(on: services.db).filter(\.$kind == KnowledgeKind.news.rawValue)
            .filter(state: .published).sort(\.$publishedAt, .descending).range(..<50).all()
        let base = request.absoluteURL("", publicURL: services.config.publicURL)
        let updated = items.compactMap { $0.updatedAt ?? $0.publishedAt }.max() ?? Date(timeIntervalSince1970: 0)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>LCC Platform — news and updates</title>
            <id>\(XML.escape(base + Paths.newsFeed))</id>
            <link rel="self" href="\(XML.escape(base + Paths.newsFeed))"/>
            <link rel="alternate" href="\(XML.escape(base + Paths.knowledgeList(.news)))"/>
            <updated>\(XML.date(updated))</updated>
            <author><name>LCC Platform secretariat</name></author>

            """
        for item in items {
            let url = base + Paths.knowledgeRecord(.news, item.slug)
            xml += """
                <entry>
                <title>\(XML.escape(item.titles["en"] ?? item.titleEn))</title>
                <id>\(XML.escape(url))</id>
                <link rel="alternate" href="\(XML.escape(url))"/>
                <published>\(XML.date(item.publishedAt ?? updated))</published>
                <updated>\(XML.date(item.updatedAt ?? item.publishedAt ?? updated))</updated>
                <summary>\(XML.escape(item.summaries["en"] ?? ""))</summary>
                </entry>

                """
        }
        xml += "</feed>\n"
        return xml
    }

    func sitemap(_ request: Request, context: AppRequestContext) async throws -> Response {
        Self.response(
            try await services.knowledgeText(request, context) { try await sitemapXML(request) },
            type: "application/xml; charset=utf-8")
    }

    private func sitemapXML(_ request: Request) async throws -> String {
        let base = request.absoluteURL("", publicURL: services.config.publicURL)
        var paths = [
            Paths.home, Paths.cities, Paths.organisations, Paths.inventories, Paths.registry, Paths.knowledge,
            Paths.knowledgeList(.caseStudy), Paths.knowledgeList(.news), Paths.events,
        ]
        for city in try await City.query(on: services.db).sort(\.$slug).all() {
            paths += [Paths.city(city.slug), Paths.cityTargets(city.slug), Paths.cityRegistry(city.slug)]
        }
        paths += try await Organisation.query(on: services.db).sort(\.$slug).all().map { Paths.organisation($0.slug) }
        for item in try await KnowledgeItem.query(on: services.db).filter(state: .published).sort(\.$slug).all() {
            if let kind = KnowledgeKind(rawValue: item.kind) { paths.append(Paths.knowledgeRecord(kind, item.slug)) }
        }
        for inventory in try await Inventory.query(on: services.db).filter(\.$stateRaw == InventoryState.published.rawValue)
            .with(\.$city).all()
        {
            paths.append(Paths.inventory(inventory.city.slug, inventory.year, kind: inventory.kind))
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths { xml += "<url><loc>\(XML.escape(base + path))</loc></url>\n" }
        xml += "</urlset>\n"
        return xml
    }

    static func response(_ body: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // Characters XML 1.0 does not allow are dropped.
                if scalar.value == 0x9 || scalar.value == 0xA || scalar.value == 0xD || scalar.value >= 0x20 {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// RFC 3339 in UTC.
    static func date(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
