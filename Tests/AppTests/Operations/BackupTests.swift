import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Logging
import NIOConcurrencyHelpers
import SQLKit
import Testing

@testable import App

/// `lcc backup` and `lcc restore` on the engine of the run (SQLite, or PostgreSQL with
/// LCC_TEST_DATABASE_URL): a backup taken while writes go on is one moment of the database, and the
/// restored platform has every table's rows and serves the same pages.
// Six minutes: on PostgreSQL under a loaded 2-core machine (pg_dump, a restore and 22 page
// renders) the run took over three.
@Suite(.timeLimit(.minutes(6)))
struct BackupTests {
    @Test func backupDuringWrites_restoresOneMoment_sameTables_samePages() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let source = BackupTarget(kind: harness.database.kind, schema: harness.database.postgresSchema)
            let city = try #require(try await CityQueries.bySlug("moscow", on: harness.db)?.requireID())
            let progress = NIOLockedValueBox(0)
            let writer = Task {
                var written = 0
                while !Task.isCancelled {
                    written += 1
                    try await BackupFixtures.write(written, city: city, on: harness.db)
                    progress.withLockedValue { $0 = written }
                }
                return written
            }
            // Writes before, during and after the backup, however busy the machine is.
            try await BackupFixtures.wait { progress.withLockedValue { $0 } >= 20 }
            let archive = BackupFixtures.directory().appending(path: "during-writes.lccbackup")
            let manifest = try await Backups.create(source, to: archive, logger: BackupFixtures.logger)
            let atEnd = progress.withLockedValue { $0 }
            try await BackupFixtures.wait { progress.withLockedValue { $0 } >= atEnd + 20 }
            writer.cancel()
            let total = try await writer.value

