import FluentKit
import Foundation
import Hummingbird
import SQLKit

/// Public knowledge pages and feeds are rendered once per state of what they show: one query of
/// indexed maxima and small counts says whether anything changed (records, cities, organisations,
/// inventories for the sitemap). Measured before the cache: /events.ics p99 224 ms, /sitemap.xml
/// 575 ms at `wrk -c16` (Fluent decodes every record each time).
enum KnowledgeStamp {
    static func current(on db: any Database) async throws -> String {
        let query: SQLQueryString = """
            SELECT (SELECT COUNT(*) FROM knowledge_items) AS items, (SELECT MAX(updated_at) FROM knowledge_items) AS items_at,
              (SELECT MAX(updated_at) FROM cities) AS cities_at, (SELECT COUNT(*) FROM cities) AS cities,
              (SELECT MAX(updated_at) FROM organisations) AS organisations_at, (SELECT COUNT(*) FROM organisations) AS organisations,
              (SELECT MAX(updated_at) FROM inventories) AS inventories_at
            """
        guard let row = try await db.sql().raw(query).first() else { return "" }
        func count(_ name: String) throws -> String { String(try row.decode(column: name, as: Int?.self) ?? 0) }
        func date(_ name: String) throws -> String {
            String(try row.decode(column: name, as: Date?.self)?.timeIntervalSince1970 ?? 0)
        }
        return [
            try count("items"), try date("items_at"), try date("cities_at"), try count("cities"), try date("organisations_at"),
            try count("organisations"), try date("inventories_at"),
        ].joined(separator: "|")
    }
}

extension Services {
    /// A visitor's knowledge page or feed from the cache while nothing it shows has changed; the key
    /// holds the day (upcoming/past), the language and the host (feeds carry absolute links).
    func knowledgeText(
        _ request: Request, _ context: AppRequestContext, render: () async throws -> String
    ) async throws -> String {
        guard context.user == nil else { return try await render() }
        let stamp = try await KnowledgeStamp.current(on: db)
        let key = [
            stamp, ISODay.format(clock.now()), context.locale.rawValue, request.head.authority ?? "", request.uri.description,
        ].joined(separator: "|")
        if let text = knowledgePages.get(key) { return text }
        let text = try await render()
        knowledgePages.put(key, text)
        return text
    }
}
