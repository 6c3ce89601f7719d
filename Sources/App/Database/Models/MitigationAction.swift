import FluentKit
import Foundation

/// A mitigation action of a city: what, where in the GPC, who, when, cost, the expected effect and
/// its co-benefits. Titles and descriptions are kept per language.
final class MitigationAction: Model, @unchecked Sendable {
    static let schema = "mitigation_actions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "city_id") var city: City
    @OptionalParent(key: "plan_id") var plan: ActionPlan?
    @Field(key: "titles") var titles: [String: String]
    @Field(key: "title_en") var titleEn: String
    @Field(key: "descriptions") var descriptions: [String: String]
    @Field(key: "sector") var sector: String
    @OptionalField(key: "gpc_ref") var gpcRef: String?
    @Field(key: "action_type") var actionType: String
    @Field(key: "owner") var owner: String
    @Field(key: "status") var statusRaw: String
    @Field(key: "start_year") var startYear: Int
    @OptionalField(key: "end_year") var endYear: Int?
    @OptionalField(key: "cost") var cost: Double?
    @OptionalField(key: "currency") var currency: String?
    @Field(key: "funding") var funding: String
    /// t CO2e per year once fully effective; nil = not estimated.
    @OptionalField(key: "expected_reduction") var expectedReduction: Double?
    @Field(key: "reduction_method") var reductionMethod: String
    @Field(key: "ramp_up_years") var rampUpYears: Int
    /// Co-benefit codes separated by ";" (air_quality, slcp, health, jobs, …).
    @Field(key: "co_benefits") var coBenefits: String
    /// SDG numbers separated by ";".
    @Field(key: "sdgs") var sdgs: String
    /// Links to case studies and documents, one per line.
    @Field(key: "links") var links: String
    /// The owner is reminded when no update was recorded for this many days.
    @Field(key: "update_every_days") var updateEveryDays: Int
    @OptionalField(key: "last_update_on") var lastUpdateOn: Date?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Fuel or energy avoided, as JSON (`EnergyAvoidedEntry` list; M043); nil when not stated.
    @OptionalField(key: "energy_avoided") var energyAvoidedJSON: String?

    init() {}

    var status: ActionStatus {
        get { ActionStatus(rawValue: statusRaw) ?? .planned }
        set { statusRaw = newValue.rawValue }
    }
}

extension QueryBuilder where Model == MitigationAction {
    @discardableResult
    func filter(status: ActionStatus) -> Self { filter(\.$statusRaw == status.rawValue) }
}

/// A dated progress report on an action, with the reduction achieved and its evidence.
final class ActionUpdate: Model, @unchecked Sendable {
    static let schema = "action_updates"

    @ID(key: .id) var id: UUID?
    @Parent(key: "action_id") var action: MitigationAction
    /// ISO date (yyyy-mm-dd) the update refers to.
    @Field(key: "on_date") var onDate: String
    @Field(key: "status") var status: String
    @OptionalField(key: "achieved_reduction") var achievedReduction: Double?
    @Field(key: "evidence") var evidence: String
    @Field(key: "note") var note: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// An action plan with its own follow-up (e.g. drafted by participants at a training).
final class ActionPlan: Model, @unchecked Sendable {
    static let schema = "action_plans"

    @ID(key: .id) var id: UUID?
    @Parent(key: "city_id") var city: City
    @Field(key: "title") var title: String
    /// Where the plan was drafted (a training, a study tour) or "city plan".
    @Field(key: "origin") var origin: String
    @OptionalField(key: "drafted_on") var draftedOn: String?
    @OptionalField(key: "follow_up_by") var followUpBy: String?
    @Field(key: "summary") var summary: String
    /// The training (a knowledge-hub event) the plan was drafted at, if any.
    @OptionalField(key: "event_id") var eventID: UUID?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
