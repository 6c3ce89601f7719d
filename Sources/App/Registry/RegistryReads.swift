import FluentKit
import Foundation

/// A city's plan as a route names it. Plans show follow-up and reminders relative to today, so
/// the day is part of the key.
struct CityPlanKey: Hashable, Sendable, CustomStringConvertible {
    let slug: String
    let day: String

    var description: String { "\(slug)@\(day)" }
}

enum RegistryReads {
    /// What progress, forecasts and the action lists read: targets and their cities, inventories
    /// (version totals, and lines when a target needs a recomputation), population and GDP,
    /// reported totals, actions with updates and plans (and the training events plans link to),
    /// forecast settings.
    static let tables: [Table] = [
        .cities, .cityTargets, .cityFacts, .inventories, .inventoryVersions, .inventoryLines, .reportedEmissions,
        .mitigationActions, .actionUpdates, .actionPlans, .cityForecasts, .knowledgeItems, .users,
    ]

    /// Every target with progress and every action: the registry pages, open data and API.
    static let registry = CachedRead<Whole, RegistryData>(
        "registry.all", tables: tables
    ) { _, query in
        try await query.registry()
    }

    /// One city's plan: targets with progress, forecast, actions, plans (nil: no such city).
    static let plan = CachedRead<CityPlanKey, CityPlan?>("registry.plan", tables: tables) {
        key, query in
        guard let city = try await CityQueries.bySlug(key.slug, on: query.db) else { return nil }
        return try await query.plan(of: city)
    }
}

extension Services {
    func registry() async throws -> RegistryData { try await cache.value(RegistryReads.registry, Whole(), in: query) }

    /// The plan of the city a route names, from the cache; 404 for an unknown city.
    func plan(slug: String) async throws -> CityPlan {
        guard let plan = try await cache.value(RegistryReads.plan, planKey(slug), in: query) else { throw AppError.notFound }
        return plan
    }

    func planKey(_ slug: String) -> CityPlanKey { CityPlanKey(slug: slug, day: ISODay.format(clock.now())) }
}

extension RegistryData: CacheCosted {
    var cacheCost: Int { 65_536 + (targets.count + actions.count) * 2048 }
}

extension CityPlan: CacheCosted {
    var cacheCost: Int { 16_384 + (targets.count + actions.count) * 2048 }
}
