import CarbonAccounting
import FluentKit
import Foundation

/// An action as pages and documents see it, with its updates (newest first).
struct ActionSummary: Sendable {
    let id: UUID
    let cityID: UUID
    let citySlug: String
    let cityNames: [String: String]
    let titles: [String: String]
    let descriptions: [String: String]
    let sector: Sector
    let gpcRef: String?
    let actionType: String
    let owner: String
    let status: String
    let startYear: Int
    let endYear: Int?
    let cost: Double?
    let currency: String?
    let funding: String
    let expectedReduction: Double?
    let reductionMethod: String
    let rampUpYears: Int
    let coBenefits: [String]
    let sdgs: [Int]
    let links: [String]
    let updateEveryDays: Int
    let lastUpdate: Date?
    let createdAt: Date?
    let planID: UUID?
    let updates: [UpdateSummary]
    /// Fuel or energy avoided (empty when the reduction is typed or not stated).
    var energyAvoided: [EnergyAvoidedEntry] = []

    /// Reminder rule: an action still planned or in progress whose last update (or creation) is older
    /// than its update period.
    func updateDue(now: Date) -> Bool {
        guard ActionStatus(rawValue: status)?.isOpen == true, let since = lastUpdate ?? createdAt else { return false }
        return now.timeIntervalSince(since) > Double(updateEveryDays) * 86_400
    }

    /// The achieved reduction of the latest update that states one (t CO2e per year).
    var latestAchieved: (value: Double, on: String)? {
        updates.first { $0.achievedReduction != nil }.map { ($0.achievedReduction!, $0.onDate) }
    }

    var effect: ActionEffect? { effect(computed: nil) }

    /// The effect in the scenario: the typed reduction, else the CO2e computed from the energy
    /// avoided (under the forecast's GWP set).
    func effect(computed: Double?) -> ActionEffect? {
        guard status != ActionStatus.cancelled.rawValue, let reduction = expectedReduction ?? computed, sector != .otherScope3
        else { return nil }
        return ActionEffect(
            id: id.uuidString, sector: sector, startYear: startYear, annualReduction: reduction, rampUpYears: rampUpYears)
    }
}

struct UpdateSummary: Sendable, Hashable {
    let id: UUID
    let onDate: String
    let status: String
    let achievedReduction: Double?
    let evidence: String
    let note: String
}

struct PlanSummary: Sendable, Hashable {
    let id: UUID
    let title: String
    let origin: String
    let draftedOn: String?
    let followUpBy: String?
    let summary: String
}

/// Changes to actions, their updates and action plans; each in one transaction with an audit entry.
struct ActionService: Sendable {
    let db: any Database
    let clock: AppClock

    func create(_ input: ActionInput, city: City, by user: CurrentUser?) async throws -> MitigationAction {
        let action = MitigationAction()
        action.$city.id = try city.requireID()
        action.createdBy = user?.id
        input.apply(to: action)
        let now = clock.now()
        // The reminder period runs from creation until the first update.
        action.lastUpdateOn = now
        try await db.transaction { db in
            try await action.create(on: db)
            try await Audit.record(
                "action.create", entity: "mitigation_action", id: try action.requireID().uuidString, actor: user,
                after: ["title": action.titleEn, "status": action.status.rawValue], at: now, on: db)
        }
        try await SearchIndexer(db: db).refresh(action: action, city: city)
        return action
    }

    func update(_ action: MitigationAction, with input: ActionInput, by user: CurrentUser) async throws {
        let before = ActionInput.fields(of: action).mapValues { Optional($0) }
        input.apply(to: action)
        let now = clock.now()
        try await db.transaction { db in
            try await action.save(on: db)
            try await Audit.record(
                "action.update", entity: "mitigation_action", id: try action.requireID().uuidString, actor: user, before: before,
                after: ActionInput.fields(of: action).mapValues { Optional($0) }, at: now, on: db)
        }
        if let city = try await City.find(action.$city.id, on: db) {
            try await SearchIndexer(db: db).refresh(action: action, city: city)
        }
    }

    func delete(_ action: MitigationAction, by user: CurrentUser?) async throws {
        let now = clock.now()
        try await db.transaction { db in
            try await ActionUpdate.query(on: db).filter(\.$action.$id == action.requireID()).delete()
            try await action.delete(on: db)
            try await Audit.record(
                "action.delete", entity: "mitigation_action", id: try action.requireID().uuidString, actor: user,
                before: ["title": action.titleEn], at: now, on: db)
        }
        try await SearchIndexer(db: db).remove(action: try action.requireID())
    }