            let (target, cleanUp) = try await BackupFixtures.newDatabase(beside: harness)
            let report = try await Backups.restore(archive, into: target, force: false, logger: BackupFixtures.logger)
            let restored = try await DatabaseHandle.open(
                target.kind, postgresSchema: manifest.schema, logger: BackupFixtures.logger)
            do {
                #expect(report.migrated.isEmpty)
                // One moment: the three rows of each write are all there or all absent, and the writes
                // present are the first k ones, k at the backup's moment.
                let facts = try await BackupFixtures.numbers(
                    "SELECT note AS n FROM city_facts WHERE indicator = 'writer_probe'", restored.db)
                let audits = try await BackupFixtures.numbers(
                    "SELECT entity_id AS n FROM audit_entries WHERE action = 'writer.probe'", restored.db)
                let attempts = try await BackupFixtures.numbers(
                    "SELECT account_key AS n FROM login_attempts WHERE client_key = 'writer'", restored.db)
                let k = facts.count
                #expect(k > 0 && k < total, "the backup fell between writes (\(k) of \(total))")
                #expect(facts == Set(1...max(k, 1)) && audits == facts && attempts == facts)
                // The source at that moment: take back the writes after k, then every table's rows equal
                // the manifest (the table versions moved on with the writes, and were moved up by the restore).
                try await BackupFixtures.removeWrites(after: k, on: harness.db)
                let now = try await Backups.checksums(of: harness.database).filter { $0.name != TableVersioning.versionTable }
                #expect(now == manifest.tables.filter { $0.name != TableVersioning.versionTable })
                #expect(manifest.tables.first { $0.name == "stored_files" } != nil, "stored files travel in the database")

                let pages = [
                    "/", "/cities", "/cities/moscow", "/cities/guiyang", "/cities/guiyang/inventories/2021", "/registry",
                    "/knowledge",
                    "/events", "/organisations", "/search?q=guiyang", "/cities/seoul/targets",
                ]
                let before = try await BackupFixtures.render(pages, on: harness.database)
                let after = try await BackupFixtures.render(pages, on: restored)
                for page in pages { #expect(before[page] == after[page], "\(page) differs after the restore") }
                await restored.shutdown()
            } catch {
                await restored.shutdown()
                await cleanUp()
                throw error
            }
            await cleanUp()
        }
    }

    @Test func restore_movesVersionsAboveWhatARunningServerCached() async throws {
        let cache = ReadCache()
        try await TestApp.run(cache: cache) { client, harness in
            _ = try await Fixtures.make(on: harness.db)
            let source = BackupTarget(kind: harness.database.kind, schema: harness.database.postgresSchema)
            let directory = BackupFixtures.directory()
            // Y: a copy of this database (X) that goes its own way.
            _ = try await Backups.create(source, to: directory.appending(path: "x.lccbackup"), logger: BackupFixtures.logger)
            let (y, cleanUpY) = try await BackupFixtures.newDatabase(beside: harness)
            _ = try await Backups.restore(
                directory.appending(path: "x.lccbackup"), into: y, force: false, logger: BackupFixtures.logger)
            let yHandle = try await DatabaseHandle.open(
                y.kind, postgresSchema: harness.database.postgresSchema, logger: BackupFixtures.logger)
            let (z, cleanUpZ) = try await BackupFixtures.newDatabase(beside: harness)
            do {
                try await BackupFixtures.setRegion("Region X", on: harness.db)
                try await BackupFixtures.setRegion("Region Y", on: yHandle.db)
                // The worst case: Y's versions equal X's, so only the restore's move tells them apart.
                try await BackupFixtures.copyVersions(from: harness.db, to: yHandle.db)
                #expect(
                    String(buffer: try await client.execute(uri: "/cities/alpha-city", method: .get).body).contains("Region X"))

                let archive = directory.appending(path: "y.lccbackup")
                _ = try await Backups.create(
                    BackupTarget(kind: y.kind, schema: harness.database.postgresSchema), to: archive,
                    logger: BackupFixtures.logger)
                let report = try await Backups.restore(archive, into: z, force: false, logger: BackupFixtures.logger)
                let zHandle = try await DatabaseHandle.open(
                    z.kind, postgresSchema: harness.database.postgresSchema, logger: BackupFixtures.logger)
                let page =
                    try await BackupFixtures.render(["/cities/alpha-city"], on: zHandle, cache: cache)["/cities/alpha-city"] ?? ""
                let before = try await BackupFixtures.versions(harness.db)
                let after = try await BackupFixtures.versions(zHandle.db)
                await zHandle.shutdown()
                #expect(page.contains("Region Y") && !page.contains("Region X"), "a page cached before the restore was served")
                #expect(report.versionOffset > (before.values.max() ?? 0))
                #expect(after.keys.allSatisfy { (after[$0] ?? 0) > (before.values.max() ?? 0) })
            } catch {
                await yHandle.shutdown()
                await cleanUpY()
                await cleanUpZ()
                throw error
            }
            await yHandle.shutdown()
            await cleanUpY()
            await cleanUpZ()
        }
    }

    @Test func restore_refusesWhatItCannotTrust() async throws {
        try await TestApp.run { _, harness in
            _ = try await Fixtures.make(on: harness.db)
            let source = BackupTarget(kind: harness.database.kind, schema: harness.database.postgresSchema)
            let directory = BackupFixtures.directory()
            let archive = directory.appending(path: "good.lccbackup")
            let manifest = try await Backups.create(source, to: archive, logger: BackupFixtures.logger)
            let verified = try await Backups.verify(archive, logger: BackupFixtures.logger)
            #expect(verified.tables == manifest.tables && verified.dataSHA256 == manifest.dataSHA256)

            // A database that is not empty, unless told.
            let refused = await #expect(throws: BackupError.self) {
                try await Backups.restore(archive, into: source, force: false, logger: BackupFixtures.logger)
            }
            #expect(refused?.description.contains("--force") == true)

            // A cut-off archive (a crash while writing one), a damaged one, a newer format, a newer platform.
            let data = try Data(contentsOf: archive)
            let cut = directory.appending(path: "cut.lccbackup")
            try data.prefix(data.count / 2).write(to: cut)
            await #expect(throws: BackupError.self) { try await Backups.verify(cut, logger: BackupFixtures.logger) }
            // A whole archive under the name a backup writes before its rename (killed just before
            // it): only the rename says the backup finished, so verify and restore refuse it.
            let unfinished = directory.appending(path: "good.lccbackup" + BackupArchive.partialSuffix)
            try data.write(to: unfinished)
            let partial = await #expect(throws: BackupError.self) {
                try await Backups.verify(unfinished, logger: BackupFixtures.logger)
            }
            #expect(partial?.description.contains("interrupted backup") == true)
            await #expect(throws: BackupError.self) {
                try await Backups.restore(unfinished, into: source, force: true, logger: BackupFixtures.logger)
            }
            let work = directory.appending(path: "work")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let (_, extracted) = try BackupArchive.read(archive, extractingInto: work)
            var damaged = try Data(contentsOf: extracted)
            damaged[damaged.count / 2] ^= 0xFF
            try damaged.write(to: extracted)
            try BackupArchive.write(
                manifest: manifest, data: extracted, to: directory.appending(path: "damaged.lccbackup"), compress: true)
            let damage = await #expect(throws: BackupError.self) {
                try await Backups.verify(directory.appending(path: "damaged.lccbackup"), logger: BackupFixtures.logger)
            }
            #expect(damage?.description.contains("SHA-256") == true)
            try FileManager.default.removeItem(at: extracted)
            let (_, clean) = try BackupArchive.read(archive, extractingInto: work)
            var newer = manifest
            newer.formatVersion = BackupManifest.currentFormatVersion + 1
            try BackupArchive.write(
                manifest: newer, data: clean, to: directory.appending(path: "newer.lccbackup"), compress: true)
            await #expect(throws: BackupError.self) {
                try await Backups.verify(directory.appending(path: "newer.lccbackup"), logger: BackupFixtures.logger)
            }
            var future = manifest
            future.migrations.append("App.M999_FromTheFuture")
            try BackupArchive.write(
                manifest: future, data: clean, to: directory.appending(path: "future.lccbackup"), compress: true)
            let (target, cleanUp) = try await BackupFixtures.newDatabase(beside: harness)
            let unknown = await #expect(throws: BackupError.self) {
                try await Backups.restore(
                    directory.appending(path: "future.lccbackup"), into: target, force: false, logger: BackupFixtures.logger)
            }
            #expect(unknown?.description.contains("M999_FromTheFuture") == true)
            await cleanUp()
        }
    }

    @Test func scheduledBackups_keepTheNewest_andRemoveLeftovers() async throws {
        try await TestApp.run { _, harness in
            let directory = BackupFixtures.directory()
            let schedule = BackupSchedule(directory: directory.path, interval: 60, keep: 2)
            let target = BackupTarget(kind: harness.database.kind, schema: harness.database.postgresSchema)
            try Data("half an archive".utf8).write(to: directory.appending(path: "lcc-20200101-000000.lccbackup.partial"))
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            for hour in 0..<3 {
                _ = try await ScheduledBackups.run(
                    schedule, target: target, now: start.addingTimeInterval(Double(hour) * 3600), logger: BackupFixtures.logger)
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            #expect(names == ["lcc-20270115-090000.lccbackup", "lcc-20270115-100000.lccbackup"])
        }
    }

    @Test func jobLeases_oneInstanceRunsAJob_onceAnInterval() async throws {
        try await TestApp.run { _, harness in
            let a = JobLeases(db: harness.db, holder: "a")
            let b = JobLeases(db: harness.db, holder: "b")
            let now = Date()
            async let takenByA = a.acquire("job", every: 60, lease: 30, now: now)
            async let takenByB = b.acquire("job", every: 60, lease: 30, now: now)
            let (first, second) = try await (takenByA, takenByB)
            #expect(first != second, "exactly one instance takes the job")
            let winner = first ? a : b
            let loser = first ? b : a
            #expect(try await !loser.acquire("job", every: 60, lease: 30, now: now.addingTimeInterval(10)), "the lease holds")
            try await winner.finish("job", outcome: "done", at: now.addingTimeInterval(5))
            #expect(try await !loser.acquire("job", every: 60, lease: 30, now: now.addingTimeInterval(20)), "not due yet")
            #expect(try await loser.acquire("job", every: 60, lease: 30, now: now.addingTimeInterval(70)), "due again")
            // The holder died; restarted with the same id, it frees its lease at once.
            #expect(try await !winner.acquire("job", every: 0, lease: 30, now: now.addingTimeInterval(71)))
            try await loser.releaseHeld()
            #expect(try await winner.acquire("job", every: 0, lease: 30, now: now.addingTimeInterval(72)))
            #expect(try await JobLeases.runs(on: harness.db).first?.outcome == "done")
        }
    }
}

