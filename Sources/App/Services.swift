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
    let cityDirectory: CityDirectory
    let organisationDirectory: OrganisationDirectory
    let clock: AppClock
    let logger: Logger
    /// GPC tree, GWPs, fuels and the factor library, loaded and validated once at start.
    let reference: ReferenceData
    let inventoryCache: InventoryCache
    let inventoryPages = InventoryPageCache()
    let registryCache = RegistryCache()
    /// Rendered registry list pages for visitors (the same bounded page cache as inventories).
    let registryPages = InventoryPageCache()
    /// Rendered knowledge pages and feeds for visitors.
    let knowledgePages = InventoryPageCache()

    var db: any Database { database.db }

    var inventories: InventoryService {
        InventoryService(db: db, reference: reference, cache: inventoryCache, clock: clock)
    }
}
