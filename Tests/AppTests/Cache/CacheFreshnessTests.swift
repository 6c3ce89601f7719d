import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

@testable import App

/// The cache's freshness contract, checked for every cached page and document: each declares the
/// tables it reads (a trace of its SQL shows no other), every table has its version trigger, and a
/// write to any declared table makes the next request load afresh.
@Suite struct CacheFreshnessTests {
    /// A cached page or document: a visitor's URL, the read behind it and the tables it declares.
    struct Case: Sendable, CustomStringConvertible {
        let url: String
        let read: String
        let tables: [Table]

        init<Key, Value>(_ url: String, _ read: CachedRead<Key, Value>) {
            self.url = url
            self.read = read.name
            self.tables = read.tables
        }

        init(knowledge url: String) {
            self.url = url
            self.read = "knowledge.page"
            self.tables = KnowledgeReads.tables
        }

        var description: String { url }
    }

    static let training = "/events/2019-iclei-shrdc-capacity-building-chinese-cities"

    static let cases: [Case] = [
        Case("/cities", DirectoryReads.cities),
        Case("/reviews/00000000-0000-0000-0000-000000000012", ReviewReads.workspace),
        Case("/api/v1/reviews/00000000-0000-0000-0000-000000000012", ReviewReads.reports),
        Case("/api/v1/reviews", ReviewReads.apiList),
        Case("/api/v1/cities", DirectoryReads.cities),
        Case("/organisations", DirectoryReads.organisations),
        Case("/api/v1/organisations", DirectoryReads.organisations),
        Case("/cities/seoul", CityReads.page),
        Case("/api/v1/cities/seoul", CityReads.profile),
        Case("/cities/guiyang/inventories/2021", InventoryReads.page),
        Case("/cities/guiyang/inventories/2021/lines", InventoryReads.page),
        Case("/api/v1/cities/guiyang/inventories/2021", InventoryReads.page),
        Case("/cities/guiyang/inventories/2021/ecrf.xlsx", InventoryReads.page),
        Case("/cities/guiyang/inventories/2021/cdp.csv", InventoryReads.page),
        Case("/api/v1/cities/guiyang/inventories/2021/export?format=cdp-xlsx", InventoryReads.page),
        Case("/cities/seoul/targets", RegistryReads.plan),
        Case("/cities/guiyang/forecast", RegistryReads.plan),
        Case("/cities/guiyang/actions", RegistryReads.plan),
        Case("/cities/guiyang/registry", RegistryReads.plan),
        Case("/api/v1/cities/seoul/targets", RegistryReads.plan),
        Case("/registry", RegistryReads.registry),
        Case("/registry/targets.csv", RegistryReads.registry),
        Case("/search?q=energy", SearchReads.results),
        Case("/api/v1/search?q=%E4%BD%8E%E7%A2%B3", SearchReads.results),
        Case(knowledge: training),
        Case(knowledge: "/events"),
        Case(knowledge: "/case-studies/tianjin-binhai-green-procurement-school-furniture"),
        Case(knowledge: "/knowledge"),
        Case(knowledge: "/events.ics"),
        Case(knowledge: "/sitemap.xml"),
        Case(knowledge: "/feed.atom"),
        Case(knowledge: "/programmes"),
        Case("/frameworks", FrameworkReads.catalog),
        Case("/frameworks/lcc-index", FrameworkReads.catalog),
        Case("/api/v1/frameworks", FrameworkReads.catalog),
        Case("/cities/guiyang/assessments/lcc-index/2021", AssessmentReads.cohort),
        Case("/benchmarks", BenchmarkReads.observations),
        Case("/cities/guiyang/peers", PeerReads.page),
        Case("/reviews", ReviewReads.publicList),
    ]

    /// Every table a cached read touched while a visitor's request loaded it is one it declares.
    @Test(arguments: cases)
    func cachedRead_declaresEveryTableItReads(_ page: Case) async throws {
        let trace = SQLTrace()
        try await TestApp.run(seed: true, sqlTrace: trace) { client, _ in
            let response = try await client.execute(uri: page.url, method: .get)
            #expect(response.status == .ok, "\(page.url): \(response.status)")
            let read = trace.tables().subtracting([TableVersioning.versionTable])
            #expect(!read.isEmpty, "no SQL traced for \(page.url)")
            let declared = Set(page.tables.map(\.rawValue))
            #expect(read.subtracting(declared).isEmpty, "\(page.url) reads undeclared \(read.subtracting(declared).sorted())")
        }
    }

