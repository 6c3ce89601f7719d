import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Inventories gain a kind — community (GPC, every inventory so far) or government operations —
/// and a city may keep one of each per year: the uniqueness of (city, year) becomes (city, year, kind).
///
/// PostgreSQL swaps the constraint. SQLite cannot drop a table constraint, so the table is rebuilt
/// the way SQLite documents (§7 of "ALTER TABLE"): on one connection with foreign keys off, in a
/// transaction, a copy is made from the table's own CREATE statement with the new constraint, the
/// rows copied, the old table dropped (foreign keys off: its lines and versions stay) and the copy
/// renamed; its indexes and triggers are made again from their own statements. Working from the
/// stored statements keeps any column another migration added.
struct M041_AddInventoryKind: AsyncMigration {
    static let oldUnique = #"CONSTRAINT "uq:inventories.city_id+inventories.year" UNIQUE ("city_id", "year")"#
    static let newUnique =
        #"CONSTRAINT "uq:inventories.city_id+inventories.year+inventories.kind" UNIQUE ("city_id", "year", "kind")"#

    func prepare(on database: any Database) async throws {
        try await database.schema("inventories").field("kind", .string, .required, .sql(.default("community"))).update()
        if try database.sql().dialect.name == "postgresql" {
            try await database.schema("inventories").deleteUnique(on: "city_id", "year").update()
            try await database.schema("inventories").unique(on: "city_id", "year", "kind").update()
        } else {
            try await rebuildSQLite(on: database, from: Self.oldUnique, to: Self.newUnique)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.query(Inventory.self).filter(\.$kindRaw == InventoryKind.government.rawValue).delete()
        if try database.sql().dialect.name == "postgresql" {
            try await database.schema("inventories").deleteUnique(on: "city_id", "year", "kind").update()
            try await database.schema("inventories").unique(on: "city_id", "year").update()
        } else {
            try await rebuildSQLite(on: database, from: Self.newUnique, to: Self.oldUnique)
        }
        try await database.schema("inventories").deleteField("kind").update()
    }

    struct RebuildError: Error, CustomStringConvertible {
        let description: String
    }

    private func rebuildSQLite(on database: any Database, from old: String, to new: String) async throws {
        try await database.withConnection { connection in
            let sql = try connection.sql()
            // Not inside a transaction: SQLite ignores this pragma there.
            try await sql.raw("PRAGMA foreign_keys = OFF").run()
            do {
                try await sql.raw("BEGIN").run()
                do {
                    try await Self.rebuild(sql, from: old, to: new)
                    try await sql.raw("COMMIT").run()
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
            } catch {
                try? await sql.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
            try await sql.raw("PRAGMA foreign_keys = ON").run()
        }
    }

    private static func rebuild(_ sql: any SQLDatabase, from old: String, to new: String) async throws {
        let statements = try await sql.raw(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'inventories' AND sql IS NOT NULL"
        ).all().map {
            (type: try $0.decode(column: "type", as: String.self), sql: try $0.decode(column: "sql", as: String.self))
        }
        guard let create = statements.first(where: { $0.type == "table" })?.sql, create.contains(old),
            create.hasPrefix(#"CREATE TABLE "inventories""#)
        else { throw RebuildError(description: "inventories: the table's statement does not have the expected constraint") }
        let copy = create.replacingOccurrences(of: old, with: new).replacingOccurrences(
            of: #"CREATE TABLE "inventories""#, with: #"CREATE TABLE "inventories_rebuilt""#)
        try await sql.raw("\(unsafeRaw: copy)").run()
        try await sql.raw(#"INSERT INTO "inventories_rebuilt" SELECT * FROM "inventories""#).run()
        try await sql.raw(#"DROP TABLE "inventories""#).run()
        try await sql.raw(#"ALTER TABLE "inventories_rebuilt" RENAME TO "inventories""#).run()
        for statement in statements where statement.type == "index" || statement.type == "trigger" {
            try await sql.raw("\(unsafeRaw: statement.sql)").run()
        }
        // The rows that point at inventories, and its own city references, must all still resolve.
        let children = try await sql.raw(
            #"SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%REFERENCES "inventories"%'"#
        ).all().map { try $0.decode(column: "name", as: String.self) }
        for table in ["inventories"] + children {
            let broken = try await sql.raw("PRAGMA foreign_key_check(\(ident: table))").all()
            if !broken.isEmpty { throw RebuildError(description: "\(table): \(broken.count) rows lost their reference") }
        }
    }
}
