import FluentKit
import SQLKit

/// One version row per table, bumped by a trigger on every write: the read cache's freshness
/// (see `TableVersioning`). The list is frozen here; migrations that add tables later call
/// `TableVersioning.watch` for their own.
struct M019_CreateTableVersions: AsyncMigration {
    static let tables = [
        "action_plans", "action_updates", "api_tokens", "capacity_offers", "capacity_requests", "cities", "city_facts",
        "city_forecasts", "city_programmes", "city_targets", "custom_factors", "inventories", "inventory_lines",
        "inventory_versions", "knowledge_items", "knowledge_versions", "membership_applications", "mitigation_actions",
        "organisations", "programmes", "reported_emissions", "search_documents", "search_terms", "setup_tokens",
        "stored_files", "users",
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(TableVersioning.versionTable)
            .field("name", .string, .identifier(auto: false))
            .field("version", .int64, .required)
            .create()
        try await TableVersioning.watch(Self.tables, on: database)
    }

    func revert(on database: any Database) async throws {
        try await TableVersioning.unwatch(Self.tables, on: database)
        try await database.schema(TableVersioning.versionTable).delete()
    }
}
