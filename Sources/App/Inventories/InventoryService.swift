import CarbonAccounting
import FluentKit
import Foundation

/// An inventory with everything computed from it: what pages, exports and the API show.
struct ComputedInventory: Sendable {
    let inventory: InventorySummary
    let lines: [StoredLine]
    let report: InventoryReport
    /// The air pollutants of the same lines, under the inventory's edition.
    let air: AirPollutantReport
    let warnings: [Warning]
}

/// The inventory's own fields as a plain value (views never see Fluent models).
struct InventorySummary: Sendable, Hashable {
    let id: UUID
    let cityID: UUID
    let citySlug: String
    let cityNames: [String: String]
    let year: Int
    let kind: InventoryKind
    let level: ReportingLevel
    let gwpSet: GWPSet
    let airEdition: AirPollutantEdition
    let boundary: String
    let state: InventoryState
    let illustrative: Bool
    let version: Int
    let stateComment: String?
    let verifierID: UUID?

    init(
        id: UUID, cityID: UUID, citySlug: String, cityNames: [String: String], year: Int, kind: InventoryKind,
        level: ReportingLevel, gwpSet: GWPSet, airEdition: AirPollutantEdition, boundary: String, state: InventoryState,
        illustrative: Bool, version: Int, stateComment: String?, verifierID: UUID?
    ) {
        self.id = id
        self.cityID = cityID
        self.citySlug = citySlug
        self.cityNames = cityNames
        self.year = year
        self.kind = kind
        self.airEdition = airEdition
        self.level = level
        self.gwpSet = gwpSet
        self.boundary = boundary
        self.state = state
        self.illustrative = illustrative
        self.version = version
        self.stateComment = stateComment
        self.verifierID = verifierID
    }

    init(_ inventory: Inventory, city: City) throws {
        id = try inventory.requireID()
        cityID = try city.requireID()
        citySlug = city.slug
        cityNames = city.names
        year = inventory.year
        kind = inventory.kind
        airEdition = inventory.airEdition
        level = inventory.level
        gwpSet = inventory.gwpSet
        boundary = inventory.boundary
        state = inventory.state
        illustrative = inventory.illustrative
        version = inventory.version
        stateComment = inventory.stateComment
        verifierID = inventory.verifierID
    }
}

/// Inventory operations. Every change runs in one transaction, writes a version and an audit
/// entry, and leaves the data as it was if anything fails.
struct InventoryService: Sendable {
    let db: any Database
    let reference: ReferenceData
    let cache: ReadCache
    let clock: AppClock

    private var query: QueryContext { QueryContext(db: db, reference: reference, clock: clock, cache: cache) }

    func find(city: City, year: Int, kind: InventoryKind = .community) async throws -> Inventory? {
        try await Inventory.query(on: db).filter(\.$city.$id == city.requireID()).filter(\.$year == year)
            .filter(\.$kindRaw == kind.rawValue).first()
    }

    func list(city: City) async throws -> [Inventory] {
        try await Inventory.query(on: db).filter(\.$city.$id == city.requireID()).sort(\.$year, .descending).all()
    }

    /// Lines and report of the current version (from the cache while the version is unchanged),
    /// with the plausibility warnings, which also read the previous inventory and the population.
    func computed(_ inventory: Inventory, city: City) async throws -> ComputedInventory {
        let summary = try InventorySummary(inventory, city: city)
        let computed = try await cache.value(InventoryReads.computed, summary.versionKey, in: query)
        let calculator = reference.calculator(set: inventory.gwpSet, year: inventory.year)
        let context = try await plausibilityContext(inventory, city: city)
        let warnings = Plausibility.check(
            lines: computed.lines.map(\.line), report: computed.report, library: reference.library, calculator: calculator,
            previousTotal: context.previousTotal, population: context.population,
            previousPopulation: context.previousPopulation)
        return ComputedInventory(
            inventory: summary, lines: computed.lines, report: computed.report, air: computed.air, warnings: warnings)
    }

    /// Keeps what a write computed for the version it made (see `InventoryReads.computed`).
    private func prime(_ inventory: Inventory, lines: [StoredLine], report: InventoryReport) async throws {
        let key = InventoryVersionKey(
            id: try inventory.requireID(), version: inventory.version, level: inventory.level, gwpSet: inventory.gwpSet,
            airEdition: inventory.airEdition, year: inventory.year)
        let air = reference.airPollutantCalculator(edition: inventory.airEdition).report(lines: lines.map(\.line))
        try await cache.prime(
            InventoryReads.computed, key, value: ComputedLines(lines: lines, report: report, air: air), in: query)
    }

