import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// Rendered inventory pages for visitors, keyed by everything a visitor sees on them: the
/// inventory's version (every change bumps it), its verifier, the city's record, and the
/// versions of the city's other inventories and its reported totals (the trend chart). One
/// SQL query answers "is the page still the same?", so a busy published page costs neither the
/// ORM nor rendering.
final class InventoryPageCache: Sendable {
    private let pages = NIOLockedValueBox<[String: String]>([:])
    private let capacity: Int

    init(capacity: Int = 256) { self.capacity = capacity }

    func get(_ key: String) -> String? { pages.withLockedValue { $0[key] } }

    func put(_ key: String, _ html: String) {
        pages.withLockedValue { pages in
            if pages.count >= capacity { pages.removeAll(keepingCapacity: true) }
            pages[key] = html
        }
    }

    /// The stamp of a published inventory page, or nil when there is no such published inventory.
    static func stamp(slug: String, year: Int, on db: any Database) async throws -> String? {
        let query: SQLQueryString = """
            SELECT i.id AS id, i.version AS version, i.state AS state, i.verifier_id AS verifier, c.updated_at AS city_updated,
              (SELECT COUNT(*) FROM inventories j WHERE j.city_id = c.id) AS inventories,
              (SELECT CAST(SUM(j.version) AS BIGINT) FROM inventories j WHERE j.city_id = c.id) AS versions,
              (SELECT COUNT(*) FROM reported_emissions r WHERE r.city_id = c.id) AS reported
            FROM inventories i JOIN cities c ON c.id = i.city_id
            WHERE c.slug = \(bind: slug) AND i.year = \(bind: year)
            """
        guard let row = try await db.sql().raw(query).first(),
            try row.decode(column: "state", as: String.self) == InventoryState.published.rawValue
        else { return nil }
        let parts: [String] = [
            try row.decode(column: "id", as: UUID.self).uuidString, String(try row.decode(column: "version", as: Int.self)),
            (try row.decode(column: "verifier", as: UUID?.self))?.uuidString ?? "-",
            String(try row.decode(column: "city_updated", as: Date?.self)?.timeIntervalSince1970 ?? 0),
            String(try row.decode(column: "inventories", as: Int.self)),
            String(try row.decode(column: "versions", as: Int?.self) ?? 0),
            String(try row.decode(column: "reported", as: Int.self)),
        ]
        return parts.joined(separator: "|")
    }
}
