import FluentKit
import Foundation

/// An indicator framework (its editions hold the items).
final class FrameworkRecord: Model, @unchecked Sendable {
    static let schema = "frameworks"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name_en") var nameEn: String
    /// `Indicators.Framework` as JSON: names, descriptions, source, what is not known.
    @Field(key: "meta") var meta: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(slug: String, nameEn: String, meta: String) {
        self.slug = slug
        self.nameEn = nameEn
        self.meta = meta
    }
}

/// One edition of a framework, stored as its framework file.
final class EditionRecord: Model, @unchecked Sendable {
    static let schema = "framework_editions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "framework_id") var framework: FrameworkRecord
    @Field(key: "version") var version: String
    @Field(key: "state") var stateRaw: String
    @OptionalField(key: "previous_version") var previousVersion: String?
    @Field(key: "csv") var csv: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(frameworkID: UUID, version: String, state: EditionStatus, previousVersion: String?, csv: String, createdBy: UUID?) {
        self.$framework.id = frameworkID
        self.version = version
        self.stateRaw = state.rawValue
        self.previousVersion = previousVersion
        self.csv = csv
        self.createdBy = createdBy
    }

    var state: EditionStatus {
        get { EditionStatus(rawValue: stateRaw) ?? .draft }
        set { stateRaw = newValue.rawValue }
    }
}

/// A city's assessment against one framework edition for one year: the values it entered.
final class AssessmentRecord: Model, @unchecked Sendable {
    static let schema = "assessments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "city_id") var city: City
    @Parent(key: "edition_id") var edition: EditionRecord
    @Field(key: "year") var year: Int
    @Field(key: "state") var stateRaw: String
    @Field(key: "version") var version: Int
    /// The entered values, evidence, comments and exclusions as an `AssessmentCSV` file.
    @Field(key: "values_csv") var valuesCSV: String
    /// Demo data made to show the page, not a city's own assessment: labelled on every page.
    @Field(key: "illustrative") var illustrative: Bool
    @OptionalField(key: "created_by") var createdBy: UUID?
    @OptionalField(key: "submitted_by") var submittedBy: UUID?
    @OptionalField(key: "published_by") var publishedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(cityID: UUID, editionID: UUID, year: Int, valuesCSV: String, illustrative: Bool = false, createdBy: UUID?) {
        self.$city.id = cityID
        self.$edition.id = editionID
        self.year = year
        self.stateRaw = AssessmentState.draft.rawValue
        self.version = 0
        self.valuesCSV = valuesCSV
        self.illustrative = illustrative
        self.createdBy = createdBy
    }

    var state: AssessmentState {
        get { AssessmentState(rawValue: stateRaw) ?? .draft }
        set { stateRaw = newValue.rawValue }
    }
}

/// A named group of cities to compare with (e.g. the Eco-Model Cities), defined by the secretariat.
final class PeerGroupRecord: Model, @unchecked Sendable {
    static let schema = "peer_groups"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    /// Names by language, as JSON.
    @Field(key: "names") var names: String
    @Field(key: "description") var details: String
    /// The member cities' slugs, as a JSON array.
    @Field(key: "cities") var cities: String
    @Field(key: "source") var source: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(slug: String, names: String, details: String, cities: String, source: String) {
        self.slug = slug
        self.names = names
        self.details = details
        self.cities = cities
        self.source = source
    }
}