    /// A write to each declared table — a plain SQL statement, as another process or an operator
    /// would make it — makes the next request load the read again.
    @Test(arguments: cases)
    func writeToADeclaredTable_reloadsThePage(_ page: Case) async throws {
        let cache = ReadCache()
        try await TestApp.run(seed: true, cache: cache) { client, harness in
            try await Self.fillEmptyTables(harness)
            #expect(try await client.execute(uri: page.url, method: .get).status == .ok)
            var loads = cache.loads(of: page.read)
            #expect(try await client.execute(uri: page.url, method: .get).status == .ok)
            #expect(cache.loads(of: page.read) == loads, "\(page.url) was loaded again without a write")
            for table in page.tables {
                try await Self.touch(table, on: harness)
                let response = try await client.execute(uri: page.url, method: .get)
                #expect(response.status == .ok)
                #expect(cache.loads(of: page.read) > loads, "\(page.url) still cached after a write to \(table.rawValue)")
                loads = cache.loads(of: page.read)
            }
        }
    }

    /// Every table of the schema has its version row and triggers, except the few left out on purpose.
    @Test func everyTable_isWatched() async throws {
        try await TestApp.run { _, harness in
            let sql = try harness.db.sql()
            let postgres = sql.dialect.name == "postgresql"
            let tables: Set<String>
            let triggers: Set<String>
            if postgres {
                tables = Set(
                    try await sql.raw(
                        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                    ).all().map { try $0.decode(column: "name", as: String.self) })
                triggers = Set(
                    try await sql.raw(
                        "SELECT DISTINCT trigger_name AS name FROM information_schema.triggers WHERE trigger_schema = current_schema()"
                    ).all().map { try $0.decode(column: "name", as: String.self) })
            } else {
                tables = Set(
                    try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                        .map { try $0.decode(column: "name", as: String.self) })
                triggers = Set(
                    try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'trigger'").all()
                        .map { try $0.decode(column: "name", as: String.self) })
            }
            let watched = tables.subtracting(Table.unwatched).subtracting(["_fluent_migrations", TableVersioning.versionTable])
            #expect(
                watched == Set(Table.allCases.map(\.rawValue)),
                "tables and Table differ: \(watched.symmetricDifference(Table.allCases.map(\.rawValue)))")
            for table in watched {
                let names = postgres ? ["tv_\(table)"] : ["tv_\(table)_i", "tv_\(table)_u", "tv_\(table)_d"]
                for name in names { #expect(triggers.contains(name), "no trigger \(name)") }
            }
            // And the triggers do their work: plain inserts, updates and deletes bump the version.
            var version = try await TableVersioning.versions(of: [.users], on: harness.db)[0]
            let fixtures = try await Fixtures.make(on: harness.db)
            for statement: SQLQueryString in [
                "UPDATE users SET name = name WHERE id = \(bind: try fixtures.expert.requireID())",
                "DELETE FROM users WHERE id = \(bind: try fixtures.expert.requireID())",
            ] {
                let bumped = try await TableVersioning.versions(of: [.users], on: harness.db)[0]
                #expect(bumped > version, "\(statement)")
                version = bumped
                try await sql.raw(statement).run()
            }
            #expect(try await TableVersioning.versions(of: [.users], on: harness.db)[0] > version)
        }
    }