/// Writes, databases and pages for the backup tests.
enum BackupFixtures {
    static let logger: Logger = {
        var logger = Logger(label: "backup-test")
        logger.logLevel = .warning
        return logger
    }()

    static func wait(_ condition: @Sendable () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while !condition() && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
    }

    static func directory() -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "lcc-backup-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One write of the load: three tables in one transaction, all carrying its number.
    static func write(_ number: Int, city: UUID, on db: any Database) async throws {
        try await db.transaction { db in
            try await CityFact(
                cityID: city, indicator: "writer_probe", year: 2000 + number % 20, value: Double(number), unit: "n",
                source: "backup test", confidence: "MEASURED", note: String(number)
            ).create(on: db)
            try await Audit.record("writer.probe", entity: "city_fact", id: String(number), actor: nil, at: Date(), on: db)
            try await LoginAttempt(accountKey: String(number), clientKey: "writer", attemptedAt: Date()).create(on: db)
        }
    }

    static func removeWrites(after k: Int, on db: any Database) async throws {
        let sql = try db.sql()
        for row in try await sql.raw("SELECT note FROM city_facts WHERE indicator = 'writer_probe'").all() {
            guard let note = try row.decode(column: "note", as: String?.self), let number = Int(note), number > k else {
                continue
            }
            try await sql.raw("DELETE FROM city_facts WHERE indicator = 'writer_probe' AND note = \(bind: note)").run()
            try await sql.raw("DELETE FROM audit_entries WHERE action = 'writer.probe' AND entity_id = \(bind: note)").run()
            try await sql.raw("DELETE FROM login_attempts WHERE client_key = 'writer' AND account_key = \(bind: note)").run()
        }
    }

