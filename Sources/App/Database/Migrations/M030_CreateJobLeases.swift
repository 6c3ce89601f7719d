import FluentKit

/// One row per scheduled job (reminders, backups): who runs it now and when it last ran, so that
/// several instances on one database run each job once, not once each.
struct M030_CreateJobLeases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("job_leases")
            .field("name", .string, .identifier(auto: false))
            .field("holder", .string)
            .field("lease_until", .datetime)
            .field("last_run_at", .datetime)
            .field("last_outcome", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("job_leases").delete()
    }
}
