import FluentKit
import SQLKit

struct M008_CreateSessionsAndLoginAttempts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("persist_entries")
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .field("expires_at", .datetime)
            .create()
        try await database.schema("login_attempts")
            .id()
            .field("account_key", .string, .required)
            .field("client_key", .string, .required)
            .field("attempted_at", .datetime, .required)
            .create()
        let sql = try database.sql()
        try await sql.create(index: "login_attempts_account").on("login_attempts").column("account_key").run()
        try await sql.create(index: "login_attempts_client").on("login_attempts").column("client_key").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_attempts").delete()
        try await database.schema("persist_entries").delete()
    }
}
