import FluentKit

/// Each version also records the required cells it leaves without data or notation key, so target
/// progress can tell whether an inventory covers a target from the version row alone (no lines).
/// Versions written before this migration have NULL: progress then reads their lines.
struct M014_AddVersionMissingCells: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("inventory_versions").field("missing_cells", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("inventory_versions").deleteField("missing_cells").update()
    }
}
