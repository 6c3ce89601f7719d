import CarbonAccounting
import FluentKit
import Foundation

/// Loads the demo data. Idempotent: a record whose slug exists is left as it is (members may have
/// edited it), a fact already present is not added twice. One transaction: all or nothing.
struct Seeder: Sendable {
    let db: any Database
    let clock: AppClock

    struct Report: Sendable, Equatable {
        var cities = 0, facts = 0, organisations = 0, programmes = 0, reportedEmissions = 0, inventories = 0
        var targets = 0, actions = 0, actionPlans = 0, forecasts = 0, knowledge = 0, frameworks = 0, peerGroups = 0
        var reviews = 0, capacityRequests = 0
    }

    func seed(_ data: DemoData) async throws -> Report {
        var report = try await seedDirectory(data)
        try await seedEmissions(data, into: &report)
        try await seedPlans(data, into: &report)
        // Knowledge records, then the search index of everything published.
        report.knowledge = try await KnowledgeService(db: db, clock: clock).seed(data.knowledge)
        try await linkPlansToEvents(data)
        report.frameworks = try await seedFrameworks()
        report.peerGroups = try await seedPeerGroups(data.peerGroups)
        (report.reviews, report.capacityRequests) = try await seedReviews()
        return report
    }

    /// Targets (re-importing updates them), forecasts, action plans and actions (skipped when the
    /// city already has one with the same title).
    private func seedPlans(_ data: DemoData, into report: inout Report) async throws {
        let imported = try await TargetService(db: db, clock: clock).importCSV(data.targetsCSV, city: nil, by: nil)
        report.targets = imported.created
        let cities = Dictionary(uniqueKeysWithValues: try await City.query(on: db).all().map { ($0.slug, $0) })
        @Sendable func city(_ slug: String) throws -> City {
            guard let city = cities[slug] else { throw AppError.internal("seed: unknown city \(slug)") }
            return city
        }
        let tree = try ReferenceData.shared.get().tree
        let counts = try await db.transaction { db in
            var report = Report()
            for row in data.plans.forecasts {
                let record = try city(row.city)
                guard try await CityForecast.query(on: db).filter(\.$city.$id == record.requireID()).count() == 0 else {
                    continue
                }
                var drivers: [Sector: GrowthDriver] = [:]
                for (code, text) in row.drivers {
                    guard let sector = Sector(rawValue: code), let driver = GrowthDriver.parse(text) else {
                        throw AppError.internal("seed: bad driver \(code)=\(text)")
                    }
                    drivers[sector] = driver
                }
                let settings = ForecastSettings(
                    baseYear: row.base_year, horizonYear: row.horizon_year, populationGrowth: row.population_growth,
                    gdpGrowth: row.gdp_growth, drivers: drivers)
                try await CityForecast(cityID: try record.requireID(), settings: settings, by: nil).create(on: db)
                report.forecasts += 1
            }
            for row in data.plans.action_plans {
                let record = try city(row.city)
                guard
                    try await ActionPlan.query(on: db).filter(\.$city.$id == record.requireID()).filter(\.$title == row.title)
                        .count() == 0
                else { continue }
                let plan = ActionPlan()
                plan.$city.id = try record.requireID()
                plan.title = row.title
                plan.origin = row.origin
                plan.draftedOn = row.drafted_on
                plan.summary = row.summary
                try await plan.create(on: db)
                report.actionPlans += 1
            }
            for row in data.plans.actions {
                let record = try city(row.city)
                guard
                    try await MitigationAction.query(on: db).filter(\.$city.$id == record.requireID())
                        .filter(\.$titleEn == (row.titles["en"] ?? "")).count() == 0
                else { continue }
                var fields: [String: String] = [
                    "sector": row.sector, "gpc_ref": row.gpc_ref ?? "", "action_type": row.action_type, "owner": row.owner,
                    "status": row.status, "start_year": String(row.start_year),
                    "sdgs": row.sdgs.map(String.init).joined(separator: ","),
                    "update_every_days": "365",
                ]
                for (language, title) in row.titles { fields["title_\(language)"] = title }
                for (language, text) in row.descriptions { fields["description_\(language)"] = text }
                let (input, errors) = ActionForm.validate(fields, coBenefits: row.co_benefits, tree: tree, plans: [])
                guard let input, errors.isEmpty else { throw AppError.internal("seed: bad action \(row.titles): \(errors)") }
                let action = MitigationAction()
                action.$city.id = try record.requireID()
                input.apply(to: action)
                try await action.create(on: db)
                report.actions += 1
            }
            return report
        }
        report.forecasts = counts.forecasts
        report.actionPlans = counts.actionPlans
        report.actions = counts.actions
    }

