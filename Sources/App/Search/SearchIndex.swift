import FluentKit
import Foundation
import SQLKit

/// One published thing the search finds: a knowledge record, a city, an organisation, a programme,
/// an event, an action.
struct SearchDocument: Sendable, Hashable {
    let type: String
    let key: String
    let url: String
    /// Titles by language; the reader's language is shown, else English.
    let titles: [String: String]
    /// All searchable text (every language), kept as written for snippets.
    let text: String
    let country: String?
    let sector: String?
    let pathways: [String]
    let year: Int?
    let languages: [String]
}

/// A ranked result with its snippet (the text around the first match, matches marked).
struct SearchHit: Sendable {
    let document: SearchDocument
    let score: Int
    let snippet: [(text: String, match: Bool)]
}

struct SearchFilter: Sendable, Hashable {
    var type = ""
    var country = ""
    var sector = ""
    var pathway = ""
    var year: Int?
    var language = ""
}

/// A portable inverted index in two tables (the same SQL on SQLite and PostgreSQL): documents, and
/// their terms (`SearchTerms.index`) with a weight: ten per occurrence in a title, one in the text.
/// A query finds the documents holding every term (an index lookup per term), ranks them by the
/// summed weights, then keeps those whose text contains each query word (so 脱炭素 does not match a
/// text with 脱炭 and 炭素 apart).
enum SearchIndex {
    static let documents = "search_documents"
    static let terms = "search_terms"

    /// Adds the documents, replacing those with the same type and key (`replacing: false` when
    /// they are known to be new, as in a full re-index).
    static func put(_ items: [SearchDocument], on db: any Database, replacing: Bool = true) async throws {
        let sql = try db.sql()
        for chunk in stride(from: 0, to: items.count, by: 200).map({ Array(items[$0..<min($0 + 200, items.count)]) }) {
            if replacing { for item in chunk { try await remove(type: item.type, key: item.key, on: db) } }
            let documentRows = chunk.map { item -> (UUID, [any Encodable & Sendable]) in
                let id = UUID()
                let titles = (try? String(data: JSONEncoder().encode(item.titles), encoding: .utf8)) ?? "{}"
                return (
                    id,
                    [
                        id, item.type, item.key, item.url, titles, item.text, item.country ?? "", item.sector ?? "",
                        item.pathways.joined(separator: ";"), item.year, item.languages.joined(separator: ";"),
                    ]
                )
            }
            let insertDocuments = sql.insert(into: documents).columns(
                "id", "type", "key", "url", "titles", "body", "country", "sector", "pathways", "year", "languages")
            for row in documentRows { insertDocuments.values(row.1) }
            try await insertDocuments.run()
            var termRows: [[any Encodable & Sendable]] = []
            for (item, row) in zip(chunk, documentRows) {
                var weights: [String: Int] = [:]
                for title in item.titles.values {
                    for (term, count) in SearchTerms.index(title) { weights[term, default: 0] += 10 * count }
                }
                for (term, count) in SearchTerms.index(item.text) { weights[term, default: 0] += min(count, 20) }
                for (term, weight) in weights { termRows.append([row.0, term, weight]) }
            }
            for start in stride(from: 0, to: termRows.count, by: 1000) {
                let insert = sql.insert(into: terms).columns("document_id", "term", "weight")
                for row in termRows[start..<min(start + 1000, termRows.count)] { insert.values(row) }
                try await insert.run()
            }
        }
    }