    /// Records a progress update; the action takes its status and the reminder clock restarts.
    func addUpdate(_ input: UpdateInput, to action: MitigationAction, by user: CurrentUser?) async throws {
        let update = ActionUpdate()
        update.$action.id = try action.requireID()
        update.onDate = input.onDate
        update.status = input.status
        update.achievedReduction = input.achievedReduction
        update.evidence = input.evidence
        update.note = input.note
        update.createdBy = user?.id
        let now = clock.now()
        action.statusRaw = input.status
        action.lastUpdateOn = now
        try await db.transaction { db in
            try await update.create(on: db)
            try await action.save(on: db)
            try await Audit.record(
                "action.progress", entity: "mitigation_action", id: try action.requireID().uuidString, actor: user,
                after: [
                    "on": input.onDate, "status": input.status, "achieved": input.achievedReduction.map(LineColumns.format),
                ], at: now, on: db)
        }
    }

    func createPlan(
        title: String, origin: String, draftedOn: String?, followUpBy: String?, summary: String, city: City, by user: CurrentUser?
    ) async throws -> ActionPlan {
        let plan = ActionPlan()
        plan.$city.id = try city.requireID()
        plan.title = title
        plan.origin = origin
        plan.draftedOn = draftedOn
        plan.followUpBy = followUpBy
        plan.summary = summary
        plan.createdBy = user?.id
        let now = clock.now()
        try await db.transaction { db in
            try await plan.create(on: db)
            try await Audit.record(
                "plan.create", entity: "action_plan", id: try plan.requireID().uuidString, actor: user, after: ["title": title],
                at: now, on: db)
        }
        return plan
    }

    func find(_ id: String, city: City) async throws -> MitigationAction {
        guard let uuid = UUID(uuidString: id),
            let action = try await MitigationAction.query(on: db).filter(\.$id == uuid).filter(\.$city.$id == city.requireID())
                .first()
        else { throw AppError.notFound }
        return action
    }

    func plans(of city: City) async throws -> [PlanSummary] {
        try await ActionPlan.query(on: db).filter(\.$city.$id == city.requireID()).sort(\.$createdAt).all().map {
            PlanSummary(
                id: try $0.requireID(), title: $0.title, origin: $0.origin, draftedOn: $0.draftedOn, followUpBy: $0.followUpBy,
                summary: $0.summary)
        }
    }

    /// Actions (of one city, or all with the filters) with their updates: two queries.
    func actions(city: City?, id: UUID? = nil, sector: String? = nil, status: String? = nil) async throws -> [ActionSummary] {
        var query = MitigationAction.query(on: db).with(\.$city)
        if let id { query = query.filter(\.$id == id) }
        if let city { query = query.filter(\.$city.$id == (try city.requireID())) }
        if let sector { query = query.filter(\.$sector == sector) }
        if let status { query = query.filter(\.$statusRaw == status) }
        let actions = try await query.sort(\.$startYear).sort(\.$titleEn).all()
        guard !actions.isEmpty else { return [] }
        var updates: [UUID: [UpdateSummary]] = [:]
        let ids = try actions.map { try $0.requireID() }
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for update in try await ActionUpdate.query(on: db).filter(\.$action.$id ~~ chunk).sort(\.$onDate, .descending)
                .sort(\.$createdAt, .descending).all()
            {
                updates[update.$action.id, default: []].append(
                    UpdateSummary(
                        id: try update.requireID(), onDate: update.onDate, status: update.status,
                        achievedReduction: update.achievedReduction, evidence: update.evidence, note: update.note))
            }
        }
        return try actions.map { action in
            let id = try action.requireID()
            return ActionSummary(
                id: id, cityID: action.$city.id, citySlug: action.city.slug, cityNames: action.city.names, titles: action.titles,
                descriptions: action.descriptions, sector: Sector(rawValue: action.sector) ?? .stationaryEnergy,
                gpcRef: action.gpcRef, actionType: action.actionType, owner: action.owner, status: action.status.rawValue,
                startYear: action.startYear, endYear: action.endYear, cost: action.cost, currency: action.currency,
                funding: action.funding, expectedReduction: action.expectedReduction, reductionMethod: action.reductionMethod,
                rampUpYears: action.rampUpYears,
                coBenefits: action.coBenefits.split(separator: ";").map(String.init),
                sdgs: action.sdgs.split(separator: ";").compactMap { Int($0) },
                links: action.links.split(whereSeparator: \.isNewline).map(String.init), updateEveryDays: action.updateEveryDays,
                lastUpdate: action.lastUpdateOn, createdAt: action.createdAt, planID: action.$plan.id, updates: updates[id] ?? [],
                energyAvoided: EnergyAvoidedEntry.decode(action.energyAvoidedJSON))
        }
    }
}
