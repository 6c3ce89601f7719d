import FluentKit
import Foundation
import Logging
import SQLKit

#if canImport(Glibc)
    import Glibc
#endif

/// The database a backup is taken from or a restore goes into.
public struct BackupTarget: Sendable {
    public let kind: AppConfig.DatabaseKind
    /// PostgreSQL only: the schema (nil: the connection's default, usually `public`).
    public let schema: String?

    public init(kind: AppConfig.DatabaseKind, schema: String? = nil) {
        self.kind = kind
        self.schema = schema
    }
}

/// `lcc backup`, `lcc restore`, and the backups `lcc serve` makes on a schedule.
///
/// One archive holds everything: the database — including the stored files (publications, photos),
/// which live in the `stored_files` table — and a manifest. SQLite is copied with `VACUUM INTO`
/// (a consistent copy of the database as one read transaction sees it, while the platform keeps
/// serving); PostgreSQL with `pg_dump` of the platform's schema, run on a snapshot exported from a
/// repeatable-read transaction in which the manifest's checksums are computed too, so the manifest
/// describes exactly the rows the dump holds.
public enum Backups {
    public struct RestoreReport: Sendable {
        let manifest: BackupManifest
        /// Migrations newer than the archive, applied after loading it.
        let migrated: [String]
        let versionOffset: Int64
        let seconds: Double
    }

    // MARK: Backup

    static func create(_ source: BackupTarget, to file: URL, logger: Logger, now: Date = Date()) async throws -> BackupManifest {
        let started = ContinuousClock.now
        let directory = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The work files sit beside the archive: one file system, so a full disk shows here and not later.
        let work = directory.appending(path: ".lcc-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        var manifest: BackupManifest
        switch source.kind {
        case .sqlite(let path): manifest = try await snapshotSQLite(path: path, into: work, logger: logger, now: now)
        case .postgres(let url):
            manifest = try await dumpPostgres(url: url, schema: source.schema, into: work, logger: logger, now: now)
        }
        manifest.durationSeconds = Self.seconds(since: started)
        try BackupArchive.write(
            manifest: manifest, data: work.appending(path: manifest.dataFile), to: file,
            compress: manifest.engine == .sqlite)
        return manifest
    }

    private static func snapshotSQLite(path: String, into work: URL, logger: Logger, now: Date) async throws -> BackupManifest {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupError("no database at \(path)") }
        let snapshot = work.appending(path: "database.sqlite")
        let source = try await DatabaseHandle.open(.sqlite(path: path), logger: logger)
        do {
            try await source.db.sql().raw("VACUUM INTO \(bind: snapshot.path)").run()
        } catch {
            await source.shutdown()
            throw error
        }
        await source.shutdown()
        // Counted on the copy itself: the copy is the backup's moment.
        let copy = try await DatabaseHandle.open(.sqlite(path: snapshot.path), logger: logger)
        let tables: [TableChecksum]
        let migrations: [String]
        do {
            let sql = try copy.db.sql()
            tables = try await TableChecksums.all(on: sql)
            migrations = try await TableChecksums.migrations(on: sql)
            // Back to one file (the copy was opened in WAL mode like every platform database).
            try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        } catch {
            await copy.shutdown()
            throw error
        }
        await copy.shutdown()
        return BackupManifest(
            engine: .sqlite, createdAt: now, migrations: migrations, schema: nil, dataFile: snapshot.lastPathComponent,
            dataBytes: try Self.size(of: snapshot), dataSHA256: try TableChecksums.sha256(of: snapshot), tables: tables,
            durationSeconds: 0)
    }

    private static func dumpPostgres(url: String, schema: String?, into work: URL, logger: Logger, now: Date) async throws
        -> BackupManifest
    {
        let dump = work.appending(path: "database.pgdump")
        let environment = try PostgresTools.environment(url: url)
        let pgDump = try PostgresTools.executable("pg_dump")
        let source = try await DatabaseHandle.open(.postgres(url: url), postgresSchema: schema, logger: logger)
        let result: (schema: String, tables: [TableChecksum], migrations: [String])
        do {
            result = try await source.db.transaction { transaction in
                let sql = try transaction.sql()
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
                try await sql.raw("SET LOCAL TIME ZONE 'UTC'").run()
                guard let snapshotRow = try await sql.raw("SELECT pg_export_snapshot() AS id, current_schema() AS s").first()
                else {
                    throw BackupError("PostgreSQL exported no snapshot")
                }
                let snapshot = try snapshotRow.decode(column: "id", as: String.self)
                let current = try snapshotRow.decode(column: "s", as: String.self)
                // The dump reads the rows this transaction sees, so dump and manifest are one moment.
                try await ExternalTool.run(
                    pgDump,
                    [
                        "--format=custom", "--no-owner", "--no-privileges", "--schema=\(current)", "--snapshot=\(snapshot)",
                        "--file=\(dump.path)",
                    ], environment: environment)
                return (current, try await TableChecksums.all(on: sql), try await TableChecksums.migrations(on: sql))
            }
        } catch {
            await source.shutdown()
            throw error
        }
        await source.shutdown()
        return BackupManifest(
            engine: .postgresql, createdAt: now, migrations: result.migrations, schema: result.schema,
            dataFile: dump.lastPathComponent, dataBytes: try Self.size(of: dump), dataSHA256: try TableChecksums.sha256(of: dump),
            tables: result.tables, durationSeconds: 0)
    }

