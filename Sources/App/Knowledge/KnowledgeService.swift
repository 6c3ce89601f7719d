import CarbonAccounting
import FluentKit
import SQLKit
import Foundation

/// The kinds of knowledge record and where their published pages live (stable URLs).
enum KnowledgeKind: String, Sendable, CaseIterable {
    case caseStudy = "case_study"
    case news
    case event
    case publication
}

/// Loading, versioning and indexing of knowledge records.
struct KnowledgeService: Sendable {
    let db: any Database
    let clock: AppClock

    /// Adds the demo records that are not there yet (by kind and slug), published, then indexes
    /// everything searchable.
    func seed(_ seed: KnowledgeSeed) async throws -> Int {
        let cities = Dictionary(uniqueKeysWithValues: try await City.query(on: db).all().map { ($0.slug, $0) })
        let existing = Set(try await KnowledgeItem.query(on: db).all().map { "\($0.kind)|\($0.slug)" })
        let now = clock.now()
        let added = try await db.transaction { db in
            var added = 0
            func make(_ kind: KnowledgeKind, _ slug: String) -> KnowledgeItem? {
                guard !existing.contains("\(kind.rawValue)|\(slug)") else { return nil }
                let item = KnowledgeItem()
                item.kind = kind.rawValue
                item.slug = slug
                item.state = .published
                item.version = 1
                (item.pathways, item.tags, item.place, item.organisers, item.partners) = ("", "", "", "", "")
                (item.participantOrganisations, item.programmeText, item.outcome, item.lessons) = ("", "", "", "")
                (item.contacts, item.programmes, item.results, item.bodies) = ("", "", [], [:])
                return item
            }
            func finish(_ item: KnowledgeItem, titles: [String: String], city: String?, sources: [String], published: String?)
                async throws
            {
                item.titles = titles
                item.titleEn = titles["en"] ?? titles.values.sorted().first ?? item.slug
                if let city, let record = cities[city] {
                    item.$city.id = try record.requireID()
                    item.country = item.country ?? record.country
                }
                item.sources = sources.joined(separator: ";")
                item.publishedAt = published.flatMap(ISODay.parse) ?? now
                try await item.create(on: db)
                try await KnowledgeVersions.record(item, author: nil, at: now, on: db)
                added += 1
            }
            for row in seed.events {
                guard let item = make(.event, row.slug) else { continue }
                item.summaries = row.summaries
                item.eventType = row.type
                (item.startsOn, item.endsOn, item.startTime, item.endTime) = (
                    row.starts_on, row.ends_on, row.start_time, row.end_time
                )
                item.timeZone = row.time_zone
                item.place = row.place
                item.country = row.country
                item.organisers = (row.organisers + row.organiser_names).joined(separator: ";")
                item.partners = (row.partners + row.partner_names).joined(separator: ";")
                item.participantOrganisations = row.participant_organisations.joined(separator: ";")
                item.participantCount = row.participant_count
                item.programmeText = row.programme ?? ""
                item.outcome = row.outcome ?? ""
                item.programmes = row.programme_slugs.joined(separator: ";")
                item.pathways = row.pathways.joined(separator: ";")
                item.year = Int(row.starts_on.prefix(4))
                try await finish(item, titles: row.titles, city: row.city, sources: row.sources, published: row.starts_on)
            }
            for row in seed.caseStudies {
                guard let item = make(.caseStudy, row.slug) else { continue }
                item.summaries = row.summaries
                item.bodies = row.body_md
                item.country = row.country
                item.sector = row.sector
                item.gpcRef = row.gpc_ref
                item.pathways = row.pathway ?? ""
                item.results = row.results
                item.lessons = row.lessons ?? ""
                item.contacts = row.contacts.joined(separator: ";")
                item.programmes = row.programme_slugs.joined(separator: ";")
                item.year = row.year
                try await finish(item, titles: row.titles, city: row.city, sources: row.sources, published: nil)
            }
            for row in seed.news {
                guard let item = make(.news, row.slug) else { continue }
                item.summaries = row.summaries
                item.bodies = row.body_md
                item.year = Int(row.published_on.prefix(4))
                item.tags = row.event_slugs.joined(separator: ";")
                try await finish(item, titles: row.titles, city: row.city, sources: row.sources, published: row.published_on)
            }
            return added
        }
        // The server seeds on every start: rebuild the index only when records were added or it is
        // empty (a new database), not at each start.
        let indexed =
            try await db.sql().select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
            .from(SearchIndex.documents).first()?.decode(column: "count", as: Int.self) ?? 0
        if added > 0 || indexed == 0 { try await SearchIndexer(db: db).reindexAll() }
        return added
    }
}

/// Every change to a knowledge record keeps a snapshot of it (JSON), numbered.
enum KnowledgeVersions {
    static func record(_ item: KnowledgeItem, author: CurrentUser?, at date: Date, on db: any Database) async throws {
        let snapshot: [String: String] = [
            "state": item.state.rawValue, "titles": json(item.titles), "summaries": json(item.summaries),
            "bodies": json(item.bodies),
        ]
        try await db.sql().insert(into: "knowledge_versions")
            .columns("id", "item_id", "number", "snapshot", "author_label", "created_at")
            .values(
                UUID(), try item.requireID(), item.version, json(snapshot), author.map { "\($0.name) <\($0.email)>" } ?? "system",
                date
            )
            .run()
    }

    private static func json(_ value: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(data: encoder.encode(value), encoding: .utf8)) ?? "{}"
    }
}
