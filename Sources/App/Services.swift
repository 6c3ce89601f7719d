import CarbonAccounting
import FluentKit
import Foundation
import HummingbirdAuth
import Logging

/// The clock is a value so tests can move time (token expiry, rate-limit windows).
struct AppClock: Sendable {
    var now: @Sendable () -> Date = { Date() }
}

/// Everything handlers need, passed explicitly to each controller. No globals.
struct Services: Sendable {
    let config: AppConfig
    let database: DatabaseHandle
    let catalogue: Catalogue
    let sessions: WebSessions
    let clock: AppClock
    let logger: Logger
    /// GPC tree, GWPs, fuels and the factor library, loaded and validated once at start.
    let reference: ReferenceData
    /// The one cache: pages, documents and computed results, each fresh by its tables' versions.
    let cache: ReadCache

    var db: any Database { database.db }

    /// What named queries take.
    var query: QueryContext { QueryContext(db: db, reference: reference, clock: clock, cache: cache) }

    var inventories: InventoryService {
        InventoryService(db: db, reference: reference, cache: cache, clock: clock)
    }
}