    // MARK: Verify

    /// Checks an archive without touching any database: it opens, its manifest is readable and of a
    /// known format, its data file matches the manifest's SHA-256; an SQLite copy is also opened and
    /// every table's rows are counted and checksummed against the manifest.
    static func verify(_ file: URL, logger: Logger) async throws -> BackupManifest {
        let work = FileManager.default.temporaryDirectory.appending(path: "lcc-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let (manifest, data) = try BackupArchive.read(file, extractingInto: work)
        switch manifest.engine {
        case .sqlite:
            let copy = try await DatabaseHandle.open(.sqlite(path: data.path), logger: logger)
            do {
                let found = try await TableChecksums.all(on: try copy.db.sql())
                await copy.shutdown()
                try compare(found, manifest.tables, file: file)
            } catch {
                await copy.shutdown()
                throw error
            }
        case .postgresql:
            try await ExternalTool.run(try PostgresTools.executable("pg_restore"), ["--list", data.path], environment: [:])
        }
        return manifest
    }

    // MARK: Restore

    /// Loads an archive into an empty database (a non-empty one only with `force`, which replaces
    /// it), checks every table against the manifest, moves the table versions above anything the
    /// target had, and applies migrations newer than the archive.
    static func restore(_ file: URL, into target: BackupTarget, force: Bool, logger: Logger, now: Date = Date()) async throws
        -> RestoreReport
    {
        let started = ContinuousClock.now
        let work: URL
        if case .sqlite(let path) = target.kind {
            // Beside the target, so the loaded copy becomes the database by a rename.
            work = URL(filePath: path).deletingLastPathComponent().appending(path: ".lcc-restore-\(UUID().uuidString)")
        } else {
            work = FileManager.default.temporaryDirectory.appending(path: "lcc-restore-\(UUID().uuidString)")
        }
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let (manifest, data) = try BackupArchive.read(file, extractingInto: work)
        let known = Set(AppMigrations.all.map(\.name))
        let unknown = manifest.migrations.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw BackupError(
                "the archive was made by a newer platform (migrations unknown here: \(unknown.joined(separator: ", "))); restore it with that version"
            )
        }
        let previousMaximum: Int64
        let schema: String?
        switch (manifest.engine, target.kind) {
        case (.sqlite, .sqlite(let path)):
            previousMaximum = try await loadSQLite(data, into: path, force: force, logger: logger)
            schema = nil
        case (.postgresql, .postgres(let url)):
            schema = manifest.schema ?? target.schema
            previousMaximum = try await loadPostgres(data, into: url, schema: schema, force: force, logger: logger)
        case (.sqlite, .postgres), (.postgresql, .sqlite):
            throw BackupError("the archive holds a \(manifest.engine.rawValue) database; DATABASE_URL points at the other engine")
        }

        let database = try await DatabaseHandle.open(target.kind, postgresSchema: schema, logger: logger)
        do {
            let found = try await checksums(of: database)
            try compare(found, manifest.tables, file: file)
            let offset = try await moveVersions(of: database, above: previousMaximum, now: now)
            let migrated = try await database.migrate()
            await database.shutdown()
            return RestoreReport(manifest: manifest, migrated: migrated, versionOffset: offset, seconds: seconds(since: started))
        } catch {
            await database.shutdown()
            throw error
        }
    }

