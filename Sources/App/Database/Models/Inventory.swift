import CarbonAccounting
import FluentKit
import Foundation

/// The life of an inventory (GPC v1.1 ch. 10 on verification): drafted by the city, submitted,
/// verified by someone other than its author, then published for everyone.
enum InventoryState: String, Sendable, CaseIterable, Codable {
    case draft, submitted, verified, published

    /// How the state reads in "the 2005 inventory is …" (progress notes).
    var phrase: String {
        switch self {
        case .draft: "a draft"
        case .submitted: "submitted for verification, not published"
        case .verified: "verified but not yet published"
        case .published: "published"
        }
    }
}

/// A city's GPC inventory for one year. Lines live in `inventory_lines` (read in bulk), versions
/// in `inventory_versions`.
final class Inventory: Model, @unchecked Sendable {
    static let schema = "inventories"

    @ID(key: .id) var id: UUID?
    @Parent(key: "city_id") var city: City
    @Field(key: "year") var year: Int
    @Field(key: "level") var levelRaw: String
    @Field(key: "gwp_set") var gwpSetRaw: String
    @Field(key: "boundary") var boundary: String
    @Field(key: "state") var stateRaw: String
    /// Demo data built from reference factors, not a city's own figures: labelled on every page.
    @Field(key: "illustrative") var illustrative: Bool
    @Field(key: "version") var version: Int
    @OptionalField(key: "created_by") var createdBy: UUID?
    @OptionalField(key: "submitted_by") var submittedBy: UUID?
    @OptionalField(key: "verified_by") var verifiedBy: UUID?
    /// A verifier the secretariat named for this inventory.
    @OptionalField(key: "verifier_id") var verifierID: UUID?
    @OptionalField(key: "state_comment") var stateComment: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Community or government operations (M041).
    @Field(key: "kind") var kindRaw: String
    /// The EMEP/EEA edition of the air-pollutant factors (M042).
    @Field(key: "air_edition") var airEditionRaw: String

    init() {}

    init(
        cityID: UUID, year: Int, kind: InventoryKind = .community, level: ReportingLevel, gwpSet: GWPSet, boundary: String,
        airEdition: AirPollutantEdition? = nil, illustrative: Bool = false, createdBy: UUID?
    ) {
        self.$city.id = cityID
        self.year = year
        self.kindRaw = kind.rawValue
        self.airEditionRaw = (airEdition ?? .default(forInventoryYear: year)).rawValue
        self.levelRaw = level.rawValue
        self.gwpSetRaw = gwpSet.rawValue
        self.boundary = boundary
        self.stateRaw = InventoryState.draft.rawValue
        self.illustrative = illustrative
        self.version = 0
        self.createdBy = createdBy
    }

    var level: ReportingLevel {
        get { ReportingLevel(rawValue: levelRaw) ?? .basic }
        set { levelRaw = newValue.rawValue }
    }
    var gwpSet: GWPSet {
        get { GWPSet(rawValue: gwpSetRaw) ?? .ar5 }
        set { gwpSetRaw = newValue.rawValue }
    }
    var state: InventoryState {
        get { InventoryState(rawValue: stateRaw) ?? .draft }
        set { stateRaw = newValue.rawValue }
    }
    var kind: InventoryKind { InventoryKind(rawValue: kindRaw) ?? .community }
    var airEdition: AirPollutantEdition {
        get { AirPollutantEdition(rawValue: airEditionRaw) ?? .default(forInventoryYear: year) }
        set { airEditionRaw = newValue.rawValue }
    }
}

/// A city-wide total as published elsewhere (CDP, CEADs): not a line-level inventory.
final class ReportedEmission: Model, @unchecked Sendable {
    static let schema = "reported_emissions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "city_id") var city: City
    @Field(key: "year") var year: Int
    @OptionalField(key: "total") var total: Double?
    @OptionalField(key: "scope1") var scope1: Double?
    @OptionalField(key: "scope2") var scope2: Double?
    @OptionalField(key: "scope3") var scope3: Double?
    @Field(key: "basis") var basis: String
    @Field(key: "gases") var gases: String
    @Field(key: "unit") var unit: String
    @Field(key: "source") var source: String
    @OptionalField(key: "source_file") var sourceFile: String?
    @Field(key: "confidence") var confidence: String
    @OptionalField(key: "note") var note: String?

    init() {}

    init(
        cityID: UUID, year: Int, total: Double?, scope1: Double?, scope2: Double?, scope3: Double?, basis: String,
        gases: String, unit: String, source: String, sourceFile: String?, confidence: String, note: String?
    ) {
        self.$city.id = cityID
        self.year = year
        self.total = total
        self.scope1 = scope1
        self.scope2 = scope2
        self.scope3 = scope3
        self.basis = basis
        self.gases = gases
        self.unit = unit
        self.source = source
        self.sourceFile = sourceFile
        self.confidence = confidence
        self.note = note
    }
}
