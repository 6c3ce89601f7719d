import FluentKit
import Hummingbird
import SQLKit

/// Per-table version rows bumped by triggers, the same on SQLite and PostgreSQL.
///
/// Why triggers: a cache is only as fresh as the list of writes that invalidate it. Writing that
/// list by hand (touch `updated_at`, remember every table a page reads) failed once already (the
/// training pages showed action plans the event stamp did not cover). A trigger cannot be
/// forgotten by a new write path, and it also sees the CLI, other instances and plain SQL.
///
/// SQLite has only row-level triggers (one small UPDATE per written row); PostgreSQL uses one
/// statement-level trigger per table. The version row is updated inside the writer's
/// transaction, so a reader sees the new version exactly when it can see the new rows.
enum TableVersioning {
    static let versionTable = "table_versions"

    /// Creates the version row and the triggers of each table (used by the migrations that create
    /// tables; idempotent for the version row).
    static func watch(_ tables: [String], on database: any Database) async throws {
        let sql = try database.sql()
        let postgres = sql.dialect.name == "postgresql"
        if postgres {
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION bump_table_version() RETURNS trigger AS $$
                BEGIN
                  UPDATE table_versions SET version = version + 1 WHERE name = TG_TABLE_NAME;
                  RETURN NULL;
                END $$ LANGUAGE plpgsql
                """
            ).run()
        }
        for table in tables {
            try await sql.raw(
                "INSERT INTO table_versions (name, version) SELECT \(bind: table), 1 WHERE NOT EXISTS (SELECT 1 FROM table_versions WHERE name = \(bind: table))"
            ).run()
            if postgres {
                try await sql.raw(
                    """
                    CREATE TRIGGER \(ident: "tv_" + table) AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(ident: table) \
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_table_version()
                    """
                ).run()
            } else {
                for (event, suffix) in [("INSERT", "i"), ("UPDATE", "u"), ("DELETE", "d")] {
                    try await sql.raw(
                        """
                        CREATE TRIGGER \(ident: "tv_\(table)_\(suffix)") AFTER \(unsafeRaw: event) ON \(ident: table) \
                        BEGIN UPDATE table_versions SET version = version + 1 WHERE name = '\(unsafeRaw: table)'; END
                        """
                    ).run()
                }
            }
        }
    }

    /// Takes the version rows of `tables` at once, in name order, at the start of a transaction that
    /// would otherwise write them in another order than other transactions do (PostgreSQL only:
    /// SQLite has one writer at a time).
    ///
    /// Why: a version row stays locked from a transaction's first write to its table until the
    /// commit. Creating an inventory writes `inventories`, then `inventory_lines`; changing a line
    /// wrote `inventory_lines`, then `inventories` — a 10,000-line import and a line edit on two
    /// instances waited for each other and PostgreSQL aborted one as a deadlock (a 500 found by
    /// scripts/load.sh). Taken in one order, the second waits for the first instead.
    static func lock(_ tables: [Table], on database: any Database) async throws {
        let sql = try database.sql()
        guard sql.dialect.name == "postgresql", !tables.isEmpty else { return }
        let names = tables.map(\.rawValue).sorted()
        try await sql.raw("SELECT name FROM table_versions WHERE name IN (\(binds: names)) ORDER BY name FOR UPDATE").run()
    }

    /// Drops the triggers of each table (migration revert).
    static func unwatch(_ tables: [String], on database: any Database) async throws {
        let sql = try database.sql()
        let postgres = sql.dialect.name == "postgresql"
        for table in tables {
            if postgres {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: "tv_" + table) ON \(ident: table)").run()
            } else {
                for suffix in ["i", "u", "d"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(ident: "tv_\(table)_\(suffix)")").run()
                }
            }
            try await sql.raw("DELETE FROM table_versions WHERE name = \(bind: table)").run()
        }
    }

    /// Every table's version, read together with a signed-in reader's session (one query for both)
    /// and used for the rest of a reading request. Never set while a request writes: a write must
    /// be followed by fresh versions.
    @TaskLocal static var snapshot: [String: Int64]?

    /// All versions as one text column, for queries that read them beside something else
    /// ("name=version,…"; parsed by `parse`).
    static func allVersionsColumn(postgres: Bool) -> SQLQueryString {
        postgres
            ? "(SELECT string_agg(name || '=' || CAST(version AS TEXT), ',') FROM table_versions)"
            : "(SELECT group_concat(name || '=' || version, ',') FROM table_versions)"
    }

    /// Runs a request with the versions read beside its session — only if it only reads (GET,
    /// HEAD): a request that writes reads fresh versions after its write.
    static func reading<Result>(
        _ request: Request, with versions: [String: Int64]?, _ body: () async throws -> Result
    ) async throws -> Result {
        guard let versions, request.method == .get || request.method == .head else { return try await body() }
        return try await $snapshot.withValue(versions) { try await body() }
    }

    /// Every table's version in one query: the snapshot of a visitor's reading request (no session
    /// to read them with), so a page built from several cached reads checks them all at once.
    static func all(on db: any Database) async throws -> [String: Int64] {
        var versions: [String: Int64] = [:]
        for row in try await db.sql().select().column("name").column("version").from(versionTable).all() {
            versions[try row.decode(column: "name", as: String.self)] = try row.decode(column: "version", as: Int64.self)
        }
        return versions
    }

    static func parse(_ text: String?) -> [String: Int64]? {
        guard let text, !text.isEmpty else { return nil }
        var versions: [String: Int64] = [:]
        for pair in text.split(separator: ",") {
            guard let equals = pair.firstIndex(of: "="), let version = Int64(pair[pair.index(after: equals)...]) else { continue }
            versions[String(pair[..<equals])] = version
        }
        return versions
    }

    /// The versions of the given tables, in the order given: one indexed query (none when the
    /// request already read them with its session).
    static func versions(of tables: [Table], on db: any Database) async throws -> [Int64] {
        guard !tables.isEmpty else { return [] }
        if let snapshot { return tables.map { snapshot[$0.rawValue] ?? 0 } }
        let names = tables.map(\.rawValue)
        let rows = try await db.sql().select().column("name").column("version").from(versionTable)
            .where("name", .in, names).all()
        var byName: [String: Int64] = [:]
        for row in rows {
            byName[try row.decode(column: "name", as: String.self)] = try row.decode(column: "version", as: Int64.self)
        }
        return names.map { byName[$0] ?? 0 }
    }
}