    /// Reported summaries (skipped when the same city, year, total and source exist) and the demo
    /// inventories (skipped when the city already has an inventory for that year).
    private func seedEmissions(_ data: DemoData, into report: inout Report) async throws {
        let reference = try ReferenceData.shared.get()
        let cityIDs = Dictionary(uniqueKeysWithValues: try await City.query(on: db).all().map { ($0.slug, $0) })
        let count = try await db.transaction { db in
            var added = 0
            let existing = Set(
                try await ReportedEmission.query(on: db).all().map {
                    "\($0.$city.id)|\($0.year)|\($0.total.map { String($0) } ?? "")|\($0.source)"
                })
            for row in data.reported {
                guard let city = cityIDs[row.city] else { throw AppError.internal("seed: unknown city \(row.city)") }
                let cityID = try city.requireID()
                guard !existing.contains("\(cityID)|\(row.year)|\(row.total_tco2e.map { String($0) } ?? "")|\(row.source)") else {
                    continue
                }
                try await ReportedEmission(
                    cityID: cityID, year: row.year, total: row.total_tco2e, scope1: row.scope1_tco2e, scope2: row.scope2_tco2e,
                    scope3: row.scope3_tco2e, basis: row.basis, gases: row.gases, unit: row.unit, source: row.source,
                    sourceFile: row.source_file, confidence: row.confidence, note: row.note
                ).create(on: db)
                added += 1
            }
            return added
        }
        report.reportedEmissions = count
        let service = InventoryService(db: db, reference: reference, cache: ReadCache(maxEntries: 8), clock: clock)
        for row in data.inventories {
            guard let city = cityIDs[row.city], let level = ReportingLevel.parse(row.level), let set = GWPSet.parse(row.gwp_set)
            else { throw AppError.internal("seed: bad inventory \(row.file)") }
            guard try await service.find(city: city, year: row.year) == nil else { continue }
            let lines: [Line]
            switch InventoryCSV.read(
                row.csv, parser: reference.parser, calculator: reference.calculator(set: set, year: row.year))
            {
            case .success(let parsed): lines = parsed
            case .failure(let problems):
                throw AppError.internal("seed: \(row.file): \(problems.items.map(\.description).joined(separator: "; "))")
            }
            _ = try await service.create(
                city: city, year: row.year, level: level, gwpSet: set, boundary: row.boundary, illustrative: row.illustrative,
                lines: lines, summary: "Demo data loaded from seed/inventories/\(row.file)",
                state: InventoryState(rawValue: row.state) ?? .draft, by: nil)
            report.inventories += 1
        }
    }

    /// Action plans drafted at a training point to its event (once both exist; a link already made is kept).
    private func linkPlansToEvents(_ data: DemoData) async throws {
        for row in data.plans.action_plans {
            guard let slug = row.event,
                let event = try await KnowledgeItem.query(on: db).filter(\.$kind == KnowledgeKind.event.rawValue)
                    .filter(\.$slug == slug).first(),
                let city = try await City.query(on: db).filter(\.$slug == row.city).first()
            else { continue }
            for plan in try await ActionPlan.query(on: db).filter(\.$city.$id == city.requireID()).filter(\.$title == row.title)
                .all() where plan.eventID == nil
            {
                plan.eventID = try event.requireID()
                try await plan.save(on: db)
            }
        }
    }