    static func numbers(_ query: String, _ db: any Database) async throws -> Set<Int> {
        Set(try await db.sql().raw(SQLQueryString(query)).all().compactMap { Int(try $0.decode(column: "n", as: String.self)) })
    }

    static func setRegion(_ region: String, on db: any Database) async throws {
        try await db.sql().raw("UPDATE cities SET region = \(bind: region) WHERE slug = 'alpha-city'").run()
    }

    static func versions(_ db: any Database) async throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for row in try await db.sql().raw("SELECT name, version FROM table_versions").all() {
            result[try row.decode(column: "name", as: String.self)] = try row.decode(column: "version", as: Int64.self)
        }
        return result
    }

    static func copyVersions(from source: any Database, to target: any Database) async throws {
        for (name, version) in try await versions(source) {
            try await target.sql().raw("UPDATE table_versions SET version = \(bind: version) WHERE name = \(bind: name)").run()
        }
    }

    /// An empty database of the run's engine beside the harness's: a new SQLite file, or a new
    /// PostgreSQL database (the archive brings its schema).
    static func newDatabase(beside harness: Harness) async throws -> (BackupTarget, @Sendable () async -> Void) {
        switch harness.database.kind {
        case .sqlite:
            let folder = directory()
            return (
                BackupTarget(kind: .sqlite(path: folder.appending(path: "restored.sqlite").path)),
                { try? FileManager.default.removeItem(at: folder) }
            )
        case .postgres(let url):
            let name = "r_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await harness.db.sql().raw("CREATE DATABASE \(ident: name)").run()
            var components = URLComponents(string: url)
            components?.path = "/" + name
            let database = harness.db
            return (
                BackupTarget(kind: .postgres(url: components?.string ?? url)),
                { try? await database.sql().raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
            )
        }
    }

    /// Visitors' pages as an app on `database` serves them.
    static func render(_ paths: [String], on database: DatabaseHandle, cache: ReadCache = ReadCache()) async throws -> [String:
        String]
    {
        var logger = Logger(label: "pages")
        logger.logLevel = .warning
        let app = try buildApplication(
            config: AppConfig(database: database.kind, bcryptCost: 4), database: database, logger: logger,
            closeDatabaseOnShutdown: false, cache: cache)
        let pages = PageBox()
        try await app.test(.router) { client in
            for path in paths {
                let response = try await client.execute(uri: path, method: .get)
                await pages.set(path, "\(response.status.code)\n" + String(buffer: response.body))
            }
        }
        return await pages.all
    }
}

actor PageBox {
    var all: [String: String] = [:]
    func set(_ key: String, _ value: String) { all[key] = value }
}
