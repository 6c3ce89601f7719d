import CarbonAccounting
import FluentKit
import Foundation
import SQLKit

/// What the search finds, made into `SearchDocument`s: published knowledge records, cities,
/// organisations, programmes, actions, and published review reports with their recommendations.
struct SearchIndexer: Sendable {
    let db: any Database

    /// Re-indexes one record after a change (search shows what is published now).
    func refresh(city: City) async throws { try await SearchIndex.put([Self.document(city)], on: db) }
    func refresh(organisation: Organisation) async throws { try await SearchIndex.put([Self.document(organisation)], on: db) }
    func refresh(action: MitigationAction, city: City) async throws {
        try await SearchIndex.put([try Self.document(action, city: city)], on: db)
    }
    func remove(action id: UUID) async throws { try await SearchIndex.remove(type: "action", key: id.uuidString, on: db) }

    func reindexAll() async throws {
        let sql = try db.sql()
        try await sql.delete(from: SearchIndex.terms).run()
        try await sql.delete(from: SearchIndex.documents).run()
        var documents: [SearchDocument] = []
        for item in try await KnowledgeItem.query(on: db).filter(state: .published).with(\.$city).all() {
            documents.append(Self.document(item))
        }
        documents += try await City.query(on: db).all().map(Self.document)
        documents += try await Organisation.query(on: db).all().map(Self.document)
        for programme in try await Programme.query(on: db).all() {
            documents.append(
                SearchDocument(
                    type: "programme", key: programme.slug, url: Paths.programme(programme.slug),
                    titles: programme.names, text: programme.details ?? "", country: programme.country, sector: nil,
                    pathways: programme.pathways, year: programme.startYear, languages: Array(programme.names.keys)))
        }
        for action in try await MitigationAction.query(on: db).with(\.$city).all() {
            documents.append(try Self.document(action, city: action.city))
        }
        documents += try await ReviewSearch.all(on: db)
        try await SearchIndex.put(documents, on: db, replacing: false)
    }

    static func document(_ city: City) -> SearchDocument {
        SearchDocument(
            type: "city", key: city.slug, url: Paths.city(city.slug), titles: city.names,
            text: [city.details ?? "", city.region ?? ""].joined(separator: "\n"), country: city.country, sector: nil,
            pathways: city.pathways, year: nil, languages: Array(city.names.keys).sorted())
    }

    static func document(_ organisation: Organisation) -> SearchDocument {
        SearchDocument(
            type: "organisation", key: organisation.slug, url: Paths.organisation(organisation.slug),
            titles: organisation.names, text: organisation.details ?? "", country: organisation.country, sector: nil,
            pathways: [], year: nil, languages: Array(organisation.names.keys).sorted())
    }

    static func document(_ action: MitigationAction, city: City) throws -> SearchDocument {
        let id = try action.requireID()
        return SearchDocument(
            type: "action", key: id.uuidString, url: Paths.action(city.slug, id), titles: action.titles,
            text: action.descriptions.keys.sorted().compactMap { action.descriptions[$0] }.joined(separator: "\n") + "\n"
                + action.owner,
            country: city.country, sector: action.sector, pathways: [], year: action.startYear,
            languages: Array(Set(action.titles.keys).union(action.descriptions.keys)).sorted())
    }

    static func document(_ item: KnowledgeItem) -> SearchDocument {
        let kind = KnowledgeKind(rawValue: item.kind) ?? .news
        var text: [String] = item.summaries.keys.sorted().compactMap { item.summaries[$0] }
        text += item.bodies.keys.sorted().compactMap { item.bodies[$0].map(Markdown.plainText) }
        text += [item.place, item.outcome, item.programmeText, item.lessons]
        text += item.results.map { "\($0.description) \(LineColumns.format($0.value)) \($0.unit)" }
        let languages = Set(item.titles.keys).union(item.summaries.keys).union(item.bodies.keys)
        return SearchDocument(
            type: item.kind, key: item.slug, url: Paths.knowledgeRecord(kind, item.slug), titles: item.titles,
            text: text.filter { !$0.isEmpty }.joined(separator: "\n"), country: item.country, sector: item.sector,
            pathways: item.pathways.split(separator: ";").map(String.init), year: item.year, languages: languages.sorted())
    }
}
