import CarbonAccounting
import FluentKit

/// What a named query needs: the database, the reference data (factors, GWPs, GPC tree), the
/// clock, and the cache (a read may build on other cached reads). Queries take this and what the
/// request names, and return plain `Sendable` values.
struct QueryContext: Sendable {
    let db: any Database
    let reference: ReferenceData
    let clock: AppClock
    let cache: ReadCache
}

/// A named read the app keeps in the `ReadCache` while every table it declares is unchanged.
///
/// The declaration is the whole freshness contract: `tables` must list every table `load` reads
/// (a test runs each registered read with SQL tracing and fails on an undeclared table), and any
/// write to one of them — by anyone — changes the stamp the value is kept under.
struct CachedRead<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    let name: String
    let tables: [Table]
    let load: @Sendable (Key, QueryContext) async throws -> Value

    init(_ name: String, tables: [Table], load: @escaping @Sendable (Key, QueryContext) async throws -> Value) {
        self.name = name
        self.tables = tables
        self.load = load
    }
}

/// A value that knows its rough size in bytes, for the cache's memory bound (others count 4 KiB).
protocol CacheCosted {
    var cacheCost: Int { get }
}

extension String: CacheCosted {
    var cacheCost: Int { utf8.count }
}

extension Optional: CacheCosted where Wrapped: CacheCosted {
    var cacheCost: Int { self?.cacheCost ?? 64 }
}

extension Array: CacheCosted {
    /// Lists of rows: about a kilobyte a row.
    var cacheCost: Int { 1024 + count * 1024 }
}

enum CacheCost {
    static func of(_ value: Any) -> Int { (value as? any CacheCosted)?.cacheCost ?? 4096 }
}