    private func seedDirectory(_ data: DemoData) async throws -> Report {
        try await db.transaction { db in
            var report = Report()
            var programmeIDs = Dictionary(
                uniqueKeysWithValues: try await Programme.query(on: db).all().map { ($0.slug, try $0.requireID()) })
            for row in data.programmes where programmeIDs[row.slug] == nil {
                let programme = Programme(
                    slug: row.slug, names: row.names, kind: row.kind, country: row.country, pathways: row.pathways,
                    details: row.description, startYear: row.start_year, website: row.website, sources: row.sources)
                try await programme.create(on: db)
                programmeIDs[row.slug] = try programme.requireID()
                report.programmes += 1
            }
            var cityIDs = Dictionary(
                uniqueKeysWithValues: try await City.query(on: db).all().map { ($0.slug, try $0.requireID()) })
            for row in data.cities where cityIDs[row.slug] == nil {
                let city = City(
                    slug: row.slug, names: row.names, country: row.country, region: row.region, latitude: row.latitude,
                    longitude: row.longitude, cityType: row.city_type, pathways: row.pathways, details: row.description,
                    sources: row.sources)
                try await city.create(on: db)
                let cityID = try city.requireID()
                cityIDs[row.slug] = cityID
                for slug in Set(row.programmes) {
                    guard let programmeID = programmeIDs[slug] else { throw AppError.internal("seed: unknown programme \(slug)") }
                    try await CityProgramme(cityID: cityID, programmeID: programmeID).create(on: db)
                }
                report.cities += 1
            }
            let existingFacts = Set(
                try await CityFact.query(on: db).all().map {
                    Self.factKey($0.$city.id, $0.indicator, $0.year, $0.value, $0.source)
                })
            for row in data.facts {
                guard let cityID = cityIDs[row.city] else { throw AppError.internal("seed: unknown city \(row.city)") }
                guard !existingFacts.contains(Self.factKey(cityID, row.indicator, row.year, row.value, row.source)) else {
                    continue
                }
                let fact = CityFact(
                    cityID: cityID, indicator: row.indicator, year: row.year, value: row.value, unit: row.unit,
                    source: row.source, sourceFile: row.source_file, confidence: row.confidence, note: row.note)
                fact.priceBasis = row.price_basis
                fact.boundaryNote = row.boundary_note
                try await fact.create(on: db)
                report.facts += 1
            }
            var organisationIDs = Dictionary(
                uniqueKeysWithValues: try await Organisation.query(on: db).all().map { ($0.slug, try $0.requireID()) })
            var created: [(Organisation, String?)] = []
            for row in data.organisations where organisationIDs[row.slug] == nil {
                let organisation = Organisation(
                    slug: row.slug, names: row.names, type: row.type, country: row.country,
                    cityID: row.city.flatMap { cityIDs[$0] },
                    website: row.website, details: row.description, isResourceCentre: row.is_resource_centre, status: .listed,
                    sources: row.sources
                )
                try await organisation.create(on: db)
                organisationIDs[row.slug] = try organisation.requireID()
                created.append((organisation, row.parent))
                report.organisations += 1
            }
            // Parents are linked once every organisation exists, whatever the file order.
            for (organisation, parent) in created {
                guard let parent else { continue }
                guard let parentID = organisationIDs[parent] else { throw AppError.internal("seed: unknown parent \(parent)") }
                organisation.$parent.id = parentID
                try await organisation.save(on: db)
            }
            return report
        }
    }

    private static func factKey(_ city: UUID, _ indicator: String, _ year: Int, _ value: Double, _ source: String) -> String {
        "\(city)|\(indicator)|\(year)|\(value)|\(source)"
    }

    /// Creates the first secretariat account when there is none. Returns the password when it made one.
    func ensureSecretariat(email: String, password: String?, cost: UInt8) async throws -> (email: String, password: String)? {
        guard try await User.query(on: db).filter(\.$role == Role.secretariat.rawValue).count() == 0 else { return nil }
        let password = password ?? Token.random(bytes: 12)
        let hash = try await Passwords.hash(password, cost: cost)
        let organisation = try await Organisation.query(on: db).filter(\.$slug == "unescap-enea").first()
        let user = User(
            email: email, name: "Platform Secretariat", passwordHash: hash, role: .secretariat,
            organisationID: organisation?.id)
        try await user.create(on: db)
        try await Audit.record(
            "user.create", entity: "user", id: try user.requireID().uuidString, actor: nil,
            after: user.auditFields, at: clock.now(), on: db)
        return (email, password)
    }
}
