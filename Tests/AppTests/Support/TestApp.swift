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
        configure: (inout AppConfig) -> Void = { _ in },
        _ body: @Sendable (any TestClientProtocol, Harness) async throws -> Void
    ) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lcc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let kind: AppConfig.DatabaseKind
        var schema: String?
        if let url = ProcessInfo.processInfo.environment["LCC_TEST_DATABASE_URL"] {
            kind = .postgres(url: url)
            schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        } else {
            kind = .sqlite(path: directory.appendingPathComponent("test.sqlite").path)
        }
        let database = try await DatabaseHandle.open(kind, postgresSchema: schema, logger: logger)
        let harness = Harness(database: database)
        do {
            try await database.migrate()
            if seed { _ = try await Seeder(db: database.db, clock: AppClock()).seed(try DemoData.load()) }
            var config = AppConfig(database: kind, bcryptCost: 4)
            configure(&config)
            let app = try buildApplication(
                config: config, database: database, logger: logger, closeDatabaseOnShutdown: false, clock: now)
            try await app.test(.router) { client in try await body(client, harness) }
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