    /// The previous inventory's total at the same level, and the city's resident populations
    /// of the two latest years up to the inventory year, for the year-on-year checks.
    private func plausibilityContext(_ inventory: Inventory, city: City) async throws -> (
        previousTotal: Double?, population: Double?, previousPopulation: Double?
    ) {
        let previous = try await Inventory.query(on: db).filter(\.$city.$id == city.requireID())
            .filter(\.$kindRaw == inventory.kindRaw).filter(\.$year < inventory.year).sort(\.$year, .descending).first()
        var previousTotal: Double?
        if let previous, let version = try await VersionStore.list(previous.requireID(), on: db).first {
            previousTotal = inventory.level == .basic ? version.totalBasic : version.totalBasicPlus
        }
        let populations = try await ResidentPopulation.latest(city: city.requireID(), upTo: inventory.year, on: db.sql())
        return (previousTotal, populations.first?.value, populations.count > 1 ? populations[1].value : nil)
    }

    func create(
        city: City, year: Int, kind: InventoryKind = .community, level: ReportingLevel, gwpSet: GWPSet, boundary: String,
        airEdition: AirPollutantEdition? = nil, illustrative: Bool = false, lines: [Line] = [], summary: String = "Created",
        state: InventoryState = .draft, by user: CurrentUser?
    ) async throws -> Inventory {
        if try await find(city: city, year: year, kind: kind) != nil { throw AppError.conflict("inventory.exists") }
        let now = clock.now()
        let inventory = Inventory(
            cityID: try city.requireID(), year: year, kind: kind, level: level, gwpSet: gwpSet, boundary: boundary,
            airEdition: airEdition, illustrative: illustrative, createdBy: user?.id)
        inventory.state = state
        try await db.transaction { db in
            try await inventory.create(on: db)
            let id = try inventory.requireID()
            if !lines.isEmpty { try await LineStore.insert(id, lines, startingAt: 0, on: try db.sql()) }
            try await VersionStore.record(
                inventory, lines: lines, report: report(inventory, lines), summary: summary, author: user, at: now, on: db)
            try await Audit.record(
                "inventory.create", entity: "inventory", id: inventory.auditID(city), actor: user, before: nil,
                after: [
                    "kind": kind.rawValue, "level": level.rawValue, "gwp_set": gwpSet.rawValue,
                    "air_edition": inventory.airEditionRaw, "lines": String(lines.count),
                ], at: now, on: db)
        }
        return inventory
    }

    /// Replaces all lines (import, restore) in one transaction.
    func replaceLines(_ inventory: Inventory, city: City, with lines: [Line], summary: String, by user: CurrentUser?) async throws
    {
        let now = clock.now()
        let id = try inventory.requireID()
        let before = try await LineStore.count(id, on: db)
        try await db.transaction { db in
            // Lines before the inventory row: take both version rows in the order creating one does.
            try await TableVersioning.lock([.inventories, .inventoryLines], on: db)
            try await LineStore.replace(id, with: lines, on: db)
            try await VersionStore.record(
                inventory, lines: lines, report: report(inventory, lines), summary: summary, author: user, at: now, on: db)
            try await Audit.record(
                "inventory.replace_lines", entity: "inventory", id: inventory.auditID(city), actor: user,
                before: ["lines": String(before)], after: ["lines": String(lines.count), "summary": summary], at: now, on: db)
        }
    }

    /// Adds, changes or removes one line; the whole set is snapshotted as the new version.
    func changeLine(
        _ inventory: Inventory, city: City, rowID: UUID?, to line: Line?, summary: String, by user: CurrentUser?
    ) async throws {
        let now = clock.now()
        let id = try inventory.requireID()
        let written = try await db.transaction { db in
            try await TableVersioning.lock([.inventories, .inventoryLines], on: db)
            if let rowID, let line {
                try await LineStore.update(rowID: rowID, with: line, on: db)
            } else if let rowID {
                try await LineStore.delete(rowID: rowID, on: db)
            } else if let line {
                try await LineStore.insert(id, [line], startingAt: try await LineStore.nextPosition(id, on: db), on: try db.sql())
            }
            let stored = try await LineStore.load(id, on: db)
            let lines = stored.map(\.line)
            let computed = report(inventory, lines)
            try await VersionStore.record(
                inventory, lines: lines, report: computed, summary: summary, author: user, at: now, on: db)
            try await Audit.record(
                "inventory.line", entity: "inventory", id: inventory.auditID(city), actor: user, before: nil,
                after: ["summary": summary], at: now, on: db)
            return (stored, computed)
        }
        try await prime(inventory, lines: written.0, report: written.1)
    }

