import FluentKit
import Foundation
import Logging
import SQLKit

@testable import App

/// Migrated (and, for tests that ask, seeded) databases made once per test process and copied for
/// each test: seeding the demo data costs seconds, copying a file or a schema's rows a fraction.
///
/// SQLite: a template file, copied. PostgreSQL: a template schema; each test's schema is migrated
/// (tables, triggers, constraints) and the template's rows are copied in with triggers and
/// constraint checks off (`session_replication_role = replica`).
actor TemplateDatabases {
    static let shared = TemplateDatabases()

    private var sqliteTemplates: [Bool: Task<URL, any Error>] = [:]
    private var postgresTemplates: [Bool: Task<String, any Error>] = [:]

    /// A template SQLite file, migrated and seeded if asked.
    func sqlite(seeded: Bool, logger: Logger) async throws -> URL {
        if let task = sqliteTemplates[seeded] { return try await task.value }
        let task = Task {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lcc-template-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let file = directory.appendingPathComponent(seeded ? "seeded.sqlite" : "empty.sqlite")
            let database = try await DatabaseHandle.open(.sqlite(path: file.path), logger: logger)
            do {
                try await Self.prepare(database, seeded: seeded)
                // Everything into the main file, so a copy of that one file is the whole database.
                try await database.db.sql().raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
            return file
        }
        sqliteTemplates[seeded] = task
        return try await task.value
    }

    /// A template schema in the test PostgreSQL, migrated and seeded if asked.
    func postgres(url: String, seeded: Bool, logger: Logger) async throws -> String {
        if let task = postgresTemplates[seeded] { return try await task.value }
        let task = Task {
            let schema = "tpl_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let database = try await DatabaseHandle.open(
                .postgres(url: url), postgresSchema: schema, postgresConnections: 2, logger: logger)
            do {
                try await Self.prepare(database, seeded: seeded)
            } catch {
                await database.shutdown()
                throw error
            }
            await database.shutdown()
            return schema
        }
        postgresTemplates[seeded] = task
        return try await task.value
    }

    private static func prepare(_ database: DatabaseHandle, seeded: Bool) async throws {
        try await database.migrate()
        if seeded { _ = try await Seeder(db: database.db, clock: AppClock()).seed(try DemoData.load()) }
    }

    /// Copies every row of the template schema's tables into `schema` (already migrated).
    static func copyRows(from template: String, into schema: String, on db: any Database) async throws {
        let sql = try db.sql()
        let tables = try await sql.raw(
            """
            SELECT table_name FROM information_schema.tables WHERE table_schema = \(bind: template) AND table_type = 'BASE TABLE'
            """
        ).all().map { try $0.decode(column: "table_name", as: String.self) }
        try await db.transaction { db in
            let sql = try db.sql()
            try await sql.raw("SET LOCAL session_replication_role = replica").run()
            for table in tables where table != "_fluent_migrations" {
                try await sql.raw("DELETE FROM \(ident: schema).\(ident: table)").run()
                try await sql.raw("INSERT INTO \(ident: schema).\(ident: table) SELECT * FROM \(ident: template).\(ident: table)")
                    .run()
            }
        }
    }
}