    static func remove(type: String, key: String, on db: any Database) async throws {
        let sql = try db.sql()
        let ids = try await sql.select().column("id").from(documents).where("type", .equal, type).where("key", .equal, key).all()
            .map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return }
        try await sql.delete(from: terms).where("document_id", .in, ids).run()
        try await sql.delete(from: documents).where("id", .in, ids).run()
    }

    /// Removes the documents of a type whose key starts with `keyPrefix` (the parts of one record).
    static func remove(type: String, keyPrefix: String, on db: any Database) async throws {
        let sql = try db.sql()
        let ids = try await sql.select().column("id").from(documents).where("type", .equal, type)
            .where("key", .like, keyPrefix.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%")
            .all()
            .map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return }
        try await sql.delete(from: terms).where("document_id", .in, ids).run()
        try await sql.delete(from: documents).where("id", .in, ids).run()
    }

    /// Ranked hits for a query, with the filters; `limit` after the phrase check.
    static func search(_ query: String, filter: SearchFilter, limit: Int, offset: Int = 0, on db: any Database) async throws
        -> (hits: [SearchHit], total: Int)
    {
        let (queryTerms, words) = SearchTerms.query(query)
        guard !queryTerms.isEmpty, queryTerms.count <= 32 else { return ([], 0) }
        let sql = try db.sql()
        var select = sql.select()
            .column(SQLColumn("document_id", table: "t"))
            // PostgreSQL sums a BIGINT column to NUMERIC; the cast keeps it an integer on both databases.
            .column(SQLAlias(SQLRaw("CAST(SUM(t.weight) AS BIGINT)"), as: SQLIdentifier("score")))
            .from(SQLAlias(SQLIdentifier(terms), as: SQLIdentifier("t")))
            .join(
                SQLAlias(SQLIdentifier(documents), as: SQLIdentifier("d")), method: SQLJoinMethod.inner,
                on: SQLBinaryExpression(SQLColumn("document_id", table: "t"), .equal, SQLColumn("id", table: "d"))
            )
            .where(SQLColumn("term", table: "t"), .in, SQLBind.group(queryTerms))
        if !filter.type.isEmpty { select = select.where(SQLColumn("type", table: "d"), .equal, SQLBind(filter.type)) }
        if !filter.country.isEmpty { select = select.where(SQLColumn("country", table: "d"), .equal, SQLBind(filter.country)) }
        if !filter.sector.isEmpty { select = select.where(SQLColumn("sector", table: "d"), .equal, SQLBind(filter.sector)) }
        if let year = filter.year { select = select.where(SQLColumn("year", table: "d"), .equal, SQLBind(year)) }
        if !filter.pathway.isEmpty {
            select = select.where(SQLColumn("pathways", table: "d"), .like, SQLBind("%\(filter.pathway)%"))
        }
        if !filter.language.isEmpty {
            select = select.where(SQLColumn("languages", table: "d"), .like, SQLBind("%\(filter.language)%"))
        }
        let rows = try await select.groupBy(SQLColumn("document_id", table: "t"))
            .having(
                SQLFunction("COUNT", args: SQLColumn("term", table: "t")), .equal, SQLLiteral.numeric(String(queryTerms.count))
            )
            .orderBy(SQLIdentifier("score"), SQLDirection.descending)
            .limit(1000)
            .all()
        let scores = try rows.map {
            (try $0.decode(column: "document_id", as: UUID.self), try $0.decode(column: "score", as: Int.self))
        }
        guard !scores.isEmpty else { return ([], 0) }
        var loaded: [UUID: SearchDocument] = [:]
        for chunk in stride(from: 0, to: scores.count, by: 500).map({ Array(scores[$0..<min($0 + 500, scores.count)]) }) {
            for row in try await sql.select().columns(
                "id", "type", "key", "url", "titles", "body", "country", "sector", "pathways", "year", "languages"
            )
            .from(documents).where("id", .in, chunk.map(\.0)).all() {
                let titles = try JSONDecoder().decode(
                    [String: String].self, from: Data(try row.decode(column: "titles", as: String.self).utf8))
                func optional(_ name: String) throws -> String? {
                    let value = try row.decode(column: name, as: String.self)
                    return value.isEmpty ? nil : value
                }
                loaded[try row.decode(column: "id", as: UUID.self)] = SearchDocument(
                    type: try row.decode(column: "type", as: String.self), key: try row.decode(column: "key", as: String.self),
                    url: try row.decode(column: "url", as: String.self), titles: titles,
                    text: try row.decode(column: "body", as: String.self), country: try optional("country"),
                    sector: try optional("sector"),
                    pathways: try row.decode(column: "pathways", as: String.self).split(separator: ";").map(String.init),
                    year: try row.decode(column: "year", as: Int?.self),
                    languages: try row.decode(column: "languages", as: String.self).split(separator: ";").map(String.init))
            }
        }
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive, .widthInsensitive]
        let matching = scores.compactMap { id, score -> (SearchDocument, Int)? in
            guard let document = loaded[id] else { return nil }
            let haystack = document.titles.values.joined(separator: " ") + " " + document.text
            guard words.allSatisfy({ haystack.range(of: $0, options: options) != nil }) else { return nil }
            return (document, score)
        }
        // Equal scores in a stable order (type, then key): the database returns ties in any order.
        .sorted { ($1.1, $0.0.type, $0.0.key) < ($0.1, $1.0.type, $1.0.key) }
        let page = matching.dropFirst(offset).prefix(limit)
        return (page.map { SearchHit(document: $0.0, score: $0.1, snippet: snippet($0.0.text, words: words)) }, matching.count)
    }

    /// About 160 characters around the first match, each match marked.
    static func snippet(_ text: String, words: [String]) -> [(text: String, match: Bool)] {
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive, .widthInsensitive]
        let first = words.compactMap { text.range(of: $0, options: options) }.min { $0.lowerBound < $1.lowerBound }
        let start =
            first.map { text.index($0.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex }
            ?? text.startIndex
        let end = text.index(start, offsetBy: 160, limitedBy: text.endIndex) ?? text.endIndex
        let window = String(text[start..<end]).replacingOccurrences(of: "\n", with: " ")
        var parts: [(String, Bool)] = []
        var rest = Substring(window)
        while !rest.isEmpty {
            let next = words.compactMap { rest.range(of: $0, options: options) }.min { $0.lowerBound < $1.lowerBound }
            guard let match = next, !match.isEmpty else {
                parts.append((String(rest), false))
                break
            }
            if match.lowerBound > rest.startIndex { parts.append((String(rest[rest.startIndex..<match.lowerBound]), false)) }
            parts.append((String(rest[match]), true))
            rest = rest[match.upperBound...]
        }
        if start > text.startIndex { parts.insert(("… ", false), at: 0) }
        if end < text.endIndex { parts.append((" …", false)) }
        return parts
    }
}