    /// The stale page of issue 10: a training's page lists the action plans drafted there with their
    /// follow-up (actions, and how many have reported progress). When a city adds an action to its
    /// plan and reports progress on it, a visitor sees both at once.
    @Test func trainingPage_showsNewProgressOnItsPlans() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let visitor = Browser(client)
            let before = try await visitor.get(Self.training)
            #expect(before.status == .ok)
            let plan = try #require(
                try await ActionPlan.query(on: harness.db).filter(\.$eventID != nil).with(\.$city).first())
            let slug = plan.city.slug
            let secretariat = Browser(client)
            #expect(try await secretariat.signIn(fixtures.secretariat.email).status == .seeOther)
            try await secretariat.get(Paths.newAction(slug))
            let created = try await secretariat.post(
                Paths.newAction(slug),
                [
                    ("title_en", "Follow-up of the training plan"), ("sector", "I"), ("action_type", "policy"),
                    ("owner", "Environment bureau"), ("start_year", "2019"), ("status", "planned"),
                    ("plan", try plan.requireID().uuidString),
                ])
            #expect(created.status == .seeOther, "\(created.body.prefix(3000))")
            let withAction = try await visitor.get(Self.training)
            #expect(withAction.body != before.body, "the training page did not change after an action was added")
            let path = try #require(created.location)
            try await secretariat.get(path)
            let update = try await secretariat.post(
                "\(path)/updates", [("on_date", "2020-01-15"), ("status", "in_progress"), ("note", "Started")])
            #expect(update.status == .seeOther, "\(update.body.prefix(3000))")
            let withProgress = try await visitor.get(Self.training)
            #expect(withProgress.body != withAction.body, "the training page did not change after progress was reported")
        }
    }

    /// Rows in the tables the demo data leaves empty, so each has a row to write: people, a stored
    /// file, a progress update.
    static func fillEmptyTables(_ harness: Harness) async throws {
        _ = try await Fixtures.make(on: harness.db)
        let fileID = try await StoredFiles.store(
            Array("%PDF-1.4 test".utf8), filename: "a.pdf", contentType: "application/pdf", by: nil, on: harness.db)
        // The illustrative review: a plan document and a progress note on a recommendation.
        let review = Seeder.illustrativeReviewID
        try await ReviewDocument(requestID: review, fileID: fileID, filename: "a.pdf", contentType: "application/pdf", size: 13)
            .create(on: harness.db)
        let recommendation = try #require(
            try await ReviewRecommendation.query(on: harness.db).filter(\.$request.$id == review).first())
        let progress = RecommendationUpdate()
        progress.$recommendation.id = try recommendation.requireID()
        progress.onDate = "2026-01-01"
        progress.note = "test"
        try await progress.create(on: harness.db)
        let action = try #require(try await MitigationAction.query(on: harness.db).first())
        let update = ActionUpdate()
        update.$action.id = try action.requireID()
        update.onDate = "2020-01-01"
        update.status = ActionStatus.inProgress.rawValue
        update.evidence = ""
        update.note = "test"
        try await update.create(on: harness.db)
        // A published assessment (and its versions) and stored benchmark settings.
        let secretariat = CurrentUser(
            id: UUID(), email: "s@example.org", name: "S", role: .secretariat, isExpert: false, organisationID: nil,
            organisationSlug: nil, organisationIsResourceCentre: false, organisationSuspended: false, cityID: nil)
        let catalog = try await FrameworkQueries.catalog(on: harness.db)
        let edition = try #require(catalog.first { $0.slug == "lcc-index" }?.current)
        let guiyang = try #require(try await CityQueries.bySlug("guiyang", on: harness.db))
        let service = AssessmentService(db: harness.db, clock: AppClock())
        try await service.save(
            city: guiyang, edition: edition, framework: "lcc-index", year: 2021,
            valuesCSV: "item_id,value,level,unit,evidence,comment,excluded_reason\nPO06,,1,,test,,\n", summary: "test", by: nil)
        for transition in [AssessmentService.Transition.submit, .publish] {
            try await service.transition(
                transition, city: guiyang, edition: edition, framework: "lcc-index", year: 2021, comment: "", by: secretariat)
        }
        try await BenchmarkSettingsReads.save(BenchmarkSettings(), by: secretariat, at: Date(), on: harness.db)
    }

    /// A write that changes nothing but runs the version trigger, on any table: on SQLite one row
    /// is rewritten as it is; on PostgreSQL a statement-level trigger fires even for no row.
    static func touch(_ table: Table, on harness: Harness) async throws {
        let sql = try harness.db.sql()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DELETE FROM \(ident: table.rawValue) WHERE 1 = 0").run()
            return
        }
        let count = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table.rawValue)").first()?.decode(
            column: "n", as: Int.self)
        try #require((count ?? 0) > 0, "\(table.rawValue) has no row to write in the demo data")
        try await sql.raw(
            "UPDATE \(ident: table.rawValue) SET rowid = rowid WHERE rowid = (SELECT MIN(rowid) FROM \(ident: table.rawValue))"
        ).run()
    }
}
