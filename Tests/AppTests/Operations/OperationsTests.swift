import CarbonAccounting
import HTTPTypes
import NIOConcurrencyHelpers
import FluentKit
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@testable import App

@Suite struct OperationsTests {
    @Test func healthz_answersWhenTheDatabaseDoes() async throws {
        try await TestApp.run { client, _ in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "ok\n")
        }
    }

    @Test func head_answersLikeGetWithoutBody() async throws {
        try await TestApp.run { client, _ in
            let response = try await client.execute(uri: "/cities", method: .head)
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }

    @Test func metrics_arePrometheusText() async throws {
        try await TestApp.run { client, _ in
            _ = try await client.execute(uri: "/cities", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(String(buffer: response.body).contains("# TYPE hb_requests counter"))
        }
    }

    /// The routes under /api/v1 and the OpenAPI document's paths and methods are the same set.
    @Test func openAPIDocument_matchesTheRoutes() async throws {
        try await TestApp.run { client, harness in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            let services = Services(
                config: AppConfig(), database: harness.database, catalogue: try Catalogue.load(),
                sessions: WebSessions(
                    driver: FluentPersistDriver(db: harness.db, clock: AppClock()), secureCookies: false, lifetime: .seconds(60)),
                clock: AppClock(), logger: Logger(label: "test"), reference: try ReferenceData.shared.get(),
                cache: ReadCache()
            )
            let routed = Set(
                buildRouter(services: services).routes.map { "\($0.method.rawValue) \($0.path.description)" }
                    .filter { $0.contains(" /api/") })
            #expect(!routed.isEmpty)
            #expect(routed.subtracting(documented).isEmpty, "routes missing from openapi.json: \(routed.subtracting(documented))")
            #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed))")
        }
    }

    @Test func seeding_isIdempotent_andLoadsTheSeedDocuments() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let cities = try await City.query(on: harness.db).count()
            let facts = try await CityFact.query(on: harness.db).count()
            let organisations = try await Organisation.query(on: harness.db).count()
            let again = try await Seeder(db: harness.db, clock: AppClock()).seed(try DemoData.load())
            #expect(again == Seeder.Report())
            #expect(try await City.query(on: harness.db).count() == cities)
            #expect(try await CityFact.query(on: harness.db).count() == facts)
            for slug in ["guiyang", "seoul", "kitakyushu", "ulaanbaatar", "moscow", "yokohama", "shimokawa"] {
                #expect(try await CityQueries.bySlug(slug, on: harness.db) != nil, "missing \(slug)")
            }
            for slug in ["iclei-east-asia-secretariat", "seoul-metropolitan-government", "neaspec", "unescap-enea"] {
                #expect(try await OrganisationQueries.bySlug(slug, on: harness.db) != nil, "missing \(slug)")
            }
            #expect(organisations > 50)
            // Kitakyushu: 990 thousand people and 488 km² in seed 004 Table 2.
            let kitakyushu = try #require(try await CityQueries.profile(slug: "kitakyushu", on: harness.db))
            #expect(
                kitakyushu.facts.contains {
                    $0.indicator == "population" && $0.value == 990_000 && $0.sourceFile?.hasPrefix("004") == true
                })
            #expect(kitakyushu.facts.contains { $0.indicator == "area" && $0.value == 488 })
        }
    }

    @Test func firstStart_createsOneSecretariatLogin() async throws {
        try await TestApp.run { _, harness in
            let seeder = Seeder(db: harness.db, clock: AppClock())
            let first = try await seeder.ensureSecretariat(email: "secretariat@lcc.local", password: nil, cost: 4)
            #expect(first?.password.count ?? 0 >= 12)
            #expect(try await seeder.ensureSecretariat(email: "secretariat@lcc.local", password: nil, cost: 4) == nil)
        }
    }

    @Test func realHTTPServer_servesTheDirectory() async throws {
        var logger = Logger(label: "live")
        logger.logLevel = .warning
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lcc-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = try await DatabaseHandle.open(
            .sqlite(path: directory.appendingPathComponent("live.sqlite").path), logger: logger)
        try await database.migrate()
        let app = try buildApplication(
            config: AppConfig(port: 0, bcryptCost: 4), database: database, logger: logger, closeDatabaseOnShutdown: false)
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/cities", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("<h1>City directory</h1>"))
        }
        await database.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }
}

@Suite struct CatalogueTests {
    @Test func everyLanguage_hasEveryKey_andKeepsPlaceholders() throws {
        let catalogue = try Catalogue.load()
        let english = try #require(catalogue.strings[.en])
        for locale in AppLocale.allCases where locale != .en {
            let strings = try #require(catalogue.strings[locale], "no catalogue for \(locale)")
            #expect(
                Set(strings.keys) == Set(english.keys),
                "\(locale): missing \(Set(english.keys).subtracting(strings.keys).sorted())")
            for (key, value) in english {
                for placeholder in Self.placeholders(value) {
                    #expect(strings[key]?.contains(placeholder) == true, "\(locale) \(key) lost \(placeholder)")
                }
            }
        }
    }

    @Test func everyKeyUsedInTheCode_isInTheCatalogue() throws {
        let catalogue = try Catalogue.load()
        let english = try #require(catalogue.strings[.en])
        let dynamic =
            Vocabulary.cityTypes.map { "city_type.\($0)" } + Vocabulary.pathways.map { "pathway.\($0)" }
            + Vocabulary.organisationTypes.map { "org_type.\($0)" } + Vocabulary.indicators.map { "indicator.\($0.key)" }
            + Vocabulary.confidences.flatMap { ["confidence.\($0)", "confidence.\($0).explain"] }
            + Vocabulary.countries.map { "country.\($0)" }
            + ApplicationStatus.allCases.flatMap { ["application_status.\($0.rawValue)", "status.explain.\($0.rawValue)"] }
            + OrganisationStatus.allCases.map { "org_status.\($0.rawValue)" } + Role.allCases.map { "role.\($0.rawValue)" }
        for key in dynamic { #expect(english[key] != nil, "missing \(key)") }
    }

    static func placeholders(_ text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: #"\{[a-z]+\}"#) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }
}