    /// Level, GWP set, pollutant edition and boundary: the totals are recomputed under the new settings.
    func updateSettings(
        _ inventory: Inventory, city: City, level: ReportingLevel, gwpSet: GWPSet, airEdition: AirPollutantEdition? = nil,
        boundary: String, by user: CurrentUser?
    ) async throws {
        let now = clock.now()
        let before: [String: String?] = [
            "level": inventory.levelRaw, "gwp_set": inventory.gwpSetRaw, "air_edition": inventory.airEditionRaw,
            "boundary": inventory.boundary,
        ]
        let edition = airEdition ?? inventory.airEdition
        let written = try await db.transaction { db in
            inventory.level = level
            inventory.gwpSet = gwpSet
            inventory.airEdition = edition
            inventory.boundary = boundary
            let stored = try await LineStore.load(inventory.requireID(), on: db)
            let computed = report(inventory, stored.map(\.line))
            try await VersionStore.record(
                inventory, lines: stored.map(\.line), report: computed,
                summary: "Settings: \(level.rawValue), \(gwpSet.rawValue), EMEP/EEA \(edition.rawValue)",
                author: user, at: now, on: db)
            try await Audit.record(
                "inventory.settings", entity: "inventory", id: inventory.auditID(city), actor: user, before: before,
                after: [
                    "level": level.rawValue, "gwp_set": gwpSet.rawValue, "air_edition": edition.rawValue, "boundary": boundary,
                ], at: now, on: db)
            return (stored, computed)
        }
        try await prime(inventory, lines: written.0, report: written.1)
    }

    func transition(
        _ inventory: Inventory, city: City, _ transition: InventoryTransition, comment: String, by user: CurrentUser
    ) async throws {
        let access = InventoryAccess(user: user, cityID: try city.requireID(), inventory: inventory)
        guard transition.allowed(by: access) else {
            // Distinguish "not yours" from "not now" for the user.
            throw access.isEditor || access.canReturn || user.isSecretariat
                ? AppError.conflict("inventory.transition_not_allowed") : AppError.forbidden
        }
        if transition == .return && comment.isEmpty { throw AppError.validation(["comment": "inventory.comment_required"]) }
        let now = clock.now()
        let before = inventory.stateRaw
        try await db.transaction { db in
            inventory.state = transition.target
            inventory.stateComment = comment.isEmpty ? nil : comment
            switch transition {
            case .submit: inventory.submittedBy = user.id
            case .verify: inventory.verifiedBy = user.id
            case .return:
                inventory.submittedBy = nil
                inventory.verifiedBy = nil
            case .publish: break
            }
            let lines = try await LineStore.load(inventory.requireID(), on: db).map(\.line)
            try await VersionStore.record(
                inventory, lines: lines, report: report(inventory, lines),
                summary: "State: \(transition.target.rawValue)\(comment.isEmpty ? "" : " — \(comment)")", author: user, at: now,
                on: db)
            try await Audit.record(
                "inventory.\(transition.rawValue)", entity: "inventory", id: inventory.auditID(city), actor: user,
                before: ["state": before], after: ["state": inventory.stateRaw, "comment": comment], at: now, on: db)
        }
    }

    func nameVerifier(_ inventory: Inventory, city: City, verifier: User?, by user: CurrentUser) async throws {
        let now = clock.now()
        try await db.transaction { db in
            let before = inventory.verifierID?.uuidString
            inventory.verifierID = try verifier?.requireID()
            try await inventory.save(on: db)
            try await Audit.record(
                "inventory.verifier", entity: "inventory", id: inventory.auditID(city), actor: user,
                before: ["verifier": before], after: ["verifier": verifier?.email], at: now, on: db)
        }
    }

    /// Restores an old version's lines and settings as a new version (history is never rewritten).
    func restore(_ inventory: Inventory, city: City, version number: Int, by user: CurrentUser) async throws {
        guard let snapshot = try await VersionStore.snapshot(inventory.requireID(), number: number, on: db) else {
            throw AppError.notFound
        }
        let level = ReportingLevel(rawValue: snapshot.level) ?? inventory.level
        let set = GWPSet(rawValue: snapshot.gwpSet) ?? inventory.gwpSet
        let edition = snapshot.airEdition.flatMap(AirPollutantEdition.init(rawValue:)) ?? inventory.airEdition
        let calculator = reference.calculator(set: set, year: inventory.year)
        let lines: [Line]
        if snapshot.csv.split(whereSeparator: \.isNewline).count <= 1 {
            lines = []
        } else {
            switch InventoryCSV.read(snapshot.csv, parser: reference.parser, calculator: calculator) {
            case .success(let parsed): lines = parsed
            case .failure(let problems): throw AppError.invalidFile(problems.items)
            }
        }
        inventory.level = level
        inventory.gwpSet = set
        inventory.airEdition = edition
        try await replaceLines(inventory, city: city, with: lines, summary: "Restored version \(number)", by: user)
    }

    private func report(_ inventory: Inventory, _ lines: [Line]) -> InventoryReport {
        reference.calculator(set: inventory.gwpSet, year: inventory.year).report(lines: lines, level: inventory.level)
    }
}

extension ComputedInventory {
    /// The same computation with fresher inventory fields (verifier, comment) that do not change the numbers.
    func with(_ summary: InventorySummary) -> ComputedInventory {
        ComputedInventory(inventory: summary, lines: lines, report: report, air: air, warnings: warnings)
    }
}

extension Inventory {
    /// How the audit log names the inventory: "slug/2021", or "slug/2021/government".
    func auditID(_ city: City) -> String { "\(city.slug)/\(year)\(kind.pathSuffix)" }
}