    /// Replaces the SQLite file by the archive's copy (a rename: never half a database). Returns
    /// the highest table version the replaced database had.
    private static func loadSQLite(_ data: URL, into path: String, force: Bool, logger: Logger) async throws -> Int64 {
        var previous: Int64 = 0
        if FileManager.default.fileExists(atPath: path) {
            let existing = try await DatabaseHandle.open(.sqlite(path: path), logger: logger)
            do {
                let sql = try existing.db.sql()
                let tables = try await TableChecksums.tables(on: sql)
                if !tables.isEmpty && !force {
                    throw BackupError(
                        "\(path) is not empty (\(tables.count) tables); stop the platform and add --force to replace it")
                }
                previous = try await maximumVersion(on: sql, tables: tables)
            } catch {
                await existing.shutdown()
                throw error
            }
            await existing.shutdown()
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        guard rename(data.path, path) == 0 else {
            throw BackupError("cannot move the restored database to \(path) (errno \(errno))")
        }
        try BackupArchive.synchronize(URL(filePath: path).deletingLastPathComponent())
        return previous
    }

    /// Empties the schema (only with `force` when it holds tables) and loads the dump with
    /// `pg_restore` in one transaction: a failed restore leaves the schema as it was emptied.
    private static func loadPostgres(_ data: URL, into url: String, schema: String?, force: Bool, logger: Logger) async throws
        -> Int64
    {
        let existing = try await DatabaseHandle.open(.postgres(url: url), postgresSchema: schema, logger: logger)
        var previous: Int64 = 0
        do {
            let sql = try existing.db.sql()
            let tables = try await TableChecksums.tables(on: sql)
            if !tables.isEmpty && !force {
                throw BackupError(
                    "the schema \(schema ?? "public") is not empty (\(tables.count) tables); add --force to replace it")
            }
            previous = try await maximumVersion(on: sql, tables: tables)
            // The dump creates the schema itself.
            guard
                let current = try await sql.raw("SELECT current_schema() AS s").first()?.decode(column: "s", as: String?.self)
                    ?? schema
            else { throw BackupError("no schema to restore into") }
            try await sql.raw("DROP SCHEMA IF EXISTS \(ident: current) CASCADE").run()
        } catch {
            await existing.shutdown()
            throw error
        }
        await existing.shutdown()
        let environment = try PostgresTools.environment(url: url)
        try await ExternalTool.run(
            try PostgresTools.executable("pg_restore"),
            [
                "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
                "--dbname=\(environment["PGDATABASE"] ?? "postgres")", data.path,
            ], environment: environment)
        return previous
    }

    static func checksums(of database: DatabaseHandle) async throws -> [TableChecksum] {
        guard database.isPostgres else { return try await TableChecksums.all(on: try database.db.sql()) }
        return try await database.db.transaction { transaction in
            let sql = try transaction.sql()
            try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
            try await sql.raw("SET LOCAL TIME ZONE 'UTC'").run()
            return try await TableChecksums.all(on: sql)
        }
    }

    private static func compare(_ found: [TableChecksum], _ expected: [TableChecksum], file: URL) throws {
        guard found != expected else { return }
        let byName = Dictionary(found.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let differing = expected.filter { byName[$0.name] != $0 }.map(\.name)
        let extra = Set(found.map(\.name)).subtracting(expected.map(\.name))
        throw BackupError(
            "\(file.lastPathComponent): the data differs from its manifest (tables \((differing + extra.sorted()).joined(separator: ", ")))"
        )
    }

    private static func maximumVersion(on sql: any SQLDatabase, tables: [String]) async throws -> Int64 {
        guard tables.contains(TableVersioning.versionTable) else { return 0 }
        let row = try await sql.raw("SELECT CAST(MAX(version) AS BIGINT) AS v FROM table_versions").first()
        return try row?.decode(column: "v", as: Int64?.self) ?? 0
    }

    /// Moves every table version above anything before: a server that kept pages under the versions
    /// of the database the restore replaced (the same numbers may have meant other rows there) must
    /// not find them again. The offset is the larger of the replaced database's highest version and
    /// the clock in microseconds, so it also clears versions of a database that was dropped
    /// and created anew before the restore (the clock only moves on).
    private static func moveVersions(of database: DatabaseHandle, above previous: Int64, now: Date) async throws -> Int64 {
        let offset = max(previous + 1, Int64(now.timeIntervalSince1970 * 1_000_000))
        let sql = try database.db.sql()
        // An archive from before the versions existed gets them from its migrations, fresh.
        guard try await TableChecksums.tables(on: sql).contains(TableVersioning.versionTable) else { return 0 }
        try await sql.raw("UPDATE table_versions SET version = version + \(bind: offset)").run()
        return offset
    }

    private static func size(of file: URL) throws -> Int64 {
        (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.int64Value ?? 0
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
