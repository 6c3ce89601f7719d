import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// The fluent-kit glue: one `Databases` registry, one `Database` handle the whole app shares,
/// and the migrator. SQLite is the embedded default; PostgreSQL is chosen by `DATABASE_URL`.
public final class DatabaseHandle: Sendable {
    let databases: Databases
    let db: any Database
    let isPostgres: Bool
    /// The configuration it was opened with (scheduled backups open their own connections).
    let kind: AppConfig.DatabaseKind
    let postgresSchema: String?
    private let migrations: Migrations
    private let logger: Logger

    private init(
        databases: Databases, db: any Database, isPostgres: Bool, kind: AppConfig.DatabaseKind, postgresSchema: String?,
        migrations: Migrations, logger: Logger
    ) {
        self.databases = databases
        self.db = db
        self.isPostgres = isPostgres
        self.kind = kind
        self.postgresSchema = postgresSchema
        self.migrations = migrations
        self.logger = logger
    }

    /// Opens the configured database. `postgresSchema` puts every table in its own schema
    /// (tests use it so that parallel tests never see each other's rows).
    /// `postgresConnections`: the pool's size on PostgreSQL (tests open a small pool per test, since
    /// a hundred tests run at once against one server).
    public static func open(
        _ kind: AppConfig.DatabaseKind, postgresSchema: String? = nil, postgresConnections: Int = 8, logger: Logger
    ) async throws -> DatabaseHandle {
        let eventLoopGroup = MultiThreadedEventLoopGroup.singleton
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: eventLoopGroup)
        let isPostgres: Bool
        switch kind {
        case .sqlite(let path):
            // One connection: SQLite serialises writers anyway, and one connection means a
            // transaction never meets SQLITE_BUSY from a sibling connection of the same process.
            databases.use(
                .sqlite(.file(path), maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(30), sqlLogLevel: .trace),
                as: .sqlite
            )
            isPostgres = false
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let postgresSchema { configuration.searchPath = [postgresSchema] }
            databases.use(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: postgresConnections,
                    connectionPoolTimeout: .seconds(30),
                    encodingContext: .default, decodingContext: .default, sqlLogLevel: .trace
                ),
                as: .psql
            )
            isPostgres = true
        }
        // All access goes through one event loop's pool so the connection limits above hold.
        guard let db = databases.database(logger: logger, on: eventLoopGroup.any()) else {
            throw AppError.internal("database not configured")
        }
        if let postgresSchema, isPostgres {
            try await db.sql().raw("CREATE SCHEMA IF NOT EXISTS \(ident: postgresSchema)").run()
        }
        if !isPostgres {
            // WAL lets readers proceed while a writer commits; the pragma persists in the file.
            try await db.sql().raw("PRAGMA journal_mode=WAL").run()
            try await db.sql().raw("PRAGMA busy_timeout=10000").run()
        }
        let migrations = Migrations()
        migrations.add(AppMigrations.all)
        return DatabaseHandle(
            databases: databases, db: db, isPostgres: isPostgres, kind: kind, postgresSchema: postgresSchema,
            migrations: migrations, logger: logger
        )
    }

    /// Runs every migration not yet applied, as one batch, and returns their names (empty when the
    /// database was up to date). Safe to call on every start. The migrator's own two log lines per
    /// migration are kept below `info`; callers say one line per batch.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await exclusively { try await self.migrateNow() }
    }

    /// Runs `body` while no other process runs it on the same PostgreSQL schema: instances started
    /// together would otherwise both apply the same migration, or both seed the demo data. The
    /// lock is a transaction-scoped advisory lock keyed by the schema, held on one connection while
    /// `body` works through the pool. SQLite has one process per file, so nothing to lock.
    func exclusively<Result: Sendable>(_ body: @escaping @Sendable () async throws -> Result) async throws -> Result {
        guard isPostgres else { return try await body() }
        return try await db.transaction { transaction in
            try await transaction.sql().raw("SELECT pg_advisory_xact_lock(hashtext('lcc-start:' || current_schema()))").run()
            return try await body()
        }
    }

    private func migrateNow() async throws -> [String] {
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .notice)
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: quiet, on: MultiThreadedEventLoopGroup.singleton.any()
        )
        try await migrator.setupIfNeeded().get()
        let pending = try await migrator.previewPrepareBatch().get().map { String(describing: type(of: $0.0)) }
        try await migrator.prepareBatch().get()
        return pending
    }

    /// Drops a test schema (PostgreSQL only).
    func dropSchema(_ name: String) async throws {
        guard isPostgres else { return }
        try await db.sql().raw("DROP SCHEMA IF EXISTS \(ident: name) CASCADE").run()
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }
}

extension Database {
    /// The SQLKit view of the database, for reporting queries that stay portable.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw AppError.internal("database has no SQL interface") }
        return sql
    }
}