/// A search as a request names it: words, filters and the page of results.
struct SearchKey: Hashable, Sendable, CustomStringConvertible {
    let query: String
    let filter: SearchFilter
    let limit: Int
    let offset: Int

    var description: String {
        // The free text goes first with its length, so no query can pose as other fields.
        [
            "\(query.utf8.count):\(query)", filter.type, filter.country, filter.sector, filter.pathway,
            filter.year.map(String.init) ?? "", filter.language,
            String(limit), String(offset),
        ].joined(separator: "|")
    }
}

/// A page of search results with the total.
struct SearchResults: Sendable {
    let hits: [SearchHit]
    let total: Int
}

enum SearchReads {
    /// Results of one search: the same for every reader (only published records are indexed),
    /// kept until the index changes.
    static let results = CachedRead<SearchKey, SearchResults>(
        "search.results", tables: [.searchDocuments, .searchTerms]
    ) { key, query in
        guard !key.query.isEmpty else { return SearchResults(hits: [], total: 0) }
        let found = try await SearchIndex.search(
            key.query, filter: key.filter, limit: key.limit, offset: key.offset, on: query.db)
        return SearchResults(hits: found.hits, total: found.total)
    }
}

extension SearchResults: CacheCosted {
    var cacheCost: Int { 4096 + hits.count * 2048 }
}
