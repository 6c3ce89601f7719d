import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// The city list kept in memory and filtered there, refreshed whenever the `cities` table changes.
///
/// Why: building the directory from Fluent models cost ~10 ms a request (every row's names,
/// pathways and sources are JSON columns decoded one by one), 1/80 of `/healthz`. Each request now
/// asks the database one aggregate question — has anything changed? — so an edit made through
/// another app process is seen on the next request, and several processes can share one database.
final class CityDirectory: Sendable {
    /// What the directory and the API list show of a city.
    struct Entry: Sendable {
        let slug: String
        let nameEn: String
        let names: [String: String]
        let searchText: String
        let country: String
        let region: String?
        let latitude: Double?
        let longitude: Double?
        let cityType: String?
        let pathways: [String]
        let details: String?
        let sources: [String]

        init(_ city: City) {
            slug = city.slug
            nameEn = city.nameEn
            names = city.names
            searchText = city.searchText
            country = city.country
            region = city.region
            latitude = city.latitude
            longitude = city.longitude
            cityType = city.cityType
            pathways = city.pathways
            details = city.details
            sources = city.sources
        }
    }

    private struct Snapshot: Sendable {
        let stamp: String
        let entries: [Entry]
        let countries: [String]
    }

    private let snapshot = NIOLockedValueBox<Snapshot?>(nil)
    /// Rendered pieces (an HTML list, a JSON page) for the current snapshot, by key.
    private let fragments = NIOLockedValueBox<(stamp: String, byKey: [String: String])>(("", [:]))
    private static let maxFragments = 2000

    /// A rendered piece for this snapshot: made once, then reused until the cities change.
    func fragment(_ key: String, stamp: String, make: () throws -> String) rethrows -> String {
        if let hit = fragments.withLockedValue({ $0.stamp == stamp ? $0.byKey[key] : nil }) { return hit }
        let made = try make()
        fragments.withLockedValue { cache in
            if cache.stamp != stamp || cache.byKey.count >= Self.maxFragments { cache = (stamp, [:]) }
            cache.byKey[key] = made
        }
        return made
    }

    /// A page of cities matching the filter (name in any language as a substring, country, type),
    /// in English alphabetical order, and the countries present.
    func list(_ filter: ListFilter, on db: any Database) async throws -> (page: PageOf<Entry>, countries: [String], stamp: String)
    {
        let current = try await load(on: db)
        let term = filter.likePattern
        let matches = current.entries.filter { entry in
            (term.map { entry.searchText.contains($0) } ?? true)
                && (filter.country.isEmpty || entry.country == filter.country)
                && (filter.type.isEmpty || entry.cityType == filter.type)
        }
        let rows = Paging.rows(page: filter.page, perPage: filter.perPage).clamped(to: 0..<matches.count)
        let page = PageOf(items: Array(matches[rows]), page: filter.page, perPage: filter.perPage, total: matches.count)
        return (page, current.countries, current.stamp)
    }

    private func load(on db: any Database) async throws -> Snapshot {
        let stamp = try await Self.stamp(on: db)
        if let cached = snapshot.withLockedValue({ $0 }), cached.stamp == stamp { return cached }
        let entries = try await City.query(on: db).sort(\.$nameEn).sort(\.$slug).all().map(Entry.init)
        let fresh = Snapshot(stamp: stamp, entries: entries, countries: Array(Set(entries.map(\.country))).sorted())
        snapshot.withLockedValue { $0 = fresh }
        return fresh
    }

    /// Row count and latest write: any insert, update or delete changes one of them.
    private static func stamp(on db: any Database) async throws -> String {
        let row = try await db.sql().raw(
            "SELECT COUNT(*) AS n, CAST(MAX(updated_at) AS TEXT) AS u, CAST(MAX(created_at) AS TEXT) AS c FROM cities"
        ).first()
        guard let row else { return "" }
        let count = try row.decode(column: "n", as: Int.self)
        let updated = try row.decode(column: "u", as: String?.self) ?? ""
        let created = try row.decode(column: "c", as: String?.self) ?? ""
        return "\(count)|\(updated)|\(created)"
    }
}
