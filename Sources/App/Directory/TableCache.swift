import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// A list read from the database once and kept in memory until its tables change, plus the pieces
/// rendered from it (HTML lists, JSON pages).
///
/// Why: reading a directory through Fluent models cost ~10 ms a request (each model instance is
/// built by reflection and each JSON column decoded on its own) — 1/80 of `/healthz`. Each request
/// now asks the database one small question per table — has anything changed? (row count, latest
/// create and update) — so an edit made by another app process or the CLI shows on the next
/// request, and several processes can share one database.
final class TableCache<Entry: Sendable>: Sendable {
    private let tables: [String]
    private let load: @Sendable (any Database) async throws -> [Entry]
    private let snapshot = NIOLockedValueBox<(stamp: String, entries: [Entry])?>(nil)
    /// The load under way, so that requests arriving together after a change wait for one load
    /// instead of each reading the whole table (seen as a 375 ms p99 on a cold /organisations).
    private let loading = NIOLockedValueBox<(stamp: String, task: Task<[Entry], any Error>)?>(nil)
    private let fragments = NIOLockedValueBox<(stamp: String, byKey: [String: String])>(("", [:]))
    private static var maxFragments: Int { 2000 }

    init(tables: [String], load: @escaping @Sendable (any Database) async throws -> [Entry]) {
        self.tables = tables
        self.load = load
    }

    /// The current entries and the stamp they were read at.
    func entries(on db: any Database) async throws -> (entries: [Entry], stamp: String) {
        var parts: [String] = []
        for table in tables { parts.append(try await Self.stamp(of: table, on: db)) }
        let stamp = parts.joined(separator: "/")
        if let cached = snapshot.withLockedValue({ $0 }), cached.stamp == stamp { return (cached.entries, stamp) }
        let load = self.load
        let task = loading.withLockedValue { current in
            if let current, current.stamp == stamp { return current.task }
            let task = Task { try await load(db) }
            current = (stamp, task)
            return task
        }
        defer { loading.withLockedValue { current in if current?.stamp == stamp { current = nil } } }
        // A failed load is not kept: the next request tries again.
        let entries = try await task.value
        snapshot.withLockedValue { $0 = (stamp, entries) }
        return (entries, stamp)
    }

    /// A rendered piece for this stamp: made once, then reused until the tables change.
    func fragment(_ key: String, stamp: String, make: () throws -> String) rethrows -> String {
        if let hit = fragments.withLockedValue({ $0.stamp == stamp ? $0.byKey[key] : nil }) { return hit }
        let made = try make()
        fragments.withLockedValue { cache in
            if cache.stamp != stamp || cache.byKey.count >= Self.maxFragments { cache = (stamp, [:]) }
            cache.byKey[key] = made
        }
        return made
    }

    /// Row count and latest writes of a table: any insert, update or delete changes one of them.
    private static func stamp(of table: String, on db: any Database) async throws -> String {
        let row = try await db.sql().raw(
            """
            SELECT COUNT(*) AS n, CAST(MAX(updated_at) AS TEXT) AS u, CAST(MAX(created_at) AS TEXT) AS c \
            FROM \(ident: table)
            """
        ).first()
        guard let row else { return "" }
        let count = try row.decode(column: "n", as: Int.self)
        let updated = try row.decode(column: "u", as: String?.self) ?? ""
        let created = try row.decode(column: "c", as: String?.self) ?? ""
        return "\(count)|\(updated)|\(created)"
    }
}

/// A row of a directory: what the shared filter needs to know of it.
protocol DirectoryEntry: Sendable {
    /// Lower-cased names in every language and the slug.
    var searchText: String { get }
    var countryCode: String? { get }
    var typeKey: String? { get }
}

/// A directory (cities, organisations): its list in memory, filtered there by name in any
/// language (substring), country and type, in the order the loader gives.
final class Directory<Entry: DirectoryEntry>: Sendable {
    let cache: TableCache<Entry>

    init(tables: [String], load: @escaping @Sendable (any Database) async throws -> [Entry]) {
        cache = TableCache(tables: tables, load: load)
    }

    /// The page the filter asks for, the countries present, and the stamp of the data.
    func list(_ filter: ListFilter, on db: any Database) async throws -> (page: PageOf<Entry>, countries: [String], stamp: String)
    {
        let (entries, stamp) = try await cache.entries(on: db)
        let term = filter.searchTerm
        let matches = entries.filter { entry in
            (term.map { entry.searchText.contains($0) } ?? true)
                && (filter.country.isEmpty || entry.countryCode == filter.country)
                && (filter.type.isEmpty || entry.typeKey == filter.type)
        }
        return (matches.page(filter), Set(entries.compactMap(\.countryCode)).sorted(), stamp)
    }

    func fragment(_ key: String, stamp: String, make: () throws -> String) rethrows -> String {
        try cache.fragment(key, stamp: stamp, make: make)
    }
}

extension Array where Element: Sendable {
    /// The page of this (already filtered) list the filter asks for.
    func page(_ filter: ListFilter) -> PageOf<Element> {
        let rows = Paging.rows(page: filter.page, perPage: filter.perPage).clamped(to: 0..<count)
        return PageOf(items: Array(self[rows]), page: filter.page, perPage: filter.perPage, total: count)
    }
}
