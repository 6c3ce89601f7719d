import HTTPTypes
import NIOConcurrencyHelpers
import FluentKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

@testable import App

/// A database and the app built on it, for one test. SQLite file in a temp folder by default;
/// with `LCC_TEST_DATABASE_URL=postgres://…` a fresh schema in that PostgreSQL.
struct Harness: Sendable {
    let database: DatabaseHandle
    var db: any Database { database.db }
}

enum TestApp {
    static var usesPostgres: Bool { ProcessInfo.processInfo.environment["LCC_TEST_DATABASE_URL"] != nil }

    static func run(
        seed: Bool = false, now: @escaping @Sendable () -> Date = { Date() },
        configure: (inout AppConfig) -> Void = { _ in }, cache: ReadCache = ReadCache(), sqlTrace: SQLTrace? = nil,
        testing: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol, Harness) async throws -> Void
    ) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lcc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let kind: AppConfig.DatabaseKind
        var schema: String?
        var template: String?
        if let url = ProcessInfo.processInfo.environment["LCC_TEST_DATABASE_URL"] {
            kind = .postgres(url: url)
            schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            if seed { template = try await TemplateDatabases.shared.postgres(url: url, seeded: true, logger: logger) }
        } else {
            let file = directory.appendingPathComponent("test.sqlite")
            try FileManager.default.copyItem(
                at: try await TemplateDatabases.shared.sqlite(seeded: seed, logger: logger), to: file)
            kind = .sqlite(path: file.path)
        }
        // Two connections per test on PostgreSQL: a page's reads run side by side (async let), and
        // a hundred tests at once must stay under the server's max_connections.
        let database = try await DatabaseHandle.open(
            kind, postgresSchema: schema, postgresConnections: 2, logger: sqlTrace?.logger ?? logger)
        let harness = Harness(database: database)
        do {
            // A no-op on a copied SQLite template; a fresh PostgreSQL schema is migrated, then gets the template's rows.
            try await database.migrate()
            if let template, let schema { try await TemplateDatabases.copyRows(from: template, into: schema, on: database.db) }
            var config = AppConfig(port: 0, database: kind, bcryptCost: 4)
            configure(&config)
            let app = try buildApplication(
                config: config, database: database, logger: logger, closeDatabaseOnShutdown: false, clock: now, cache: cache)
            sqlTrace?.reset()
            try await app.test(testing) { client in try await body(client, harness) }
        } catch {
            await cleanUp(database, schema: schema, directory: directory)
            throw error
        }
        await cleanUp(database, schema: schema, directory: directory)
    }

    private static func cleanUp(_ database: DatabaseHandle, schema: String?, directory: URL) async {
        if let schema { try? await database.dropSchema(schema) }
        await database.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }
}
